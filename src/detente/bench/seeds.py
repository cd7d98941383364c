"""seeds: the events detente finds in the reference articles, listed so a reader can check them.

Runs ingest → nlp → actors → time → events on every article of the seeds folder (no store)
and reports, per article, the number of events, the count per PLOVER type and every event
with its date (and basis), dyad, CAMEO code, modality and an evidence snippet around the
trigger. There is no gold file here (the annotation the articles are scored against is not
shipped), so the figures are counts to read against the text, not scores.

    python -m detente.bench.seeds --seeds ../shared/seeds
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ..records import EventMention

log = logging.getLogger(__name__)

SNIPPET = 70  # characters of context each side of the trigger


def _snippet(text: str, ev: EventMention) -> str:
    start = ev.extra.get("trigger_start", ev.char_start)
    end = ev.extra.get("trigger_end", ev.char_end)
    lo = max(ev.char_start, start - SNIPPET)
    hi = min(ev.char_end, end + SNIPPET)
    body = text[lo:start] + "[" + text[start:end] + "]" + text[end:hi]
    return ("…" if lo > ev.char_start else "") + " ".join(body.split()) + ("…" if hi < ev.char_end else "")


def _side(ev: EventMention, side: str) -> str:
    name = getattr(ev, f"{side}_name")
    code = getattr(ev, f"{side}_cameo") or getattr(ev, f"{side}_country")
    if not name:
        return "-"
    return f"{name} ({code})" if code else name


def run(seeds_dir: str | Path, output: str | Path | None = None, nlp=None) -> dict[str, Any]:
    from ..actors import load_actor_db
    from ..config import Options
    from ..ingest import iter_inputs
    from ..pipeline import _analyze_doc
    from ..records import Article

    if nlp is None:
        from ..pipeline import build_nlp

        nlp = build_nlp()
    options = Options()
    paths = sorted(Path(seeds_dir).glob("*.txt"))
    articles = [a for a in iter_inputs([str(p) for p in paths], options) if isinstance(a, Article)]
    db = load_actor_db()
    figures: dict[str, Any] = {"articles": [], "total_events": 0, "by_type": {}}
    total_types: Counter = Counter()
    all_events: list[dict] = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        when = article.publication_date
        events = _analyze_doc(article, doc, db).events  # the same stages as `detente analyze`
        by_type = Counter(e.plover_type for e in events)
        total_types.update(by_type)
        listed = []
        for e in events:
            listed.append({
                "date": e.date, "date_basis": e.date_basis, "source": _side(e, "source"),
                "target": _side(e, "target"), "code": e.cameo_code,
                "name": e.extra.get("cameo_name"), "plover": e.plover_type, "modality": e.modality,
                "location": e.location, "confidence": e.confidence, "sentence_index": e.sentence_index,
                "snippet": _snippet(article.text, e),
            })
            all_events.append({**e.to_json_dict(), "trigger": e.trigger})
        figures["articles"].append({
            "file": Path(article.file).name, "title": article.title,
            "publication_date": when.isoformat() if when else None,
            "events": len(events), "by_type": dict(by_type.most_common()), "list": listed,
        })
        figures["total_events"] += len(events)
    figures["by_type"] = dict(total_types.most_common())
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in all_events)
    return figures


def format_report(figures: dict[str, Any]) -> str:
    lines = [f"seeds: {len(figures['articles'])} articles, {figures['total_events']} events",
             "  by PLOVER type: " + ", ".join(f"{k} {v}" for k, v in figures["by_type"].items()), ""]
    for art in figures["articles"]:
        lines.append(f"== {art['file']}  ({art['publication_date']})  {art['title'] or ''}")
        lines.append(f"   {art['events']} events: " + ", ".join(f"{k} {v}" for k, v in art["by_type"].items()))
        for e in art["list"]:
            lines.append(f"   {e['date'] or '-':<10} [{e['date_basis'][:4]}] {e['code']:<4} {e['plover'] or '-':<9} "
                         f"{e['modality']:<12} {e['source']} -> {e['target']}"
                         + (f"  @ {e['location']}" if e["location"] else ""))
            lines.append(f"        {e['snippet']}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m detente.bench.seeds", description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", required=True, help="folder with the reference articles (*.txt)")
    parser.add_argument("--output", default=None, help="write every event as JSONL here")
    args = parser.parse_args(argv)
    print(format_report(run(args.seeds, args.output)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
