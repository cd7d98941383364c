"""Running the NLP stages on batches of articles: in this process, in N local processes, or on
an existing Dask distributed cluster.

Only :func:`detente.pipeline.analyze_docs` runs elsewhere; the caller (the one store writer)
gets the :class:`~detente.pipeline.DocumentResult` records back **in input order**, so the
store ends up identical whichever way the work was done. At most a few batches per worker are
in flight at a time, so memory stays bounded however long the input stream is.

Local processes are started with ``spawn`` (no inherited database handle or threads) and each
loads the pipeline once, in its initializer. Dask workers load it once through a worker
plugin; they need the ``detente`` package and the spaCy pipeline installed (see
``docs/cluster.md``).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Self

from .config import Options
from .errors import ConfigError, DetenteError
from .records import Article

if TYPE_CHECKING:
    from .pipeline import DocumentResult

log = logging.getLogger(__name__)

#: Batches in flight per worker: one running, one queued so a worker never waits for the writer.
IN_FLIGHT_PER_WORKER = 2


def _analyze(batch: list[Article], options: Options) -> list[DocumentResult]:
    from .pipeline import analyze_docs

    return analyze_docs(batch, options)


def ordered(
    submit: Callable[[list[Article]], Any],
    batches: Iterable[list[Article]],
    window: int,
    get: Callable[[Any], list[DocumentResult]],
) -> Iterator[list[DocumentResult]]:
    """Submit batches, keeping at most ``window`` in flight; yield their results in order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield get(pending.popleft())
    while pending:
        yield get(pending.popleft())


class Runner:
    """Runs ``analyze_docs`` on batches in this process (the base of the other runners)."""

    workers = 1

    def __init__(self, options: Options):
        self.options = options

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(abort=exc_type is not None)

    def close(self, abort: bool = False) -> None:
        """Release the workers; ``abort`` drops queued work instead of finishing it."""

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[DocumentResult]]:
        """The results of each batch, in input order."""
        for batch in batches:
            yield _analyze(batch, self.options)


# -- local processes -------------------------------------------------------------------------------
def _init_worker(options: Options) -> None:
    # Ctrl-C goes to the whole process group: let the parent decide (it aborts the pool), so a
    # worker never dies half-way with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s[worker]: %(message)s")
    from .pipeline import build_nlp

    build_nlp(options)


class ProcessRunner(Runner):
    """``workers`` local processes, each loading the pipeline once."""

    def __init__(self, options: Options, workers: int):
        super().__init__(options)
        self.workers = workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(options,),
        )

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[DocumentResult]]:
        try:
            yield from ordered(
                lambda batch: self.pool.submit(_analyze, batch, self.options),
                batches,
                self.workers * IN_FLIGHT_PER_WORKER,
                lambda future: future.result(),
            )
        except BrokenProcessPool as exc:
            raise DetenteError(
                f"a worker process died ({exc}); out of memory? try fewer --workers or a smaller "
                "--batch-size; re-running completes what was not written"
            ) from exc

    def close(self, abort: bool = False) -> None:
        if not abort:
            self.pool.shutdown(wait=True)
            return
        # Interrupted or failed: drop queued batches and stop the workers now rather than
        # letting each finish the batch it holds (results nobody will write).
        processes = list(getattr(self.pool, "_processes", {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)


# -- Dask distributed --------------------------------------------------------------------------------
def _nlp_plugin(options: Options):
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadPipeline(WorkerPlugin):
        """Loads detente's pipeline once per worker process when the worker joins."""

        name = "detente-pipeline"

        def __init__(self, options: Options):
            self.options = options

        def setup(self, worker) -> None:
            # Absolute import: the class travels to the workers by value (cloudpickle).
            from detente.pipeline import build_nlp

            build_nlp(self.options)

    return LoadPipeline(options)


class DaskRunner(Runner):
    """Batches run as tasks on the Dask cluster whose scheduler is at ``address``."""

    def __init__(self, options: Options, address: str, *, timeout: float = 20.0):
        super().__init__(options)
        try:
            from distributed import Client
        except ImportError as exc:
            raise ConfigError(
                "--dask needs the `distributed` package: pip install 'detente[dask]'"
            ) from exc
        try:
            self.client = Client(address, timeout=f"{timeout}s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        try:
            self.client.register_plugin(_nlp_plugin(options), name="detente-pipeline")
        except Exception as exc:  # any failure on a worker comes back here
            self.client.close()
            raise ConfigError(
                f"the Dask workers at {address} cannot load detente's pipeline ({exc}); install "
                "detente and its spaCy pipeline on every worker (docs/cluster.md)"
            ) from exc
        self.workers = max(1, sum(self.client.nthreads().values()))
        log.info("Dask cluster at %s: %d worker thread(s)", address, self.workers)

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[DocumentResult]]:
        yield from ordered(
            lambda batch: self.client.submit(_analyze, batch, self.options, pure=False),
            batches,
            self.workers * IN_FLIGHT_PER_WORKER,
            lambda future: future.result(),
        )

    def close(self, abort: bool = False) -> None:
        self.client.close()


def open_runner(options: Options) -> Runner:
    """The runner ``options`` ask for: Dask when ``options.dask``, else ``options.workers`` processes."""
    if options.dask:
        return DaskRunner(options, options.dask)
    if options.workers > 1:
        return ProcessRunner(options, options.workers)
    return Runner(options)
