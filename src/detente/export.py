"""Exports of a detente store: CSV, JSON Lines, Parquet, PLOVER-style JSON and GDELT-like TSV.

``export(db, what, fmt, out)`` reads the store read-only. ``what`` is one of

* ``events``: merged events (one row per real-world event, with its best evidence); when the
  store has not been merged yet, every mention counts as an event of its own;
* ``mentions``: every event mention, with the ``detente events --format jsonl`` fields plus
  the key of the merged event it belongs to;
* ``documents``: documents (with text) and rejected inputs (``status = rejected``, ``reason``);
* ``actors``: actors with mention counts;
* ``stances``: stated positions.

``fmt`` is ``csv``, ``jsonl`` or ``parquet`` for any of them, and for ``events``/``mentions``
also ``plover`` or ``gdelt``. With ``out`` the export is written there and the path returned;
without it the text is returned (Parquet needs ``out``). In CSV, list values are joined
with ``"; "``.

PLOVER-style JSON (``plover``)
------------------------------
JSON Lines, one event per line, shaped like the PLOVER gold-standard records
(``id``, ``date``, ``event``, ``mode``, ``context``, ``actor``, ``recipient``, ``text``,
``event_text``, ``event_location``) with detente's additions:

=================== =============================================================
field               value
=================== =============================================================
``id``              merged event key (mention id for ``mentions``)
``date``            event date as stored (``2016-12-15``, ``2016-12``, ``2016``)
``date_precision``  day, month, quarter, year ...
``event``           PLOVER event type (``CONSULT``, ``ACCUSE`` ...)
``mode``            PLOVER mode of the best mention, or null
``context``         always an empty list (detente does not code PLOVER contexts)
``actor``           ``[{"actorText", "code", "country", "sector", "actor_id"}]`` (source)
``recipient``       the same for the target (empty list when there is none)
``text``            the evidence sentence of the best mention
``event_text``      the trigger word(s) of the best mention
``event_location``  place, or null
``cameo``           CAMEO event code; ``goldstein``; ``quad_class``; ``modality``
``num_mentions``    mentions merged into the event; ``num_documents``; ``num_sources``
``sources``         ``[{"doc_id", "outlet", "url", "publication_date"}]`` of every report
``language``        language of the best mention's document
=================== =============================================================

GDELT-like TSV (``gdelt``)
--------------------------
Tab-separated, UTF-8, with a header row (GDELT files have none), in the column order of the
GDELT 2.0 event table (61 columns), then five ``detente_*`` columns. Tabs and line breaks
inside values become spaces. Mapping:

======================================= ==========================================================
GDELT column                            detente value
======================================= ==========================================================
GLOBALEVENTID                           merged event key (a string, not GDELT's integer)
SQLDATE, MonthYear, Year, FractionDate  first day of the event date (YYYYMMDD, YYYYMM, YYYY,
                                        YYYY.FFFF); see ``detente_date_precision`` for how exact
Actor1Code / Actor2Code                 CAMEO actor code of source / target (else country code)
Actor1Name / Actor2Name                 actor name as resolved
Actor1CountryCode / Actor2CountryCode   ISO 3166 alpha-3 country of the actor
Actor1Type1Code / Actor2Type1Code       sector (GOV, MIL, BUS ...)
KnownGroup, Ethnic, Religion, Type2/3   empty
IsRootEvent                             1 when the best evidence is the article's first sentence
EventCode / EventBaseCode / RootCode    CAMEO code, its first three digits, its root
QuadClass, GoldsteinScale               as coded
NumMentions / NumSources / NumArticles  mentions merged / distinct outlets / distinct documents
AvgTone                                 empty (detente does not compute tone)
Actor1Geo_* / Actor2Geo_*               empty
ActionGeo_FullName                      event location; other ActionGeo_* columns empty
DATEADDED                               export time, YYYYMMDDHHMMSS (UTC)
SOURCEURL                               URL of the best evidence's document, else its file path
detente_date, detente_date_precision    the date as stored and its precision
detente_modality, detente_plover_type   modality and PLOVER type
detente_evidence                        the evidence sentence
======================================= ==========================================================
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import DetenteError
from .output import to_csv, to_jsonl, write_parquet
from .store import Store, open_store
from .web import queries as q

log = logging.getLogger(__name__)

WHATS = ("events", "mentions", "documents", "actors", "stances")
FORMATS = ("csv", "jsonl", "parquet", "plover", "gdelt")
_PAGE = 5000

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
DETENTE_GDELT_COLUMNS = (
    "detente_date", "detente_date_precision", "detente_modality", "detente_plover_type", "detente_evidence",
)


# -- rows ------------------------------------------------------------------------------------------
def _paged(fetch) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    offset = 0
    while True:
        page = fetch(limit=_PAGE, offset=offset)
        rows.extend(page["items"])
        offset += _PAGE
        if offset >= page["total"]:
            return rows


def _event_rows(store: Store) -> list[dict[str, Any]]:
    """Merged events with everything the exports need from their best mention and reports."""
    rows = _paged(lambda limit, offset: q.events(store, limit=limit, offset=offset))
    best_ids = [r["best_event_id"] for r in rows if r["best_event_id"]]
    best = {}
    for i in range(0, len(best_ids), _PAGE):
        chunk = best_ids[i:i + _PAGE]
        for m in store.query(
            "SELECT m.event_id, m.source_cameo, m.source_sector, m.target_cameo, m.target_sector, "
            "m.plover_mode, m.trigger, m.sentence_index, d.url, d.file, d.language "
            "FROM event_mentions m LEFT JOIN documents d ON d.doc_id = m.doc_id "
            f"WHERE m.event_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            best[m["event_id"]] = m
    _, links = q._events_source(store)
    reports: dict[str, list] = {}
    for r in store.query(
        f"WITH links AS ({links}) SELECT l.event_key, m.event_id, m.doc_id, coalesce(d.site, d.file) AS outlet, "
        "d.url, strftime(d.publication_date, '%Y-%m-%d') AS publication_date FROM links l "
        "JOIN event_mentions m ON m.event_id = l.event_id LEFT JOIN documents d ON d.doc_id = m.doc_id "
        "ORDER BY l.event_key, d.publication_date NULLS LAST, m.doc_id, m.char_start"
    ):
        reports.setdefault(r.pop("event_key"), []).append(r)
    for r in rows:
        r.update({f"best_{k}": v for k, v in best.get(r["best_event_id"], {}).items() if k != "event_id"})
        r["reports"] = reports.get(r["event_key"], [])
        r["mention_ids"] = [x["event_id"] for x in r["reports"]]
        r["outlets"] = sorted({x["outlet"] for x in r["reports"] if x["outlet"]})
    return rows


EVENT_COLUMNS = (
    "event_key", "date", "date_precision", "source_actor_id", "source_name", "source_country",
    "target_actor_id", "target_name", "target_country", "cameo_code", "cameo_root", "plover_type",
    "quad_class", "goldstein", "modality", "location", "n_mentions", "n_documents", "n_sources",
    "best_event_id", "doc_id", "evidence", "outlet", "outlets", "mention_ids",
)


def _mention_rows(store: Store) -> list[dict[str, Any]]:
    _, links = q._events_source(store)
    cols = ", ".join(f"m.{c}" for c in q_fields())
    return store.query(
        f"WITH links AS ({links}) SELECT {cols}, m.trigger, m.plover_mode AS plover_mode_, l.event_key, "
        "coalesce(d.site, d.file) AS outlet, d.url, d.language, "
        "strftime(d.publication_date, '%Y-%m-%d') AS publication_date "
        "FROM event_mentions m LEFT JOIN links l ON l.event_id = m.event_id "
        "LEFT JOIN documents d ON d.doc_id = m.doc_id ORDER BY m.date NULLS LAST, m.doc_id, m.char_start"
    )


def q_fields() -> Sequence[str]:
    from .records import EventMention

    return EventMention.JSONL_FIELDS


def rows_for(store: Store, what: str) -> tuple[list[dict[str, Any]], Sequence[str] | None]:
    """The rows (and column order) of one export table."""
    if what == "events":
        return _event_rows(store), EVENT_COLUMNS
    if what == "mentions":
        return _mention_rows(store), tuple(q_fields()) + ("trigger", "event_key", "outlet", "url")
    if what == "documents":
        return store.documents(with_text=True), None
    if what == "actors":
        return _paged(lambda limit, offset: q.actors(store, limit=limit, offset=offset)), None
    if what == "stances":
        return _paged(lambda limit, offset: q.stances(store, limit=limit, offset=offset)), None
    raise DetenteError(f"cannot export {what!r}; choose one of {', '.join(WHATS)}")


# -- PLOVER ----------------------------------------------------------------------------------------
def _actor(name, code, country, sector, actor_id) -> list[dict[str, Any]]:
    if not (name or actor_id or country):
        return []
    return [{"actorText": name, "code": code or country, "country": country, "sector": sector, "actor_id": actor_id}]


def plover_records(rows: list[dict[str, Any]], what: str) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        if what == "events":
            out.append({
                "id": r["event_key"], "date": r["date"], "date_precision": r["date_precision"],
                "event": r["plover_type"], "mode": r.get("best_plover_mode"), "context": [],
                "actor": _actor(r["source_name"], r.get("best_source_cameo"), r["source_country"],
                                r.get("best_source_sector"), r["source_actor_id"]),
                "recipient": _actor(r["target_name"], r.get("best_target_cameo"), r["target_country"],
                                    r.get("best_target_sector"), r["target_actor_id"]),
                "text": (r["evidence"] or "").strip() or None, "event_text": r.get("best_trigger"),
                "event_location": r["location"],
                "cameo": r["cameo_code"], "goldstein": r["goldstein"], "quad_class": r["quad_class"],
                "modality": r["modality"], "num_mentions": r["n_mentions"], "num_documents": r["n_documents"],
                "num_sources": r["n_sources"], "sources": r["reports"], "language": r.get("best_language"),
            })
        else:
            out.append({
                "id": r["event_id"], "date": r["date"], "date_precision": r["date_precision"],
                "event": r["plover_type"], "mode": r["plover_mode_"], "context": [],
                "actor": _actor(r["source_name"], r["source_cameo"], r["source_country"], r["source_sector"],
                                r["source_actor_id"]),
                "recipient": _actor(r["target_name"], r["target_cameo"], r["target_country"], r["target_sector"],
                                    r["target_actor_id"]),
                "text": (r["sentence"] or "").strip(), "event_text": r["trigger"], "event_location": r["location"],
                "cameo": r["cameo_code"], "goldstein": r["goldstein"], "quad_class": r["quad_class"],
                "modality": r["modality"], "event_key": r["event_key"],
                "sources": [{"doc_id": r["doc_id"], "outlet": r["outlet"], "url": r["url"],
                             "publication_date": r["publication_date"]}],
                "language": r["language"],
            })
    return out


# -- GDELT -----------------------------------------------------------------------------------------
def _tsv(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).replace("\t", " ").splitlines()) if isinstance(value, str) else str(value)


def _gdelt_dates(start: str | None) -> tuple[str, str, str, str]:
    if not start:
        return "", "", "", ""
    try:
        day = dt.date.fromisoformat(start[:10])
    except ValueError:
        day = dt.date(int(start[:4]), int(start[5:7]), 28)  # "2018-02-31" style month ends
    frac = day.year + (day.timetuple().tm_yday - 1) / 365.0
    return day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{frac:.4f}"


def gdelt_rows(rows: list[dict[str, Any]], what: str) -> list[list[str]]:
    added = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
    out = []
    for r in rows:
        if what == "events":
            key, start = r["event_key"], r["d_start"]
            a1 = (r.get("best_source_cameo") or r["source_country"], r["source_name"], r["source_country"], r.get("best_source_sector"))
            a2 = (r.get("best_target_cameo") or r["target_country"], r["target_name"], r["target_country"], r.get("best_target_sector"))
            root = 1 if r.get("best_sentence_index") == 0 else 0
            counts = (r["n_mentions"], r["n_sources"], r["n_documents"])
            url = r.get("best_url") or r.get("best_file") or ""
            evidence = r["evidence"]
        else:
            key = r["event_id"]
            start = q.interval_start(r["date"])
            a1 = (r["source_cameo"] or r["source_country"], r["source_name"], r["source_country"], r["source_sector"])
            a2 = (r["target_cameo"] or r["target_country"], r["target_name"], r["target_country"], r["target_sector"])
            root = 1 if r["sentence_index"] == 0 else 0
            counts = (1, 1, 1)
            url = r["url"] or r["file"] or ""
            evidence = r["sentence"]
        sqldate, month, year, frac = _gdelt_dates(start)
        code = r["cameo_code"] or ""
        values = {
            "GLOBALEVENTID": key, "SQLDATE": sqldate, "MonthYear": month, "Year": year, "FractionDate": frac,
            "Actor1Code": a1[0], "Actor1Name": a1[1], "Actor1CountryCode": a1[2], "Actor1Type1Code": a1[3],
            "Actor2Code": a2[0], "Actor2Name": a2[1], "Actor2CountryCode": a2[2], "Actor2Type1Code": a2[3],
            "IsRootEvent": root, "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": r["cameo_root"],
            "QuadClass": r["quad_class"], "GoldsteinScale": r["goldstein"],
            "NumMentions": counts[0], "NumSources": counts[1], "NumArticles": counts[2],
            "ActionGeo_FullName": r["location"], "DATEADDED": added, "SOURCEURL": url,
            "detente_date": r["date"], "detente_date_precision": r["date_precision"],
            "detente_modality": r["modality"], "detente_plover_type": r["plover_type"],
            "detente_evidence": evidence,
        }
        out.append([_tsv(values.get(c)) for c in GDELT_COLUMNS + DETENTE_GDELT_COLUMNS])
    return out


def _csv_ready(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def flat(v: Any) -> Any:
        if isinstance(v, (list, tuple)):
            return "; ".join(json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else str(x) for x in v)
        if isinstance(v, dict):
            return json.dumps(v, ensure_ascii=False, default=str)
        return v

    return [{k: flat(v) for k, v in r.items()} for r in rows]


def export(db_path: str | Path, what: str, fmt: str, out: Path | None = None) -> Path | str:
    """Export one table of the store at ``db_path``; see the module docstring for formats."""
    if what not in WHATS:
        raise DetenteError(f"cannot export {what!r}; choose one of {', '.join(WHATS)}")
    if fmt not in FORMATS:
        raise DetenteError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in ("plover", "gdelt") and what not in ("events", "mentions"):
        raise DetenteError(f"the {fmt} format is for events or mentions, not {what}")
    if fmt == "parquet" and out is None:
        raise DetenteError("parquet is a binary format: give an output file (--out FILE)")
    with open_store(db_path, read_only=True) as store:
        rows, columns = rows_for(store, what)
    if fmt == "parquet":
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_parquet(rows, out, columns)
        log.info("exported %d %s to %s", len(rows), what, out)
        return out
    if fmt == "csv":
        text = to_csv(_csv_ready(rows), columns)
    elif fmt == "jsonl":
        text = to_jsonl([{c: r.get(c) for c in columns} for r in rows] if columns else rows)
    elif fmt == "plover":
        text = to_jsonl(plover_records(rows, what))
    else:
        lines = ["\t".join(GDELT_COLUMNS + DETENTE_GDELT_COLUMNS)]
        lines += ["\t".join(values) for values in gdelt_rows(rows, what)]
        text = "\n".join(lines) + "\n"
    if out is None:
        return text
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    log.info("exported %d %s to %s", len(rows), what, out)
    return out
