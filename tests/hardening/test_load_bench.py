"""The load benchmark (``detente.bench.load``) on a tiny store for two seconds: it serves on
loopback, measures every main endpoint, reports no errors and stops by itself."""

from __future__ import annotations

import time

import pytest
from hardening_corpus import GOOD_TEXT, english_article

from detente.bench import load
from detente.config import Options
from detente.pipeline import analyze


@pytest.fixture(scope="module")
def tiny_db(tmp_path_factory, nlp):
    base = tmp_path_factory.mktemp("load")
    folder = base / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    for i in range(3):
        (folder / f"brief_{i}.txt").write_text(english_article(i), encoding="utf-8")
    db = base / "tiny.duckdb"
    assert analyze([folder], Options(db=db, quiet=True)).analyzed == 4
    return db


def test_two_second_load_run(tiny_db):
    t0 = time.monotonic()
    figures = load.run(tiny_db, seconds=2, clients=2)
    wall = time.monotonic() - t0
    assert wall < 60  # server start-up + 2 s + stop: it ends by itself
    assert 1.5 <= figures["duration_s"] <= 10
    rows = figures["endpoints"]
    paths = [r["endpoint"].split("?")[0] for r in rows]
    for path in ("/api/summary", "/api/events", "/api/timeline", "/api/index", "/api/documents"):
        assert path in paths
    for row in rows:
        assert row["requests"] > 0, row
        assert row["errors"] == 0, row
        assert 0 < row["p50_ms"] <= row["p99_ms"]
    total = figures["total"]
    assert total["requests"] == sum(r["requests"] for r in rows)
    assert total["rps"] > 0 and total["errors"] == 0
    report = load.format_report(figures)
    assert "p99_ms" in report and "/api/summary" in report and "ALL" in report


@pytest.mark.parametrize("args", [["--seconds", "0"], ["--clients", "0"], ["--clients", "1000"]])
def test_unbounded_runs_are_refused(tiny_db, args, capsys):
    assert load.main(["--db", str(tiny_db), *args]) == 3
    assert "must be between" in capsys.readouterr().err


def test_missing_database(tmp_path, capsys):
    assert load.main(["--db", str(tmp_path / "none.duckdb"), "--seconds", "1"]) == 3
    assert "no such database" in capsys.readouterr().err
