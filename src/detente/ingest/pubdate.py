"""Publication date of an article: stated (metadata, dateline) or inferred from its content.

Bases (``Article.publication_date_basis``):

* ``metadata`` — given with the input (JSONL ``date``, HTML meta tags); window 0.
* ``text`` — a dateline near the top of the text ("17 September 2018", "June 14, 2018 ...",
  "Published on ...", "TOKYO, June 14, 2018 —") or a page timestamp in the first lines (a
  full date followed by a clock time and zone, "Sun Feb 20, 2011 6:47 pm EST"); window 0.
* ``inferred`` — nothing states it, so it is inferred from what the article refers to:

  - every date, month, year and month-day the text mentions, split into *past* references
    (the article was written after them) and *upcoming* ones (a future marker such as
    "will", "scheduled", "planned", "upcoming" precedes them in the same sentence);
  - "N years after/since <year or dated event>" and "Nth anniversary of <event>";
  - "in December of this year", "later this year", "the second half of this year";
  - references to the dated events in ``data/ingest/reference_events.yaml`` (past: the
    article is later; announced as upcoming: the article is earlier — for a repeated event
    the occurrence consistent with the rest of the evidence is taken).

  A bare year ("since 1972") counts only when it is mentioned twice; a date ending a range
  or a deadline ("until Dec. 31, 1994", "2018 to 2021") is treated as pointing forward.
  The article's year is the latest year referred to as past (raised to the year of an
  announced upcoming event when "this year" ties them together); undated month-days take
  that year. The lower bound L is the latest past reference; the upper bound is the earliest
  upcoming reference after L, capped at L + 10 days for a day-precise L (articles report
  recent events), the month's end + 10 days for a month, the year's end for a year. The
  estimate is the middle of [L, upper] and ``publication_date_window_days`` its half-width
  (the true date is expected within ± window days of the estimate).
* ``unknown`` — nothing to go on: date and window are None.

Self-contained on purpose (regular expressions only); :mod:`detente.time` is the full
time-expression normaliser used on article sentences.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from detente.errors import ConfigError

from ._data import compile_patterns, data_path, load_yaml, parse_date

log = logging.getLogger(__name__)

#: Days after a day-precise latest reference in which an article is assumed to appear.
REPORTING_LAG_DAYS = 10
#: Only the start of a very long text is searched for references (articles are far shorter).
MAX_INFER_CHARS = 200_000

_MONTH_NUM = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|"
        r"APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)")
_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
}
_NUMW = "|".join(_NUM_WORDS)

_FULL_DMY = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[–-]\s*\d{{1,2}})?\s+(?:of\s+)?(?P<mon>{_MON})\.?,?"
    rf"\s+(?P<y>\d{{4}})\b")
_FULL_MDY = re.compile(
    rf"\b(?P<mon>{_MON})\.?\s+(?:\d{{1,2}}\s*[–-]\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
    rf"(?P<y>\d{{4}})\b")
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_MON})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})\b")
_MONTH_THIS_YEAR = re.compile(
    rf"\b(?P<mon>{_MON})\s+(?:of\s+)?this\s+year\b|\bthis\s+(?:coming\s+)?(?P<mon2>{_MON})\b")
_LATER_THIS_YEAR = re.compile(
    r"\b(?:later this year|by (?:the )?end of (?:this|the) year|by (?:this )?year['’]s end|"
    r"(?:second|latter) half of this year|this year['’]s end)\b", re.IGNORECASE)
_THIS_MONTH = re.compile(r"\b(?:later |earlier )?this month\b", re.IGNORECASE)
_MONTH_DAY = re.compile(
    rf"\b(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[–-]?\s*\d|,?\s+\d{{4}})")
_DAY_MONTH = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\b(?!\.?,?\s+\d{{4}})")
_YEAR = re.compile(r"(?<![\d$£€.,/:-])(?P<y>(?:1[89]|20)\d{2})(?![\d%]|s\b|-\d|/|,\d)")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|from|before|after|during|early|late|mid|around|for|year|and|"
    r"between|as of|circa|c\.)|[,(])\s*$", re.IGNORECASE)
# A date that ends a range or a deadline ("2018 to 2021", "until Dec. 31, 1994", "into 1990")
# points forward: it is kept as an upcoming reference, never as evidence of the past.
_YEAR_RANGE_END = re.compile(
    r"\b(?:to|until|till|through|thru|into|by|beyond|by the end of)\s*$|[–-]\s*$",
    re.IGNORECASE)
_YEAR_AFTER = re.compile(r"^\s*(?:[,.;:)]|$|(?:and|to|when|as|at|until|onwards?)\b|[–-])",
                         re.IGNORECASE)
_YEARS_AFTER = re.compile(
    rf"\b(?:(?:nearly|almost|about|some|over|more than|around|exactly|roughly|just)\s+)?"
    rf"(?P<n>\d{{1,3}}|{_NUMW})\s+years\s+(?:after|since)\s+(?P<tail>[^.;]{{0,90}})",
    re.IGNORECASE)
_ANNIVERSARY = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?P<tail>[^.;]{0,90})", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are|was|were)\s+(?:scheduled|set|due|expected|slated|planned|going)"
    r"\s+to|scheduled|slated|upcoming|forthcoming|planned|planning|plans|expected|next|"
    r"to be held|intends?\s+to|hopes?\s+to)\b|['’]ll\b", re.IGNORECASE)
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth")
_ORDINAL_BEFORE = re.compile(
    rf"\b(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{'|'.join(_ORDINALS)}))\s+(?:annual\s+)?\Z",
    re.IGNORECASE)
_PAST_VERB = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )\b(?:said|told|confirmed|announced|met|held|made|"
    r"took|came|went|gave|wrote|[a-z]{3,}ed)\b")
_SENT_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_CONTEXT_CHARS = 80
_EVENT_AFTER_CHARS = 25

# Datelines: "17 September 2018", "June 14, 2018 Asia , Europe", "Published on Mon, ...",
# "2018-06-14", "TOKYO, June 14, 2018 -"
_DATELINE_PREFIX = re.compile(
    r"^(?:(?:published|updated|posted|first published|last updated|date|dated)(?:\s+on)?:?\s+)?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?",
    re.IGNORECASE)
_DATELINE_CITY = re.compile(r"^[A-Z][A-Za-z .'-]{1,30},\s+")


@dataclass(frozen=True)
class PubDate:
    date: dt.date | None
    basis: str  # metadata | text | inferred | unknown
    window_days: int | None = None


@dataclass(frozen=True)
class ReferenceEvent:
    id: str
    patterns: tuple[re.Pattern[str], ...]
    dates: tuple[dt.date, ...]
    years_after: bool = False
    editions: bool = False  # dates[0] is the 1st edition: "the 4th <event>" is dates[3]


@dataclass(frozen=True)
class _Ref:
    """One dated reference found in the text."""

    start: int
    kind: str  # full|month|year|years_after|month_day|this_year_month|this_year|this_month|event
    upcoming: bool
    year: int | None = None
    month: int | None = None
    day: int | None = None
    event: ReferenceEvent | None = None


def _month(name: str) -> int:
    return _MONTH_NUM[name[:3].lower()]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


@lru_cache(maxsize=4)
def load_reference_events(path: Path | None = None) -> tuple[ReferenceEvent, ...]:
    """Load and validate the dated reference events (errors name file and line)."""
    path = path or data_path("reference_events.yaml")
    data, lines = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ConfigError("expected a mapping with an 'events' list", file=str(path), line=1)
    out: list[ReferenceEvent] = []
    seen: set[str] = set()
    for i, entry in enumerate(data["events"]):
        key = ("events", str(i))
        line = lines.get(key)
        if not isinstance(entry, dict):
            raise ConfigError("each event must be a mapping", file=str(path), line=line)
        unknown = set(entry) - {"id", "patterns", "dates", "years_after", "editions"}
        if unknown:
            raise ConfigError(f"unknown keys {sorted(unknown)} (allowed: id, patterns, dates, "
                              "years_after, editions)", file=str(path), line=line)
        eid = entry.get("id")
        if not isinstance(eid, str) or not eid or eid in seen:
            raise ConfigError(f"event id missing or duplicated: {eid!r}", file=str(path), line=line)
        seen.add(eid)
        patterns = compile_patterns(entry.get("patterns"), path, lines, key + ("patterns",))
        raw_dates = entry.get("dates")
        if not isinstance(raw_dates, list) or not raw_dates:
            raise ConfigError(f"event {eid}: 'dates' must be a non-empty list", file=str(path),
                              line=line)
        dates = tuple(sorted(parse_date(d, path, lines.get(key + ("dates",), line))
                             for d in raw_dates))
        out.append(ReferenceEvent(eid, tuple(patterns), dates, bool(entry.get("years_after")),
                                  bool(entry.get("editions"))))
    return tuple(out)


def parse_date_value(value: object) -> dt.date | None:
    """A metadata date (``2018-06-14``, ``2018-06-14T10:00:00Z``, ``June 14, 2018`` ...)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    s = value.strip()
    m = _ISO.match(s)
    if m:
        return _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    for rx in (_FULL_DMY, _FULL_MDY):
        m = rx.search(s)
        if m:
            return _safe_date(int(m["y"]), _month(m["mon"]), int(m["d"]))
    if not re.search(r"\d{4}", s):
        return None  # no year: not a publication date
    m = re.match(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b", s)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(s).date()  # RFC 2822: "Thu, 14 Jun 2018 10:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        pass
    try:
        import dateparser  # slow import; only for unusual metadata strings
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    try:
        parsed = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first",
                                               "REQUIRE_PARTS": ["year", "month", "day"]})
    except (ValueError, OverflowError, TypeError) as exc:
        log.debug("unparseable date %r: %s", s, exc)
        return None
    return parsed.date() if parsed else None


def parse_dateline(line: str) -> tuple[dt.date, bool] | None:
    """A dateline at the start of a line → (date, whole_line_is_metadata).

    ``whole_line_is_metadata`` is False when the date opens a body paragraph
    ("TOKYO, June 14, 2018 — Japan said ...") whose text must be kept.
    """
    s = line.strip().strip("*_")
    rest = _DATELINE_PREFIX.sub("", s, count=1)
    city = _DATELINE_CITY.match(rest)
    candidates = [rest] + ([rest[city.end():]] if city else [])
    for cand in candidates:
        for rx in (_FULL_DMY, _FULL_MDY, _ISO):
            m = rx.match(cand)
            if not m:
                continue
            month = int(m["m"]) if "m" in m.groupdict() and m.groupdict().get("m") else _month(
                m["mon"])
            d = _safe_date(int(m["y"]), month, int(m["d"]))
            if d is None or not 1800 <= d.year <= dt.date.today().year + 1:
                continue
            tail = cand[m.end():]
            words = len(line.split())
            body = words > 25 and bool(re.search(r"[.!?][\"”’]?\s*$", tail))
            return d, not body
    return None


_CLOCK = re.compile(
    r"\s*(?:[,|–-]\s*)?(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:GMT|UTC|EST|EDT|ET|PST|PDT|BST|CET|CEST|MSK|JST|IST|[+-]\d{2}:?\d{2})\b"
    r"|\s+(?:Last\s+)?updated\b", re.IGNORECASE)
#: How far into a text a page timestamp ("Sun Feb 20, 2011 6:47 pm EST") is looked for.
TIMESTAMP_CHARS = 600


def find_timestamp(text: str) -> dt.date | None:
    """A publication timestamp near the top: a full date followed by a clock time + zone
    ("Tuesday 4 January 2005 08.43 GMT", "Feb 20, 2011 6:47 pm EST") or "Last updated"."""
    head = text[:TIMESTAMP_CHARS]
    found: list[tuple[int, dt.date]] = []
    for rx in (_FULL_DMY, _FULL_MDY, _ISO):
        for m in rx.finditer(head):
            if not _CLOCK.match(head, m.end()):
                continue
            month = int(m["m"]) if m.groupdict().get("m") else _month(m["mon"])
            d = _safe_date(int(m["y"]), month, int(m["d"]))
            if d is not None:
                found.append((m.start(), d))
    return min(found)[1] if found else None


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENT_BREAK.finditer(text)]


def _is_upcoming(text: str, starts: list[int], start: int, end: int, after: int = 0) -> bool:
    """A future marker in the same sentence shortly before (or, for events, just after)."""
    i = bisect.bisect_right(starts, start)
    sent_start = starts[i - 1]
    sent_end = starts[i] if i < len(starts) else len(text)
    ctx_start = max(sent_start, start - _CONTEXT_CHARS)
    ctx = text[ctx_start:min(sent_end, end + after)]
    markers = list(_FUTURE.finditer(ctx))
    if not markers:
        return False
    last = markers[-1]
    if ctx_start + last.start() >= start:
        return True  # "Abe's forthcoming visit", "the summit he will host"
    # "... will visit Japan in December, officials confirmed on September 1": a past-tense
    # verb between the marker and the reference means the reference is past.
    between = text[ctx_start + last.end():start]
    return not _PAST_VERB.search(between)


def _ordinal(m: re.Match[str]) -> int:
    return int(m["n"]) if m["n"] else _ORDINALS.index(m["w"].lower()) + 1


def _n(value: str) -> int:
    return int(value) if value.isdigit() else _NUM_WORDS[value.lower()]


def _event_in(tail: str, events: tuple[ReferenceEvent, ...]) -> ReferenceEvent | None:
    head = tail[:90]
    for ev in events:
        if ev.years_after and len(ev.dates) == 1 and any(p.search(head) for p in ev.patterns):
            return ev
    return None


def find_references(text: str, events: tuple[ReferenceEvent, ...] | None = None) -> list[_Ref]:
    """Every dated reference in ``text`` (see module docstring)."""
    events = load_reference_events() if events is None else events
    starts = _sentence_starts(text)
    taken: list[tuple[int, int]] = []
    refs: list[_Ref] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: re.Match[str], kind: str, **kw: int | None) -> None:
        taken.append((m.start(), m.end()))
        forward = bool(_YEAR_RANGE_END.search(text, max(0, m.start() - 20), m.start()))
        up = forward or _is_upcoming(text, starts, m.start(), m.end())
        refs.append(_Ref(m.start(), kind, up, **kw))

    for rx in (_FULL_DMY, _FULL_MDY):
        for m in rx.finditer(text):
            if free(m.start(), m.end()):
                add(m, "full", year=int(m["y"]), month=_month(m["mon"]), day=int(m["d"]))
    for m in _ISO.finditer(text):
        if free(m.start(), m.end()) and 1 <= int(m["m"]) <= 12:
            add(m, "full", year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))
    lower = text.lower()
    has_this_year = "this year" in lower or "year's end" in lower or "year’s end" in lower
    for m in (_MONTH_THIS_YEAR.finditer(text) if "this" in lower else ()):
        if free(m.start(), m.end()):
            add(m, "this_year_month", month=_month(m["mon"] or m["mon2"]))
    for m in (_LATER_THIS_YEAR.finditer(text) if has_this_year or "the year" in lower else ()):
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            refs.append(_Ref(m.start(), "this_year", True))
    for m in (_THIS_MONTH.finditer(text) if "this month" in lower else ()):
        if free(m.start(), m.end()):
            add(m, "this_month")
    for m in _MONTH_YEAR.finditer(text):
        if free(m.start(), m.end()):
            add(m, "month", year=int(m["y"]), month=_month(m["mon"]))
    for rx in (_MONTH_DAY, _DAY_MONTH):
        for m in rx.finditer(text):
            if free(m.start(), m.end()) and 1 <= int(m["d"]) <= 31:
                add(m, "month_day", month=_month(m["mon"]), day=int(m["d"]))
    for rx, key in ((_YEARS_AFTER, " years "), (_ANNIVERSARY, "anniversary")):
        if key not in lower:
            continue
        for m in rx.finditer(text):
            tail = m["tail"]
            ym = re.match(r"\s*(?:the\s+)?(?:year\s+)?((?:1[89]|20)\d{2})\b", tail)
            base = int(ym.group(1)) if ym else None
            if base is None:
                ev = _event_in(tail, events)
                base = ev.dates[0].year if ev else None
            if base is not None:
                refs.append(_Ref(m.start(), "years_after", False, year=base + _n(m["n"])))
    for m in _YEAR.finditer(text):
        if not free(m.start(), m.end()):
            continue
        before = text[max(0, m.start() - 12):m.start()]
        after = text[m.end():m.end() + 12]
        if (_YEAR_RANGE_END.search(before) or _YEAR_BEFORE.search(before)
                or _YEAR_AFTER.match(after)):
            add(m, "year", year=int(m["y"]))
    for ev in events:
        for pat in ev.patterns:
            for m in pat.finditer(text):
                up = _is_upcoming(text, starts, m.start(), m.end(), _EVENT_AFTER_CHARS)
                edition = _ORDINAL_BEFORE.search(text, max(0, m.start() - 20), m.start())
                if ev.editions and edition:
                    n = _ordinal(edition)
                    if 1 <= n <= len(ev.dates):  # "the 4th Eastern Economic Forum"
                        ev = ReferenceEvent(ev.id, ev.patterns, (ev.dates[n - 1],))
                refs.append(_Ref(m.start(), "event", up, event=ev))
    refs.sort(key=lambda r: r.start)
    return refs


def _lower_bound(past: list[_Ref], year: int, today: dt.date) -> tuple[dt.date, int]:
    """Latest past reference when the article's year is ``year`` → (date, precision 0-2)."""
    lows: list[tuple[dt.date, int]] = [(dt.date(year, 1, 1), 0)]
    for r in past:
        d: dt.date | None = None
        if r.kind == "full" and r.year and r.year <= year:
            d, prec = _safe_date(r.year, r.month or 1, r.day or 1), 2
        elif r.kind == "month" and r.year and r.year <= year and r.month:
            d, prec = dt.date(r.year, r.month, 1), 1
        elif r.kind in ("year", "years_after") and r.year and r.year <= year:
            d, prec = dt.date(r.year, 1, 1), 0
        elif r.kind == "month_day" and r.month and r.day:
            d, prec = _safe_date(year, r.month, r.day), 2
        elif r.kind == "event" and r.event and len(r.event.dates) == 1 and (
                r.event.dates[0].year <= year):
            d, prec = r.event.dates[0], 2
        if d is not None and d <= today:
            lows.append((d, prec))
    return max(lows)


def _year_score(refs: list[_Ref], year: int, low: dt.date) -> int:
    """How many upcoming references fit an article of ``year`` written after ``low``."""
    score = 0
    horizon = low + dt.timedelta(days=400)
    up_events = [r.event for r in refs if r.upcoming and r.event]
    for ev in up_events:
        if any(low < d <= horizon for d in ev.dates):
            score += 1
    for r in refs:
        fits_this_year = r.kind == "this_year_month" and r.month and any(
            d.year == year and d.month == r.month for ev in up_events for d in ev.dates)
        fits_this_month = r.kind == "this_month" and r.upcoming and any(
            (d.year, d.month) == (low.year, low.month) and d > low
            for ev in up_events for d in ev.dates)
        if fits_this_year or fits_this_month:
            score += 2
    return score


def infer_publication_date(text: str, *, today: dt.date | None = None,
                           events: tuple[ReferenceEvent, ...] | None = None) -> PubDate:
    """Infer when ``text`` was written from what it refers to (basis ``inferred``)."""
    today = today or dt.date.today()
    refs = find_references(text[:MAX_INFER_CHARS], events)
    past = [r for r in refs if not r.upcoming]
    upcoming = [r for r in refs if r.upcoming]

    # Strong evidence of the year: dates with a month, "N years after", dated events. A bare
    # year ("since 1969", "more in 2012") is weak: it counts only when mentioned twice.
    strong = [r.year for r in past if r.kind in ("full", "month", "years_after") and r.year
              and r.year <= today.year]
    strong += [r.event.dates[0].year for r in past if r.event and len(r.event.dates) == 1
               and r.event.dates[0] <= today]
    weak = Counter(r.year for r in past if r.kind == "year" and r.year and r.year <= today.year)
    repeated = [y for y, n in weak.items() if n >= 2]
    if strong:
        first = max(strong + repeated)
    elif repeated:
        first = max(repeated)
    else:  # a single bare year ("since 1972") does not date an article
        return PubDate(None, "unknown", None)
    # The article's year: the earliest year from the latest past reference on that best fits
    # the upcoming references (announced events, "in December of this year", "this month").
    best = (-1, first)
    for year in range(first, min(first + 5, today.year) + 1):
        score = _year_score(refs, year, _lower_bound(past, year, today)[0])
        if score > best[0]:
            best = (score, year)
    year = best[1]
    past = [r for r in past if not (r.kind == "year" and r.year and r.year > year)]
    low, prec = _lower_bound(past, year, today)

    ups: list[dt.date] = []
    for r in upcoming:
        if r.kind == "full" and r.year and r.month and r.day:
            d = _safe_date(r.year, r.month, r.day)
            if d:
                ups.append(d)
        elif r.kind == "month" and r.year and r.month:
            ups.append(_month_end(r.year, r.month))
        elif r.kind == "year" and r.year:
            ups.append(dt.date(r.year, 12, 31))
        elif r.kind == "month_day" and r.month and r.day:
            d = _safe_date(year, r.month, r.day)
            if d:
                ups.append(d)
        elif r.kind == "this_year_month" and r.month:
            ups.append(_month_end(year, r.month))
        elif r.kind == "this_year":
            ups.append(dt.date(year, 12, 31))
        elif r.kind == "this_month":
            ups.append(_month_end(low.year, low.month))
        elif r.kind == "event" and r.event:
            later = [d for d in r.event.dates if d > low]
            if later:
                ups.append(later[0])
    ups = [d for d in ups if d > low]

    if prec == 2:
        end = low + dt.timedelta(days=REPORTING_LAG_DAYS)
    elif prec == 1:
        end = _month_end(low.year, low.month) + dt.timedelta(days=REPORTING_LAG_DAYS)
    else:
        end = dt.date(low.year, 12, 31)
    if ups:
        end = min(end, min(ups))
    end = max(low, min(end, today))
    span = (end - low).days
    estimate = low + dt.timedelta(days=span // 2)
    return PubDate(estimate, "inferred", max(1, span - span // 2))
