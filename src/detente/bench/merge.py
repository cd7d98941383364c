"""Merge at scale: peak memory of ``merge_store`` by store size, and what time slices cost.

``detente bench merge`` writes synthetic stores of growing size (invented event mentions:
many roots, dyads, dates over ten years, events reported several times in an article and by
several articles, with text, context and publication dates), then merges each store twice,
each time in a fresh process that reports its own peak memory:

* **sliced** — ``merge_store`` as ``detente analyze`` runs it: partitions of more than
  ``slice_limit`` mentions are merged in time slices (:data:`detente.merge.SLICE_LIMIT`);
* **unbounded** — the same with no slice limit: one merge per partition, however large.

The *split* figure is the share of the unbounded merge's multi-mention events whose mentions
the sliced merge keeps in more than one event (reports of one event on both sides of a cut).
Peak memory is the RSS high-water mark of the merging process; ``merge MiB`` is that minus the
process's RSS once the store is open, before merging.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import resource
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..records import Article, EventMention

#: Store sizes (event mentions) ``detente bench merge`` measures by default.
DEFAULT_SIZES = (25_000, 100_000, 400_000)
#: No slice limit: every partition merged whole.
UNBOUNDED = 10**12


#: CAMEO roots with rough shares of a news corpus (consultations dominate).
ROOTS = {"04": 30, "03": 10, "05": 8, "01": 6, "02": 6, "11": 5, "12": 4, "17": 4, "19": 4, "06": 3,
         "07": 3, "08": 2, "10": 2, "13": 2, "16": 2, "14": 1, "15": 1, "18": 1, "20": 1, "09": 1}
COUNTRIES = ["JPN", "RUS", "CHN", "USA", "KOR", "PRK", "IND", "PAK", "DEU", "FRA", "GBR", "UKR",
             "IRN", "ISR", "TUR", "SYR", "EGY", "SAU", "BRA", "MEX", "ITA", "ESP", "POL", "CAN",
             "AUS", "IDN", "VNM", "PHL", "THA", "NGA"]
MODALITIES = ["asserted"] * 8 + ["planned", "proposed", "negated", "hypothetical"]
SITES = [f"outlet{n}.example" for n in range(12)]


def _vocabulary(rng: random.Random, n: int) -> list[str]:
    letters = "abcdefghijklmnoprstuvw"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(n)]


def synthetic_articles(n_mentions: int, seed: int = 7, per_doc: int = 20) -> Iterator[dict]:
    """``write_articles`` items holding about ``n_mentions`` invented event mentions, one at a time.

    Each article reports a few events of one or two dyads, each several times (with the
    same topic words, its date read from the text, from context, or only the publication
    date), and some events are reported by several articles: a store whose merge has real
    work to do, spread over many roots, dyads and dates.
    """
    rng = random.Random(seed)
    words = _vocabulary(rng, 3000)
    roots, weights = list(ROOTS), list(ROOTS.values())
    # Popular dyads are far more frequent than the rest.
    dyads = [(a, b) for a in COUNTRIES for b in COUNTRIES if a != b]
    dyad_weights = [1.0 / (1 + i) ** 0.8 for i in range(len(dyads))]
    rng.shuffle(dyads)
    shared: list[dict] = []  # events that other articles also report
    count, doc_n = 0, 0
    while count < n_mentions:
        doc_id = f"doc{doc_n:06d}"
        doc_n += 1
        pub = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(365 * 10))
        doc_dyads = rng.choices(dyads, weights=dyad_weights, k=2)
        events = []
        for _ in range(max(1, per_doc // 3)):
            if shared and rng.random() < 0.2:
                events.append(rng.choice(shared))
                continue
            source, target = rng.choice(doc_dyads)
            day = pub - dt.timedelta(days=rng.randrange(90))
            event = {
                "root": rng.choices(roots, weights=weights)[0], "source": source,
                "target": None if rng.random() < 0.15 else target, "day": day,
                "person": rng.randrange(3), "topic": rng.sample(words, 4),
                "modality": rng.choice(MODALITIES),
            }
            events.append(event)
            if rng.random() < 0.1:
                shared.append(event)
        mentions = []
        for k in range(per_doc):
            ev = rng.choice(events)
            roll = rng.random()
            if roll < 0.35:
                date, precision, basis = pub.isoformat(), "day", "publication"
            elif roll < 0.7:
                date, precision, basis = ev["day"].isoformat(), "day", "clause"
            elif roll < 0.82:
                date, precision, basis = ev["day"].strftime("%Y-%m"), "month", "sentence"
            elif roll < 0.88:
                date, precision, basis = str(ev["day"].year), "year", "clause"
            elif roll < 0.95:
                date, precision, basis = ev["day"].isoformat(), "day", "context"
            else:
                date, precision, basis = None, None, "none"
            person = rng.random() < 0.5
            source_id = f"person:{ev['source'].lower()}_{ev['person']}" if person else ev["source"]
            target = ev["target"]
            sentence = " ".join(ev["topic"][: rng.randint(2, 4)] + rng.sample(words, 8)).capitalize() + "."
            code = ev["root"] + rng.choice(["0", "1", "2"])
            mentions.append(EventMention(
                event_id=f"{doc_id}-{k:03d}", doc_id=doc_id, file=f"{doc_id}.txt", sentence=sentence,
                sentence_index=k, char_start=0, char_end=len(sentence), date=date,
                date_precision=precision, date_text=None, date_basis=basis,
                source_actor_id=source_id, source_name=source_id, source_country=ev["source"],
                source_sector="GOV", source_cameo=ev["source"] + "GOV",
                target_actor_id=target, target_name=target, target_country=target,
                target_sector=None, target_cameo=target,
                cameo_code=code, cameo_root=ev["root"], plover_type="CONSULT", plover_mode=None,
                quad_class=1, goldstein=round(rng.uniform(-10, 10), 1), modality=ev["modality"],
                location=None, confidence=round(rng.uniform(0.5, 1.0), 2), coder_version="synthetic",
                trigger=ev["topic"][0],
            ))
        count += len(mentions)
        article = Article(
            doc_id=doc_id, file=f"{doc_id}.txt", text=f"Synthetic article {doc_id}.",
            site=rng.choice(SITES) if rng.random() < 0.9 else None, publication_date=pub, word_count=3,
        )
        yield {"article": article, "events": mentions}


def build_store(path, n_mentions: int, seed: int = 7) -> int:
    """Write a synthetic store of about ``n_mentions`` mentions at ``path``; returns the count."""
    from ..store import open_store

    items = synthetic_articles(n_mentions, seed)
    with open_store(path) as store:
        while chunk := list(itertools.islice(items, 500)):
            store.write_articles(chunk)
        return store.query("SELECT count(*) AS n FROM event_mentions")[0]["n"]


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _merge(path: str, slice_limit: int, keep_as: str | None) -> dict[str, Any]:
    from ..merge import merge_store
    from ..store import open_store

    with open_store(path) as store:
        before = _rss_mib()
        t0 = time.perf_counter()
        events = merge_store(store, slice_limit=slice_limit)
        seconds = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        if keep_as:
            store.con.execute(f"CREATE OR REPLACE TABLE {keep_as} AS SELECT * FROM event_links")
    return {"events": events, "seconds": seconds, "peak_rss_mib": peak, "merge_mib": peak - before}


def _merge_in_child(path: Path, slice_limit: int, keep_as: str | None = None) -> dict[str, Any]:
    from .child import run_in_child

    return run_in_child(_merge, (str(path), slice_limit, keep_as), name=f"merge of {path}")


def _split_share(path: Path) -> tuple[int, int]:
    """(multi-mention events of the unbounded merge, how many of them the sliced merge splits)."""
    from ..store import open_store

    with open_store(path, read_only=True) as store:
        row = store.query(
            "WITH whole AS (SELECT event_key, event_id FROM _bench_whole_links WHERE event_key IN "
            "(SELECT event_key FROM _bench_whole_links GROUP BY event_key HAVING count(*) > 1)) "
            "SELECT count(DISTINCT w.event_key) AS multi, "
            "count(DISTINCT CASE WHEN n > 1 THEN w.event_key END) AS split FROM whole w JOIN ("
            "  SELECT w.event_key, count(DISTINCT l.event_key) AS n FROM whole w "
            "  JOIN event_links l USING (event_id) GROUP BY w.event_key) s USING (event_key)"
        )[0]
    return row["multi"], row["split"]


def largest_partition(path: Path) -> int:
    """Mentions in the store's largest partition (see :func:`detente.merge.partitions`)."""
    from ..merge import store_partitions
    from ..store import open_store

    with open_store(path, read_only=True) as store:
        parts = store_partitions(store)
    return max((sum(g[3] for g in part) for part in parts), default=0)


def run(sizes: Sequence[int] = DEFAULT_SIZES, *, slice_limit: int | None = None,
        unbounded: bool = True, workdir: Path | None = None) -> dict[str, Any]:
    """Build a synthetic store of each size and merge it sliced (and, with ``unbounded``, whole)."""
    from ..merge import SLICE_LIMIT

    limit = SLICE_LIMIT if slice_limit is None else slice_limit
    rows = []
    with tempfile.TemporaryDirectory(prefix="detente-bench-merge-", dir=workdir) as tmp:
        for size in sizes:
            path = Path(tmp) / f"synthetic_{size}.duckdb"
            t0 = time.perf_counter()
            mentions = build_store(path, size)
            row: dict[str, Any] = {"mentions": mentions, "build_seconds": time.perf_counter() - t0,
                                   "largest_partition": largest_partition(path), "slice_limit": limit}
            if unbounded:
                row["unbounded"] = _merge_in_child(path, UNBOUNDED, keep_as="_bench_whole_links")
            row["sliced"] = _merge_in_child(path, limit)
            if unbounded:
                multi, split = _split_share(path)
                row["multi_mention_events"] = multi
                row["split_by_slices"] = split
            path.unlink()
            rows.append(row)
    return {"slice_limit": limit, "sizes": rows}


def format_report(figures: dict[str, Any]) -> str:
    lines = [f"merge at scale (synthetic stores; slice limit {figures['slice_limit']:,} mentions)",
             (f"{'mentions':>10} {'largest part':>12} {'sliced peak MiB':>16} {'merge MiB':>10} "
              f"{'s':>7} {'unbounded peak MiB':>19} {'merge MiB':>10} {'s':>7} {'split':>14}")]
    for row in figures["sizes"]:
        s = row["sliced"]
        u = row.get("unbounded")
        whole = (f"{u['peak_rss_mib']:>19.0f} {u['merge_mib']:>10.0f} {u['seconds']:>7.1f}" if u
                 else f"{'-':>19} {'-':>10} {'-':>7}")
        split = "-"
        if u and row["multi_mention_events"]:
            split = f"{row['split_by_slices']}/{row['multi_mention_events']} " \
                    f"({row['split_by_slices'] / row['multi_mention_events']:.1%})"
        lines.append(f"{row['mentions']:>10,} {row['largest_partition']:>12,} {s['peak_rss_mib']:>16.0f} "
                     f"{s['merge_mib']:>10.0f} {s['seconds']:>7.1f} {whole} {split:>14}")
    peaks = [row["sliced"]["peak_rss_mib"] for row in figures["sizes"]]
    if peaks:
        lines.append(f"sliced peak: {max(peaks):.0f} MiB")
    return "\n".join(lines) + "\n"


def write_json(figures: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
