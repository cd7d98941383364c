"""Timeline17 (conflict/diplomacy subset): date selection from merged events, scored by Date-F1.

For each topic the articles go through the whole pipeline (``detente.pipeline.analyze``) into a
temporary store; the merged events are then used to pick, for each gold timeline of the topic,
as many dates as the gold timeline has, inside the gold timeline's span (the standard T17
setting of the news-tls and tilse tools: the number of dates and the time range are given).

**Date ranking.** Only day-precision merged events count. A date's salience is::

    score(d) = Σ over merged events e dated d of  n_documents(e) · basis(e) · modality(e)

with ``basis`` 1 when some mention dates the event from the text (clause or sentence) and 0.5
when every mention only inherits its article's publication date, and ``modality`` 1 for asserted
events and 0.5 otherwise. Ties go to the date with more mentions, then the earlier date.
Counting *documents* per merged event rewards what many articles report, without the duplicate
counting that merging removes.

**Date-F1** (as in the TLS literature): with P the predicted and G the gold dates,
precision = |P∩G|/|P|, recall = |P∩G|/|G|, F1 their harmonic mean; averaged over timelines.

Beside ours the report prints a baseline computed here on the same articles — the dates with
most articles *published* (the "publication count" date ranker) — and the published T17 figures
of the news-tls methods when they are known (see :data:`PUBLISHED`).
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Published Date-F1 on the full Timeline17 of the methods compared by Gholipour Ghalandari &
#: Ifrim (ACL 2020, "Examining the State of the Art in News Timeline Summarization"), as
#: (method, Date-F1) pairs. Left empty: the paper's results table could not be retrieved with
#: the reference tools available offline when this benchmark was written, and figures are
#: never typed in from memory. Fill it from the paper's Table (T17 block, "Date F1" column).
PUBLISHED: list[tuple[str, float]] = []
PUBLISHED_SOURCE = (
    "Gholipour Ghalandari & Ifrim (ACL 2020), 'Examining the State of the Art in News Timeline "
    "Summarization', results on T17 (all 19 timelines / 9 topics)"
)
SUBSET_NOTE = (
    "our subset holds only the conflict/diplomacy topics of T17 (6 topics, 8 gold timelines); "
    "published figures are averages over all T17 topics, so they are a reference, not a like-for-like "
    "comparison"
)


# -- data ---------------------------------------------------------------------------------------

def load_timelines(data_dir: str | Path) -> list[dict[str, Any]]:
    """Gold timelines: ``timeline_id``, ``topic``, ``start``, ``end``, ``dates`` (distinct,
    sorted; a few timelines have two entries under one date) and ``n_entries``."""
    path = Path(data_dir) / "timelines.jsonl"
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            out.append({
                "timeline_id": rec["timeline_id"],
                "topic": rec["topic"],
                "start": rec["start"],
                "end": rec["end"],
                "dates": sorted({e["date"] for e in rec["entries"]}),
                "n_entries": len(rec["entries"]),
            })
    return out


def load_articles(data_dir: str | Path, topics: Iterable[str] | None = None) -> dict[str, list[dict]]:
    """Articles by topic, each ``{id, topic, source, date, text}``, in date order."""
    wanted = set(topics) if topics is not None else None
    out: dict[str, list[dict]] = defaultdict(list)
    with (Path(data_dir) / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if wanted is not None and rec["topic"] not in wanted:
                continue
            out[rec["topic"]].append(
                {k: rec.get(k) for k in ("id", "topic", "source", "date", "text")}
            )
    for arts in out.values():
        arts.sort(key=lambda a: (a["date"], a["id"]))
    return dict(out)


def sample(articles: Sequence[dict], limit: int | None) -> list[dict]:
    """``limit`` articles spread evenly over the topic's dates (all of them without a limit)."""
    if limit is None or limit >= len(articles):
        return list(articles)
    if limit <= 0:
        return []
    step = len(articles) / limit
    return [articles[int(i * step)] for i in range(limit)]


# -- scoring --------------------------------------------------------------------------------------

def date_f1(predicted: Iterable[str], gold: Iterable[str]) -> dict[str, float]:
    """Date precision, recall and F1 of a predicted date list against a gold one."""
    p, g = set(predicted), set(gold)
    hit = len(p & g)
    precision = hit / len(p) if p else 0.0
    recall = hit / len(g) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "matched": hit}


def _in_range(day: str, start: str | None, end: str | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def rank_event_dates(events: Sequence[dict[str, Any]]) -> list[tuple[str, float]]:
    """Dates by salience from merged-event rows with ``date``, ``date_precision``,
    ``n_documents``, ``n_mentions``, ``modality`` and ``text_dated`` (see module docstring)."""
    score: dict[str, float] = defaultdict(float)
    mentions: Counter = Counter()
    for e in events:
        day = e.get("date")
        if not day or len(day) != 10 or (e.get("date_precision") not in (None, "day")):
            continue
        basis = 1.0 if e.get("text_dated") else 0.5
        modality = 1.0 if e.get("modality") == "asserted" else 0.5
        score[day] += float(e.get("n_documents") or 1) * basis * modality
        mentions[day] += int(e.get("n_mentions") or 1)
    return sorted(score.items(), key=lambda kv: (-kv[1], -mentions[kv[0]], kv[0]))


def select_dates(ranked: Sequence[tuple[str, float]], k: int, start: str | None = None,
                 end: str | None = None) -> list[str]:
    """The ``k`` best dates inside [start, end], in date order."""
    chosen = [d for d, _ in ranked if _in_range(d, start, end)][:k]
    return sorted(chosen)


def store_event_rows(store) -> list[dict[str, Any]]:
    """Merged events with whether any of their mentions is dated from the text."""
    return store.query(
        "SELECT e.event_key, e.date, e.date_precision, e.n_documents, e.n_mentions, e.modality, "
        "bool_or(m.date_basis IN ('clause', 'sentence')) AS text_dated "
        "FROM events e JOIN event_links l USING (event_key) JOIN event_mentions m USING (event_id) "
        "GROUP BY e.event_key, e.date, e.date_precision, e.n_documents, e.n_mentions, e.modality"
    )


def publication_baseline(articles: Sequence[dict]) -> list[tuple[str, float]]:
    """Dates ranked by the number of articles published that day (a standard simple ranker)."""
    counts = Counter(a["date"] for a in articles if a.get("date"))
    return sorted(((d, float(n)) for d, n in counts.items()), key=lambda kv: (-kv[1], kv[0]))


# -- the run ------------------------------------------------------------------------------------

def _analyze_topic(articles: Sequence[dict], workdir: Path, topic: str, options) -> tuple[list[dict], dict]:
    from ..config import Options
    from ..pipeline import analyze
    from ..store import open_store

    safe = topic.replace("/", "_")
    jsonl = workdir / f"{safe}.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a["id"], "text": a["text"], "date": a["date"],
                                 "source": a.get("source"), "title": None}) + "\n")
    db = workdir / f"{safe}.duckdb"
    opts = (options or Options()).with_(db=db, quiet=True)
    result = analyze([jsonl], opts)
    with open_store(db) as store:
        rows = store_event_rows(store)
        counts = store.counts()
    return rows, {
        "analyzed": result.analyzed, "rejected": len(result.rejected),
        "event_mentions": counts["event_mentions"], "merged_events": counts["events"],
    }


def run(
    data_dir: str | Path,
    output: str | Path | None = None,
    limit: int | None = None,
    *,
    options=None,
    workdir: str | Path | None = None,
) -> dict[str, Any]:
    """Run the benchmark; returns the figures (see :func:`format_report`).

    ``limit`` processes only that many articles per topic (spread over its dates) for a quick
    measurement. ``output`` writes one JSON line per gold timeline with our dates.
    """
    started = time.monotonic()
    gold = load_timelines(data_dir)
    articles = load_articles(data_dir, {g["topic"] for g in gold})
    per_timeline, topic_stats = [], {}
    with tempfile.TemporaryDirectory(prefix="detente-t17-") as tmp:
        base = Path(workdir) if workdir else Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        for topic in sorted({g["topic"] for g in gold}):
            chosen = sample(articles.get(topic, []), limit)
            log.info("timeline17: %s: analysing %d articles", topic, len(chosen))
            rows, stats = _analyze_topic(chosen, base, topic, options)
            stats["articles"] = len(chosen)
            topic_stats[topic] = stats
            ranked = rank_event_dates(rows)
            baseline = publication_baseline(chosen)
            for g in (x for x in gold if x["topic"] == topic):
                k = len(g["dates"])
                ours = select_dates(ranked, k, g["start"], g["end"])
                base_dates = select_dates(baseline, k, g["start"], g["end"])
                per_timeline.append({
                    "timeline_id": g["timeline_id"], "topic": topic, "n_gold": k,
                    "n_predicted": len(ours), "dates": ours,
                    **date_f1(ours, g["dates"]),
                    "baseline_f1": date_f1(base_dates, g["dates"])["f1"],
                })
    if output:
        write_dates(output, per_timeline)
    return summarise(per_timeline, topic_stats, limit=limit, seconds=time.monotonic() - started)


def write_dates(path: str | Path, per_timeline: Sequence[dict[str, Any]]) -> None:
    """One JSON line per gold timeline: ``{"timeline_id": ..., "dates": ["YYYY-MM-DD", ...]}``."""
    lines = [json.dumps({"timeline_id": t["timeline_id"], "dates": t["dates"]}) + "\n" for t in per_timeline]
    Path(path).write_text("".join(lines), encoding="utf-8")


def summarise(per_timeline: list[dict[str, Any]], topic_stats: dict[str, dict], *,
              limit: int | None = None, seconds: float | None = None) -> dict[str, Any]:
    """Figures dict: per-timeline scores, macro averages, our baseline and published figures."""
    n = len(per_timeline)

    def mean(key: str) -> float:
        return sum(t[key] for t in per_timeline) / n if n else 0.0

    return {
        "benchmark": "timeline17_interstate",
        "limit_per_topic": limit,
        "timelines": per_timeline,
        "topics": topic_stats,
        "average": {"precision": mean("precision"), "recall": mean("recall"), "f1": mean("f1")},
        "baseline_publication_count_f1": mean("baseline_f1"),
        "published": [{"method": m, "date_f1": f} for m, f in PUBLISHED],
        "published_source": PUBLISHED_SOURCE,
        "note": SUBSET_NOTE,
        "seconds": round(seconds, 1) if seconds is not None else None,
    }


def format_report(figures: dict[str, Any]) -> str:
    """A readable report of :func:`run`'s figures."""
    lines = ["Timeline17 (conflict/diplomacy subset): date selection from merged events"]
    if figures.get("limit_per_topic"):
        lines.append(f"  quick run: at most {figures['limit_per_topic']} articles per topic")
    lines.append("")
    lines.append(f"  {'timeline':<36} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'pub-count F1':>13}")
    for t in figures["timelines"]:
        lines.append(
            f"  {t['timeline_id']:<36} {t['n_gold']:>5} {t['n_predicted']:>5} {t['precision']:>6.3f} "
            f"{t['recall']:>6.3f} {t['f1']:>6.3f} {t['baseline_f1']:>13.3f}"
        )
    avg = figures["average"]
    lines.append(
        f"  {'average (macro)':<36} {'':>5} {'':>5} {avg['precision']:>6.3f} {avg['recall']:>6.3f} "
        f"{avg['f1']:>6.3f} {figures['baseline_publication_count_f1']:>13.3f}"
    )
    lines.append("")
    for topic, s in sorted(figures.get("topics", {}).items()):
        lines.append(
            f"  {topic}: {s.get('articles', 0)} articles, {s.get('event_mentions', 0)} event mentions → "
            f"{s.get('merged_events', 0)} merged events"
        )
    lines.append("")
    lines.append(f"Published Date-F1 on T17 — {figures['published_source']}:")
    if figures["published"]:
        for p in figures["published"]:
            lines.append(f"  {p['method']:<30} {p['date_f1']:.3f}")
    else:
        lines.append(
            "  not available: the paper's results table could not be retrieved offline, and no figure "
            "is quoted from memory (fill detente.bench.timeline17.PUBLISHED from the paper)"
        )
    lines.append(f"Note: {figures['note']}.")
    if figures.get("seconds") is not None:
        lines.append(f"Time: {figures['seconds']} s")
    return "\n".join(lines) + "\n"
