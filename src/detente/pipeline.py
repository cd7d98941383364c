"""The whole pipeline: ingest → nlp → actors → time → events → store → merge.

``analyze`` is what ``detente analyze`` calls. Each article is parsed once; an article and
all its layers are written in one transaction (with the rest of its batch); inputs already
processed from identical bytes by the same coder version are skipped, so re-running on a
folder only processes new or changed files. ``analyze_docs`` is the store-free unit of work
that :mod:`detente.parallel` ships to local worker processes or a Dask cluster.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Options
from .errors import DetenteError
from .records import Article, Rejection

log = logging.getLogger(__name__)

#: Stage timings are CPU seconds: they add up across processes and do not count waiting.
_clock = time.process_time

#: Longest main text the NLP stages take (spaCy's default ``nlp.max_length``, which the
#: parser and NER need about 1 GB of memory per 100,000 characters for); longer articles
#: are rejected ``too_large`` instead of crashing the run.
MAX_PARSE_CHARS = 1_000_000


def build_nlp(options: Options | None = None):
    """The configured spaCy pipeline with detente's actor entity ruler (cached per process)."""
    options = options or Options()
    return _build_nlp(options.model_names(), str(options.user_actors or ""))


_NLP_CACHE: dict = {}


def _build_nlp(names: tuple[str, ...], user_actors: str):
    key = (names, user_actors)
    if key not in _NLP_CACHE:
        from .actors import add_entity_ruler, load_actor_db
        from .nlp import load_pipeline

        # A pipeline of our own (not the one load_pipeline caches and hands to others, which
        # stays bare) per actor configuration, so the ruler never leaks into other users.
        actor_db = load_actor_db(Path(user_actors) if user_actors else None)  # a bad file fails fast
        nlp = load_pipeline.__wrapped__(names)
        add_entity_ruler(nlp, actor_db)
        _NLP_CACHE[key] = nlp
    return _NLP_CACHE[key]


@dataclass
class DocumentResult:
    """Everything the NLP stages found in one article (records only, no spaCy objects)."""

    article: Article
    actor_mentions: list = field(default_factory=list)
    timexes: list = field(default_factory=list)
    events: list = field(default_factory=list)
    stances: list = field(default_factory=list)
    #: Set when a stage failed on this article: it is recorded as rejected (analysis_failed).
    error: str | None = None
    #: CPU seconds spent in each stage on this article (parse, actors, time, events, stances).
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class AnalyzeResult:
    """Summary of one `analyze` run."""

    db: Path
    run_id: str | None = None
    analyzed: int = 0
    skipped: int = 0
    #: Files met while walking folders and left alone: documentation files (README, LICENSE,
    #: CHANGELOG) and unsupported extensions. Named explicitly, such a file is rejected instead.
    ignored: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    events: int = 0
    merged_events: int = 0
    interrupted: bool = False
    #: CPU seconds per stage, summed over documents and processes (ingest, parse, ..., merge).
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def read_nothing(self) -> bool:
        return self.analyzed == 0 and self.skipped == 0


def coder_version(options: Options | None = None) -> str:
    """The version a stored analysis is current for: the coder's, plus a fingerprint of the
    user's actor and pattern files when given, so editing one of them re-codes every input."""
    from .events import CODER_VERSION

    extras = []
    for kind, path in (("actors", options and options.user_actors), ("patterns", options and options.user_patterns)):
        if path:
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
            extras.append(f"{kind}:{digest}")
    return "+".join([CODER_VERSION, *extras])


def analyze_docs(articles: Sequence[Article], options: Options) -> list[DocumentResult]:
    """Run the NLP stages on a batch of articles (no store): the unit shipped to workers.

    Results come back in input order. A stage failing on one article does not stop the
    batch: that article's result carries ``error`` and the run records it as rejected. A
    :class:`~detente.errors.DetenteError` (a malformed data file, a missing model) does stop
    it: it would fail every article the same way.
    """
    from .actors import load_actor_db
    from .events import load_patterns

    nlp = build_nlp(options)
    db = load_actor_db(options.user_actors)
    patterns = load_patterns(str(options.user_patterns)) if options.user_patterns else None
    results = []
    docs = iter(nlp.pipe((a.text for a in articles), batch_size=options.batch_size))
    for article in articles:
        t0 = _clock()
        doc = next(docs)  # a batch is parsed when its first document is asked for
        parse = _clock() - t0
        try:
            result = _analyze_doc(article, doc, db, patterns)
        except DetenteError:
            raise  # a broken data file or model is not this article's fault: stop the run
        except Exception as exc:  # one article tripping a stage must not stop the run
            log.exception("analysis failed on %s (line %s)", article.file, article.line)
            result = DocumentResult(article, error=f"{type(exc).__name__}: {exc}")
        result.timings["parse"] = parse
        results.append(result)
    return results


def _analyze_doc(article: Article, doc, db, patterns=None) -> DocumentResult:
    from .actors import resolve
    from .analysis.stances import extract_stances
    from .events import extract_events
    from .time import find_timexes

    timings = {}
    clock = _clock()

    def lap(stage: str) -> None:
        nonlocal clock
        now = _clock()
        timings[stage] = now - clock
        clock = now

    when = article.publication_date
    mentions = resolve(doc, when, db)
    lap("actors")
    timexes = find_timexes(doc, when)
    lap("time")
    events = extract_events(
        doc,
        doc_id=article.doc_id,
        file=article.file,
        publication_date=when,
        actor_mentions=mentions,
        timexes=timexes,
        patterns=patterns,
        publication_window_days=article.publication_date_window_days,
        actor_db=db,
    )
    lap("events")
    stances = extract_stances(
        doc, doc_id=article.doc_id, publication_date=when, actor_mentions=mentions, timexes=timexes
    )
    lap("stances")
    return DocumentResult(article, mentions, timexes, events, stances, timings=timings)


def _batched(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _progress(options: Options):
    if options.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit="doc", desc="analyze", file=sys.stderr)


def _is_current(store, article: Article, version: str | None) -> bool:
    """Whether this input was already processed from identical bytes (by this coder version).

    An ingest-only run (``version`` None) leaves alone any input already stored from the same
    bytes, whatever stages ran on it, so it never erases an earlier full analysis.
    """
    if version is not None:
        return store.is_current(article.file, article.line, article.file_sha, version)
    if article.file_sha is None:
        return False
    rows = store.query(
        "SELECT file_sha FROM sources WHERE file = ? AND line = ? "
        "UNION ALL SELECT file_sha FROM rejections WHERE file = ? AND line = ?",
        [article.file, article.line or 0, article.file, article.line or 0],
    )
    return any(row["file_sha"] == article.file_sha for row in rows)


def analyze(paths: Sequence[str | Path], options: Options | None = None) -> AnalyzeResult:
    """Ingest ``paths`` (files/folders) and run every stage, writing to ``options.db``.

    Inputs stream through in batches: ingest and the store writes happen here (the single
    writer), the NLP stages here or on ``options.workers`` processes / the ``options.dask``
    cluster (see :mod:`detente.parallel`), with results written in input order. The articles of
    a batch are written in one transaction (never part of an article); Ctrl-C rolls back the
    batch being written, marks the run ``interrupted`` and re-raises, and re-running
    completes the rest. Memory stays bounded: nothing holds more than a few batches.
    """
    from .ingest import iter_inputs
    from .store import open_store

    options = options or Options()
    if options.nlp and options.user_patterns:
        from .events import load_patterns

        load_patterns(str(options.user_patterns))  # a malformed pattern file fails before any work
    version = coder_version(options) if options.nlp else None
    result = AnalyzeResult(db=options.db)
    store = open_store(options.db)
    bar = _progress(options)
    status = "failed"
    try:
        result.run_id = store.start_run([str(p) for p in paths])

        def pending() -> Iterator[Article]:
            for record in _timed(iter_inputs(paths, options, skipped=result.ignored), result.timings, "ingest"):
                t0 = _clock()
                if isinstance(record, Rejection):
                    result.rejected.append(record)
                    store.record_rejection(record, getattr(record, "file_sha", None))
                    log.warning("rejected %s: %s", record.file, record.message)
                    current = True
                elif _is_current(store, record, version):
                    result.skipped += 1
                    current = True
                elif options.nlp and len(record.text) > MAX_PARSE_CHARS:
                    rejection = _too_long_to_parse(record)
                    result.rejected.append(rejection)
                    store.record_rejection(rejection, record.file_sha)
                    log.warning("rejected %s: %s", record.file, rejection.message)
                    current = True
                else:
                    current = False
                _add(result.timings, "ingest", _clock() - t0)
                if not current:
                    yield record

        batches = _batched(pending(), max(1, options.batch_size * 2))
        if options.nlp:
            from .parallel import open_runner

            with open_runner(options) as runner:
                for doc_results in runner.map(batches):
                    for doc_result in doc_results:
                        for stage, seconds in doc_result.timings.items():
                            _add(result.timings, stage, seconds)
                    t0 = _clock()
                    _write_results(store, doc_results, version, result)
                    _add(result.timings, "write", _clock() - t0)
                    if bar:
                        bar.update(len(doc_results))
        else:
            for batch in batches:
                t0 = _clock()
                store.write_articles([{"article": a, "status": "ingested"} for a in batch])
                _add(result.timings, "write", _clock() - t0)
                result.analyzed += len(batch)
                if bar:
                    bar.update(len(batch))
        if options.nlp and (result.analyzed or _merge_is_stale(store)):
            from .merge import merge_store

            t0 = _clock()
            result.merged_events = merge_store(store)
            _add(result.timings, "merge", _clock() - t0)
        for name in result.ignored:
            log.info("ignored (not an article): %s", name)
        status = "completed"
    except KeyboardInterrupt:
        result.interrupted = True
        status = "interrupted"
        raise
    finally:
        if bar:
            bar.close()
        _rollback_open_transaction(store)
        if result.run_id:
            store.finish_run(result.run_id, status, result.analyzed, result.skipped, len(result.rejected))
        store.close()
    return result


def _merge_is_stale(store) -> bool:
    """Whether the merged events miss stored mentions or keep deleted ones (e.g. an earlier run
    was killed after its last write but before merging, or a rejected edit removed a document)."""
    rows = store.query(
        "SELECT (SELECT count(*) FROM event_mentions m WHERE NOT EXISTS "
        "(SELECT 1 FROM event_links l WHERE l.event_id = m.event_id)) + "
        "(SELECT count(*) FROM event_links l WHERE NOT EXISTS "
        "(SELECT 1 FROM event_mentions m WHERE m.event_id = l.event_id)) AS n"
    )
    return rows[0]["n"] > 0


def _too_long_to_parse(article: Article) -> Rejection:
    """An article whose main text the spaCy parser refuses (over ``nlp.max_length``)."""
    from .errors import IngestError

    exc = IngestError(
        "too_large",
        f"main text is {len(article.text):,} characters, over the parser's limit of "
        f"{MAX_PARSE_CHARS:,} (spaCy nlp.max_length); split the article or use --no-nlp",
        file=article.file, line=article.line,
    )
    return Rejection(article.file, exc.reason, str(exc), line=article.line)


def _rollback_open_transaction(store) -> None:
    """Undo a transaction an interruption left open (between BEGIN and its with-block)."""
    import duckdb

    try:
        store.con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # no transaction open: the normal case


def _add(timings: dict[str, float], stage: str, seconds: float) -> None:
    timings[stage] = timings.get(stage, 0.0) + seconds


def _timed(items: Iterable, timings: dict[str, float], stage: str) -> Iterator:
    """``items``, adding the time spent producing each one to ``timings[stage]``."""
    iterator = iter(items)
    while True:
        t0 = _clock()
        try:
            item = next(iterator)
        except StopIteration:
            _add(timings, stage, _clock() - t0)
            return
        _add(timings, stage, _clock() - t0)
        yield item


def _write_results(store, doc_results: list[DocumentResult], version: str | None, result: AnalyzeResult) -> None:
    """Write a batch's articles in one transaction; articles a stage failed on become rejections."""
    items = []
    for doc_result in doc_results:
        if doc_result.error:
            article = doc_result.article
            rejection = Rejection(article.file, "analysis_failed", doc_result.error, line=article.line)
            result.rejected.append(rejection)
            # No file_sha: an input the coder failed on is retried by the next run.
            store.record_rejection(rejection, None)
            continue
        items.append(_write_item(doc_result, version))
    if items:
        store.write_articles(items)
        result.analyzed += len(items)
        result.events += sum(len(item["events"]) for item in items)


def _write_item(doc_result: DocumentResult, version: str | None) -> dict:
    return {
        "article": doc_result.article,
        "actor_mentions": doc_result.actor_mentions,
        "timexes": doc_result.timexes,
        "events": doc_result.events,
        "stances": doc_result.stances,
        "status": "analyzed",
        "coder_version": version,
    }


def _write(store, doc_result: DocumentResult, version: str | None) -> None:
    store.write_article(**_write_item(doc_result, version))
