"""How each outlet and article describes the relation: actors, tone of events, stances.

:func:`compare_sources` returns one row per outlet (the document's site, else the file it came
from) followed by one row per article of that outlet, so a user can set outlets side by side:

* ``actors`` — the actors the outlet/article reports on, most mentioned first (with counts);
* ``n_events`` and ``coop_share`` / ``conflict_share`` — of its event mentions, the share in
  quad classes 1–2 (cooperation) and 3–4 (conflict); ``mean_goldstein``;
* ``stances`` — stances it reports per issue (parties and commentators counted apart).

Shares are over the outlet's own event mentions (not merged events): the point is how the
outlet itself describes things, including how often it repeats them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from .formatting import render
from .timeline import outlet_name

SOURCE_COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("outlet", "outlet", 28),
    ("title", "article", 36),
    ("n_articles", "articles", None),
    ("n_events", "events", None),
    ("coop_share", "coop share", None),
    ("conflict_share", "conflict share", None),
    ("mean_goldstein", "mean goldstein", None),
    ("actors", "actors reported on", 50),
    ("stances", "stances by issue", 50),
)


def _top(counts: Counter, n: int) -> list[str]:
    """``name (count)``, most mentioned first, ties by name."""
    return [f"{name} ({c})" for name, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def _shares(quads: Counter, goldstein: float) -> dict[str, Any]:
    n = sum(quads.values())
    return {
        "n_events": n,
        "coop_share": (quads[1] + quads[2]) / n if n else None,
        "conflict_share": (quads[3] + quads[4]) / n if n else None,
        "mean_goldstein": goldstein / n if n else None,
    }


def compare_sources(store, *, top_actors: int = 8) -> list[dict[str, Any]]:
    """Per outlet, then per article of it: actors reported on, tone of events, stances."""
    docs = store.query(
        "SELECT doc_id, site, title, file, strftime(publication_date, '%Y-%m-%d') AS publication_date "
        "FROM documents ORDER BY publication_date NULLS LAST, file"
    )
    for d in docs:
        d["outlet"] = outlet_name(d["site"], d["file"])
    docs.sort(key=lambda d: d["outlet"])
    actors = store.query(
        "SELECT m.doc_id, coalesce(a.name, m.text) AS name, count(*) AS n FROM actor_mentions m "
        "LEFT JOIN actors a USING (actor_id) GROUP BY m.doc_id, coalesce(a.name, m.text)"
    )
    events = store.query(
        "SELECT doc_id, quad_class, count(*) AS n, sum(goldstein) AS g FROM event_mentions "
        "GROUP BY doc_id, quad_class"
    )
    stance_rows = store.query(
        "SELECT doc_id, issue, speaker_kind, count(*) AS n FROM stances GROUP BY doc_id, issue, speaker_kind"
    )
    doc_actors: dict[str, Counter] = defaultdict(Counter)
    for r in actors:
        doc_actors[r["doc_id"]][r["name"]] += r["n"]
    doc_quads: dict[str, Counter] = defaultdict(Counter)
    doc_g: dict[str, float] = defaultdict(float)
    for r in events:
        doc_quads[r["doc_id"]][r["quad_class"]] += r["n"]
        doc_g[r["doc_id"]] += float(r["g"] or 0.0)
    doc_stances: dict[str, Counter] = defaultdict(Counter)
    for r in stance_rows:
        label = r["issue"] if r["speaker_kind"] != "commentator" else f"{r['issue']} (commentators)"
        doc_stances[r["doc_id"]][label] += r["n"]

    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        by_outlet[d["outlet"]].append(d)
    out = []
    for outlet, members in by_outlet.items():
        quads, g, act, st = Counter(), 0.0, Counter(), Counter()
        rows = []
        for d in members:
            doc_id = d["doc_id"]
            quads.update(doc_quads[doc_id])
            g += doc_g[doc_id]
            act.update(doc_actors[doc_id])
            st.update(doc_stances[doc_id])
            rows.append({
                "level": "article", "outlet": outlet, "doc_id": doc_id, "title": d["title"] or d["file"],
                "publication_date": d["publication_date"], "n_articles": 1,
                **_shares(doc_quads[doc_id], doc_g[doc_id]),
                "actors": _top(doc_actors[doc_id], top_actors),
                "stances": dict(sorted(doc_stances[doc_id].items())),
            })
        out.append({
            "level": "outlet", "outlet": outlet, "doc_id": None, "title": None, "publication_date": None,
            "n_articles": len(members), **_shares(quads, g),
            "actors": _top(act, top_actors),
            "stances": dict(sorted(st.items())),
        })
        out.extend(rows)
    return out


def format_sources(rows: Sequence[dict[str, Any]], fmt: str = "table") -> str:
    """Render :func:`compare_sources` rows as ``table``, ``jsonl`` (every field) or ``md``."""
    return render(rows, SOURCE_COLUMNS, fmt)
