"""Issue 9, part 3: `detente analyze` killed with SIGKILL at several points, then re-run.

A real subprocess is killed (no Python clean-up runs) on one database, several times in a
row at different points of its work; after every kill the store must hold only whole
articles, and the final re-run must leave exactly what a clean, uninterrupted run leaves:
every document once, the same event mentions (and merged events), no partial records.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from detente import merge as merge_module
from detente.config import Options
from detente.pipeline import analyze
from detente.store import LAYER_TABLES, open_store
from detente.store.schema import MIGRATIONS

_CITIES = ("Tokyo", "Moscow", "Vladivostok", "Sapporo", "Osaka", "Khabarovsk", "Nagoya", "Sochi",
           "Niigata", "Kyoto")
_VERBS = (
    ("met", "in {city} to discuss a peace treaty"),
    ("criticised", "over new military drills near the disputed islands"),
    ("invited", "to visit {city} later in the year"),
    ("signed an agreement with", "on fishing rights in {city}"),
    ("accused", "of violating its airspace near {city}"),
)


def briefs() -> dict[str, str]:
    """Ten short, dated briefs (own words), each with at least one codable event."""
    out = {}
    for n in range(10):
        city = _CITIES[n]
        verb, rest = _VERBS[n % len(_VERBS)]
        a, b = ("Japan", "Russia") if n % 2 == 0 else ("Russia", "Japan")
        day = 3 + n
        out[f"brief_{n:02d}.txt"] = (
            f"{city}, {day} March 2017.\n\n{a} {verb} {b} {rest.format(city=city)} on "
            f"{day} March 2017, officials said. The foreign ministry in {city} added that "
            f"further talks between the two governments were planned for the spring, and that "
            f"experts would meet again before the summer."
        )
    return out




def layer_counts(db: Path) -> dict[str, tuple[int, ...]]:
    """doc_id → (rows in each layer table) for every stored document."""
    with open_store(db, read_only=True) as store:
        docs = [r["doc_id"] for r in store.query("SELECT doc_id FROM documents")]
        out = {}
        for doc in docs:
            out[doc] = tuple(store.query(f"SELECT count(*) AS n FROM {t} WHERE doc_id = ?", [doc])[0]["n"]
                             for t in LAYER_TABLES)
    return out


def partial_records(db: Path, clean: dict[str, tuple[int, ...]]) -> list[str]:
    """What a half-written article would leave: orphans, or a document missing layer rows."""
    problems = []
    with open_store(db, read_only=True) as store:
        tables = {r["table_name"] for r in store.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")}
        applied = store.migrations() if "schema_migrations" in tables else []
        names = [name for name, _ in MIGRATIONS]
        if applied != names:
            # Killed while migrating: each migration is one transaction, so the applied
            # ones are a prefix of the list and the next run applies the rest.
            if applied != names[:len(applied)]:
                problems.append(f"migrations applied out of order: {applied}")
            if "documents" in tables and store.query("SELECT count(*) AS n FROM documents")[0]["n"]:
                problems.append("documents written before the schema was complete")
            return problems
        for table in (*LAYER_TABLES, "sources"):
            n = store.query(f"SELECT count(*) AS n FROM {table} "
                            "WHERE doc_id NOT IN (SELECT doc_id FROM documents)")[0]["n"]
            if n:
                problems.append(f"{n} {table} row(s) without their document")
        for row in store.query("SELECT doc_id, status, coder_version FROM documents"):
            if row["status"] != "analyzed" or row["coder_version"] is None:
                problems.append(f"document {row['doc_id']} has status {row['status']}")
        n = store.query("SELECT count(*) AS n FROM documents d WHERE NOT EXISTS "
                        "(SELECT 1 FROM sources s WHERE s.doc_id = d.doc_id)")[0]["n"]
        if n:
            problems.append(f"{n} document(s) without a source")
    for doc, counts in layer_counts(db).items():  # every document has all its layers
        if counts != clean.get(doc):
            problems.append(f"document {doc}: layers {counts}, clean run has {clean.get(doc)}")
    return problems


@pytest.fixture(scope="module")
def folder_and_clean(tmp_path_factory, nlp) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("kill")
    folder = base / "in"
    folder.mkdir()
    for name, text in briefs().items():
        (folder / name).write_text(text, encoding="utf-8")
    clean = base / "clean.duckdb"
    result = analyze([folder], Options(db=clean, batch_size=1, quiet=True))
    assert result.analyzed == 10 and not result.rejected
    return folder, clean


class Analyze:
    """`detente analyze` in a subprocess, with its stderr watched line by line."""

    def __init__(self, folder: Path, db: Path):
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "detente.cli", "-v", "analyze", str(folder), "--db", str(db),
             "--batch-size", "1", "--quiet"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
        )
        self.lines: list[str] = []
        self.model_loaded = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.append(line)
            if "loaded spaCy pipeline" in line:
                self.model_loaded.set()

    def kill(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        code = self.proc.wait(timeout=30)
        self._reader.join(timeout=5)
        return code


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def _wal_size(db: Path) -> int:
    wal = db.with_name(db.name + ".wal")
    return wal.stat().st_size if wal.exists() else 0


def kill_after_half_a_second(run: Analyze, db: Path) -> None:
    time.sleep(0.5)


def kill_when_the_store_appears(run: Analyze, db: Path) -> None:
    """While the store is being created, migrated or the run recorded (before the model loads)."""
    _wait(lambda: db.exists() or run.proc.poll() is not None, 60, "the store to appear")


def kill_after_the_first_commit(run: Analyze, db: Path) -> None:
    _wait(run.model_loaded.is_set, 120, "the model to load")
    before = _wal_size(db)
    _wait(lambda: _wal_size(db) > before or run.proc.poll() is not None, 60, "a commit")


def kill_while_coding(run: Analyze, db: Path) -> None:
    """Half a second after the model loaded: parsing, coding or writing a batch."""
    _wait(run.model_loaded.is_set, 120, "the model to load")
    time.sleep(0.5)


KILL_POINTS = [kill_after_half_a_second, kill_when_the_store_appears, kill_after_the_first_commit,
               kill_while_coding]


def test_sigkill_at_several_points_then_rerun_matches_a_clean_run(folder_and_clean, tmp_path, store_contents):
    folder, clean_db = folder_and_clean
    clean_layers = layer_counts(clean_db)
    db = tmp_path / "killed.duckdb"
    history = []
    for kill_point in KILL_POINTS:
        run = Analyze(folder, db)
        kill_point(run, db)
        code = run.kill()
        history.append((kill_point.__name__, code))
        if not db.exists():
            print(f"{kill_point.__name__}: exit {code}, no database yet")
            continue
        assert partial_records(db, clean_layers) == [], (kill_point.__name__, "".join(run.lines[-20:]))
        with open_store(db, read_only=True) as store:
            tables = {r["table_name"] for r in store.query("SELECT table_name FROM information_schema.tables")}
            runs = store.query("SELECT status, finished_at FROM runs") if "runs" in tables else []
            docs = store.query("SELECT count(*) AS n FROM documents")[0]["n"] if "documents" in tables else 0
        if not any(c == 0 for _, c in history):
            # Killed runs never reached their end: none is recorded as completed.
            assert all(r["status"] == "running" and r["finished_at"] is None for r in runs), (
                history, runs, "".join(run.lines[-30:]))
        assert docs <= 10
        print(f"{kill_point.__name__}: exit {code}, {docs} whole document(s), runs {[r['status'] for r in runs]}")
    assert any(code == -signal.SIGKILL for _, code in history), history

    resumed = analyze([folder], Options(db=db, batch_size=1, quiet=True))
    assert not resumed.rejected and resumed.analyzed + resumed.skipped == 10
    assert partial_records(db, clean_layers) == []
    assert store_contents(db) == store_contents(clean_db)
    with open_store(db, read_only=True) as store:
        statuses = [r["status"] for r in store.query("SELECT status FROM runs ORDER BY started_at")]
        assert store.query("SELECT count(*) AS n FROM sources")[0]["n"] == 10
        assert store.query("SELECT count(*) AS n FROM documents")[0]["n"] == 10
    assert statuses[-1] == "completed"
    assert "completed" not in statuses[:-1] or all(code == 0 for _, code in history)


def test_interrupted_before_merging_a_rerun_still_merges(folder_and_clean, tmp_path, monkeypatch, store_contents):
    """Killed after the last article was written but before the merge: the re-run merges."""
    folder, clean_db = folder_and_clean
    db = tmp_path / "unmerged.duckdb"
    real = merge_module.merge_store

    def interrupted(store):
        raise KeyboardInterrupt

    monkeypatch.setattr(merge_module, "merge_store", interrupted)
    with pytest.raises(KeyboardInterrupt):
        analyze([folder], Options(db=db, batch_size=1, quiet=True))
    monkeypatch.setattr(merge_module, "merge_store", real)
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM documents")[0]["n"] == 10
    rerun = analyze([folder], Options(db=db, batch_size=1, quiet=True))
    assert (rerun.analyzed, rerun.skipped) == (0, 10)
    assert store_contents(db) == store_contents(clean_db)
