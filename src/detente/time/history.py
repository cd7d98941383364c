"""Dating by historical anchors: "seized after the Second World War", "since the collapse of the
Soviet Union", "annexed in WW-II", "at the end of the Cold War".

These phrases name no calendar date and TimeML does not mark them as time expressions, so
they are kept out of :func:`detente.time.find_timexes` (and out of the TempEval-3 scores).
The event coder uses them when an event's own clause has no time expression.

Two data tables under ``detente/data/time/``: ``events.tsv`` (point events, shared with the
"71 years after the end of the Second World War" rule) and ``periods.tsv`` (periods with a
start and an end). Values:

* ``after`` / ``following`` / ``since`` a period or an event: the year the period ended or the
  event happened (mod ``AFTER`` / ``START``) — "which the USSR took after the Second World
  War" is 1945;
* ``at`` / ``upon`` / ``in`` / ``during`` / ``with`` an event: its year;
* ``in`` / ``during`` / ``throughout`` a period: the smallest year or decade that covers at
  least 90% of the period (the Second World War is ``194X``); a longer period gives nothing
  (the Cold War: no honest single value).

An event with an alternative date in another year ("the end of the Cold War": 1991 or 1989)
gives both years as alternatives, as the anchored rule of the grammar does.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..errors import ConfigError
from ..records import TimeExpression
from .lexicon import _data_dir, keyed_pattern_rows, load_events
from .values import decade_value

__all__ = ["Period", "find_historical_anchors", "load_periods", "parse_periods", "period_value"]

#: Share of a period's days a year or decade must cover to stand for the whole period.
COVERAGE = 0.9


@dataclass(frozen=True)
class Period:
    """A historical period with its first and last day."""

    key: str
    pattern: str
    start: dt.date
    end: dt.date
    note: str


def parse_periods(text: str, file: str = "periods.tsv") -> tuple[Period, ...]:
    """Validate the period table; raise :class:`ConfigError` naming file and line."""
    out: list[Period] = []
    for lineno, key, pattern, start_s, end_s, note in keyed_pattern_rows(
            text, file, ("key", "pattern", "start", "end")):
        try:
            start, end = dt.date.fromisoformat(start_s), dt.date.fromisoformat(end_s)
        except ValueError as exc:
            raise ConfigError(f"dates for {key} must be YYYY-MM-DD: {exc}", file=file,
                              line=lineno) from exc
        if end < start:
            raise ConfigError(f"period {key} ends before it starts", file=file, line=lineno)
        out.append(Period(key, pattern, start, end, note))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def load_periods() -> tuple[Period, ...]:
    """The packaged table of historical periods (loaded once)."""
    path = _data_dir() / "periods.tsv"
    return parse_periods(path.read_text(encoding="utf-8"), file=str(path))


def period_value(start: dt.date, end: dt.date) -> str | None:
    """The TIMEX3 value standing for a period: its year, else the decade covering at least
    :data:`COVERAGE` of its days, else ``None``."""
    if start.year == end.year:
        return f"{start.year:04d}"
    days = (end - start).days + 1
    for year in {start.year, end.year}:
        first, last = dt.date(year - year % 10, 1, 1), dt.date(year - year % 10 + 9, 12, 31)
        covered = (min(end, last) - max(start, first)).days + 1
        if covered >= COVERAGE * days:
            return decade_value(year)
    return None


_AFTER = {"after": "AFTER", "following": "AFTER", "since": "START"}
_AT = {"at", "upon", "in", "during", "with", "throughout"}


@functools.lru_cache(maxsize=1)
def _matcher() -> re.Pattern:
    events = "|".join(f"(?:{e.pattern})" for e in load_events())
    periods = "|".join(f"(?:{p.pattern})" for p in load_periods())
    preps = "|".join(sorted(_AFTER.keys() | _AT, key=len, reverse=True))
    return re.compile(
        rf"\b(?P<prep>{preps})\s+(?:the\s+)?(?:(?P<event>{events})|(?P<period>{periods}))"
        r"(?![\w-])", re.IGNORECASE)


def _which(items, phrase: str):
    phrase = re.sub(r"\s+", " ", phrase.lower())
    return next((x for x in items if re.fullmatch(x.pattern, phrase, re.IGNORECASE)), None)


def find_historical_anchors(text: str) -> list[TimeExpression]:
    """Every "PREPOSITION (the) HISTORICAL EVENT/PERIOD" phrase of ``text`` that gives a date,
    as a DATE :class:`TimeExpression` with basis ``historical`` (offsets into ``text``; the
    span starts at the preposition)."""
    out: list[TimeExpression] = []
    for m in _matcher().finditer(text):
        prep = m.group("prep").lower()
        mod = _AFTER.get(prep)
        values: tuple[str, ...] = ()
        if m.group("event"):
            ev = _which(load_events(), m.group("event"))
            if ev is None:
                continue
            value = f"{ev.date.year:04d}"
            if ev.alt_date is not None and ev.alt_date.year != ev.date.year:
                values = (value, f"{ev.alt_date.year:04d}")
        else:
            period = _which(load_periods(), m.group("period"))
            if period is None:
                continue
            if mod is not None:
                value = f"{period.end.year:04d}"
            elif (v := period_value(period.start, period.end)) is not None:
                value = v
            else:
                continue
        out.append(TimeExpression(
            start=m.start(), end=m.end(), text=m.group(0), type="DATE", value=value,
            precision="decade" if value.endswith("X") else "year", values=values,
            relation="alternative" if values else None, mod=mod, basis="historical"))
    return out
