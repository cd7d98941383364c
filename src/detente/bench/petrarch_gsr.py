"""petrarch-gsr: CAMEO event coding on the 78 PETRARCH-2 "gold standard records".

detente codes each record from its ``text`` and ``date`` only (never the supplied parses) and
is scored, with PETRARCH2's and UniversalPetrarch's outputs from ``baselines/`` scored the same
way beside it, by precision / recall / F1 of (source, target, code) triples at two levels:

* **full** — the full CAMEO actor code (``JPNGOV``, ``IGOUNO`` ...) and the full event code;
* **country+root** — the first three letters of each actor code and the two-digit root.

Per record the produced triples are a set (duplicates removed); every record counts, so
triples produced on the 12 no-event records are false positives (the counting that gives
the README's reference figures: PETRARCH2 F1 0.95 on its 60 records, UniversalPetrarch 0.83 on
all 78, country+root). Figures are given on all 78 records and on the 60 records PETRARCH2
could parse (those with a ``parse_ptb``). Only dyadic events (with a target actor) whose modality
is asserted or planned are scored: CAMEO codes those (proposed, negated and conditional
mentions are not events), and both baselines drop events without a target.

    python -m detente.bench.petrarch_gsr --data ../shared/benchmarks/petrarch2_gsr_validation.jsonl
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

BASELINE_FILES = {
    "PETRARCH2": "petrarch2_on_petrarch2_gsr_validation.jsonl",
    "UniversalPetrarch": "universalpetrarch_on_petrarch2_gsr_validation.jsonl",
}
LEVELS = ("full", "country+root")

#: Modalities that count as coded events when scoring against CAMEO-style gold standards
#: (which code what is reported as done or planned; a proposal is coded as the act of
#: proposing, not as the proposed event; denials and conditionals are not events).
SCORED_MODALITIES = ("asserted", "planned")


def scored(event: dict) -> bool:
    """Whether an event counts against a CAMEO gold standard: asserted or planned, and dyadic
    (a target actor is named) — the baselines drop events without a target in the same way."""
    return event["modality"] in SCORED_MODALITIES and bool(event.get("target_actor_id"))


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
    return rows


def code_texts(items: Iterable[tuple[str, str, str | None]], nlp=None) -> dict[str, list[dict]]:
    """Code (id, text, ISO date) items with detente; events (dicts with ``extra``) per id."""
    from ..events import code_records

    if nlp is None:
        from ..pipeline import build_nlp

        nlp = build_nlp()
    items = list(items)
    out: dict[str, list[dict]] = {rid: [] for rid, _, _ in items}
    records = ({"id": rid, "text": text, "date": date} for rid, text, date in items)
    for row in code_records(records, nlp, with_extra=True):
        out[row["record_id"]].append(row)
    return out


def actor_code(event: dict, side: str) -> str:
    """CAMEO-style actor code of one side of an event: the actor's CAMEO code, else its
    country, else ``---`` (unknown), as in PETRARCH output."""
    cameo = event.get(f"{side}_cameo")
    if cameo:
        return cameo
    country = event.get(f"{side}_country")
    return country or "---"


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def triple(event: dict, level: str) -> tuple[str, str, str]:
    """(source, target, code) of an event or a gold/baseline coding at ``level``."""
    if "source" in event:
        src, tgt, code = event["source"] or "---", event["target"] or "---", event["code"]
    else:
        src, tgt, code = actor_code(event, "source"), actor_code(event, "target"), event["cameo_code"]
    if level == "full":
        return src, tgt, code
    return src[:3], tgt[:3], code[:2]


def score(records: list[dict], outputs: dict[int, list[dict]], level: str,
          seqs: Iterable[int] | None = None) -> dict[str, float]:
    """Micro P/R/F1 of triples over ``seqs`` (default all records); no-event records count."""
    wanted = set(seqs) if seqs is not None else None
    tp = fp = fn = 0
    exact = n = 0
    for rec in records:
        if wanted is not None and rec["seq"] not in wanted:
            continue
        n += 1
        gold = {triple(e, level) for e in rec.get("expected") or []}
        got = {triple(e, level) for e in outputs.get(rec["seq"], [])}
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        exact += gold == got
    out = prf(tp, fp, fn)
    out.update({"records": n, "exact": exact})
    return out


def load_baselines(baselines_dir: str | Path) -> dict[str, dict[int, list[dict]]]:
    found = {}
    for name, fname in BASELINE_FILES.items():
        path = Path(baselines_dir) / fname
        if not path.exists():
            log.warning("baseline %s not found at %s", name, path)
            continue
        found[name] = {row["seq"]: row.get("got") or [] for row in read_jsonl(path)}
    return found


def run(data: str | Path, baselines_dir: str | Path | None = None, output: str | Path | None = None,
        nlp=None) -> dict[str, Any]:
    """Code the records, score detente and the baselines; optionally write detente's output."""
    records = read_jsonl(data)
    if baselines_dir is None:
        baselines_dir = Path(data).parent / "baselines"
    items = [(str(r["seq"]), r["text"], r.get("date")) for r in records]
    coded = code_texts(items, nlp)
    ours: dict[int, list[dict]] = {}
    for rec in records:
        events = [e for e in coded[str(rec["seq"])] if scored(e)]
        ours[rec["seq"]] = events
    systems = {"detente": ours, **load_baselines(baselines_dir)}
    p2_seqs = [r["seq"] for r in records if r.get("parse_ptb")]
    subsets = {"all": None, "petrarch2_60": p2_seqs}
    figures: dict[str, Any] = {"records": len(records), "petrarch2_records": len(p2_seqs), "scores": {}}
    for system, outputs in systems.items():
        for subset, seqs in subsets.items():
            if system == "PETRARCH2" and subset == "all":
                continue  # PETRARCH2 ran only on the 60 records with a parse
            for level in LEVELS:
                figures["scores"][f"{system}|{subset}|{level}"] = score(records, outputs, level, seqs)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            for rec in records:
                got = [{"source": triple(e, "full")[0], "target": triple(e, "full")[1],
                        "code": e["cameo_code"], "modality": e["modality"], "scored": scored(e),
                        "trigger": e.get("trigger"),
                        "pattern": e.get("extra", {}).get("pattern")}
                       for e in coded[str(rec["seq"])]]
                fh.write(json.dumps({"seq": rec["seq"], "id": rec["id"], "got": got,
                                     "expected": rec.get("expected") or []}, ensure_ascii=False) + "\n")
    return figures


def format_report(figures: dict[str, Any]) -> str:
    lines = [(f"petrarch-gsr: {figures['records']} records "
             f"({figures['petrarch2_records']} with a PETRARCH2 parse)"), ""]
    header = f"{'system':<18} {'records':<13} {'level':<13} {'P':>6} {'R':>6} {'F1':>6} {'exact':>7}"
    lines += [header, "-" * len(header)]
    for key, s in figures["scores"].items():
        system, subset, level = key.split("|")
        subset_name = "all 78" if subset == "all" else "PETRARCH2 60"
        lines.append(f"{system:<18} {subset_name:<13} {level:<13} {s['precision']:>6.3f} "
                     f"{s['recall']:>6.3f} {s['f1']:>6.3f} {s['exact']:>3}/{s['records']:<3}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m detente.bench.petrarch_gsr", description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="petrarch2_gsr_validation.jsonl")
    parser.add_argument("--baselines", default=None, help="folder with the baseline outputs")
    parser.add_argument("--output", default=None, help="write detente's codings here (JSONL)")
    args = parser.parse_args(argv)
    figures = run(args.data, args.baselines, args.output)
    print(format_report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
