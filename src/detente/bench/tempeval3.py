"""TempEval-3 Task A (time expressions) benchmark for the time stage.

Each document is parsed once (``nlp.pipe`` in batches), its time expressions are found with
:func:`detente.time.find_timexes` anchored on the gold document-creation time, and compared
with the gold TIMEX3 annotations:

* strict span P/R/F1 — identical character offsets;
* relaxed span P/R/F1 — overlapping offsets (one-to-one);
* value P/R/F1 — a relaxed match whose normalised value is identical (the TempEval-3 way:
  value P = correct values / system expressions, value R = correct values / gold expressions);
* type accuracy over relaxed matches;

for all types and for DATE alone, per split (timebank, aquaint, te3-platinum) and overall.

Usage: ``python -m detente.bench.tempeval3 --data documents.jsonl [--split NAME] [--output FILE]``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

log = logging.getLogger(__name__)

SPLITS = ("timebank", "aquaint", "te3-platinum")


@dataclass
class Counts:
    """Running counts for one (split, type filter) cell."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type_ok: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "value", "type_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, Any]:
        def prf(tp: int) -> dict[str, float]:
            p = tp / self.system if self.system else 0.0
            r = tp / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}

        return {
            "gold": self.gold,
            "system": self.system,
            "strict": prf(self.strict),
            "relaxed": prf(self.relaxed),
            "value": prf(self.value),
            "type_accuracy": round(self.type_ok / self.relaxed, 4) if self.relaxed else 0.0,
        }


@dataclass
class _Doc:
    doc_id: str
    split: str
    anchor: dt.date
    text: str
    gold: list[dict[str, Any]] = field(default_factory=list)


def load_documents(data_path: str | Path, split: str | None = None) -> list[_Doc]:
    """Read the TempEval-3 JSONL file (optionally one split)."""
    path = Path(data_path)
    if not path.exists():
        raise ConfigError("benchmark data not found", file=str(path))
    if split is not None and split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}; valid: {', '.join(SPLITS)}", file=str(path))
    docs: list[_Doc] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                subset = rec["subset"]
                anchor = dt.date.fromisoformat(str(rec["date"])[:10])
                gold = rec["gold"]["timexes"]
                text = rec["text"]
                doc_id = rec["id"]
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise ConfigError(f"malformed TempEval-3 record: {exc}", file=str(path),
                                  line=lineno) from exc
            if split is not None and subset != split:
                continue
            docs.append(_Doc(doc_id, subset, anchor, text, gold))
    return docs


def _match(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> Counts:
    c = Counts(gold=len(gold), system=len(system))
    gold_spans = {(g["start"], g["end"]) for g in gold}
    c.strict = sum(1 for s in system if (s["start"], s["end"]) in gold_spans)
    pairs = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            ov = min(s["end"], g["end"]) - max(s["start"], g["start"])
            if ov > 0:
                pairs.append((-ov, i, j))
    pairs.sort()
    used_s: set[int] = set()
    used_g: set[int] = set()
    for _ov, i, j in pairs:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        c.relaxed += 1
        if system[i]["value"] == gold[j]["value"]:
            c.value += 1
        if system[i]["type"] == gold[j]["type"]:
            c.type_ok += 1
    return c


def _load_nlp(model: str | None):
    from ..config import Options
    from ..nlp import load_pipeline

    names = (model,) if model else Options().model_names()
    return load_pipeline(tuple(names))


def run(
    data_path: str | Path,
    split: str | None = None,
    output: str | Path | None = None,
    *,
    nlp=None,
    model: str | None = None,
    limit: int | None = None,
    batch_size: int = 16,
) -> dict[str, Any]:
    """Run the benchmark; return the figures (per split and overall, all types and DATE).

    ``nlp`` is a loaded spaCy pipeline (default: the configured one, ``model`` overriding its
    name); ``limit`` keeps the first N documents; ``output`` writes one JSON line per document.
    """
    from ..time import find_timexes

    docs = load_documents(data_path, split)
    if limit is not None:
        docs = docs[:limit]
    if nlp is None:
        nlp = _load_nlp(model)
    counts: dict[tuple[str, str], Counts] = {}
    t0 = time.perf_counter()
    t_norm = 0.0
    with contextlib.ExitStack() as stack:
        out_fh = stack.enter_context(Path(output).open("w", encoding="utf-8")) if output else None
        disable = [p for p in ("lemmatizer",) if p in nlp.pipe_names]
        with nlp.select_pipes(disable=disable):
            parsed: Iterable = nlp.pipe((d.text for d in docs), batch_size=batch_size)
            for d, doc in zip(docs, parsed, strict=True):
                t1 = time.perf_counter()
                found = find_timexes(doc, d.anchor, combine_ranges=False)
                t_norm += time.perf_counter() - t1
                system = [{"start": t.start, "end": t.end, "type": t.type, "value": t.value}
                          for t in found]
                if out_fh:
                    out_fh.write(json.dumps({"id": d.doc_id, "timexes": system}) + "\n")
                for types in ("ALL", "DATE"):
                    g = [x for x in d.gold if types == "ALL" or x["type"] == types]
                    s = [x for x in system if types == "ALL" or x["type"] == types]
                    c = _match(g, s)
                    for key in ((d.split, types), ("overall", types)):
                        counts.setdefault(key, Counts()).add(c)
    elapsed = time.perf_counter() - t0
    figures: dict[str, Any] = {
        "benchmark": "tempeval3",
        "data": str(data_path),
        "split": split,
        "documents": len(docs),
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "seconds": round(elapsed, 2),
        "docs_per_second": round(len(docs) / elapsed, 2) if elapsed else None,
        "normaliser_docs_per_second": round(len(docs) / t_norm, 1) if t_norm else None,
        "splits": {},
    }
    for (name, types), c in sorted(counts.items()):
        figures["splits"].setdefault(name, {})[types] = c.figures()
    return figures


def format_report(figures: dict[str, Any]) -> str:
    """A plain-text table of the figures returned by :func:`run`."""
    lines = [
        (f"TempEval-3 Task A (timex) — {figures['documents']} documents, model "
         f"{figures['model']}, {figures['seconds']} s ({figures['docs_per_second']} docs/s; "
         f"normaliser alone {figures['normaliser_docs_per_second']} docs/s)"),
        (f"{'split':<14}{'types':<6}{'gold':>6}{'sys':>6}  {'strict P/R/F1':<20}"
         f"{'relaxed P/R/F1':<20}{'value P/R/F1':<20}{'type acc':>8}"),
    ]
    order = [s for s in (*SPLITS, "overall") if s in figures["splits"]]
    for name in order:
        for types in ("ALL", "DATE"):
            f = figures["splits"][name].get(types)
            if not f:
                continue

            def cell(k: str, f: dict = f) -> str:
                return f"{f[k]['p']:.3f}/{f[k]['r']:.3f}/{f[k]['f1']:.3f}"

            lines.append(f"{name:<14}{types:<6}{f['gold']:>6}{f['system']:>6}  {cell('strict'):<20}"
                         f"{cell('relaxed'):<20}{cell('value'):<20}{f['type_accuracy']:>8.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m detente.bench.tempeval3",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="TempEval-3 documents.jsonl")
    parser.add_argument("--split", choices=SPLITS, default=None)
    parser.add_argument("--output", default=None, help="write per-document timexes (JSONL)")
    parser.add_argument("--model", default=None, help="spaCy pipeline name (default: configured)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        figures = run(args.data, args.split, args.output, model=args.model)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(figures, indent=2) if args.json else format_report(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
