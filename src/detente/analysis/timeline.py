"""Dyad timelines: the merged events between two actors, in date order, with their evidence.

``timeline(store, "JPN", "RUS")`` returns the merged events whose source and target are the two
parties in either direction; a party is a country (ISO 3166 alpha-3, e.g. ``JPN``) or an actor
id. With one party, every event involving it; with ``topic=True``, every event of the corpus.

Dates keep their precision: ``2016-09-02`` (day), ``2016-09`` (month) and ``2016`` (year) are
shown as such. Events are ordered by the first day their date covers, coarser dates first
(``2016`` before ``2016-09`` before ``2016-09-02``). ``since``/``until`` keep events whose date
interval overlaps the window. Undated events are not placed on a timeline.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..merge import date_interval
from .formatting import render

#: Columns of ``detente timeline --format table|md``.
TIMELINE_COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("date", "date", None),
    ("date_precision", "precision", None),
    ("date_basis", "dated by", None),
    ("dyad", "dyad", 28),
    ("event", "event", 34),
    ("modality", "modality", None),
    ("n_mentions", "mentions", None),
    ("n_sources", "sources", None),
    ("evidence", "evidence (best mention)", 90),
    ("source_list", "reported by", 40),
)


def _as_date(value: str | dt.date | None, end: bool) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    span = date_interval(str(value))
    if span is None:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return span[1] if end else span[0]


def date_window(since: str | dt.date | None, until: str | dt.date | None
                ) -> tuple[dt.date | None, dt.date | None]:
    """``--since``/``--until`` as the first day of ``since`` and the last day of ``until``
    (``2018`` → 2018-01-01 / 2018-12-31); ValueError names a value that is not a date."""
    return _as_date(since, end=False), _as_date(until, end=True)


def in_window(span: tuple[dt.date, dt.date] | None, window: tuple[dt.date | None, dt.date | None]) -> bool:
    """Whether a date interval overlaps the window; an undated event is outside any window
    that has a bound, and inside an open one."""
    start, stop = window
    if start is None and stop is None:
        return True
    if span is None:
        return False
    return not (start and span[1] < start or stop and span[0] > stop)


#: Separators accepted between the two parties of a dyad: "JPN-RUS", "JPN–RUS" (as the report
#: prints it), "JPN,RUS". Not ":" or "/" — actor ids may hold them (``person:shinzo_abe``).
_DYAD_SEPARATORS = re.compile(r"\s*[-\u2013,]\s*")


def parse_dyad(dyad: str | None) -> tuple[str | None, str | None]:
    """``"JPN-RUS"`` → ``("JPN", "RUS")``; ``None``/empty → ``(None, None)``; anything but two
    non-empty parties raises ValueError."""
    if not dyad:
        return None, None
    parts = _DYAD_SEPARATORS.split(dyad.strip())
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"dyad must name two parties such as JPN-RUS, not {dyad!r}")
    return parts[0], parts[1]


def party_clause(side: str, party: str, prefix: str = "") -> tuple[str, list[str]]:
    """SQL condition (and parameters) for one side of an event being ``party``."""
    return (
        f"({prefix}{side}_country = ? OR {prefix}{side}_actor_id = ?)",
        [party.upper() if len(party) == 3 and party.isalpha() else party, party],
    )


def dyad_clause(a: str | None, b: str | None, prefix: str = "") -> tuple[str, list[str]]:
    """SQL condition for events between ``a`` and ``b`` in either direction (None: anyone);
    ``prefix`` qualifies the column names (e.g. ``"e."``)."""
    if a is None and b is None:
        return "TRUE", []
    if a is None or b is None:
        party = a or b
        s, sp = party_clause("source", party, prefix)
        t, tp = party_clause("target", party, prefix)
        return f"({s} OR {t})", sp + tp
    sa, sap = party_clause("source", a, prefix)
    tb, tbp = party_clause("target", b, prefix)
    sb, sbp = party_clause("source", b, prefix)
    ta, tap = party_clause("target", a, prefix)
    return f"(({sa} AND {tb}) OR ({sb} AND {ta}))", sap + tbp + sbp + tap


def _event_label(code: str | None, plover: str | None) -> str:
    name = None
    if code:
        try:
            from ..events.ontology import load_ontology

            name = load_ontology().name(code)
        except (ImportError, KeyError, ValueError, OSError):
            name = None
    label = f"{code} {name}" if name else (code or "")
    return f"{label} [{plover}]" if plover else label


def _party_label(name: str | None, country: str | None) -> str:
    if name and country and name.upper() != country:
        return f"{name} ({country})"
    return name or country or "?"


def timeline(
    store,
    a: str | None,
    b: str | None,
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    topic: bool = False,
) -> list[dict[str, Any]]:
    """Merged events between ``a`` and ``b`` (either direction) in date order.

    Each row: the event's key, date and precision, parties, CAMEO code/root, PLOVER type, quad
    class, Goldstein, modality, place, counts of mentions/documents/sources, the best mention's
    evidence sentence (with its document and offsets) and the list of sources reporting it.
    """
    where, params = ("TRUE", []) if topic else dyad_clause(a, b, "e.")
    rows = store.query(
        "SELECT e.*, m.sentence AS evidence, m.doc_id, m.file, m.char_start, m.char_end "
        "FROM events e LEFT JOIN event_mentions m ON m.event_id = e.best_event_id "
        f"WHERE e.date IS NOT NULL AND {where}",
        params,
    )
    window = date_window(since, until)
    outlets, text_dated = _by_event(store, [r["event_key"] for r in rows])
    out = []
    for r in rows:
        span = date_interval(r["date"])
        if span is None or not in_window(span, window):
            continue
        row = {k: v for k, v in r.items() if k != "explanation"}
        row["dyad"] = (
            f"{_party_label(r['source_name'], r['source_country'])} → "
            f"{_party_label(r['target_name'], r['target_country'])}"
        )
        row["event"] = _event_label(r["cameo_code"], r["plover_type"])
        row["source_list"] = outlets.get(r["event_key"], [])
        # "text" when some report dates the event in its words, else "publication".
        row["date_basis"] = "text" if text_dated.get(r["event_key"]) else "publication"
        row["_order"] = (span[0], -(span[1] - span[0]).days, r["event_key"])
        out.append(row)
    out.sort(key=lambda x: x["_order"])
    for row in out:
        del row["_order"]
    return out


def outlet_name(site: str | None, file: str | None) -> str:
    """How a source is shown: its site, else the name of the file it came from."""
    if site:
        return site
    return Path(file).name if file else "?"


def _by_event(store, keys: Sequence[str]) -> tuple[dict[str, list[str]], dict[str, bool]]:
    """Per merged event: the sources reporting it, and whether any report dates it in the text."""
    if not keys:
        return {}, {}
    rows = store.query(
        "SELECT l.event_key, d.site, coalesce(d.file, m.file) AS file, m.date_basis "
        "FROM event_links l JOIN event_mentions m USING (event_id) "
        "LEFT JOIN documents d ON d.doc_id = m.doc_id"
    )
    wanted = set(keys)
    outlets: dict[str, set[str]] = {}
    dated: dict[str, bool] = {}
    for r in rows:
        key = r["event_key"]
        if key in wanted:
            outlets.setdefault(key, set()).add(outlet_name(r["site"], r["file"]))
            dated[key] = dated.get(key, False) or r["date_basis"] in ("clause", "sentence", "context")
    return {k: sorted(v) for k, v in outlets.items()}, dated


def format_timeline(rows: Sequence[dict[str, Any]], fmt: str = "table") -> str:
    """Render :func:`timeline` rows as ``table``, ``jsonl`` (every field) or ``md``."""
    return render(rows, TIMELINE_COLUMNS, fmt)
