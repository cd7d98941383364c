"""Throughput: detente's whole pipeline against the bare spaCy parse it depends on.

One run measures, on the same texts, one after the other and each in a fresh subprocess
(so each reports its own peak memory):

* **bare spaCy**: the same pipeline (same model, same thinc ops, same batch size, the same
  number of processes) parsing the main texts that ingest extracts, and nothing else;
* **detente**: ``detente.pipeline.analyze`` on the input files, from reading them to stored,
  merged events in a temporary DuckDB file.

Both rates use the same word count (words of the ingested main texts). Model loading is not
timed in a single process, and each phase first runs one short sentence through its stages
(the pipeline's stages build their rule tables on first use, as spaCy's do); with
``workers > 1`` the start-up of the worker processes is part of both timings. Peak memory is
the RSS high-water mark (``getrusage``) of the phase's own process and, separately, of the
largest worker process it started.

The default data, ``../shared/seeds``, is repeated until it has at least 60,000 words; each
copy after the first gets a short sentence naming its number in its first long paragraph, so
that it is a distinct document in the store (documents are keyed by content).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import resource
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Options

log = logging.getLogger(__name__)

MIN_WORDS = 60_000
INPUT_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}


@dataclass(frozen=True)
class _Input:
    path: Path  # relative to the data root (or the JSONL file itself)
    text: str


def _words(text: str) -> int:
    return len(text.split())


def _read_inputs(data: Path) -> list[_Input]:
    if data.is_file():
        return [_Input(Path(data.name), data.read_text(encoding="utf-8", errors="replace"))]
    files = sorted(p for p in data.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
    return [_Input(p.relative_to(data), p.read_text(encoding="utf-8", errors="replace")) for p in files]


def _input_words(item: _Input) -> int:
    if item.path.suffix.lower() != ".jsonl":
        return _words(item.text)
    total = 0
    for line in item.text.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            total += _words(record["text"])
    return total


def _mark(text: str, copy: int) -> str:
    """``text`` with a short sentence naming the copy, added to its first long paragraph."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _words(line) >= 30:
            lines[i] = f"{line.rstrip()} This is copy number {copy}."
            return "\n".join(lines)
    return f"{text.rstrip()}\nThis is copy number {copy}.\n"


def _copy_text(item: _Input, copy: int) -> str:
    """The text of copy ``copy`` of an input; copies after the first are made distinct documents."""
    if copy == 0:
        return item.text
    if item.path.suffix.lower() != ".jsonl":
        return _mark(item.text, copy)
    lines = []
    for line in item.text.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            lines.append(line)
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            record["text"] = _mark(record["text"], copy)
            if isinstance(record.get("id"), str):
                record["id"] = f"{record['id']}#{copy}"
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def prepare(data: Path, workdir: Path, repeat: int | None = None, min_words: int = MIN_WORDS) -> dict[str, Any]:
    """Write the benchmark inputs (``data`` repeated) under ``workdir/inputs``; describe them."""
    items = _read_inputs(data)
    if not items:
        raise FileNotFoundError(f"{data}: no .txt, .md, .html or .jsonl inputs")
    words = sum(_input_words(i) for i in items)
    if repeat is None:
        repeat = max(1, math.ceil(min_words / max(1, words)))
    root = workdir / "inputs"
    for copy in range(repeat):
        for item in items:
            target = root / f"copy{copy:03d}" / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_copy_text(item, copy), encoding="utf-8")
    largest = max(p.stat().st_size for p in root.rglob("*") if p.is_file())
    return {"data": str(data), "inputs": str(root), "repeat": repeat, "files": len(items) * repeat,
            "raw_words": words * repeat, "largest_file_bytes": largest}


# -- the two phases, each run in its own spawned process -----------------------------------------------
def _peaks() -> dict[str, float]:
    kib = 1024.0  # ru_maxrss is in KiB on Linux
    return {
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kib,
        "peak_worker_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / kib,
    }


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished child processes (user + system)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _ingested_texts(inputs: Path, options: Options) -> list[str]:
    from ..ingest import iter_inputs
    from ..records import Article

    return [r.text for r in iter_inputs([inputs], options) if isinstance(r, Article)]


def _phase_spacy(inputs: Path, options: Options) -> dict[str, Any]:
    from ..nlp import load_pipeline

    texts = _ingested_texts(inputs, options)
    t0 = time.perf_counter()
    nlp = load_pipeline(options.model_names())
    load = time.perf_counter() - t0
    list(nlp.pipe(["Warm-up sentence for the parser."]))
    tokens = 0
    t0, cpu0 = time.perf_counter(), _cpu_seconds()
    n_process = max(1, options.workers)
    for doc in nlp.pipe(texts, batch_size=options.batch_size, n_process=n_process):
        tokens += len(doc)
    elapsed, cpu = time.perf_counter() - t0, _cpu_seconds() - cpu0
    return {
        "documents": len(texts), "words": sum(_words(t) for t in texts), "tokens": tokens,
        "seconds": elapsed, "cpu_seconds": cpu, "load_seconds": load,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "ops": _ops_name(),
    }


def _ops_name() -> str:
    from thinc.api import get_current_ops

    ops = get_current_ops()
    blis = getattr(ops, "use_blis", None)
    return f"{type(ops).__name__}(use_blis={blis})" if blis is not None else type(ops).__name__


def _phase_pipeline(inputs: Path, options: Options) -> dict[str, Any]:
    from ..pipeline import analyze, build_nlp
    from ..store import open_store

    load = 0.0
    if options.workers == 1 and not options.dask:
        t0 = time.perf_counter()
        build_nlp(options)
        _warm_up(options)
        load = time.perf_counter() - t0
    t0, cpu0 = time.perf_counter(), _cpu_seconds()
    result = analyze([inputs], options)
    elapsed, cpu = time.perf_counter() - t0, _cpu_seconds() - cpu0
    with open_store(options.db, read_only=True) as store:
        words = store.query("SELECT coalesce(sum(word_count), 0) AS n FROM documents")[0]["n"]
        counts = store.counts()
    return {
        "documents": result.analyzed, "rejected": len(result.rejected), "words": int(words),
        "seconds": elapsed, "cpu_seconds": cpu, "load_seconds": load, "events": result.events,
        "merged_events": result.merged_events, "counts": counts,
        "stage_seconds": dict(result.timings), "db_mib": options.db.stat().st_size / 2**20,
    }


#: An invented sentence run through every stage before timing, as the bare spaCy phase parses
#: one before its timing: what each stage builds once per process (the time grammar and its
#: start index, the event patterns, actor tables) is loading, like the model, not throughput.
WARM_UP_TEXT = ("On Monday the foreign minister of Japan said Tokyo would host talks with Russia "
                "in May 2018, two years after the last summit.")


def _warm_up(options: Options) -> None:
    from ..pipeline import analyze_docs
    from ..records import Article

    analyze_docs([Article(doc_id="warm-up", file="warm-up", text=WARM_UP_TEXT,
                          publication_date=dt.date(2018, 9, 17))], options)


_PHASES = {"spacy": _phase_spacy, "pipeline": _phase_pipeline}


def _phase(name: str, inputs: str, options: Options) -> dict[str, Any]:
    figures = _PHASES[name](Path(inputs), options)
    figures.update(_peaks())
    return figures


def run_phase(name: str, inputs: Path, options: Options) -> dict[str, Any]:
    """Run one phase in a fresh process; its figures plus its own peak memory."""
    from .child import run_in_child

    t0 = time.perf_counter()
    payload = run_in_child(_phase, (name, str(inputs), options), name=f"throughput phase {name!r}")
    payload["process_seconds"] = time.perf_counter() - t0
    return payload


def run(
    data: Path,
    repeat: int | None = None,
    workers: int = 1,
    *,
    min_words: int = MIN_WORDS,
    options: Options | None = None,
    keep: Path | None = None,
    rounds: int = 1,
) -> dict[str, Any]:
    """Measure bare spaCy and the whole pipeline on ``data``; returns the figures.

    ``keep``: a folder to leave the inputs and the benchmark database in (default: a
    temporary folder, removed afterwards). ``rounds``: run the two phases this many times,
    alternating (each pipeline round into a new database), and report each phase's median
    round, so that a slow spell of a shared machine does not decide the ratio alone; the ratio
    of every round is reported too.
    """
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, got {rounds}")
    t_start = time.perf_counter()
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="detente-throughput-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        info = prepare(Path(data), workdir, repeat, min_words)
        db = workdir / "bench.duckdb"
        db.unlink(missing_ok=True)
        base = (options or Options()).with_(db=db, workers=workers, quiet=True)
        # A throughput run measures speed, not input limits: let a large JSONL file in.
        base = base.with_(max_bytes=max(base.max_bytes, info["largest_file_bytes"] + 1))
        inputs = Path(info["inputs"])
        spacy_runs, pipe_runs = [], []
        for _ in range(rounds):
            spacy_runs.append(run_phase("spacy", inputs, base))
            db.unlink(missing_ok=True)
            pipe_runs.append(run_phase("pipeline", inputs, base))
        spacy_fig, pipe_fig = _median_round(spacy_runs), _median_round(pipe_runs)
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    words = spacy_fig["words"]
    spacy_rate = words / spacy_fig["seconds"] if spacy_fig["seconds"] else 0.0
    pipe_rate = words / pipe_fig["seconds"] if pipe_fig["seconds"] else 0.0
    spacy_cpu_rate = words / spacy_fig["cpu_seconds"] if spacy_fig["cpu_seconds"] else 0.0
    pipe_cpu_rate = words / pipe_fig["cpu_seconds"] if pipe_fig["cpu_seconds"] else 0.0
    return {
        **info,
        "workers": workers,
        "batch_size": base.batch_size,
        "words": words,
        "spacy": {**spacy_fig, "words_per_second": spacy_rate, "words_per_cpu_second": spacy_cpu_rate},
        "pipeline": {**pipe_fig, "words_per_second": pipe_rate, "words_per_cpu_second": pipe_cpu_rate},
        "ratio": pipe_rate / spacy_rate if spacy_rate else 0.0,
        "rounds": rounds,
        "round_ratios": [sp["seconds"] / pl["seconds"] if pl["seconds"] else 0.0
                         for sp, pl in zip(spacy_runs, pipe_runs)],
        "cpu_ratio": pipe_cpu_rate / spacy_cpu_rate if spacy_cpu_rate else 0.0,
        "total_seconds": time.perf_counter() - t_start,
    }


def _median_round(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The round of median wall time (the lower middle one of an even number)."""
    return sorted(runs, key=lambda r: r["seconds"])[(len(runs) - 1) // 2]


def format_report(figures: dict[str, Any]) -> str:
    """The figures as text, ending with the line ``ratio: <number>``."""
    sp, pl = figures["spacy"], figures["pipeline"]
    lines = [
        (
            f"detente bench throughput: {figures['data']} x{figures['repeat']} = "
            f"{figures['files']} input file(s), {sp['documents']} document(s), {figures['words']:,} words"
        ),
        (
            f"model {sp['model']}, thinc {sp['ops']}, batch size {figures['batch_size']}, "
            f"{figures['workers']} process(es)"
        ),
        "",
        (
            f"{'':18}{'words/s':>10}{'seconds':>10}{'CPU s':>9}{'words/CPU-s':>13}"
            f"{'peak RSS MiB':>14}{'worker peak MiB':>17}"
        ),
    ]
    for label, fig in (("bare spaCy", sp), ("detente pipeline", pl)):
        lines.append(
            f"{label:18}{fig['words_per_second']:>10,.0f}{fig['seconds']:>10.1f}{fig['cpu_seconds']:>9.1f}"
            f"{fig['words_per_cpu_second']:>13,.0f}{fig['peak_rss_mib']:>14,.0f}{fig['peak_worker_rss_mib']:>17,.0f}"
        )
    lines.append("")
    lines.append(
        f"pipeline: {pl['documents']} analysed, {pl['rejected']} rejected, {pl['events']} event mention(s), "
        f"{pl['merged_events']} merged event(s); database {pl['db_mib']:.1f} MiB"
    )
    stages = pl.get("stage_seconds") or {}
    if stages:
        where = ", ".join(f"{k} {v:.1f}" for k, v in sorted(stages.items(), key=lambda kv: -kv[1]))
        lines.append(f"pipeline CPU seconds per stage (summed over processes): {where}")
    lines.append(
        f"model load and warm-up (untimed): spaCy {sp['load_seconds']:.1f} s, pipeline {pl['load_seconds']:.1f} s"
    )
    lines.append(
        f"ratio of CPU-time rates: {figures['cpu_ratio']:.3f} (less sensitive to other load on the machine)"
    )
    if figures.get("rounds", 1) > 1:
        each = ", ".join(f"{r:.3f}" for r in figures["round_ratios"])
        lines.append(f"{figures['rounds']} alternating rounds, median round of each phase shown; "
                     f"ratio of each round: {each}")
    lines.append(f"total time: {figures['total_seconds']:.1f} s")
    lines.append(f"ratio: {figures['ratio']:.3f}")
    return "\n".join(lines) + "\n"
