"""TIMEX3 values: calendar arithmetic, formatting, intervals and precision.

A value such as ``2018-09``, ``2018-W37``, ``2018-Q3``, ``2018-H2``, ``2018-SU``, ``1945`` or
``196X`` denotes a period; :func:`value_to_interval` gives its first and last day so that other
stages can compare dates at a shared precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

#: Meteorological seasons (northern hemisphere): first month and length in months.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PRECISIONS = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century",
              "none")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` shifted by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_date(day: dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """``day`` shifted by calendar years/months (clamped to month end) and days."""
    y, m = add_months(day.year, day.month, years * 12 + months)
    last = calendar.monthrange(y, m)[1] if 1 <= y <= 9999 else 28
    return dt.date(y, m, min(day.day, last)) + dt.timedelta(days=days)


def fmt_day(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(day: dt.date) -> str:
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def fmt_quarter(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def decade_value(year: int) -> str:
    return f"{year // 10:03d}X"


def century_value(year: int) -> str:
    return f"{year // 100:02d}"


def value_to_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a TIMEX3 date value, or ``None`` if it has no calendar span.

    >>> value_to_interval("2018-Q3")
    (datetime.date(2018, 7, 1), datetime.date(2018, 9, 30))
    """
    if not isinstance(value, str):
        return None
    v = value.strip()
    try:
        if m := _DAY.match(v):
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d
        if m := _MONTH.match(v):
            y, mo = int(m.group(1)), int(m.group(2))
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _WEEK.match(v):
            y, w = int(m.group(1)), int(m.group(2))
            monday = dt.date.fromisocalendar(y, w, 1)
            if m.group(3):
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := _QUARTER.match(v):
            y, q = int(m.group(1)), int(m.group(2))
            first = 3 * (q - 1) + 1
            return dt.date(y, first, 1), dt.date(y, first + 2,
                                                 calendar.monthrange(y, first + 2)[1])
        if m := _HALF.match(v):
            y, h = int(m.group(1)), int(m.group(2))
            return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (
                dt.date(y, 7, 1), dt.date(y, 12, 31))
        if m := _SEASON.match(v):
            y, s = int(m.group(1)), m.group(2)
            start = dt.date(y, SEASON_START[s], 1)
            ey, em = add_months(y, SEASON_START[s], 2)
            return start, dt.date(ey, em, calendar.monthrange(ey, em)[1])
        if m := _YEAR.match(v):
            y = int(m.group(1))
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if (m := _DECADE.match(v)) and (v.endswith("X") or len(v) == 3):
            d = int(m.group(1)) * 10
            return dt.date(max(d, 1), 1, 1), dt.date(d + 9, 12, 31)
        if m := _CENTURY.match(v):
            c = int(m.group(1)) * 100
            return dt.date(max(c, 1), 1, 1), dt.date(c + 99, 12, 31)
    except (ValueError, OverflowError):
        return None
    return None


def precision_of(value: str) -> str:
    """The precision of a TIMEX3 value: day, week, month, season, quarter, half, year, decade,
    century, or ``none`` (durations, references, underspecified values)."""
    if not isinstance(value, str):
        return "none"
    v = value.strip()
    if _DAY.match(v):
        return "day"
    if _MONTH.match(v):
        return "month"
    if _WEEK.match(v):
        return "week"
    if _QUARTER.match(v):
        return "quarter"
    if _HALF.match(v):
        return "half"
    if _SEASON.match(v):
        return "season"
    if _YEAR.match(v):
        return "year"
    if _DECADE.match(v) and (v.endswith("X") or len(v) == 3):
        return "decade"
    if _CENTURY.match(v):
        return "century"
    return "none"
