"""Issue 9, part 4: concurrent use of one database.

* Two ``analyze`` runs: the second (a real second process) fails fast with exit status 3 and
  the "in use by another detente process" message, and the first finishes unharmed — its
  store is identical to a run that had the database to itself.
* The dashboard reading while ``analyze`` writes behaves as ``detente.web.app`` documents:
  while the writer holds the file every request answers 503 ``database_busy`` with
  ``Retry-After``; afterwards requests see the new data; and ``analyze`` started while the
  dashboard is answering requests stops with the same clear "in use" message (exit 3).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hardening_corpus import english_article

from detente import pipeline
from detente.config import Options
from detente.errors import DetenteError
from detente.pipeline import analyze
from detente.store import open_store
from detente.web import app as web_app

IN_USE = "in use by another detente process"


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "detente.cli", *args]


def _env() -> dict[str, str]:
    return dict(os.environ, OPENBLAS_NUM_THREADS="1")


def _folder(path: Path, n: int, start: int = 0) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (path / f"brief_{i:04d}.txt").write_text(english_article(i), encoding="utf-8")
    return path




def test_second_analyze_fails_fast_and_never_harms_the_first(tmp_path, nlp, monkeypatch, store_contents):
    folder = _folder(tmp_path / "in", 6)
    clean_db, db = tmp_path / "clean.duckdb", tmp_path / "shared.duckdb"
    analyze([folder], Options(db=clean_db, batch_size=1, quiet=True))

    # The first run (this process) blocks inside its first NLP batch until told to go on.
    entered, go_on = threading.Event(), threading.Event()
    real = pipeline.analyze_docs

    def held(articles, options):
        entered.set()
        assert go_on.wait(120)
        return real(articles, options)

    monkeypatch.setattr(pipeline, "analyze_docs", held)
    outcome: dict = {}

    def first_run() -> None:
        try:
            outcome["result"] = analyze([folder], Options(db=db, batch_size=1, quiet=True))
        except DetenteError as exc:  # reported below (anything else fails the test too)
            outcome["error"] = exc

    writer = threading.Thread(target=first_run)
    writer.start()
    try:
        assert entered.wait(120), "the first run never reached its NLP stage"
        t0 = time.monotonic()
        second = subprocess.run(_cli("analyze", str(folder), "--db", str(db), "--no-nlp"),
                                capture_output=True, text=True, timeout=120, env=_env(), check=False)
        elapsed = time.monotonic() - t0
    finally:
        go_on.set()
        writer.join(120)
    assert second.returncode == 3, second.stderr
    assert IN_USE in second.stderr and str(db) in second.stderr
    assert "Traceback" not in second.stderr
    assert elapsed < 30  # fails fast: no waiting for the first run to finish

    assert "error" not in outcome, outcome.get("error")
    assert outcome["result"].analyzed == 6
    tables = ("documents", "sources", "event_mentions", "actor_mentions", "timexes", "events")
    assert store_contents(db, tables) == store_contents(clean_db, tables)
    with open_store(db, read_only=True) as store:
        assert [r["status"] for r in store.query("SELECT status FROM runs")] == ["completed"]

    # Once the first run is over the second one works (and finds nothing new to do).
    again = subprocess.run(_cli("analyze", str(folder), "--db", str(db), "--no-nlp"),
                           capture_output=True, text=True, timeout=120, env=_env(), check=False)
    assert again.returncode == 0, again.stderr
    assert "analyzed 0 document(s), skipped 6 unchanged" in again.stdout


def _wal(db: Path) -> Path:
    return db.with_name(db.name + ".wal")


def test_dashboard_while_analyze_writes(tmp_path, monkeypatch):
    if web_app.__doc__ is None or "database_busy" not in web_app.__doc__:
        pytest.fail("detente.web.app no longer documents its behaviour during writes")
    monkeypatch.setattr(web_app, "BUSY_WAIT", 0.2)
    db = tmp_path / "live.duckdb"
    analyze([_folder(tmp_path / "first", 5)], Options(db=db, nlp=False, quiet=True))
    assert not _wal(db).exists()
    client = TestClient(web_app.create_app(db), raise_server_exceptions=False)
    assert client.get("/api/summary").status_code == 200

    # 1. analyze started while the dashboard answers requests: a clear "in use", exit 3.
    stop = threading.Event()
    statuses: list[int] = []

    def poll() -> None:
        while not stop.is_set():
            statuses.append(client.get("/api/documents", params={"limit": 5}).status_code)
            time.sleep(0.05)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        blocked = subprocess.run(_cli("analyze", str(tmp_path / "first"), "--db", str(db), "--no-nlp"),
                                 capture_output=True, text=True, timeout=120, env=_env(), check=False)
    finally:
        stop.set()
        poller.join(30)
    assert blocked.returncode == 3, blocked.stdout + blocked.stderr
    assert IN_USE in blocked.stderr and "Traceback" not in blocked.stderr
    assert set(statuses) == {200}

    # 2. The dashboard lets go of the file once idle; analyze then writes, and meanwhile
    # every request answers 503 database_busy with Retry-After (never a 500).
    time.sleep(web_app.HOLD_SECONDS * 2 + 0.2)
    many = _folder(tmp_path / "second", 400, start=1000)
    writer = subprocess.Popen(_cli("analyze", str(many), "--db", str(db), "--no-nlp", "--quiet"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
    try:
        deadline = time.monotonic() + 60
        while not _wal(db).exists() and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        busy = []
        while writer.poll() is None and len(busy) < 5:
            response = client.get("/api/summary")
            busy.append(response)
    finally:
        _, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert busy, "the writer finished before any request was made"
    for response in busy:
        if response.status_code == 200:
            continue  # made in the instant after the writer closed the file
        assert response.status_code == 503, response.text
        assert response.json()["error"]["code"] == "database_busy"
        assert response.headers["retry-after"] == "2"
    assert any(r.status_code == 503 for r in busy)

    # 3. Afterwards the dashboard sees the new documents.
    response = client.get("/api/documents", params={"limit": 1})
    assert response.status_code == 200
    assert response.json()["total"] == 405
