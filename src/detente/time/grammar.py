"""The pattern grammar of time expressions and their normalisation against an anchor date.

:func:`scan` finds candidate expressions in plain text with regular expressions built from
the lexicon (``data/time/lexicon.yaml``), keeps the longest non-overlapping ones, resolves
each against the anchor date (and, for year-less and weekday expressions, the tense of the
governing verb supplied by a callback), and joins neighbours into ranges ("from 1917 to
1991") and alternatives ("November or December").
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from .lexicon import Lexicon, holiday_date, load_events, load_lexicon
from .prefilter import LEAD, StartTable, finditer
from .values import (
    add_months,
    century_value,
    decade_value,
    fmt_day,
    fmt_month,
    fmt_quarter,
    fmt_week,
    quarter_of,
    value_to_interval,
)

log = logging.getLogger(__name__)

TenseFn = Callable[[int, int], "str | None"]

#: How far (days) the nearest reading of a year-less day may lie against the clause's tense.
DAY_TOLERANCE = 60
#: The same for year-less months, in months: a past-tense clause rarely means a month
#: three months ahead ("the offer was extended to November" can); a future clause never
#: means a month before the anchor's ("will visit in June" written in September is next June).
MONTH_TOLERANCE = 1
MONTH_TOLERANCE_PAST = 3


@dataclass(frozen=True)
class Norm:
    """A normalised value before it is attached to a span."""

    type: str
    value: str
    values: tuple[str, ...] = ()
    relation: str | None = None
    mod: str | None = None
    basis: str = "absolute"


@dataclass
class Found:
    """A matched and normalised expression: character span plus :class:`Norm`."""

    start: int
    end: int
    norm: Norm
    rule: str
    parts: list[Found] = field(default_factory=list)


class NeedAnchor(Exception):
    """Raised by a handler when the expression cannot be resolved without an anchor date."""


@dataclass(frozen=True)
class Ctx:
    anchor: dt.date | None
    tense: str | None
    lex: Lexicon

    def a(self) -> dt.date:
        if self.anchor is None:
            raise NeedAnchor
        return self.anchor


# --------------------------------------------------------------------------------------------
# Regular-expression building blocks (from the lexicon)
# --------------------------------------------------------------------------------------------


def _alt(words) -> str:
    items = sorted({w.lower() for w in words}, key=len, reverse=True)

    def esc(w: str) -> str:
        return re.escape(w).replace(r"\ ", r"\s+")

    if not all(w and w.isascii() and w[0].isalnum() for w in items):
        return "(?:" + "|".join(esc(w) for w in items) + ")"
    # The same alternation, factored by first letter (each group keeps the words' order): the
    # regex engine then tries one branch per letter at each position instead of every word.
    groups: dict[str, list[str]] = {}
    for w in items:
        groups.setdefault(w[0], []).append(w[1:])
    parts = [esc(c) + (esc(rest[0]) if len(rest) == 1 else "(?:" + "|".join(esc(r) for r in rest) + ")")
             for c, rest in groups.items()]
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Blocks:
    month: str
    weekday: str
    num: str
    vague: str
    ordinal: str
    unit: str
    season: str
    pod: str
    mod: str
    tens_plural: str


_UNIT_FORMS = {
    "year": ("years", "year", "yrs", "yr"), "month": ("months", "month"),
    "week": ("weeks", "week"), "day": ("days", "day"), "hour": ("hours", "hour", "hrs"),
    "minute": ("minutes", "minute", "mins"), "second": ("seconds",),
    "decade": ("decades", "decade"), "century": ("centuries", "century"),
    "quarter": ("quarters", "quarter"), "fortnight": ("fortnights", "fortnight"),
    "weekend": ("weekends", "weekend"),
}


def _unit_key(word: str) -> str:
    w = word.lower()
    for key, forms in _UNIT_FORMS.items():
        if w in forms:
            return key
    raise KeyError(word)


def _blocks(lex: Lexicon) -> Blocks:
    longest = {}
    for name, no in lex.months.items():
        if len(name) > len(longest.get(no, "")):
            longest[no] = name
    full = set(longest.values())
    abbrev = [n for n in lex.months if n not in full]
    month = "(?:" + _alt(abbrev) + r"\.?|" + _alt(full) + r")(?![a-z])"
    weekday = _alt(lex.weekdays)
    single = [w for w in lex.numbers if " " not in w and w not in ("a", "an")]
    numword = _alt(single)
    num = (r"(?:\d+\s+1/2|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + _alt([w for w in lex.numbers if " " in w])
           + "|" + numword + r"(?:[\s-]+(?:and\s+)?" + numword + r")*|an?)")
    forms = [f for k, fs in _UNIT_FORMS.items() if k in lex.units for f in fs]
    unit = _alt(forms) + r"(?![a-z])"
    tens = [w[:-1] + "ies" for w, v in lex.numbers.items() if v in range(20, 100, 10)]
    mods = _alt(lex.modifiers)
    return Blocks(month=month, weekday=weekday, num=num, vague=_alt(lex.vague_numbers),
                  ordinal=r"(?:" + _alt(lex.ordinals) + r"|\d{1,2}(?:st|nd|rd|th))",
                  unit=unit, season=_alt(lex.seasons), pod=_alt(lex.parts_of_day),
                  mod=mods, tens_plural=_alt(tens))


def parse_number(text: str, lex: Lexicon) -> float | None:
    """Value of a number phrase ("two", "twenty-five", "1,000", "2.5"), or None if vague."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in lex.numbers:
        return lex.numbers[t]
    if m := re.fullmatch(r"(\d+)\s+1/2", t):
        return int(m.group(1)) + 0.5
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    total, current = 0, 0
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word in lex.numbers:
            current += lex.numbers[word]
        else:
            return None
    return total + current


def _num_str(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _ord_value(text: str, lex: Lexicon) -> int | None:
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in lex.ordinals:
        return lex.ordinals[t]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", t)
    return int(m.group(1)) if m else None


def _month_no(text: str, lex: Lexicon) -> int:
    return lex.months[text.lower().rstrip(".")]


# --------------------------------------------------------------------------------------------
# Calendar resolution helpers
# --------------------------------------------------------------------------------------------


def resolve_month_year(month: int, ctx: Ctx) -> tuple[int, str]:
    """Year of a year-less month mention (and the basis used)."""
    a = ctx.a()
    y = a.year
    diff = month - a.month
    if diff > 6:
        y, diff = y - 1, diff - 12
    elif diff < -6:
        y, diff = y + 1, diff + 12
    # As for days: the tense wins only when the nearest reading contradicts it by months.
    if ctx.tense == "past" and diff >= MONTH_TOLERANCE_PAST:
        return y - 1, "tense"
    if ctx.tense == "future" and -diff >= MONTH_TOLERANCE:
        return y + 1, "tense"
    return y, ("tense" if ctx.tense in ("past", "future") else "relative")


def resolve_month_day(month: int, day: int, ctx: Ctx) -> tuple[dt.date, str]:
    """Full date of a year-less "September 10" (raises ValueError on impossible dates)."""
    return resolve_yearless(lambda y: dt.date(y, month, day), ctx)


def resolve_yearless(date_in: Callable[[int], dt.date], ctx: Ctx) -> tuple[dt.date, str]:
    """Pick the year of a year-less day (``date_in(year)``): the nearest to the anchor unless
    the clause's tense contradicts that reading by more than :data:`DAY_TOLERANCE` days."""
    a = ctx.a()
    cands = []
    for y in (a.year - 1, a.year, a.year + 1):
        try:
            cands.append(date_in(y))
        except ValueError:
            continue
    if not cands:
        raise ValueError("no such day")
    best = min(cands, key=lambda c: (abs(_calendar_days(c, a)), c > a))
    # The tense overrides the nearest reading only when they disagree by a lot: a past-tense
    # clause can still name a date a few weeks ahead ("the offer was extended to Nov. 16").
    if ctx.tense == "past" and _calendar_days(best, a) > DAY_TOLERANCE:
        past = [c for c in cands if c <= a]
        return (past[-1] if past else best), "tense"
    if ctx.tense == "future" and -_calendar_days(best, a) > DAY_TOLERANCE:
        fut = [c for c in cands if c >= a]
        return (fut[0] if fut else best), "tense"
    return best, ("tense" if ctx.tense in ("past", "future") else "relative")


def _calendar_days(day: dt.date, anchor: dt.date) -> int:
    """Days from ``anchor`` to ``day`` counted on a 365-day calendar, so that which reading of
    a year-less date is nearest never depends on whether a leap day lies in between."""
    def ordinal(d: dt.date) -> int:
        return d.year * 365 + dt.date(2001, d.month, min(d.day, 28 if d.month == 2 else d.day)
                                      ).timetuple().tm_yday
    return ordinal(day) - ordinal(anchor)


def resolve_weekday(wd: int, ctx: Ctx, which: str | None = None) -> tuple[dt.date, str]:
    """Date of a weekday mention: ``which`` = last | next | None (tense decides)."""
    a = ctx.a()
    back = (a.isoweekday() - wd) % 7
    fwd = (wd - a.isoweekday()) % 7
    if which == "last":
        return a - dt.timedelta(days=back or 7), "relative"
    if which == "next":
        return a + dt.timedelta(days=fwd or 7), "relative"
    if ctx.tense == "past":
        return a - dt.timedelta(days=back), "tense"
    if ctx.tense == "future":
        return a + dt.timedelta(days=fwd), "tense"
    if ctx.tense == "present":  # "the summit opens on Thursday": the nearest one
        if fwd < back:
            return a + dt.timedelta(days=fwd), "tense"
        return a - dt.timedelta(days=back), "tense"
    if back <= 4:  # no verb to go by: news mostly reports what happened, lean to the past
        return a - dt.timedelta(days=back), "relative"
    return a + dt.timedelta(days=fwd), "relative"


def _season_bounds(year: int, code: str) -> tuple[dt.date, dt.date]:
    iv = value_to_interval(f"{year:04d}-{code}")
    if iv is None:
        raise ValueError(f"no season {code} in year {year}")
    return iv


def resolve_season(code: str, ctx: Ctx, which: str | None) -> tuple[int, str]:
    a = ctx.a()
    y = a.year
    if code == "WI" and a.month <= 2:
        y -= 1  # January/February belong to the winter that began in December
    if which == "this":
        return y, "relative"
    if which == "last":
        while _season_bounds(y, code)[1] >= a:
            y -= 1
        return y, "relative"
    if which == "next":
        while _season_bounds(y, code)[0] <= a:
            y += 1
        return y, "relative"
    if ctx.tense == "past":
        while _season_bounds(y, code)[0] > a:
            y -= 1
        return y, "tense"
    if ctx.tense == "future":
        while _season_bounds(y, code)[1] < a:
            y += 1
        return y, "tense"
    return y, "relative"


def shift_unit(a: dt.date, unit: str, n: int) -> tuple[str, str]:
    """TIMEX3 value (and precision name) of the period ``n`` units from the anchor's."""
    if unit == "year":
        return f"{a.year + n:04d}", "year"
    if unit == "month":
        y, m = add_months(a.year, a.month, n)
        return fmt_month(y, m), "month"
    if unit in ("week", "fortnight"):
        return fmt_week(a + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))), "week"
    if unit == "weekend":
        return fmt_week(a + dt.timedelta(weeks=n)) + "-WE", "week"
    if unit == "day":
        return fmt_day(a + dt.timedelta(days=n)), "day"
    if unit == "quarter":
        idx = a.year * 4 + quarter_of(a) - 1 + n
        return fmt_quarter(idx // 4, idx % 4 + 1), "quarter"
    if unit == "decade":
        return decade_value(a.year + 10 * n), "decade"
    if unit == "century":
        return century_value(a.year + 100 * n), "century"
    raise KeyError(unit)


def ago_value(a: dt.date, unit: str, n: float) -> str:
    """Value of "n units ago" at the unit's precision."""
    whole = int(n) if float(n).is_integer() else None
    if unit == "year":
        return f"{a.year - (whole if whole is not None else round(n)):04d}"
    if unit == "decade":
        return f"{a.year - 10 * round(n):04d}"
    if unit == "century":
        return century_value(a.year - 100 * round(n))
    if unit == "month":
        y, m = add_months(a.year, a.month, -round(n))
        return fmt_month(y, m)
    if unit in ("week", "fortnight"):
        return fmt_week(a - dt.timedelta(weeks=round(n) * (2 if unit == "fortnight" else 1)))
    if unit == "quarter":
        return shift_unit(a, "quarter", -round(n))[0]
    if unit in ("day", "weekend"):
        return fmt_day(a - dt.timedelta(days=round(n)))
    if unit in ("hour", "minute", "second"):
        return fmt_day(a)
    raise KeyError(unit)


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, P2D, PT5H, PXM (unknown count) ..."""
    count = "X" if n is None else None
    if unit == "decade":
        return "PXY" if n is None else f"P{_num_str(n * 10)}Y"
    if unit == "century":
        return "PXY" if n is None else f"P{_num_str(n * 100)}Y"
    if unit == "fortnight":
        return "PXW" if n is None else f"P{_num_str(n * 2)}W"
    if unit == "weekend":
        return "PXD" if n is None else f"P{_num_str(n * 2)}D"
    code = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q",
            "hour": "H", "minute": "M", "second": "S"}[unit]
    if n is not None and not float(n).is_integer() and float(n * 2).is_integer():
        whole = int(n)
        if unit == "hour":
            return f"PT{whole}H30M" if whole else "PT30M"
        if unit == "year":
            return f"P{whole}Y6M" if whole else "P6M"
        if unit == "day":
            return f"P{whole}DT12H" if whole else "PT12H"
        if unit in ("decade", "century"):
            return f"P{_num_str(n * (10 if unit == 'decade' else 100))}Y"
        if unit == "month" and not whole:
            return "P2W"
    amount = count or _num_str(n)
    if unit in ("hour", "minute", "second"):
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------

Handler = Callable[[re.Match, Ctx], "Norm | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    handler: Handler
    #: "year", "month", "weekday", "word": ambiguous alone; checked against context/NER.
    ambiguous: str | None = None
    #: A regular expression the text just before the match must match (e.g. a preposition).
    before: re.Pattern | None = None
    #: A cheap pattern the whole text must contain for the rule to be tried at all.
    requires: re.Pattern | None = None


_TRIGGER_BEFORE = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|of|from|to|before|after|during|through|throughout|"
    r"between|and|or|fiscal|early|late|mid|last|this|next|until|for|at|the|around|about|"
    r"circa|c\.|than|year|early-|late-|mid-)\s*|[(,–—-]\s*)$", re.IGNORECASE)


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _pos_mod(m: re.Match, ctx: Ctx) -> str | None:
    p = _g(m, "pos")
    if not p:
        return None
    key = re.sub(r"[\s-]+", " ", p.lower()).strip()
    return ctx.lex.positions.get(key)


def _mod_of(m: re.Match, ctx: Ctx, kind: str) -> str | None:
    p = _g(m, "mod")
    if not p:
        return _pos_mod(m, ctx)
    key = re.sub(r"\s+", " ", p.lower()).strip()
    return ctx.lex.modifiers.get(key, {}).get(kind)


def _year_of(text: str) -> int:
    return int(text)


def _rel_year(word: str, ctx: Ctx) -> int:
    w = word.lower()
    a = ctx.a()
    if w.startswith(("this", "the current", "current")):
        return a.year
    if w.startswith(("last", "the previous", "previous", "the past", "past")):
        return a.year - 1
    if w.startswith(("next", "the coming", "coming", "the following", "following")):
        return a.year + 1
    raise KeyError(word)


_REL_YEAR = r"(?:this|last|next|the\s+current|the\s+previous|the\s+coming|the\s+following)"
_YEAR = r"(?<![\d$£€.,/:])(?<!\d-)(?P<year>1[0-9]\d\d|20\d\d)(?![\d,]\d|\.\d|\s*%|-(?:year|month|day|[a-z]+ed\b))"


def build_rules(lex: Lexicon) -> list[Rule]:
    b = _blocks(lex)
    M, WD, N, U = b.month, b.weekday, b.num, b.unit
    ORD = b.ordinal
    DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:,.]\d|\s*%)"
    DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]\d)"
    DASH = r"\s*(?:-|–|—|to|and|through)\s*"
    POS = r"(?:(?P<pos>" + _alt(k for k in lex.positions if k not in ("earlier", "later")) + r")[\s-]+)?"
    MOD = r"(?:(?P<mod>" + b.mod + r")\s+)?"
    YEAR = _YEAR
    rules: list[Rule] = []

    # A word a text must contain for a rule to be tried at all: a cheap search per text that
    # spares running the rule's (slower) pattern over texts it cannot match.
    months_w = r"\b" + _alt(lex.months)
    units_w = r"\b(?:year|month|week|day|hour|minute|second|decade|centur|quarter|fortnight)"
    requires = {
        **dict.fromkeys(("month_day_year", "day_month_year", "month_day", "day_month",
                         "month_ordinal", "month_year", "month_rel_year", "rel_year_month",
                         "month_rel", "month_bare"), months_w),
        **dict.fromkeys(("weekday", "pod_weekday", "wd_at_clock", "weekday_plural"),
                        r"\b" + _alt(lex.weekdays)),
        **dict.fromkeys(("iso_date", "us_numeric_date", "year", "fiscal_year", "year_bc",
                         "year_span", "q_year", "year_q", "clock24"), r"\d"),
        "decade": r"\d0'?s|ties\b", "year_words": r"nineteen|eighteen|thousand",
        "year_ago_adj": r"year[\s-](?:ago|earlier)", "latest_period": r"period",
        "year_period": r"\d\s+(?:quarter|period)",
        "century": r"century", "century_half": r"century", "half": r"half",
        "half_poss": r"half", "quarter": r"quarter", "quarter_poss": r"quarter",
        "rel_quarter": r"quarter",
        **dict.fromkeys(("season_year", "year_season", "season_rel", "season_the",
                         "season_bare"), r"\b" + _alt(lex.seasons)),
        "named_day": r"today|yesterday|tomorrow|tonight|night|morning|afternoon|evening",
        "pod_named_day": r"today|yesterday|tomorrow", "holiday": _alt(lex.holidays),
        "weekend": r"weekend", "rel_unit": units_w, "pos_rel_unit": r"earl|late|mid",
        "earlier_in_year": r"earlier|later", "year_end": r"end", "pos_of_unit": r"\bthe\b",
        "ago": r"\b(?:ago|earlier|back|now|hence)\b", "ago_unit": r"\b(?:ago|earlier)\b",
        "anchored": r"\b(?:after|before)\b",
        "that_year": r"\bthat\s+(?:same\s+)?year",
        **dict.fromkeys(("duration", "duration_half", "duration_bare", "duration_coming",
                         "recent_units"), units_w),
        "duration_adj": r"-(?:year|month|week|day|hour|minute|decade)",
        "duration_long": r"long", "future_units": r"future|coming", "n_months": r"months",
        "fiscal_year_rel": r"fiscal", "set_word": _alt(lex.sets),
        "every": r"\b(?:every|each|per)\b", "clock": r"[ap]\.?\s?m\b|noon|midnight|midday",
    }

    def add(name: str, pattern: str, handler: Handler, ambiguous: str | None = None,
            before: str | None = None) -> None:
        rx = re.compile(LEAD + pattern + r"(?![\w])", re.IGNORECASE)
        req = requires.get(name)
        rules.append(Rule(name, rx, handler, ambiguous,
                          re.compile(before, re.IGNORECASE) if before else None,
                          re.compile(req, re.IGNORECASE) if req else None))

    # ---- absolute dates -------------------------------------------------------------------
    def full_date(m: re.Match, ctx: Ctx) -> Norm | None:
        y = int(m.group("year"))
        mo = _month_no(m.group("month"), ctx.lex)
        d1 = dt.date(y, mo, int(m.group("day")))
        mod = _pos_mod(m, ctx)
        if _g(m, "day2"):
            mo2 = _month_no(m.group("month2"), ctx.lex) if _g(m, "month2") else mo
            d2 = dt.date(y, mo2, int(m.group("day2")))
            if d2 <= d1:
                return None
            return Norm("DATE", fmt_day(d1), (fmt_day(d1), fmt_day(d2)), "range", mod)
        return Norm("DATE", fmt_day(d1), mod=mod)

    add("month_day_year", POS + rf"(?:{WD},?\s+)?(?P<month>{M})\s+{DAY}(?:{DASH}(?:(?P<month2>{M})\s+)?{DAY2})?"
        rf",?\s+(?:of\s+)?{YEAR}", full_date)
    add("day_month_year", POS + rf"(?:{WD},?\s+)?(?:the\s+)?{DAY}(?:{DASH}{DAY2})?\s+(?:of\s+)?(?P<month>{M}),?\s+{YEAR}",
        full_date)

    def iso_date(m: re.Match, ctx: Ctx) -> Norm | None:
        d = dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
        return Norm("DATE", fmt_day(d))

    add("iso_date", r"(?P<y>1[5-9]\d\d|20\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)", iso_date)

    def numeric_date(m: re.Match, ctx: Ctx) -> Norm | None:
        y = int(m.group("y"))
        if y < 100:
            y += 1900 if y >= 50 else 2000
        d = dt.date(y, int(m.group("mo")), int(m.group("d")))
        return Norm("DATE", fmt_day(d))

    add("us_numeric_date", r"(?P<mo>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})", numeric_date)

    def month_day(m: re.Match, ctx: Ctx) -> Norm | None:
        mo = _month_no(m.group("month"), ctx.lex)
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return None
        mod = _pos_mod(m, ctx)
        if ctx.anchor is None:
            dt.date(2000, mo, day)
            return Norm("DATE", f"XXXX-{mo:02d}-{day:02d}", mod=mod, basis="tense")
        d1, basis = resolve_month_day(mo, day, ctx)
        if _g(m, "day2"):
            mo2 = _month_no(m.group("month2"), ctx.lex) if _g(m, "month2") else mo
            d2 = dt.date(d1.year + (1 if mo2 < mo else 0), mo2, int(m.group("day2")))
            if d2 <= d1:
                return None
            return Norm("DATE", fmt_day(d1), (fmt_day(d1), fmt_day(d2)), "range", mod, basis)
        return Norm("DATE", fmt_day(d1), mod=mod, basis=basis)

    add("month_day", POS + rf"(?:{WD},?\s+)?(?P<month>{M})\s+{DAY}(?:{DASH}(?:(?P<month2>{M})\s+)?{DAY2})?",
        month_day, ambiguous="month")
    add("day_month", POS + rf"(?:{WD},?\s+)?(?:the\s+)?{DAY}(?:{DASH}{DAY2})?\s+(?:of\s+)?(?P<month>{M})",
        month_day, ambiguous="month")
    add("month_ordinal", rf"(?P<month>{M})\s+(?:the\s+)?(?P<dayw>{_alt(lex.ordinals)})",
        lambda m, ctx: _month_ordinal(m, ctx), ambiguous="month")

    def month_year(m: re.Match, ctx: Ctx) -> Norm | None:
        mo = _month_no(m.group("month"), ctx.lex)
        if _g(m, "year"):
            y, basis = int(m.group("year")), "absolute"
        else:
            y, basis = _rel_year(m.group("rel"), ctx), "relative"
        return Norm("DATE", fmt_month(y, mo), mod=_pos_mod(m, ctx), basis=basis)

    add("month_year", POS + rf"(?P<month>{M}),?\s+(?:of\s+)?{YEAR}", month_year)
    add("month_rel_year", POS + rf"(?P<month>{M}),?\s+(?:of\s+)?(?P<rel>{_REL_YEAR}\s+year)", month_year)
    add("rel_year_month", POS + rf"(?P<rel>this|last|next)\s+year'?s\s+(?P<month>{M})",
        month_year)

    def month_only(m: re.Match, ctx: Ctx) -> Norm | None:
        mo = _month_no(m.group("month"), ctx.lex)
        which = (_g(m, "which") or "").lower().replace("  ", " ")
        mod = _pos_mod(m, ctx)
        if ctx.anchor is None:
            if which:
                raise NeedAnchor
            return Norm("DATE", f"XXXX-{mo:02d}", mod=mod, basis="tense")
        a = ctx.anchor
        if which in ("this", "this coming", "this past"):
            y, basis = a.year, "relative"
            if which == "this past" and mo > a.month:
                y -= 1
            if which == "this coming" and mo < a.month:
                y += 1
        elif which == "last":
            y, basis = (a.year if mo < a.month else a.year - 1), "relative"
        elif which == "next":
            y, basis = (a.year if mo > a.month else a.year + 1), "relative"
        else:
            y, basis = resolve_month_year(mo, ctx)
        return Norm("DATE", fmt_month(y, mo), mod=mod, basis=basis)

    add("month_rel", POS + rf"(?P<which>this\s+(?:coming|past)|this|last|next)\s+(?P<month>{M})",
        month_only)
    add("month_bare", POS + rf"(?P<month>{M})(?![^\S\n]*\d|\s*\d+(?!\d)(?![^\S\n]*(?:[.)\]:]|[-–—])\s))", month_only, ambiguous="month")

    def year_only(m: re.Match, ctx: Ctx) -> Norm | None:
        y = int(m.group("year"))
        return Norm("DATE", f"{y:04d}", mod=_mod_of(m, ctx, "date"))

    add("year", POS + YEAR, year_only, ambiguous="year")
    add("fiscal_year", POS + rf"(?:(?:the\s+)?fiscal(?:\s+year)?|FY)\s*'?{YEAR}", year_only)
    add("year_bc", rf"{YEAR}\s*(?:AD|A\.D\.)", year_only)

    def year_span(m: re.Match, ctx: Ctx) -> Norm | None:
        y1 = int(m.group("year"))
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 <= y1:
            return None
        return Norm("DATE", f"{y1:04d}", (f"{y1:04d}", f"{y2:04d}"), "range")

    add("year_span", rf"{YEAR}\s*[-–—]\s*(?P<y2>1[0-9]\d\d|20\d\d|\d\d)(?!\d)", year_span)

    def year_words(m: re.Match, ctx: Ctx) -> Norm | None:
        if _g(m, "thousand"):
            rest = parse_number(m.group("rest2"), ctx.lex) if _g(m, "rest2") else 0
            return Norm("DATE", f"{2000 + int(rest or 0):04d}")
        c = ctx.lex.numbers[m.group("c").lower()]
        rest = parse_number(m.group("rest"), ctx.lex)
        if rest is None or not 10 <= rest <= 99:
            return None
        return Norm("DATE", f"{c * 100 + int(rest):04d}")

    TEN_TO_99 = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|"
                 r"four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 r"sixteen|seventeen|eighteen|nineteen)")
    add("year_words", r"(?:the\s+year\s+)?(?:(?P<c>eighteen|nineteen)\s+(?P<rest>" + TEN_TO_99
        + r")|(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<rest2>" + TEN_TO_99
        + r"|one|two|three|four|five|six|seven|eight|nine))?)(?![\s-]+(?:people|dollars|troops|"
        + r"years|months|days|hours|times|of|percent|miles))", year_words)

    def year_ago_adj(m: re.Match, ctx: Ctx) -> Norm | None:
        if _g(m, "period"):
            return Norm("DATE", shift_unit(ctx.a(), "quarter", -5)[0], basis="relative")
        return Norm("DATE", f"{ctx.a().year - 1:04d}", basis="relative")

    add("year_ago_adj", r"(?:the\s+)?(?:comparable\s+)?year[\s-](?:ago|earlier)(?:\s+(?P<period>period))?"
        r"(?=\s+(?:period|results|quarter|profit|loss|net|sales|revenue|earnings|level|figures?|"
        r"income|total|months?)\b|$)", year_ago_adj)
    def year_period(m: re.Match, ctx: Ctx) -> Norm | None:
        # "the 1988 quarter" / "the 1988 period" in results news: the latest completed
        # quarter's counterpart in that year.
        q = int(shift_unit(ctx.a(), "quarter", -1)[0][-1])
        return Norm("DATE", fmt_quarter(int(m.group("year")), q), basis="relative")

    add("year_period", rf"the\s+{YEAR}\s+(?:quarter|period)(?!s)", year_period)
    add("latest_period", r"the\s+(?:latest|most\s+recent)\s+period", lambda m, ctx: Norm(
        "DATE", shift_unit(ctx.a(), "quarter", -1)[0], basis="relative"))

    # ---- decades and centuries ------------------------------------------------------------
    def decade(m: re.Match, ctx: Ctx) -> Norm | None:
        if _g(m, "dec"):
            y = int(m.group("dec"))
        elif _g(m, "dec2"):
            y = 1900 + int(m.group("dec2"))
        else:
            word = m.group("decw").lower()
            tens = {w[:-1] + "ies": v for w, v in ctx.lex.numbers.items()
                    if v in range(20, 100, 10)}
            y = 1900 + tens[word]
        return Norm("DATE", decade_value(y), mod=_pos_mod(m, ctx))

    add("decade", r"(?:the\s+)?" + POS + r"(?:(?P<dec>1[0-9]\d0|20\d0)'?s|'(?P<dec2>\d0)s|"
        + rf"(?P<decw>{b.tens_plural}))", decade)

    def century(m: re.Match, ctx: Ctx) -> Norm | None:
        if _g(m, "which"):
            n = {"this": 0, "last": -1, "next": 1, "the last": -1, "the next": 1,
                 "the current": 0, "the previous": -1}[re.sub(r"\s+", " ", m.group("which").lower())]
            value = century_value(ctx.a().year + 100 * n)
            basis = "relative"
        else:
            n = _ord_value(m.group("ord"), ctx.lex)
            if not n or n > 21:
                return None
            value, basis = f"{n - 1:02d}", "absolute"
        half = (_g(m, "half") or "").lower()
        mod = _pos_mod(m, ctx)
        if half:
            mod = "START" if half.startswith("first") else "END"
        return Norm("DATE", value, mod=mod, basis=basis)

    add("century", r"(?:(?P<half>first|second|latter)\s+half\s+of\s+)?(?:the\s+)?" + POS
        + rf"(?:(?P<ord>{ORD})|(?P<which>this|last|next|the\s+current|the\s+previous))[\s-]+century",
        century)
    add("century_half", r"the\s+(?P<half>first|second|latter)\s+half\s+of\s+(?:the\s+)?"
        + rf"(?:(?P<ord>{ORD})|(?P<which>this|last|next))[\s-]+century", century)

    # ---- halves, quarters, seasons ---------------------------------------------------------
    def year_ref(m: re.Match, ctx: Ctx) -> tuple[int, str]:
        if _g(m, "year"):
            return int(m.group("year")), "absolute"
        rel = _g(m, "rel")
        if rel:
            return _rel_year(rel, ctx), "relative"
        return ctx.a().year, "relative"

    OF_YEAR = rf"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?{YEAR}|(?P<rel>{_REL_YEAR})\s+(?:fiscal\s+)?year|the\s+(?:fiscal\s+)?year))?"
    YEAR_POSS = rf"(?:(?:the\s+)?{YEAR}\s+|(?P<rel>this|last|next)\s+year'?s\s+)"

    def half(m: re.Match, ctx: Ctx) -> Norm | None:
        w = m.group("h").lower()
        h = 1 if w.startswith("first") else 2
        y, basis = year_ref(m, ctx)
        return Norm("DATE", f"{y:04d}-H{h}", basis=basis)

    add("half", rf"(?:the\s+)?(?P<h>first|second|last|latter|final)[\s-]+half(?:\s+of)?{OF_YEAR}", half)
    add("half_poss", rf"{YEAR_POSS}(?P<h>first|second)[\s-]+half", half)

    def quarter(m: re.Match, ctx: Ctx) -> Norm | None:
        w = m.group("q").lower()
        q = {"final": 4, "last": 4}.get(w) or _ord_value(w, ctx.lex)
        if not q or q > 4:
            return None
        if _g(m, "year") or _g(m, "rel"):
            y, basis = year_ref(m, ctx)
        else:
            a = ctx.a()
            y, basis = a.year, "relative"
            if q > quarter_of(a) and ctx.tense != "future" and (q - quarter_of(a)) >= 2:
                y -= 1
        mod = _pos_mod(m, ctx)
        return Norm("DATE", fmt_quarter(y, q), mod=mod, basis=basis)

    QWORD = r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)"
    add("quarter", r"(?:(?:the|its|their|a)\s+)?" + POS + r"(?:fiscal[\s-]+)?" + QWORD
        + r"(?:[\s-]+fiscal)?[\s-]+quarter" + OF_YEAR, quarter)
    add("quarter_poss", YEAR_POSS + r"(?:fiscal\s+)?" + QWORD + r"[\s-]+quarter", quarter)

    def quarter_q(m: re.Match, ctx: Ctx) -> Norm | None:
        return Norm("DATE", fmt_quarter(int(m.group("year")), int(m.group("qn"))))

    add("q_year", rf"Q(?P<qn>[1-4])\s*{YEAR}", quarter_q)
    add("year_q", rf"{YEAR}\s*Q(?P<qn>[1-4])", quarter_q)

    def rel_quarter(m: re.Match, ctx: Ctx) -> Norm | None:
        w = re.sub(r"\s+", " ", m.group("w").lower())
        a = ctx.a()
        n = {"this": 0, "the current": 0, "current": 0, "last": -1, "the last": -1,
             "the previous": -1, "previous": -1, "the past": -1, "next": 1, "the next": 1,
             "the coming": 1, "the latest": -1, "the most recent": -1, "the": -1,
             "the same": -1, "the year-ago": -5, "the year-earlier": -5, "year-ago": -5,
             "year-earlier": -5, "the comparable year-ago": -5, "the comparable": -5,
             "the year ago": -5}.get(w)
        if n is None:
            return None
        value, _ = shift_unit(a, "quarter", n)
        return Norm("DATE", value, basis="relative")

    add("rel_quarter", r"(?P<w>this|the\s+current|current|last|the\s+last|the\s+previous|previous|"
        r"next|the\s+next|the\s+coming|the\s+latest|the\s+most\s+recent|the\s+comparable\s+year-ago|"
        r"the\s+year-ago|the\s+year-earlier|year-ago|year-earlier|the\s+comparable|the)\s+"
        r"(?:fiscal\s+)?quarter(?!s)", rel_quarter, ambiguous="word")

    def season(m: re.Match, ctx: Ctx) -> Norm | None:
        code = ctx.lex.seasons[m.group("season").lower()]
        mod = _pos_mod(m, ctx)
        if _g(m, "year") or _g(m, "rel"):
            y, basis = year_ref(m, ctx)
        else:
            which = (_g(m, "which") or "").lower()
            which = re.sub(r"\s+", " ", which)
            which = {"this past": "last", "this coming": "next", "the past": "last",
                     "the coming": "next", "the next": "next", "the last": "last"}.get(which, which)
            if ctx.anchor is None:
                if which:
                    raise NeedAnchor
                return Norm("DATE", f"XXXX-{code}", mod=mod, basis="tense")
            y, basis = resolve_season(code, ctx, which or None)
        return Norm("DATE", f"{y:04d}-{code}", mod=mod, basis=basis)

    SEASON = rf"(?P<season>{b.season})"
    add("season_year", r"(?:the\s+)?" + POS + SEASON + rf"(?:\s+of)?\s+(?:{YEAR}|(?P<rel>{_REL_YEAR})\s+year)",
        season)
    add("year_season", rf"(?:{YEAR}|(?P<rel>this|last|next)\s+year'?s)\s+" + SEASON, season)
    add("season_rel", POS + r"(?P<which>this\s+past|this\s+coming|this|last|next|the\s+past|"
        r"the\s+coming|the\s+next|the\s+last)\s+" + SEASON, season)
    NOT_SEASON = (r"(?![\s-]+(?:of|session|term|semester|offensive|collection|games|olympics|"
                  r"school|break|holidays?|recess|camp|festival|months?)\b)")
    add("season_the", r"the\s+" + POS + SEASON + NOT_SEASON, season)
    add("season_bare", POS + SEASON + NOT_SEASON, season,
        before=r"(?:\b(?:in|during|by|until|since|through|over|for|this|that|all|early|late|mid)\s+)$")

    # ---- named days -----------------------------------------------------------------------
    def named_day(m: re.Match, ctx: Ctx) -> Norm | None:
        w = re.sub(r"\s+", " ", m.group("nd").lower())
        offs = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                "the day after tomorrow": 2, "tonight": 0, "last night": -1,
                "this morning": 0, "this afternoon": 0, "this evening": 0,
                "this time yesterday": -1, "earlier today": 0, "later today": 0,
                "overnight": 0}
        a = ctx.a()
        d = a + dt.timedelta(days=offs[w])
        pod = _g(m, "pod")
        if w in ("tonight", "last night"):
            pod = "night"
        elif w.startswith("this ") and w != "this time yesterday":
            pod = w.split()[1]
        mod = _pos_mod(m, ctx)
        if w == "earlier today":
            mod = "START"
        if pod:
            return Norm("TIME", fmt_day(d) + "T" + ctx.lex.parts_of_day[pod.lower()], mod=mod,
                        basis="relative")
        return Norm("DATE", fmt_day(d), mod=mod, basis="relative")

    ND = (r"(?P<nd>today|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+"
          r"tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today|"
          r"later\s+today)")
    add("named_day", r"(?:(?P<pos>early|late|earlier|later|mid)[\s-]+)?" + ND
        + rf"(?:\s+(?P<pod>{b.pod}))?", named_day)
    add("pod_named_day", rf"(?:(?P<pos>early|late|mid)[\s-]*)?(?P<pod>{b.pod})\s+"
        + r"(?P<nd>today|yesterday|tomorrow)", named_day)

    def holiday(m: re.Match, ctx: Ctx) -> Norm | None:
        spec = ctx.lex.holidays[re.sub(r"\s+", " ", m.group("hol").lower().replace("’", "'"))]
        if _g(m, "year"):
            return Norm("DATE", fmt_day(holiday_date(spec, int(m.group("year")))))
        which = (_g(m, "which") or "").lower()
        if ctx.anchor is None:
            if which or len(spec) != 2:
                raise NeedAnchor
            return Norm("DATE", f"XXXX-{spec[0]:02d}-{spec[1]:02d}", basis="tense")
        a = ctx.anchor
        if which == "last":
            y = a.year if holiday_date(spec, a.year) < a else a.year - 1
            return Norm("DATE", fmt_day(holiday_date(spec, y)), basis="relative")
        if which == "next":
            y = a.year if holiday_date(spec, a.year) > a else a.year + 1
            return Norm("DATE", fmt_day(holiday_date(spec, y)), basis="relative")
        if which == "this":
            return Norm("DATE", fmt_day(holiday_date(spec, a.year)), basis="relative")
        d, basis = resolve_yearless(lambda y: holiday_date(spec, y), ctx)
        return Norm("DATE", fmt_day(d), basis=basis)

    hol_alt = _alt(lex.holidays).replace("'", "['’]")
    add("holiday", rf"(?:(?P<which>last|next|this)\s+)?(?P<hol>{hol_alt})(?:\s+{YEAR})?", holiday)

    # ---- weekdays -------------------------------------------------------------------------
    def weekday(m: re.Match, ctx: Ctx) -> Norm | None:
        wd = ctx.lex.weekdays[m.group("wd").lower()]
        which = re.sub(r"\s+", " ", (_g(m, "which") or "").lower())
        which = {"this past": "last", "the previous": "last", "this coming": "next",
                 "the coming": "next", "the following": "next", "the next": "next",
                 "this": ""}.get(which, which)
        pod = _g(m, "pod") or _g(m, "pod2")
        mod = _pos_mod(m, ctx)
        if ctx.anchor is None:
            if which:
                raise NeedAnchor
            value = f"XXXX-WXX-{wd}"
            basis = "tense"
        else:
            d, basis = resolve_weekday(wd, ctx, which or None)
            value = fmt_day(d)
        if pod:
            return Norm("TIME", value + "T" + ctx.lex.parts_of_day[pod.lower()], mod=mod,
                        basis=basis)
        return Norm("DATE", value, mod=mod, basis=basis)

    WHICH_WD = (r"(?:(?P<which>this\s+past|this\s+coming|the\s+previous|the\s+coming|the\s+following|"
                r"the\s+next|this|last|next)\s+)?")
    add("weekday", r"(?:(?P<pos>early|late|mid|earlier|later)[\s-]+)?" + WHICH_WD
        + rf"(?P<wd>{WD})(?!s\b)(?:\s+(?P<pod>{b.pod}))?", weekday, ambiguous="weekday")
    add("pod_weekday", rf"(?:(?P<pos>early|late|mid)[\s-]*)?(?P<pod2>{b.pod})\s+(?:of\s+|on\s+)?"
        + WHICH_WD + rf"(?P<wd>{WD})", weekday)

    # ---- weekends ---------------------------------------------------------------------------
    def weekend(m: re.Match, ctx: Ctx) -> Norm | None:
        a = ctx.a()
        which = re.sub(r"\s+", " ", (_g(m, "which") or "the").lower())
        if which in ("last", "this past", "the past", "the previous"):
            d = a - dt.timedelta(weeks=1)
        elif which in ("next", "the coming", "this coming", "the next", "the following"):
            d = a + dt.timedelta(weeks=1) if a.isoweekday() >= 6 else a
        elif which == "this":
            d = a
        else:  # "the weekend": tense decides
            if ctx.tense == "future":
                d = a
            elif ctx.tense == "past" or a.isoweekday() <= 3:
                d = a if a.isoweekday() >= 6 else a - dt.timedelta(weeks=1)
            else:
                d = a
        return Norm("DATE", fmt_week(d) + "-WE", basis="relative")

    add("weekend", r"(?P<which>the|this\s+past|this\s+coming|this|last|next|the\s+past|the\s+coming|"
        r"the\s+previous|the\s+following|the\s+next)\s+weekend(?!s)", weekend)

    # ---- relative periods ------------------------------------------------------------------
    def rel_unit(m: re.Match, ctx: Ctx) -> Norm | None:
        which = re.sub(r"\s+", " ", m.group("which").lower())
        unit = _unit_key(m.group("unit"))
        n = {"this": 0, "the current": 0, "current": 0, "the present": 0, "last": -1,
             "the last": -1, "past": -1, "the past": -1, "this past": -1, "the previous": -1,
             "previous": -1, "next": 1, "the next": 1, "the coming": 1, "this coming": 1,
             "coming": 1, "the following": 1, "following": 1, "the same": 0}[which]
        if unit in ("decade", "century") and n != 0:
            return Norm("DURATION", duration_value(1, unit), basis="relative")
        if unit in ("hour", "minute", "second"):
            return None
        # "the following day", "the previous week" count from the story's reference time,
        # which the anchor (the publication date) stands in for.
        value, _ = shift_unit(ctx.a(), unit, n)
        mod = _pos_mod(m, ctx)
        return Norm("DATE", value, mod=mod, basis="relative")

    WHICH_U = (r"(?P<which>this\s+past|this\s+coming|this|the\s+current|current|the\s+present|last|"
               r"the\s+last|past|the\s+past|the\s+previous|previous|next|the\s+next|the\s+coming|coming|"
               r"the\s+following|following|the\s+same)")
    add("rel_unit", POS + WHICH_U + r"\s+(?:fiscal\s+|calendar\s+)?"
        + r"(?P<unit>year|month|week|day|quarter|decade|century|fortnight)(?![\w-])", rel_unit)

    def earlier_this(m: re.Match, ctx: Ctx) -> Norm | None:
        unit = _unit_key(m.group("unit"))
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        n = {"this": 0, "last": -1, "next": 1, "the": 0}[rel]
        value, _ = shift_unit(ctx.a(), unit, n)
        return Norm("DATE", value, mod=_pos_mod(m, ctx), basis="relative")

    add("pos_rel_unit", r"(?P<pos>earlier|later|early|late|mid)[\s-]+(?:in\s+)?(?P<rel>this|last|next|the)\s+"
        r"(?P<unit>year|month|week|quarter|decade|century)(?![\w-])", earlier_this)

    def year_end(m: re.Match, ctx: Ctx) -> Norm | None:
        rel = (_g(m, "rel") or _g(m, "rel2") or "").lower()
        if _g(m, "year"):
            y = int(m.group("year"))
        elif rel:
            y = _rel_year(rel, ctx)
        else:
            a = ctx.a()
            # Early in a year, a past-tense "by the end of the year" is the year just ended.
            y = a.year - 1 if ctx.tense == "past" and a.month <= 2 else a.year
        return Norm("DATE", f"{y:04d}", mod="END", basis="absolute" if _g(m, "year") else "relative")

    add("year_end", r"(?:(?P<rel>this|last|next)\s+)?year['’]?s[\s-]+end|(?:the\s+)?year[\s-]+end(?![\w-])|"
        r"the\s+end\s+of\s+(?:the\s+)?(?:(?P<rel2>this|last|next)\s+)?year", year_end)

    def end_of_unit(m: re.Match, ctx: Ctx) -> Norm | None:
        unit = _unit_key(m.group("unit"))
        rel = (_g(m, "rel") or "this").lower()
        n = {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
        value, _ = shift_unit(ctx.a(), unit, n)
        return Norm("DATE", value, mod=_pos_mod(m, ctx), basis="relative")

    add("pos_of_unit", r"(?P<pos>the\s+(?:end|beginning|start|middle|close)\s+of)\s+(?P<rel>this|last|next|the)\s+"
        r"(?P<unit>year|month|week|quarter|decade)(?![\w-])", end_of_unit)

    add("earlier_in_year", r"(?P<pos>earlier|later)\s+in\s+(?P<rel>the|this)\s+year", lambda m, ctx: Norm(
        "DATE", f"{ctx.a().year:04d}", mod=_pos_mod(m, ctx), basis="relative"))

    # "that year", "later that year": the year last named in the text before it; :func:`scan`
    # fills the year in (see :func:`_anchor_to_named_year`) or drops the expression.
    add("that_year", r"(?:(?P<pos>earlier|later|early|late|mid)[\s-]+(?:in\s+)?)?that\s+(?:same\s+)?year"
        r"(?![\w-])", lambda m, ctx: Norm("DATE", _NAMED_YEAR, mod=_pos_mod(m, ctx), basis="anchored"))

    # ---- ago / earlier / from now ------------------------------------------------------------
    def ago(m: re.Match, ctx: Ctx) -> Norm | None:
        unit = _unit_key(m.group("unit"))
        nt = _g(m, "n")
        n = parse_number(nt, ctx.lex) if nt else None
        a = ctx.a()
        direction = m.group("dir").lower()
        mod = _mod_of(m, ctx, "date")
        if _g(m, "orso"):
            mod = "APPROX"
        if n is None:
            ref = "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF"
            return Norm("DATE", ref, mod=mod, basis="relative")
        if direction in ("ago", "earlier", "before", "back"):
            return Norm("DATE", ago_value(a, unit, n), mod=mod, basis="relative")
        if unit == "year":
            value = f"{a.year + round(n):04d}"
        elif unit == "month":
            y, mo = add_months(a.year, a.month, round(n))
            value = fmt_month(y, mo)
        elif unit == "week":
            value = fmt_week(a + dt.timedelta(weeks=round(n)))
        elif unit == "day":
            value = fmt_day(a + dt.timedelta(days=round(n)))
        elif unit == "decade":
            value = f"{a.year + 10 * round(n):04d}"
        else:
            return None
        return Norm("DATE", value, mod=mod, basis="relative")

    NUMV = rf"(?:(?P<n>{N})|(?P<vague>{b.vague}))"
    add("ago", MOD + NUMV + rf"\s+{U}".replace(U, f"(?P<unit>{U})") + r"(?P<orso>\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|back|from\s+now|hence)(?!\s+than\b)", ago)
    add("ago_unit", MOD + r"(?P<unit>year|month|week|day|decade)s\s+(?P<dir>ago|earlier)(?!\s+than\b)",
        lambda m, ctx: Norm("DATE", "PAST_REF", basis="relative"))

    # ---- anchored to a dated event -----------------------------------------------------------
    events = load_events()
    if events:
        ev_alt = "(?:" + "|".join(f"(?:{e.pattern})" for e in events) + ")"

        def anchored(m: re.Match, ctx: Ctx) -> Norm | None:
            phrase = re.sub(r"\s+", " ", m.group("event").lower())
            ev = next((e for e in events if re.fullmatch(e.pattern, phrase, re.IGNORECASE)), None)
            if ev is None:
                return None
            unit = _unit_key(m.group("unit"))
            n = parse_number(m.group("n"), ctx.lex)
            if n is None or unit not in ("year", "month", "week", "day", "decade"):
                return None
            sign = 1 if m.group("dir").lower() == "after" else -1
            k = round(n) * sign

            def at(d: dt.date) -> str:
                if unit in ("year", "decade"):
                    return f"{d.year + k * (10 if unit == 'decade' else 1):04d}"
                if unit == "month":
                    y, mo = add_months(d.year, d.month, k)
                    return fmt_month(y, mo)
                if unit == "week":
                    return fmt_week(d + dt.timedelta(weeks=k))
                return fmt_day(d + dt.timedelta(days=k))

            v1 = at(ev.date)
            mod = _mod_of(m, ctx, "date")
            if ev.alt_date and at(ev.alt_date) != v1:
                return Norm("DATE", v1, (v1, at(ev.alt_date)), "alternative", mod, "anchored")
            return Norm("DATE", v1, mod=mod, basis="anchored")

        add("anchored", MOD + rf"(?P<n>{N})\s+(?P<unit>{U})\s+(?P<dir>after|before)\s+(?:the\s+)?"
            + rf"(?P<event>{ev_alt})", anchored)

    # ---- durations ---------------------------------------------------------------------------
    def duration(m: re.Match, ctx: Ctx) -> Norm | None:
        unit = _unit_key(m.group("unit"))
        nt = _g(m, "n")
        n = parse_number(nt, ctx.lex) if nt else None
        if nt and n is None:
            return None
        if n is not None and (n == 0 or (unit not in ("year", "century") and n >= 1000)):
            return None
        if unit == "quarter" and re.match(r"\s*(?:of|-)", m.string[m.end():]):
            return None  # "a quarter of the vote", "quarter-to-quarter"
        if nt and nt.lower() in ("a", "an") and _RATE_BEFORE.search(
                m.string[max(0, m.start() - 40):m.start()]):
            return None  # a rate, not a length of time: "$1.76 a year", "700 seats a week"
        value = duration_value(n, unit)
        if _g(m, "half"):
            value = duration_value((n or 1) + 0.5, unit) if n is not None else value
        return Norm("DURATION", value, mod=_mod_of(m, ctx, "duration"), basis="absolute")

    NOT_AGE = (r"(?![\s-]+(?:old|older|younger|of\s+age|and\s+(?:older|younger|over|under|"
               r"above|below))\b)(?!-)")
    add("duration", r"(?:(?:the|a|an|each\s+of\s+the)\s+)?" + MOD
        + r"(?:(?:past|last|next|coming|first|previous|following|latest|final|additional|further|"
        + r"full|entire|whole|remaining|year-earlier|same)\s+)?" + NUMV
        + r"(?:\s+(?:more|additional|further|long))?"
        + rf"\s+(?P<unit>{U})(?P<half>\s+and\s+a\s+half)?" + NOT_AGE, duration)
    add("duration_adj", MOD + rf"(?P<n>{N})-(?P<unit>year|month|week|day|hour|minute|decade)(?:-long)?"
        + r"(?![\w-])", duration)

    add("duration_half", MOD + rf"half\s+an?\s+(?P<unit>{U})" + NOT_AGE, lambda m, ctx: Norm(
        "DURATION", duration_value(0.5, _unit_key(m.group("unit"))),
        mod=_mod_of(m, ctx, "duration")))
    add("duration_long", r"(?P<unit>day|week|month|year)[\s-]?long(?![\w-])", lambda m, ctx: Norm(
        "DURATION", duration_value(1, _unit_key(m.group("unit")))))

    def duration_bare(m: re.Match, ctx: Ctx) -> Norm | None:
        unit = _unit_key(m.group("unit"))
        return Norm("DURATION", duration_value(None, unit), basis="absolute")

    add("duration_bare", r"(?P<unit>years|months|weeks|days|decades|hours|centuries)", duration_bare,
        before=r"(?:\b(?:for|over|within|took|take|takes|taken|lasted|last|lasts|spent|spend)\s+)$")
    add("duration_coming", r"(?:the\s+)?(?:coming|next\s+few|last\s+few|past\s+few)\s+(?P<unit>years|months|"
        r"weeks|days|decades)|the\s+(?P<unit2>years|months|weeks|days|decades)\s+ahead",
        lambda m, ctx: Norm("DURATION", duration_value(None, _unit_key(m.group("unit") or m.group("unit2"))),
                            basis="relative"))

    # ---- references --------------------------------------------------------------------------
    def reference(m: re.Match, ctx: Ctx) -> Norm | None:
        key = re.sub(r"\s+", " ", m.group("ref").lower())
        return Norm("DATE", ctx.lex.references[key], basis="relative")

    add("reference", rf"(?P<ref>{_alt(lex.references)})(?!\s+as\b|\s+after\b|\s+thereafter\b)",
        reference, ambiguous="word", before=r"(?<!\bas\s)(?<!\bas)$")
    add("recent_units", r"(?:recent|past|the\s+past|the\s+recent)\s+(?P<unit>years|months|weeks|days|decades)",
        lambda m, ctx: Norm("DURATION", duration_value(None, _unit_key(m.group("unit"))),
                            basis="relative"))
    add("future_units", r"(?:future|the\s+coming)\s+(?:quarters|generations)",
        lambda m, ctx: Norm("DATE", "FUTURE_REF", basis="relative"))

    # ---- quarters and months of the fiscal year as durations ----------------------------------
    add("n_months", r"the\s+(?:first\s+|latest\s+|past\s+|last\s+)?(?P<n>six|nine|three|twelve)\s+months",
        lambda m, ctx: Norm("DURATION", duration_value(parse_number(m.group("n"), ctx.lex), "month")))
    add("fiscal_year_rel", r"(?:the\s+)?(?P<rel>this|current|last|next|the\s+current|the\s+latest|the)\s+"
        r"fiscal\s+year", lambda m, ctx: _fiscal_rel(m, ctx))

    # ---- sets --------------------------------------------------------------------------------
    add("set_word", rf"(?P<s>{_alt(lex.sets)})", lambda m, ctx: Norm(
        "SET", ctx.lex.sets[m.group("s").lower()]), ambiguous="adverb")

    def every(m: re.Match, ctx: Ctx) -> Norm | None:
        if _g(m, "wd"):
            wd = ctx.lex.weekdays[m.group("wd").lower()]
            return Norm("SET", f"XXXX-WXX-{wd}")
        if _g(m, "pod"):
            return Norm("SET", "XXXX-XX-XXT" + ctx.lex.parts_of_day[m.group("pod").lower()])
        unit = _unit_key(m.group("unit"))
        return Norm("SET", duration_value(1, unit))

    add("every", rf"(?:every|each|per)\s+(?:(?P<wd>{WD})|(?P<pod>{b.pod})|"
        r"(?P<unit>year|month|week|day|quarter|hour|decade))", every)
    add("weekday_plural", rf"(?P<wd>{WD})s", every, before=r"(?:\bon\s+)$")

    # ---- times of day ------------------------------------------------------------------------
    def clock(m: re.Match, ctx: Ctx) -> Norm | None:
        if _g(m, "noon"):
            w = m.group("noon").lower()
            h, mi = (12, 0) if w in ("noon", "midday") else (24, 0)
        else:
            h = int(m.group("h"))
            mi = int(m.group("mi") or 0)
            ampm = (_g(m, "ampm") or "").lower().replace(".", "").replace(" ", "")
            if ampm.startswith("p") and h < 12:
                h += 12
            elif ampm.startswith("a") and h == 12:
                h = 0
            if h > 24 or mi > 59:
                return None
        day = None
        if _g(m, "wd"):
            day = fmt_day(resolve_weekday(ctx.lex.weekdays[m.group("wd").lower()], ctx)[0]) \
                if ctx.anchor else f"XXXX-WXX-{ctx.lex.weekdays[m.group('wd').lower()]}"
        elif _g(m, "nd"):
            off = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("nd").lower()]
            day = fmt_day(ctx.a() + dt.timedelta(days=off))
        elif _g(m, "month"):
            mo = _month_no(m.group("month"), ctx.lex)
            day = fmt_day(resolve_month_day(mo, int(m.group("day")), ctx)[0]) \
                if ctx.anchor else f"XXXX-{mo:02d}-{int(m.group('day')):02d}"
        else:
            day = fmt_day(ctx.a())
        mod = _mod_of(m, ctx, "date")
        return Norm("TIME", f"{day}T{h:02d}:{mi:02d}", mod=mod,
                    basis="relative" if not _g(m, "month") else "tense")

    TZ = r"(?:\s*\(?(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|MST|MDT|BST|CET|local\s+time)\)?)?"
    CLOCK = (r"(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)|(?P<h24>)"
             r"(?P<noon>noon|midday|midnight))")
    CLOCK24 = r"(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)\s*(?:GMT|UTC|hours|hrs|local\s+time)"
    DAYPART = (rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WD})|(?P<nd>today|yesterday|tomorrow)|"
               rf"(?P<month>{M})\s+{DAY}))?")
    add("clock", r"(?:(?P<mod>about|around|approximately|shortly\s+after|shortly\s+before|"
        r"just\s+after|just\s+before)\s+)?" + CLOCK + TZ + DAYPART, clock)
    add("clock24", CLOCK24 + DAYPART, clock)
    add("wd_at_clock", rf"(?P<wd>{WD})\s+at\s+" + CLOCK + TZ, clock)

    return rules


_RATE_BEFORE = re.compile(
    r"(?:\d|%|\bpercent|\bmillion|\bbillion|\btrillion|\bthousand|\btimes|\btwice|\bonce)"
    r"\S*(?:\s+[a-z]+){0,2}\s+$", re.IGNORECASE)


def _month_ordinal(m: re.Match, ctx: Ctx) -> Norm | None:
    mo = _month_no(m.group("month"), ctx.lex)
    day = ctx.lex.ordinals.get(re.sub(r"\s+", " ", m.group("dayw").lower()))
    if not day:
        return None
    if ctx.anchor is None:
        return Norm("DATE", f"XXXX-{mo:02d}-{day:02d}", basis="tense")
    d, basis = resolve_month_day(mo, day, ctx)
    return Norm("DATE", fmt_day(d), basis=basis)


def _fiscal_rel(m: re.Match, ctx: Ctx) -> Norm | None:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    a = ctx.a()
    y = {"this": 0, "current": 0, "the current": 0, "the": 0, "the latest": 0, "last": -1,
         "next": 1}[rel] + a.year
    return Norm("DATE", f"{y:04d}", basis="relative")


@functools.lru_cache(maxsize=1)
def default_rules() -> tuple[Rule, ...]:
    return tuple(build_rules(load_lexicon()))


@functools.lru_cache(maxsize=1)
def _start_table() -> StartTable:
    """Where each of :func:`default_rules` may start in a text (see :mod:`.prefilter`)."""
    return StartTable([rule.regex for rule in default_rules()])


# --------------------------------------------------------------------------------------------
# Scanning
# --------------------------------------------------------------------------------------------

Gate = Callable[[Rule, re.Match, str], bool]

#: Below this length (a phrase to normalise) the rules are run over the whole text: finding
#: their start positions would cost more than it saves.
_SHORT_TEXT = 120

_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|to|until|till|through|thru|and)\s*$", re.IGNORECASE)
_ALT_SEP = re.compile(r"^\s*,?\s*or\s*$", re.IGNORECASE)
_RANGE_INTRO = re.compile(r"(?:\b(?:from|between))\s*$", re.IGNORECASE)


def _lenient_gate(rule: Rule, m: re.Match, text: str) -> bool:
    """Gate for isolated phrases (normalise): refuse only lower-case 'may'/'march' as months."""
    return not (rule.ambiguous == "month" and m.group("month").lower() in ("may", "march")
                and m.group("month").islower()
                and not _TRIGGER_BEFORE.search(text[:m.start()]))


def scan(
    text: str,
    anchor: dt.date | None,
    tense_at: TenseFn | None = None,
    gate: Gate | None = None,
    combine: bool = True,
    *,
    prefilter: bool = True,
) -> list[Found]:
    """Every time expression in ``text`` normalised against ``anchor`` (sorted by offset).

    ``prefilter`` tries each rule only where its first characters occur (see
    :mod:`.prefilter`) in texts of :data:`_SHORT_TEXT` characters or more; the result is the
    same as trying it at every position (``False``).
    """
    lex = load_lexicon()
    gate = gate or _lenient_gate
    starts = _start_table().candidates(text) if prefilter and len(text) >= _SHORT_TEXT else None
    cands: list[tuple[int, int, int, Rule, re.Match]] = []
    for prio, rule in enumerate(default_rules()):
        positions = starts[prio] if starts is not None else None
        if positions is None:
            if rule.requires is not None and not rule.requires.search(text):
                continue
            matches: Iterator[re.Match] = rule.regex.finditer(text)
        else:
            # The rule's own positions first: most rules have no match in a text, and then
            # the (whole-text) search for the word the rule requires is not needed.
            matches = finditer(rule.regex, text, positions)
            first = next(matches, None)
            if first is None or (rule.requires is not None and not rule.requires.search(text)):
                continue
            matches = itertools.chain((first,), matches)
        for m in matches:
            s, e = m.span()
            if e <= s:
                continue
            if rule.before is not None and not rule.before.search(text[max(0, s - 40):s]):
                continue
            if _LIST_MARKER_IN.search(m.group(0)) and _is_list_marker(text, m):
                continue
            if not gate(rule, m, text):
                continue
            cands.append((s, e, prio, rule, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    for s, e, _prio, rule, m in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        tense = tense_at(s, e) if tense_at else None
        ctx = Ctx(anchor, tense, lex)
        try:
            norm = rule.handler(m, ctx)
        except NeedAnchor:
            continue
        except (ValueError, KeyError, OverflowError) as exc:
            log.debug("rule %s could not normalise %r: %s", rule.name, m.group(0), exc)
            continue
        if norm is None:
            continue
        s2, e2 = _trim(text, s, e)
        taken.append((s, e))
        found.append(Found(s2, e2, norm, rule.name))
    found.sort(key=lambda f: f.start)
    found = _anchor_to_named_year(text, found)
    return _combine(text, found) if combine else found


#: Placeholder value of "that year" until :func:`_anchor_to_named_year` fills the year in.
_NAMED_YEAR = "XXXX-NAMED"
#: Rules whose match states its year in digits ("in 1956", "May 2016", "12 June 2014").
_EXPLICIT_YEAR_RULES = frozenset({
    "month_day_year", "day_month_year", "iso_date", "month_year", "year", "fiscal_year",
    "year_bc", "season_year", "year_season", "half_poss", "quarter_poss", "q_year", "year_q"})
#: "the following year", "the same year": counted from the year last named, when there is one.
_FOLLOWING_YEAR = re.compile(r"(?:^|\s)(?:the\s+)?(?P<w>following|same|previous)\s+year$", re.IGNORECASE)


def _anchor_to_named_year(text: str, found: list[Found]) -> list[Found]:
    """Resolve "that year" / "later that year" to the year last named in digits before it,
    and "the following year" / "the same year" / "the previous year" from that year instead of the anchor's
    (basis ``anchored``); "that year" with no year named before it is dropped."""
    out: list[Found] = []
    named: int | None = None
    for f in found:
        n = f.norm
        if n.value == _NAMED_YEAR:
            if named is not None:
                out.append(replace(f, norm=replace(n, value=f"{named:04d}")))
            continue
        m = _FOLLOWING_YEAR.search(text[f.start:f.end]) if f.rule == "rel_unit" else None
        if m and named is not None:
            y = named + {"following": 1, "previous": -1}.get(m.group("w").lower(), 0)
            out.append(replace(f, norm=replace(n, value=f"{y:04d}", basis="anchored")))
            named = y
            continue
        out.append(f)
        if f.rule in _EXPLICIT_YEAR_RULES and re.match(r"\d{4}(?!\d)", n.value):
            named = int(n.value[:4])
    return out


#: A line break followed by a bare number of one or two digits: the number may be a
#: list marker ("2 – The two countries ...", "3) ...", "4. ...") rather than a day.
_LIST_MARKER_IN = re.compile(r"\n[^\S\n]*\d{1,2}(?!\d)")
#: What follows a list marker's number: a dash, period or closing bracket, then a space.
_LIST_MARKER_AFTER = re.compile(r"^(?:st|nd|rd|th)?[^\S\n]*(?:[.)\]:]|[-–—])(?=\s)")


def _is_list_marker(text: str, m: re.Match) -> bool:
    """True when the match runs across a line break onto a numbered-list marker: a bare
    number starting its line and followed by a dash, period or bracket is an item number,
    never the day of a month that ended the line before."""
    for lm in _LIST_MARKER_IN.finditer(m.group(0)):
        end = m.start() + lm.end()
        tail = text[end:end + 6]
        if _LIST_MARKER_AFTER.match(tail):
            return True
    return False


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " ,.;:'’\t\n" and not re.search(r"\b[ap]\.m\.$|\.\w\.$", text[s:e], re.IGNORECASE):
        if text[e - 1] == "." and re.search(r"\b(?:[A-Z][a-z]{2,3}|Sept)\.$", text[s:e]):
            break
        e -= 1
    while s < e and text[s] in " ,\t\n":
        s += 1
    return s, e


def _combine(text: str, found: list[Found]) -> list[Found]:
    """Join "A to B", "from A to B", "between A and B" (range) and "A or B" (alternative)."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        f = found[i]
        if i + 1 < len(found):
            g = found[i + 1]
            between = text[f.end:g.start]
            both_dates = (f.norm.type == g.norm.type == "DATE"
                          and value_to_interval(f.norm.value) is not None
                          and value_to_interval(g.norm.value) is not None
                          and not f.norm.relation and not g.norm.relation)
            intro = _RANGE_INTRO.search(text[max(0, f.start - 12):f.start])
            sep_and = between.strip().lower() == "and"
            if both_dates and _RANGE_SEP.match(between) and (not sep_and or intro):
                a_iv = value_to_interval(f.norm.value)
                b_iv = value_to_interval(g.norm.value)
                if a_iv and b_iv and a_iv[0] <= b_iv[1]:
                    out.append(Found(f.start, g.end, replace(
                        f.norm, values=(f.norm.value, g.norm.value), relation="range"),
                        "range", [f, g]))
                    i += 2
                    continue
            if both_dates and _ALT_SEP.match(between):
                out.append(Found(f.start, g.end, replace(
                    f.norm, values=(f.norm.value, g.norm.value), relation="alternative"),
                    "alternative", [f, g]))
                i += 2
                continue
        out.append(f)
        i += 1
    return out
