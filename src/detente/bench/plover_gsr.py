"""plover-gsr: PLOVER event types and actor countries on the PLOVER gold-standard records.

The 322 records are the example sentences of the CAMEO 1.1b3 manual recoded by hand in PLOVER
0.5b1. Their event types are first mapped to the current PLOVER list as the benchmark README
says (DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT; the mapping lives
in ``data/ontology/plover.yaml``). detente codes each sentence from its text alone.

Measures

* **event-type accuracy** — share of records whose *main* detente event (below) has the gold
  PLOVER type; a record where detente finds nothing counts as wrong;
* **any-event type accuracy** — share of records where some detente event has the gold type;
* **source / target country accuracy** — over the records with gold actors (recipients), the
  share where the main event's source (target) country — the first three letters of its
  CAMEO actor code — is one of the gold actor (recipient) codes' first three letters;
  **country accuracy** pools the source and target slots.

A few gold actor codes are not the ISO 3166 alpha-3 country codes CAMEO uses (``JAP`` for
Japan, ``ITL`` for Italy, ``VTN`` for Vietnam, as their actor texts show): they are read as the
country they name (:data:`GOLD_COUNTRY_ALIASES`), and the report says how many slots that touched.

The main event of a sentence is the scored event (asserted or planned first, then
any) whose trigger is highest in the dependency tree, ties broken in favour of events with a
target, then by confidence.

    python -m detente.bench.plover_gsr --data ../shared/benchmarks/plover_gsr_cameo.jsonl
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from .petrarch_gsr import SCORED_MODALITIES, actor_code, code_texts, read_jsonl

log = logging.getLogger(__name__)


def main_event(events: list[dict]) -> dict | None:
    """The event a sentence is chiefly about (see the module docstring)."""
    if not events:
        return None
    scored = [e for e in events if e["modality"] in SCORED_MODALITIES] or events
    return min(scored, key=lambda e: (e.get("extra", {}).get("depth", 0), not e.get("target_actor_id"),
                                      -e["confidence"]))


#: Gold country codes that are not ISO 3166 alpha-3, and the country each one names.
GOLD_COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _gold_countries(actors: list[dict] | None) -> tuple[set[str], int]:
    """The countries of gold actor codes (first three letters), and how many were aliases."""
    found, aliased = set(), 0
    for a in actors or []:
        code = (a.get("code") or "")[:3]
        if not code:
            continue
        aliased += code in GOLD_COUNTRY_ALIASES
        found.add(GOLD_COUNTRY_ALIASES.get(code, code))
    return found, aliased


def _country(event: dict, side: str) -> str:
    return actor_code(event, side)[:3]


def run(data: str | Path, baselines_dir: str | Path | None = None, output: str | Path | None = None,
        nlp=None) -> dict[str, Any]:
    """Code the records and measure. ``baselines_dir`` is accepted for the same call shape as
    :func:`detente.bench.petrarch_gsr.run`; no coder outputs are published for this set."""
    from ..events import load_ontology

    if baselines_dir is not None:
        log.info("plover-gsr has no baseline outputs; ignoring %s", baselines_dir)

    ont = load_ontology()
    records = read_jsonl(data)
    coded = code_texts(((str(r["seq"]), r["text"], None) for r in records), nlp)
    n = type_ok = any_ok = 0
    src_n = src_ok = tgt_n = tgt_ok = aliased = 0
    confusion: Counter = Counter()
    rows = []
    for rec in records:
        gold_type, _ = ont.modernise_plover(rec["event"])
        events = coded[str(rec["seq"])]
        main = main_event(events)
        n += 1
        got_type = main["plover_type"] if main else None
        type_ok += got_type == gold_type
        any_ok += any(e["plover_type"] == gold_type for e in events)
        confusion[(gold_type, got_type or "none")] += 1
        gold_src, n_src = _gold_countries(rec.get("actor"))
        gold_tgt, n_tgt = _gold_countries(rec.get("recipient"))
        aliased += n_src + n_tgt
        if gold_src:
            src_n += 1
            src_ok += bool(main) and _country(main, "source") in gold_src
        if gold_tgt:
            tgt_n += 1
            tgt_ok += bool(main) and _country(main, "target") in gold_tgt
        rows.append({"seq": rec["seq"], "id": rec["id"], "gold_type": gold_type,
                     "gold_source": sorted(gold_src), "gold_target": sorted(gold_tgt),
                     "type": got_type, "source": _country(main, "source") if main else None,
                     "target": _country(main, "target") if main else None,
                     "code": main["cameo_code"] if main else None,
                     "events": [(e["cameo_code"], e["plover_type"], actor_code(e, "source"),
                                 actor_code(e, "target"), e["modality"]) for e in events]})
    figures = {
        "records": n,
        "event_type_accuracy": round(type_ok / n, 3) if n else 0.0,
        "any_event_type_accuracy": round(any_ok / n, 3) if n else 0.0,
        "source_country_accuracy": round(src_ok / src_n, 3) if src_n else 0.0,
        "target_country_accuracy": round(tgt_ok / tgt_n, 3) if tgt_n else 0.0,
        "country_accuracy": round((src_ok + tgt_ok) / (src_n + tgt_n), 3) if src_n + tgt_n else 0.0,
        "source_slots": src_n, "target_slots": tgt_n, "aliased_gold_codes": aliased,
        "no_event_records": sum(1 for r in rows if r["type"] is None),
        "confusions": [{"gold": g, "got": d, "n": c} for (g, d), c in confusion.most_common() if g != d][:15],
    }
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return figures


def format_report(figures: dict[str, Any]) -> str:
    lines = [
        f"plover-gsr: {figures['records']} records (PLOVER 0.5b1 types mapped to current PLOVER)",
        f"  event-type accuracy (main event)   {figures['event_type_accuracy']:.3f}",
        f"  event-type accuracy (any event)    {figures['any_event_type_accuracy']:.3f}",
        (f"  source country accuracy            {figures['source_country_accuracy']:.3f}  "
        f"({figures['source_slots']} records)"),
        (f"  target country accuracy            {figures['target_country_accuracy']:.3f}  "
        f"({figures['target_slots']} records)"),
        f"  country accuracy (pooled)          {figures['country_accuracy']:.3f}",
        f"  records without any event          {figures['no_event_records']}",
        (f"  gold codes read as ISO countries   {figures.get('aliased_gold_codes', 0)} "
         f"({', '.join(f'{a}->{b}' for a, b in GOLD_COUNTRY_ALIASES.items())})"),
        "  most frequent type confusions (gold -> detente):",
    ]
    lines += [f"    {c['gold']:<10} -> {c['got']:<10} {c['n']}" for c in figures["confusions"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m detente.bench.plover_gsr", description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="plover_gsr_cameo.jsonl")
    parser.add_argument("--output", default=None, help="write per-record results here (JSONL)")
    args = parser.parse_args(argv)
    print(format_report(run(args.data, output=args.output)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
