"""Read-only queries behind the report, the dashboard, the JSON API and the exports.

Every function takes an open :class:`~detente.store.Store` and returns plain dicts and lists
(JSON-ready: strings, numbers, ``None``). Nothing here writes.

Merged events come from the ``events``/``event_links`` tables written by ``detente.merge``.
When a store has event mentions but no merged events yet (merge not run), each mention is
treated as an event of its own, so every page still works on a partly analysed store.

Dates of events have a precision (``2016-09-02``, ``2016-09``, ``2016-Q3``, ``2016``). For
filtering, each date is read as an interval ``[d_start, d_end]`` (the interval
:func:`detente.merge.date_interval` gives; weeks, halves, seasons and decades included); an
event matches a ``since``/``until`` window when its interval overlaps the window, and lists
are ordered by ``d_start``, coarser dates first, undated last (as ``detente timeline``). For period bins (index by
month/quarter/year) an event counts in a bin only when its whole interval lies inside it:
a year-only date is not spread over months; it is counted as ``coarser`` instead.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..analysis.timeline import parse_dyad  # noqa: F401  (q.parse_dyad for the app and report)
from ..store import Store

log = logging.getLogger(__name__)

#: Quad classes of CAMEO/PLOVER events.
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
#: Events below this confidence are listed in the data-quality section.
LOW_CONFIDENCE = 0.5
PERIODS = ("month", "quarter", "year")

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# -- date intervals in SQL -----------------------------------------------------------------------
_D_START = (
    "CASE WHEN regexp_matches({c}, '^\\d{{4}}-\\d{{2}}-\\d{{2}}') THEN substr({c}, 1, 10) "
    "WHEN regexp_matches({c}, '^\\d{{4}}-\\d{{2}}$') THEN {c} || '-01' "
    "WHEN regexp_matches({c}, '^\\d{{4}}-Q[1-4]') THEN substr({c}, 1, 4) || '-' || "
    "lpad(CAST((CAST(substr({c}, 7, 1) AS INTEGER) - 1) * 3 + 1 AS VARCHAR), 2, '0') || '-01' "
    "WHEN regexp_matches({c}, '^\\d{{4}}') THEN substr({c}, 1, 4) || '-01-01' ELSE NULL END"
)
_D_END = (
    "CASE WHEN regexp_matches({c}, '^\\d{{4}}-\\d{{2}}-\\d{{2}}') THEN substr({c}, 1, 10) "
    "WHEN regexp_matches({c}, '^\\d{{4}}-\\d{{2}}$') THEN {c} || '-31' "
    "WHEN regexp_matches({c}, '^\\d{{4}}-Q[1-4]') THEN substr({c}, 1, 4) || '-' || "
    "lpad(CAST(CAST(substr({c}, 7, 1) AS INTEGER) * 3 AS VARCHAR), 2, '0') || '-31' "
    "WHEN regexp_matches({c}, '^\\d{{4}}') THEN substr({c}, 1, 4) || '-12-31' ELSE NULL END"
)


def _period_sql(col: str, by: str) -> str:
    if by == "month":
        return f"substr({col}, 1, 7)"
    if by == "year":
        return f"substr({col}, 1, 4)"
    if by == "quarter":
        return (
            f"substr({col}, 1, 4) || '-Q' || "
            f"CAST((CAST(substr({col}, 6, 2) AS INTEGER) - 1) // 3 + 1 AS VARCHAR)"
        )
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")


def has_merged_events(store: Store) -> bool:
    """True when ``detente.merge`` has written merged events to this store."""
    return store.con.execute("SELECT count(*) FROM events").fetchone()[0] > 0


def _events_source(store: Store) -> tuple[str, str]:
    """(events subquery, links subquery): merged events, or mentions as singletons."""
    if has_merged_events(store):
        events = (
            "SELECT event_key, date, date_precision, source_actor_id, source_name, source_country, "
            "target_actor_id, target_name, target_country, cameo_code, cameo_root, plover_type, "
            "quad_class, goldstein, modality, location, best_event_id, n_mentions, n_documents, "
            "n_sources FROM events"
        )
        links = "SELECT event_key, event_id FROM event_links"
    else:
        events = (
            "SELECT event_id AS event_key, date, date_precision, source_actor_id, source_name, "
            "source_country, target_actor_id, target_name, target_country, cameo_code, cameo_root, "
            "plover_type, quad_class, goldstein, modality, location, event_id AS best_event_id, "
            "1 AS n_mentions, 1 AS n_documents, 1 AS n_sources FROM event_mentions"
        )
        links = "SELECT event_id AS event_key, event_id FROM event_mentions"
    return events, links


_PLAIN_DATE = "^\\d{4}(-\\d{2}(-\\d{2})?)?$|^\\d{4}-Q[1-4]$"


def _odd_dates(store: Store) -> list[tuple[str, str, str]]:
    """Date values the SQL below cannot read (weeks, halves, seasons, decades), with the
    interval :func:`detente.merge.date_interval` gives them."""
    from ..merge import date_interval

    table = "events" if has_merged_events(store) else "event_mentions"
    out = []
    for (value,) in store.con.execute(
        f"SELECT DISTINCT date FROM {table} WHERE date IS NOT NULL AND NOT regexp_matches(date, '{_PLAIN_DATE}')"
    ).fetchall():
        span = date_interval(value)
        if span:
            out.append((value, span[0].isoformat(), span[1].isoformat()))
    return out


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _base_cte(store: Store) -> str:
    events, links = _events_source(store)
    odd = _odd_dates(store)
    start, end = _D_START.format(c="e.date"), _D_END.format(c="e.date")
    odd_join = ""
    if odd:
        rows = ", ".join(f"({_sql_text(v)}, '{a}', '{b}')" for v, a, b in odd)
        odd_join = f" LEFT JOIN (VALUES {rows}) AS odd(v, s, e) ON odd.v = e.date"
        start, end = f"coalesce(odd.s, {start})", f"coalesce(odd.e, {end})"
    return (
        f"WITH links AS ({links}), ev AS (SELECT e.*, "
        f"coalesce(e.source_country, e.source_actor_id) AS source_key, "
        f"coalesce(e.target_country, e.target_actor_id) AS target_key, "
        f"{start} AS d_start, {end} AS d_end "
        f"FROM ({events}) e{odd_join})"
    )


# -- filters ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EventFilter:
    """Filters shared by the timeline, the event list, the index and the network.

    ``a``/``b`` form a dyad (country codes or actor ids, either direction); ``actor`` matches
    either side; ``since``/``until`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``;
    ``event_type`` is a PLOVER type (``CONSULT``) or a CAMEO code prefix (``04``, ``042``);
    ``quad`` is the quad class 1–4; ``source`` is an outlet (document site).
    """

    a: str | None = None
    b: str | None = None
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    quad: int | None = None
    modality: str | None = None
    source: str | None = None
    doc_id: str | None = None

    def active(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}


def date_bounds(value: str, *, end: bool) -> str:
    """``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` → the first (or last) day it covers, as text."""
    if not _DATE_RE.match(value):
        raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
    month = int(parts[1])
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range in {value!r}")
    if len(parts) == 2:
        return f"{year:04d}-{month:02d}-31" if end else f"{year:04d}-{month:02d}-01"
    dt.date(year, month, int(parts[2]))  # raises ValueError on 2018-02-30
    return value


def interval_start(value: str | None) -> str | None:
    """First day covered by a stored date value (the Python twin of the SQL ``d_start``)."""
    if not value or not re.match(r"^\d{4}", value):
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    if re.match(r"^\d{4}-\d{2}$", value):
        return value + "-01"
    m = re.match(r"^(\d{4})-Q([1-4])", value)
    if m:
        return f"{m.group(1)}-{(int(m.group(2)) - 1) * 3 + 1:02d}-01"
    return value[:4] + "-01-01"


def _where(f: EventFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.a or f.b:
        if not (f.a and f.b):
            raise ValueError("a dyad needs both sides")
        # a side matches by country code or by actor id (as in detente.analysis.timeline)
        side = "upper(?) IN (upper(ev.{0}_country), upper(ev.{0}_actor_id))"
        clauses.append(
            f"(({side.format('source')} AND {side.format('target')}) OR "
            f"({side.format('source')} AND {side.format('target')}))"
        )
        params += [f.a, f.b, f.b, f.a]
    if f.actor:
        clauses.append(
            "upper(?) IN (upper(ev.source_actor_id), upper(ev.target_actor_id), "
            "upper(ev.source_country), upper(ev.target_country))"
        )
        params.append(f.actor)
    if f.since:
        clauses.append("ev.d_end >= ?")
        params.append(date_bounds(f.since, end=False))
    if f.until:
        clauses.append("ev.d_start <= ?")
        params.append(date_bounds(f.until, end=True))
    if f.event_type:
        if f.event_type.isdigit():
            clauses.append("ev.cameo_code LIKE ? || '%'")
        else:
            clauses.append("upper(ev.plover_type) = upper(?)")
        params.append(f.event_type)
    if f.quad is not None:
        clauses.append("ev.quad_class = ?")
        params.append(f.quad)
    if f.modality:
        clauses.append("ev.modality = ?")
        params.append(f.modality)
    if f.source or f.doc_id:
        inner = ["l.event_key = ev.event_key"]
        if f.source:
            inner.append("coalesce(d.site, d.file) = ?")
            params.append(f.source)
        if f.doc_id:
            inner.append("m.doc_id = ?")
            params.append(f.doc_id)
        clauses.append(
            "EXISTS (SELECT 1 FROM links l JOIN event_mentions m ON m.event_id = l.event_id "
            "JOIN documents d ON d.doc_id = m.doc_id WHERE " + " AND ".join(inner) + ")"
        )
    return clauses, params


_EVENT_COLUMNS = (
    "ev.event_key, ev.date, ev.date_precision, ev.d_start, ev.d_end, ev.source_actor_id, "
    "ev.source_name, ev.source_country, ev.target_actor_id, ev.target_name, ev.target_country, "
    "ev.cameo_code, ev.cameo_root, ev.plover_type, ev.quad_class, ev.goldstein, ev.modality, "
    "ev.location, ev.n_mentions, ev.n_documents, ev.n_sources, ev.best_event_id, "
    "m.doc_id, m.sentence AS evidence, m.char_start, m.char_end, m.confidence, m.date_text, "
    "m.date_basis, d.title AS doc_title, coalesce(d.site, d.file) AS outlet"
)


def events(
    store: Store, f: EventFilter = EventFilter(), *, limit: int = 100, offset: int = 0
) -> dict[str, Any]:
    """Merged events in date order (undated last) with the evidence of their best mention."""
    clauses, params = _where(f)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    base = _base_cte(store)
    total = store.con.execute(f"{base} SELECT count(*) FROM ev {where}", params).fetchone()[0]
    rows = store.query(
        f"{base} SELECT {_EVENT_COLUMNS} FROM ev "
        "LEFT JOIN event_mentions m ON m.event_id = ev.best_event_id "
        f"LEFT JOIN documents d ON d.doc_id = m.doc_id {where} "
        "ORDER BY ev.d_start NULLS LAST, ev.d_end DESC, ev.event_key LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def event(store: Store, event_key: str) -> dict[str, Any] | None:
    """One merged event with every mention (document, sentence, offsets, article text)."""
    base = _base_cte(store)
    rows = store.query(
        f"{base} SELECT {_EVENT_COLUMNS} FROM ev "
        "LEFT JOIN event_mentions m ON m.event_id = ev.best_event_id "
        "LEFT JOIN documents d ON d.doc_id = m.doc_id WHERE ev.event_key = ?",
        [event_key],
    )
    if not rows:
        return None
    item = rows[0]
    item["explanation"] = None
    if has_merged_events(store):
        raw = store.con.execute("SELECT explanation FROM events WHERE event_key = ?", [event_key]).fetchone()
        if raw and raw[0]:
            try:
                item["explanation"] = json.loads(raw[0])
            except (TypeError, ValueError):
                item["explanation"] = raw[0]
    _, links = _events_source(store)
    item["mentions"] = store.query(
        f"WITH links AS ({links}) SELECT m.event_id, m.doc_id, m.sentence, m.sentence_index, "
        "m.char_start, m.char_end, m.date, m.date_precision, m.date_text, m.date_basis, "
        "m.source_name, m.target_name, m.cameo_code, m.plover_type, m.modality, m.confidence, "
        "m.trigger, d.title AS doc_title, coalesce(d.site, d.file) AS outlet, d.url, "
        "strftime(d.publication_date, '%Y-%m-%d') AS publication_date, d.text AS doc_text "
        "FROM links l JOIN event_mentions m ON m.event_id = l.event_id "
        "LEFT JOIN documents d ON d.doc_id = m.doc_id WHERE l.event_key = ? "
        "ORDER BY m.event_id = ? DESC, d.publication_date NULLS LAST, m.doc_id, m.char_start",
        [event_key, item["best_event_id"]],
    )
    return item


def event_key_of_mention(store: Store, event_id: str) -> str | None:
    _, links = _events_source(store)
    row = store.con.execute(f"WITH links AS ({links}) SELECT event_key FROM links WHERE event_id = ?", [event_id]).fetchone()
    return row[0] if row else None


# -- corpus ------------------------------------------------------------------------------------------
def summary(store: Store) -> dict[str, Any]:
    """Counts and spans describing the corpus."""
    one = lambda sql: store.con.execute(sql).fetchone()
    docs, first, last = one(
        "SELECT count(*), strftime(min(publication_date), '%Y-%m-%d'), "
        "strftime(max(publication_date), '%Y-%m-%d') FROM documents"
    )
    merged = has_merged_events(store)
    base = _base_cte(store)
    n_events, ev_first, ev_last = store.con.execute(
        f"{base} SELECT count(*), min(d_start), max(d_end) FROM ev"
    ).fetchone()
    return {
        "documents": docs,
        "rejected": one("SELECT count(*) FROM rejections")[0],
        "outlets": one("SELECT count(DISTINCT coalesce(site, file)) FROM documents")[0],
        "words": one("SELECT coalesce(sum(word_count), 0) FROM documents")[0],
        "languages": dict(store.con.execute(
            "SELECT coalesce(language, 'unknown'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()),
        "published_from": first,
        "published_to": last,
        "event_mentions": one("SELECT count(*) FROM event_mentions")[0],
        "events": n_events,
        "events_merged": merged,
        "events_from": ev_first,
        "events_to": ev_last,
        "actors": one("SELECT count(*) FROM actors")[0],
        "actor_mentions": one("SELECT count(*) FROM actor_mentions")[0],
        "stances": one("SELECT count(*) FROM stances")[0],
    }


def dyads(store: Store, *, limit: int = 10, international: bool = True) -> list[dict[str, Any]]:
    """The dyads with the most events (unordered pairs of country codes or actor ids)."""
    base = _base_cte(store)
    cond = "AND source_key <> target_key" if international else ""
    return store.query(
        f"{base} SELECT least(source_key, target_key) AS a, greatest(source_key, target_key) AS b, "
        "count(*) AS events, sum(n_mentions) AS mentions, round(avg(goldstein), 2) AS mean_goldstein "
        f"FROM ev WHERE source_key IS NOT NULL AND target_key IS NOT NULL {cond} "
        "GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?",
        [limit],
    )


def documents(store: Store, *, limit: int = 100, offset: int = 0, source: str | None = None) -> dict[str, Any]:
    where, params = ("WHERE coalesce(d.site, d.file) = ?", [source]) if source else ("", [])
    total = store.con.execute(f"SELECT count(*) FROM documents d {where}", params).fetchone()[0]
    rows = store.query(
        "SELECT d.doc_id, d.file, d.line, d.title, d.author, d.site, d.url, "
        "strftime(d.publication_date, '%Y-%m-%d') AS publication_date, d.publication_date_basis, "
        "d.publication_date_window_days, d.language, d.word_count, d.status, "
        "(SELECT count(*) FROM event_mentions m WHERE m.doc_id = d.doc_id) AS event_mentions, "
        "(SELECT count(*) FROM stances s WHERE s.doc_id = d.doc_id) AS stances "
        f"FROM documents d {where} ORDER BY d.publication_date NULLS LAST, d.doc_id LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def document(store: Store, doc_id: str, *, with_text: bool = True) -> dict[str, Any] | None:
    text = ", text" if with_text else ""
    rows = store.query(
        "SELECT doc_id, file, line, title, author, site, url, "
        "strftime(publication_date, '%Y-%m-%d') AS publication_date, publication_date_basis, "
        f"publication_date_window_days, language, word_count, status{text} FROM documents WHERE doc_id = ?",
        [doc_id],
    )
    if not rows:
        return None
    doc = rows[0]
    _, links = _events_source(store)
    doc["events"] = store.query(
        f"WITH links AS ({links}) SELECT m.event_id, l.event_key, m.sentence, m.sentence_index, "
        "m.char_start, m.char_end, m.date, m.date_precision, m.source_name, m.target_name, "
        "m.cameo_code, m.plover_type, m.quad_class, m.goldstein, m.modality, m.confidence "
        "FROM event_mentions m LEFT JOIN links l ON l.event_id = m.event_id "
        "WHERE m.doc_id = ? ORDER BY m.char_start, m.event_id",
        [doc_id],
    )
    doc["stances"] = store.query(
        "SELECT stance_id, actor_name, issue, position, date, sentence, char_start, char_end, "
        "speaker_kind, confidence FROM stances WHERE doc_id = ? ORDER BY char_start",
        [doc_id],
    )
    return doc


def actors(
    store: Store, *, limit: int = 100, offset: int = 0, q: str | None = None, country: str | None = None
) -> dict[str, Any]:
    clauses, params = [], []
    if q:
        clauses.append("(a.name ILIKE ? ESCAPE '\\' OR a.actor_id ILIKE ? ESCAPE '\\')")
        params += [f"%{like_escape(q)}%"] * 2
    if country:
        clauses.append("upper(a.country) = upper(?)")
        params.append(country)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    total = store.con.execute(f"SELECT count(*) FROM actors a {where}", params).fetchone()[0]
    rows = store.query(
        "SELECT a.actor_id, a.name, a.country, a.sector, a.role, a.cameo, a.kind, "
        "(SELECT count(*) FROM actor_mentions am WHERE am.actor_id = a.actor_id) AS mentions, "
        "(SELECT count(*) FROM event_mentions m WHERE a.actor_id IN (m.source_actor_id, m.target_actor_id)) "
        f"AS event_mentions FROM actors a {where} ORDER BY mentions DESC, a.actor_id LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def actor_choices(store: Store, limit: int = 200) -> list[dict[str, Any]]:
    """Actors that take part in events, for filter menus."""
    base = _base_cte(store)
    return store.query(
        f"{base}, sides AS (SELECT source_actor_id AS id, source_name AS name FROM ev "
        "UNION ALL SELECT target_actor_id, target_name FROM ev) "
        "SELECT id, any_value(name) AS name, count(*) AS events FROM sides WHERE id IS NOT NULL "
        "GROUP BY id ORDER BY events DESC, id LIMIT ?",
        [limit],
    )


def facet_values(store: Store) -> dict[str, list[str]]:
    """Distinct values for the dashboard's filter menus."""
    col = lambda sql: [r[0] for r in store.con.execute(sql).fetchall() if r[0] is not None]
    return {
        "plover_types": col("SELECT DISTINCT plover_type FROM event_mentions ORDER BY 1"),
        "cameo_roots": col("SELECT DISTINCT cameo_root FROM event_mentions ORDER BY 1"),
        "modalities": col("SELECT DISTINCT modality FROM event_mentions ORDER BY 1"),
        "sources": col("SELECT DISTINCT coalesce(site, file) FROM documents ORDER BY 1"),
        "issues": col("SELECT DISTINCT issue FROM stances ORDER BY 1"),
    }


# -- index -------------------------------------------------------------------------------------------
def index(store: Store, f: EventFilter = EventFilter(), *, by: str = "month", weighted: bool = False) -> dict[str, Any]:
    """Cooperation–conflict index per period of the filtered events.

    The arithmetic is :func:`detente.analysis.index.aggregate` (the same as ``detente index``):
    per period, events by quad class, Goldstein sum and mean, and
    ``cci = (q1 + q2 − q3 − q4) / (q1 + q2 + q3 + q4)`` in [−1, 1]; ``weighted`` counts each
    merged event by its number of mentions. Like ``detente index``, only ``asserted`` events
    count unless a modality filter is given. Periods between the first and the last are filled
    (``cci`` None when empty). ``index`` repeats ``cci`` and ``events`` the (weighted) count,
    for the charts. Events dated more coarsely than the period are counted in ``coarser``,
    undated ones in ``undated``.
    """
    from ..analysis.index import aggregate, period_of
    from ..merge import date_interval

    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    clauses, params = _where(f)
    if not f.modality:
        clauses.append("ev.modality = 'asserted'")
    base = _base_cte(store)
    rows = store.query(
        f"{base} SELECT ev.date, ev.quad_class, ev.goldstein, ev.n_mentions FROM ev WHERE "
        + " AND ".join(clauses or ["TRUE"]),
        params,
    )
    coarser = undated = 0
    for r in rows:
        span = date_interval(r["date"])
        if span is None:
            undated += 1
        elif period_of(span, by) is None:
            coarser += 1
    periods = aggregate(rows, by=by, weighted=weighted)
    for p in periods:
        p["events"] = p["weight"] if weighted else p["n_events"]
        p["index"] = None if p["cci"] is None else round(p["cci"], 3)
        p["goldstein_sum"] = round(p["goldstein_sum"], 2)
        p["goldstein_mean"] = None if p["goldstein_mean"] is None else round(p["goldstein_mean"], 2)
    return {
        "by": by,
        "weighted": weighted,
        "filter": f.active(),
        "modalities": [f.modality] if f.modality else ["asserted"],
        "definition": "cci = (quad 1+2 events - quad 3+4 events) / all events, from -1 (conflict) to +1 (cooperation)",
        "periods": periods,
        "coarser": coarser,
        "undated": undated,
    }


# -- network -----------------------------------------------------------------------------------------
def network(store: Store, f: EventFilter = EventFilter(), *, max_nodes: int = 40) -> dict[str, Any]:
    """Actors as nodes, edges weighted by events between them, with mean Goldstein."""
    clauses, params = _where(f)
    where = " AND ".join(clauses) if clauses else "TRUE"
    base = _base_cte(store)
    edges = store.query(
        f"{base} SELECT least(source_actor_id, target_actor_id) AS a, "
        "greatest(source_actor_id, target_actor_id) AS b, count(*) AS events, "
        "sum(n_mentions) AS mentions, round(avg(goldstein), 2) AS mean_goldstein "
        f"FROM ev WHERE {where} AND source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL "
        "AND source_actor_id <> target_actor_id GROUP BY 1, 2 ORDER BY events DESC, a, b",
        params,
    )
    names = store.query(
        f"{base}, sides AS (SELECT source_actor_id AS id, source_name AS name, source_country AS country, "
        "goldstein FROM ev WHERE " + where + " UNION ALL SELECT target_actor_id, target_name, "
        "target_country, goldstein FROM ev WHERE " + where + ") "
        "SELECT id, any_value(name) AS name, any_value(country) AS country, count(*) AS events, "
        "round(avg(goldstein), 2) AS mean_goldstein FROM sides WHERE id IS NOT NULL GROUP BY id "
        "ORDER BY events DESC, id",
        params + params,
    )
    keep = {n["id"] for n in names[:max_nodes]}
    nodes = [n for n in names if n["id"] in keep]
    edges = [e for e in edges if e["a"] in keep and e["b"] in keep]
    label = {n["id"]: n["name"] or n["id"] for n in nodes}
    for e in edges:
        e["a_name"], e["b_name"] = label[e["a"]], label[e["b"]]
    return {"nodes": nodes, "edges": edges, "filter": f.active()}


# -- stances, sources, quality, search -------------------------------------------------------------
def stances(
    store: Store,
    *,
    actor: str | None = None,
    issue: str | None = None,
    speaker_kind: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> dict[str, Any]:
    from ..analysis.stances import stance_filters

    clauses, params = stance_filters(actor, issue, speaker_kind)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    total = store.con.execute(f"SELECT count(*) FROM stances s {where}", params).fetchone()[0]
    rows = store.query(
        "SELECT s.stance_id, s.doc_id, s.actor_id, s.actor_name, s.actor_country, s.issue, s.position, "
        "s.date, s.sentence, s.sentence_index, s.char_start, s.char_end, s.speaker_kind, s.speaker_name, s.confidence, "
        "d.title AS doc_title, coalesce(d.site, d.file) AS outlet "
        f"FROM stances s LEFT JOIN documents d ON d.doc_id = s.doc_id {where} "
        "ORDER BY s.issue, s.actor_name NULLS LAST, s.date NULLS LAST, s.stance_id LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def group_stances(items: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, list]]]:
    """issue → {"party": {actor: [stances]}, "commentator": {...}}: parties' positions are kept
    apart from commentators' opinions."""
    out: dict[str, dict[str, dict[str, list]]] = {}
    for s in items:
        kind = "commentator" if s.get("speaker_kind") == "commentator" else "party"
        groups = out.setdefault(s["issue"], {"party": {}, "commentator": {}})
        groups[kind].setdefault(s["actor_name"] or "(unresolved actor)", []).append(s)
    return out


def sources(store: Store) -> list[dict[str, Any]]:
    """How outlets differ: :func:`detente.analysis.sources.compare_sources` (one row per outlet,
    then one per article of it: actors reported on, cooperative/conflictual shares, stances)."""
    from ..analysis.sources import compare_sources

    rows = compare_sources(store)
    for r in rows:
        for k in ("coop_share", "conflict_share", "mean_goldstein"):
            if r.get(k) is not None:
                r[k] = round(float(r[k]), 3)
    return rows


def sources_for_display(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """:func:`sources` rows for a table: an outlet with a single article becomes one row."""
    out: list[dict[str, Any]] = []
    for r in rows:
        prev = out[-1] if out else None
        if (r["level"] == "article" and prev is not None and prev["level"] == "outlet"
                and prev["n_articles"] == 1 and prev["outlet"] == r["outlet"]):
            prev.update(doc_id=r["doc_id"], title=r["title"], publication_date=r["publication_date"])
            continue
        out.append(dict(r))
    return out


def quality(store: Store, *, limit: int = 200) -> dict[str, Any]:
    """Rejected inputs, documents with inferred/unknown dates, low-confidence events."""
    return {
        "rejections": store.query(
            "SELECT file, NULLIF(line, 0) AS line, reason, message FROM rejections ORDER BY file, line LIMIT ?",
            [limit],
        ),
        "date_basis": dict(store.con.execute(
            "SELECT publication_date_basis, count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()),
        "inferred_dates": store.query(
            "SELECT doc_id, title, file, strftime(publication_date, '%Y-%m-%d') AS publication_date, "
            "publication_date_basis, publication_date_window_days FROM documents "
            "WHERE publication_date_basis IN ('inferred', 'unknown') ORDER BY file LIMIT ?",
            [limit],
        ),
        "event_date_basis": dict(store.con.execute(
            "SELECT coalesce(date_basis, 'none'), count(*) FROM event_mentions GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()),
        "low_confidence_threshold": LOW_CONFIDENCE,
        "low_confidence_events": store.query(
            "SELECT event_id, doc_id, sentence, cameo_code, plover_type, confidence, char_start, char_end "
            "FROM event_mentions WHERE confidence < ? ORDER BY confidence, event_id LIMIT ?",
            [LOW_CONFIDENCE, limit],
        ),
        "low_confidence_total": store.con.execute(
            "SELECT count(*) FROM event_mentions WHERE confidence < ?", [LOW_CONFIDENCE]
        ).fetchone()[0],
    }


def like_escape(text: str) -> str:
    """Escape ``%``, ``_`` and ``\\`` for ``ILIKE ... ESCAPE '\\'``."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def snippet(text: str, q: str, width: int = 90) -> str:
    """The part of ``text`` around the first case-insensitive match of ``q``."""
    i = text.lower().find(q.lower())
    if i < 0:
        return text[: 2 * width]
    start, end = max(0, i - width), min(len(text), i + len(q) + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


_TERM = re.compile(r'"([^"]+)"|(\S+)')


def search_terms(q: str) -> list[str]:
    """The terms of a query: words, and "quoted phrases" kept whole (an unclosed quote is a
    plain character)."""
    terms = [(m.group(1) or m.group(2)).strip() for m in _TERM.finditer(q)]
    return [t for t in terms if t] or [q]


def _all_terms(columns: Sequence[str], terms: Sequence[str]) -> tuple[str, list[str]]:
    """A WHERE clause: every term occurs (case-insensitively) in one of ``columns``."""
    clauses, params = [], []
    for term in terms:
        pat = f"%{like_escape(term)}%"
        clauses.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns) + ")")
        params.extend([pat] * len(columns))
    return " AND ".join(clauses), params


def search(store: Store, q: str, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Case-insensitive search over article titles/texts and event sentences: every word (or
    "quoted phrase") of ``q`` must occur, in any order."""
    terms = search_terms(q)
    where, params = _all_terms(("title", "text"), terms)
    n_docs = store.con.execute(f"SELECT count(*) FROM documents WHERE {where}", params).fetchone()[0]
    docs = store.query(
        "SELECT doc_id, title, coalesce(site, file) AS outlet, strftime(publication_date, '%Y-%m-%d') "
        f"AS publication_date, text FROM documents WHERE {where} "
        "ORDER BY publication_date NULLS LAST, doc_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    for d in docs:
        d["snippet"] = snippet(d.pop("text") or "", terms[0])
    _, links = _events_source(store)
    where, params = _all_terms(("m.sentence",), terms)
    n_events = store.con.execute(
        f"SELECT count(*) FROM event_mentions m WHERE {where}", params
    ).fetchone()[0]
    evs = store.query(
        f"WITH links AS ({links}) SELECT m.event_id, l.event_key, m.doc_id, m.sentence, m.date, "
        "m.source_name, m.target_name, m.cameo_code, m.plover_type FROM event_mentions m "
        f"LEFT JOIN links l ON l.event_id = m.event_id WHERE {where} "
        "ORDER BY m.date NULLS LAST, m.event_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {
        "q": q,
        "limit": limit,
        "offset": offset,
        "documents": {"total": n_docs, "items": docs},
        "events": {"total": n_events, "items": evs},
    }


def event_outlets(store: Store, event_keys: list[str]) -> dict[str, list[str]]:
    """event_key → the distinct outlets whose articles report it."""
    if not event_keys:
        return {}
    _, links = _events_source(store)
    marks = ", ".join("?" * len(event_keys))
    rows = store.con.execute(
        f"WITH links AS ({links}) SELECT l.event_key, list(DISTINCT coalesce(d.site, d.file) ORDER BY coalesce(d.site, d.file)) "
        "FROM links l JOIN event_mentions m ON m.event_id = l.event_id JOIN documents d ON d.doc_id = m.doc_id "
        f"WHERE l.event_key IN ({marks}) GROUP BY 1",
        list(event_keys),
    ).fetchall()
    return {k: list(v) for k, v in rows}
