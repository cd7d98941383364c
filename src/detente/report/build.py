"""Collect the report's data from a store and render it into one HTML file."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import logging
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from .. import __version__
from ..errors import DetenteError
from ..store import Store, open_store
from ..web import queries as q
from .render import (
    QUAD_COLOURS,
    Span,
    goldstein_colour,
    highlight,
    index_chart,
    locate,
    network_chart,
)

log = logging.getLogger(__name__)

#: Above this many documents only the articles the report quotes are embedded.
EMBED_ALL_ARTICLES_UP_TO = 300
MAX_TIMELINE_EVENTS = 500
MAX_DYADS = 3


def choose_period(store: Store, f: q.EventFilter) -> str:
    """The finest period (month, quarter, year) that keeps the chart under ~40 points."""
    for by in ("month", "quarter"):
        if len(q.index(store, f, by=by)["periods"]) <= 40:
            return by
    return "year"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("detente", "report"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(goldstein_colour=goldstein_colour, quad_colours=QUAD_COLOURS, quad_names=q.QUAD_NAMES)
    return env


def _asset(name: str) -> str:
    return (resources.files("detente") / "report" / name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _article_html(doc: dict[str, Any]) -> Any:
    spans = []
    text = doc.get("text") or ""
    for e in doc["events"]:
        where = locate(text, e["sentence"], e["char_start"], e["char_end"])
        if where:
            tip = f"{e['cameo_code']} {e['plover_type'] or ''}: {e['source_name'] or '?'} → {e['target_name'] or '?'}"
            spans.append(Span(where[0], where[1], anchor=f"ev-{e['event_id']}", css="ev", title=tip))
    for s in doc["stances"]:
        where = locate(text, s["sentence"], s["char_start"], s["char_end"])
        if where:
            tip = f"position of {s['actor_name'] or '?'} on {s['issue']}"
            spans.append(Span(where[0], where[1], anchor=f"st-{s['stance_id']}", css="st", title=tip))
    return highlight(text, spans)


def report_data(store: Store, dyad: str | None = None) -> dict[str, Any]:
    """Everything the report shows, as plain data (also handy for tests and other renderers)."""
    summary = q.summary(store)
    if dyad:
        try:
            a, b = q.parse_dyad(dyad)
        except ValueError as exc:
            raise DetenteError(str(exc)) from exc
        dyad_list = [{"a": a, "b": b}]
    else:
        dyad_list = q.dyads(store, limit=MAX_DYADS)
    sections = []
    quoted_docs: set[str] = set()
    for d in dyad_list:
        f = q.EventFilter(a=d["a"], b=d["b"])
        by = choose_period(store, f)
        idx = q.index(store, f, by=by)
        tl = q.events(store, f, limit=MAX_TIMELINE_EVENTS)
        quoted_docs |= {e["doc_id"] for e in tl["items"] if e["doc_id"]}
        sections.append({
            "a": d["a"], "b": d["b"], "slug": f"{d['a']}-{d['b']}", "by": by, "index": idx,
            "chart": index_chart(idx["periods"], title=f"{d['a']}–{d['b']}: cooperation–conflict index by {by}",
                                 chart_id=f"index-{d['a']}-{d['b']}"),
            "timeline": tl,
        })
    net = q.network(store)
    stances = q.stances(store, limit=1000)
    quoted_docs |= {s["doc_id"] for s in stances["items"]}
    by_issue = q.group_stances(stances["items"])
    quality = q.quality(store)
    quoted_docs |= {e["doc_id"] for e in quality["low_confidence_events"]}
    quoted_docs |= {d["doc_id"] for d in quality["inferred_dates"]}
    all_docs = q.documents(store, limit=100_000)["items"]
    embed_all = len(all_docs) <= EMBED_ALL_ARTICLES_UP_TO
    articles = []
    for meta in all_docs:
        if not embed_all and meta["doc_id"] not in quoted_docs:
            continue
        doc = q.document(store, meta["doc_id"])
        if doc is None:
            continue
        doc["html"] = _article_html(doc)
        articles.append(doc)
    return {
        "summary": summary,
        "documents": all_docs,
        "dyads": sections,
        "network": net,
        "network_chart": network_chart(net["nodes"], net["edges"]),
        "stances": stances,
        "stances_by_issue": by_issue,
        "sources": q.sources_for_display(q.sources(store)),
        "quality": quality,
        "articles": articles,
        "embedded_all": embed_all,
        "embedded_ids": {a["doc_id"] for a in articles},
    }


def build_report(db_path: str | Path, out_path: str | Path, dyad: str | None = None) -> Path:
    """Write the self-contained HTML report of the store at ``db_path`` to ``out_path``.

    ``dyad`` (``"JPN-RUS"``) restricts the index chart and timeline to that pair; by default
    the report shows the main dyads (most events). Returns the path written.
    """
    out_path = Path(out_path)
    with open_store(db_path, read_only=True) as store:
        data = report_data(store, dyad)
    css, js = _asset("report.css"), _asset("report.js")
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "base-uri 'none'; form-action 'none'"
    )
    html = _environment().get_template("report.html").render(
        css=css, js=js, csp=csp, version=__version__, db_name=Path(db_path).name,
        generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"), dyad=dyad, **data,
    )
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(html, encoding="utf-8")
    log.info("report written to %s (%d bytes)", out_path, len(html))
    return out_path
