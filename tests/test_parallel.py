"""Parallel and distributed runs store exactly what one process stores, in input order."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.config import Options
from detente.errors import ConfigError, DetenteError
from detente.parallel import DaskRunner, ProcessRunner, ordered
from detente.pipeline import analyze
from detente.records import Article

#: The three shortest reference articles (about 3,000 words together).
SHORT_SEEDS = ("000_", "001_", "003_")
#: Tables about runs, not about what a run found.




@pytest.fixture(scope="module")
def short_inputs(seed_paths, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("short_seeds")
    for path in seed_paths:
        if path.name.startswith(SHORT_SEEDS):
            shutil.copy(path, folder / path.name)
    assert len(list(folder.iterdir())) == len(SHORT_SEEDS)
    return folder


def run_options(db: Path, **changes) -> Options:
    # batch_size 1: batches of two articles, so two workers both get work.
    return Options(db=db, batch_size=1, quiet=True).with_(**changes)


@pytest.fixture(scope="module")
def one_process(short_inputs, nlp, tmp_path_factory, store_contents) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    result = analyze([short_inputs], run_options(db))
    assert result.analyzed == len(SHORT_SEEDS)
    assert result.events > 0
    return store_contents(db)


# -- ordered(): order and bounded memory ---------------------------------------------------------------
def test_ordered_keeps_input_order_when_later_batches_finish_first():
    def work(batch: list[int]) -> list[int]:
        time.sleep(0.01 * (4 - batch[0] % 4))  # later batches of each group of 4 finish first
        return [x * 10 for x in batch]

    with ThreadPoolExecutor(4) as pool:
        out = list(ordered(lambda b: pool.submit(work, b), ([i] for i in range(12)), 4, lambda f: f.result()))
    assert out == [[i * 10] for i in range(12)]


@pytest.mark.parametrize("window", [1, 2, 5])
def test_ordered_reads_input_lazily_and_bounds_batches_in_flight(window):
    in_flight = peak = consumed = 0

    def endless():
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield [i]

    def submit(batch):
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        return batch

    def get(batch):
        nonlocal in_flight
        in_flight -= 1
        return batch

    out = list(itertools.islice(ordered(submit, endless(), window, get), 10))
    assert out == [[i] for i in range(10)]
    assert peak == window
    assert consumed == 10 + window - 1


# -- the same store whichever way the work was done -----------------------------------------------------
def test_two_worker_processes_store_the_same_as_one(short_inputs, one_process, tmp_path, store_contents):
    db = tmp_path / "two.duckdb"
    outcome = CliRunner().invoke(
        main, ["analyze", str(short_inputs), "--db", str(db), "--workers", "2", "--batch-size", "1", "-q"]
    )
    assert outcome.exit_code == 0, outcome.output
    two = store_contents(db)
    assert two["event_mentions"] == one_process["event_mentions"]
    assert two == one_process


def test_dask_local_cluster_stores_the_same_as_one_process(short_inputs, one_process, tmp_path, store_contents):
    distributed = pytest.importorskip("distributed")
    db = tmp_path / "dask.duckdb"
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=40
    ) as cluster:
        result = analyze([short_inputs], run_options(db, dask=cluster.scheduler_address))
    assert result.analyzed == len(SHORT_SEEDS)
    on_dask = store_contents(db)
    assert on_dask["event_mentions"] == one_process["event_mentions"]
    assert on_dask == one_process


def test_a_worker_process_dying_stops_the_run_with_a_clear_error():
    runner = ProcessRunner(Options(), workers=1)
    article = Article(doc_id="d1", file="brief.txt", text="Japan and Russia met in Tokyo on Monday.")

    def batches():
        yield [article]
        for process in list(runner.pool._processes.values()):  # the worker, killed (as by the OOM killer)
            os.kill(process.pid, signal.SIGKILL)

    with runner, pytest.raises(DetenteError, match="a worker process died"):
        list(runner.map(batches()))


def test_unreachable_dask_scheduler_is_a_config_error():
    pytest.importorskip("distributed")
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        DaskRunner(Options(), "tcp://127.0.0.1:9", timeout=2)
