"""Measure publication-date finding on a JSONL corpus whose dates are known (for measuring only).

Each line's ``text`` is ingested WITHOUT its ``date``; the date detente finds (dateline,
page timestamp or inference) is compared with the known one::

    detente bench pubdates --data ../shared/corpora/timeline17_interstate/articles.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from detente.config import Options
from detente.errors import IngestError
from detente.ingest.readers import make_article


@dataclass
class BasisScore:
    n: int = 0
    errors: list[int] = field(default_factory=list)
    inside: int = 0

    def summary(self) -> dict:
        e = self.errors
        return {
            "n": self.n,
            "exact": round(sum(x == 0 for x in e) / len(e), 3) if e else None,
            "median_abs_error_days": statistics.median(e) if e else None,
            "within_7_days": round(sum(x <= 7 for x in e) / len(e), 3) if e else None,
            "true_date_inside_window": round(self.inside / len(e), 3) if e else None,
        }


def evaluate(path: Path, *, text_key: str = "text", date_key: str = "date",
             limit: int | None = None) -> dict:
    """Per-basis scores of the publication dates found for the texts in ``path``."""
    scores: dict[str, BasisScore] = {}
    rejected: Counter[str] = Counter()
    total = 0
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if limit is not None and total >= limit:
                break
            row = json.loads(raw)
            total += 1
            true = dt.date.fromisoformat(str(row[date_key])[:10])
            try:
                art = make_article(row[text_key], file=str(path), options=Options(min_words=1))
            except IngestError as exc:
                rejected[exc.reason] += 1
                continue
            score = scores.setdefault(art.publication_date_basis, BasisScore())
            score.n += 1
            if art.publication_date is not None:
                err = abs((art.publication_date - true).days)
                score.errors.append(err)
                score.inside += err <= (art.publication_date_window_days or 0)
    return {"file": str(path), "documents": total, "rejected": dict(rejected),
            "by_basis": {b: s.summary() for b, s in sorted(scores.items())}}


def format_report(figures: dict) -> str:
    """A readable table: per basis, how often the found date is exact, close, inside its window."""
    lines = [
        f"publication dates of {figures['documents']} documents in {figures['file']} (known dates hidden)",
        f"{'basis':<10} {'n':>6} {'exact':>7} {'<=7d':>7} {'median err (d)':>15} {'in window':>10}",
    ]
    for basis, s in figures["by_basis"].items():
        def fmt(v):
            return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)

        lines.append(
            f"{basis:<10} {s['n']:>6} {fmt(s['exact']):>7} {fmt(s['within_7_days']):>7} "
            f"{fmt(s['median_abs_error_days']):>15} {fmt(s['true_date_inside_window']):>10}"
        )
    if figures["rejected"]:
        lines.append("rejected: " + ", ".join(f"{k} {v}" for k, v in sorted(figures["rejected"].items())))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--text-key", default="text")
    parser.add_argument("--date-key", default="date")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    for p in args.paths:
        print(json.dumps(evaluate(p, text_key=args.text_key, date_key=args.date_key,
                                  limit=args.limit), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
