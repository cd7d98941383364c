"""Loading and validating the temporal lexicon and the table of dated reference events.

Both live as data under ``detente/data/time/``: ``lexicon.yaml`` (month and weekday names,
number words, units, reference words, modifiers, holidays) and ``events.tsv`` (well-known
events with their dates, used for expressions such as "71 years after the end of the Second
World War"). Errors name the file and line.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..yaml_lines import line_loader

log = logging.getLogger(__name__)

_MAPPING_SECTIONS = {
    "months": int,
    "weekdays": int,
    "numbers": int,
    "ordinals": int,
    "seasons": str,
    "parts_of_day": str,
    "units": str,
    "sets": str,
    "references": str,
    "positions": str,
    "holidays": str,
}
_LIST_SECTIONS = ("ambiguous_months", "vague_numbers", "future_heads", "occurrence_verbs")
_REF_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_MOD_VALUES = {
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
    "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
}


@dataclass(frozen=True)
class Lexicon:
    """The validated contents of ``lexicon.yaml`` (keys lower-cased)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    units: dict[str, str]
    sets: dict[str, str]
    references: dict[str, str]
    positions: dict[str, str]
    holidays: dict[str, tuple[int, ...]]
    modifiers: dict[str, dict[str, str]]
    ambiguous_months: frozenset[str]
    vague_numbers: tuple[str, ...]
    future_heads: frozenset[str]
    #: Verb lemmas saying that something takes place ("which will be held in May"): a relative
    #: clause of such a verb right after an event noun dates that event.
    occurrence_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ReferenceEvent:
    """A well-known event with its date (and an alternative date where sources differ)."""

    key: str
    pattern: str
    date: dt.date
    alt_date: dt.date | None
    note: str


_LineLoader = line_loader(key_lines=True)  # the line of every mapping key


def _data_dir() -> Path:
    return Path(str(resources.files("detente") / "data" / "time"))


def _line(mapping: dict, key: Any) -> int | None:
    return mapping.get("__lines__", {}).get(key)


def _parse_holiday(spec: str) -> tuple[int, ...] | None:
    """``MM-DD`` → (month, day); ``MM-W-N`` → (month, iso weekday, nth; -1 = last)."""
    if m := re.fullmatch(r"(\d\d)-(\d\d)", spec):
        try:
            dt.date(2000, int(m.group(1)), int(m.group(2)))
        except ValueError:
            return None
        return int(m.group(1)), int(m.group(2))
    if m := re.fullmatch(r"(\d\d)-([1-7])-(-1|[1-5])", spec):
        if not 1 <= int(m.group(1)) <= 12:
            return None
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return None


def holiday_date(spec: tuple[int, ...], year: int) -> dt.date:
    """The date of a holiday ``spec`` (from the lexicon) in ``year``."""
    if len(spec) == 2:
        return dt.date(year, spec[0], spec[1])
    month, weekday, nth = spec
    if nth == -1:
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def parse_lexicon(text: str, file: str = "lexicon.yaml") -> Lexicon:
    """Validate lexicon YAML text; raise :class:`ConfigError` naming file and line."""
    try:
        raw = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"invalid YAML: {exc}", file=file,
                          line=mark.line + 1 if mark else None) from exc
    if not isinstance(raw, dict):
        raise ConfigError("expected a mapping at top level", file=file, line=1)
    out: dict[str, Any] = {}
    for section, kind in _MAPPING_SECTIONS.items():
        if section not in raw:
            raise ConfigError(f"missing section {section!r}", file=file)
        entries = raw[section]
        if not isinstance(entries, dict):
            raise ConfigError(f"section {section!r} must be a mapping", file=file,
                              line=_line(raw, section))
        parsed: dict[str, Any] = {}
        for key, value in entries.items():
            if key == "__lines__":
                continue
            line = _line(entries, key)
            if not isinstance(key, str) or not key.strip():
                raise ConfigError(f"{section}: key must be a non-empty string", file=file, line=line)
            if not isinstance(value, kind):
                raise ConfigError(
                    f"{section}: {key!r} must map to a {kind.__name__}, got {value!r}",
                    file=file, line=line)
            if section == "references" and value not in _REF_VALUES:
                raise ConfigError(f"references: {key!r} must be one of {sorted(_REF_VALUES)}",
                                  file=file, line=line)
            if section == "positions" and value not in _MOD_VALUES:
                raise ConfigError(f"positions: {key!r} has unknown mod {value!r}", file=file,
                                  line=line)
            if section == "months" and not 1 <= value <= 12:
                raise ConfigError(f"months: {key!r} must be 1..12", file=file, line=line)
            if section == "weekdays" and not 1 <= value <= 7:
                raise ConfigError(f"weekdays: {key!r} must be 1..7", file=file, line=line)
            if section == "holidays":
                value = _parse_holiday(value)
                if value is None:
                    raise ConfigError(
                        f"holidays: {key!r} must be MM-DD or MM-W-N (N-th ISO weekday W)",
                        file=file, line=line)
            parsed[key.lower()] = value
        out[section] = parsed
    mods = raw.get("modifiers")
    if not isinstance(mods, dict):
        raise ConfigError("missing or malformed section 'modifiers'", file=file)
    out["modifiers"] = {}
    for key, value in mods.items():
        if key == "__lines__":
            continue
        line = _line(mods, key)
        if (not isinstance(value, dict) or set(value) - {"__lines__"} != {"date", "duration"}
                or not {value["date"], value["duration"]} <= _MOD_VALUES):
            raise ConfigError(f"modifiers: {key!r} needs 'date' and 'duration' TIMEX3 mods",
                              file=file, line=line)
        out["modifiers"][key.lower()] = {"date": value["date"], "duration": value["duration"]}
    for section in _LIST_SECTIONS:
        items = raw.get(section)
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ConfigError(f"section {section!r} must be a list of strings", file=file,
                              line=_line(raw, section))
    amb = {s.lower() for s in raw["ambiguous_months"]}
    unknown = amb - set(out["months"])
    if unknown:
        raise ConfigError(f"ambiguous_months not in months: {sorted(unknown)}", file=file,
                          line=_line(raw, "ambiguous_months"))
    return Lexicon(
        ambiguous_months=frozenset(amb),
        vague_numbers=tuple(s.lower() for s in raw["vague_numbers"]),
        future_heads=frozenset(s.lower() for s in raw["future_heads"]),
        occurrence_verbs=frozenset(s.lower() for s in raw["occurrence_verbs"]),
        **out,
    )


def keyed_pattern_rows(text: str, file: str, columns: tuple[str, str, str, str]):
    """Rows of a tab-separated table of ``key, pattern, <a>, <b>[, note]`` (the reference events
    and the historical periods): checks the header, the column count, that keys are unique
    lower_snake_case and that patterns compile with only non-capturing groups. Yields
    ``(line number, key, pattern, a, b, note)``; raises :class:`ConfigError` naming file and line,
    also for a table without rows."""
    seen: set[str] = set()
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(cols[:4]) != columns:
                raise ConfigError(f"header must start with {', '.join(columns)}", file=file,
                                  line=lineno)
            continue
        if len(cols) < 4:
            raise ConfigError(f"expected at least 4 tab-separated columns, got {len(cols)}",
                              file=file, line=lineno)
        key, pattern, a, b = (c.strip() for c in cols[:4])
        note = cols[4].strip() if len(cols) > 4 else ""
        if not re.fullmatch(r"[a-z0-9_]+", key) or key in seen:
            raise ConfigError(f"key {key!r} must be unique lower_snake_case", file=file,
                              line=lineno)
        seen.add(key)
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"bad pattern for {key}: {exc}", file=file, line=lineno) from exc
        if "(?P" in pattern or re.search(r"(?<!\\)\((?!\?)", pattern):
            raise ConfigError(f"pattern for {key} must use only non-capturing groups (?:...)",
                              file=file, line=lineno)
        yield lineno, key, pattern, a, b, note
    if not header_seen:
        raise ConfigError("empty table", file=file)


def parse_events(text: str, file: str = "events.tsv") -> tuple[ReferenceEvent, ...]:
    """Validate the reference-event table; raise :class:`ConfigError` naming file and line."""
    events: list[ReferenceEvent] = []
    for lineno, key, pattern, date_s, alt_s, note in keyed_pattern_rows(
            text, file, ("key", "pattern", "date", "alt_date")):
        try:
            date = dt.date.fromisoformat(date_s)
            alt = None if alt_s in ("", "-") else dt.date.fromisoformat(alt_s)
        except ValueError as exc:
            raise ConfigError(f"dates for {key} must be YYYY-MM-DD: {exc}", file=file,
                              line=lineno) from exc
        events.append(ReferenceEvent(key, pattern, date, alt, note))
    return tuple(events)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon (loaded once)."""
    path = _data_dir() / "lexicon.yaml"
    return parse_lexicon(path.read_text(encoding="utf-8"), file=str(path))


@functools.lru_cache(maxsize=1)
def load_events() -> tuple[ReferenceEvent, ...]:
    """The packaged table of dated reference events (loaded once)."""
    path = _data_dir() / "events.tsv"
    return parse_events(path.read_text(encoding="utf-8"), file=str(path))
