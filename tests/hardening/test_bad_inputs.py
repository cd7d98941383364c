"""Issue 9, part 1: the generated bad-input corpus end to end through `detente analyze`.

Per-case reader behaviour is tested in ``tests/ingest``; here every case goes through the
CLI and the store: the exact reason code lands in the ``rejections`` table with a message
naming the file (and line), the summary on stderr lists it, readable cases become documents,
and nothing else in the batch is affected. One run has the NLP stages on over the whole
corpus plus a good article.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hardening_corpus import CASE_NAMES, GOOD_TEXT, Case

from detente.cli import main
from detente.config import Options
from detente.ingest import REASONS
from detente.pipeline import analyze
from detente.store import open_store

#: Scripts of the script-only page; they must never reach the store or any message.
SCRIPT_WORDS = ("salmon", "__pwned", "owned", "document.write")


@dataclass
class Run:
    root: Path
    good: Path
    db: Path
    cases: list[Case]
    exit_code: int
    stderr: str
    stdout: str


def _invoke(args: list[str]):
    return CliRunner().invoke(main, args, catch_exceptions=False)


def _run(make_bad_corpus, nlp_on: bool) -> Run:
    root, cases = make_bad_corpus("nlp" if nlp_on else "ingest")
    base = root.parent
    good = root / "zz_good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    db = base / "bad.duckdb"
    args = ["analyze", str(root), "--db", str(db)] + ([] if nlp_on else ["--no-nlp"])
    result = _invoke(args)
    return Run(root, good, db, cases, result.exit_code, result.stderr, result.stdout)


@pytest.fixture(scope="module")
def ingest_run(make_bad_corpus) -> Run:
    return _run(make_bad_corpus, nlp_on=False)


@pytest.fixture(scope="module")
def nlp_run(make_bad_corpus, nlp) -> Run:
    return _run(make_bad_corpus, nlp_on=True)


def _stored(db: Path) -> tuple[dict, dict]:
    """(file, line) → document row (with its source) and (file, line) → rejection row."""
    with open_store(db, read_only=True) as store:
        docs = {(r["file"], r["line"]): r for r in store.query(
            "SELECT s.file, s.line, d.doc_id, d.status, d.text, d.word_count, d.coder_version "
            "FROM sources s JOIN documents d USING (doc_id)")}
        rejections = {(r["file"], r["line"]): r for r in store.query("SELECT * FROM rejections")}
    return docs, rejections


def _key(case: Case) -> tuple[str, int]:
    return str(case.path), case.line or 0


def _check_case(run: Run, case: Case, nlp_on: bool) -> None:
    docs, rejections = _stored(run.db)
    outcome = case.outcome(nlp_on)
    key = _key(case)
    if outcome == "skipped":
        assert key not in docs and key not in rejections
        assert str(case.path) not in run.stderr
        return
    if outcome == "analyzed":
        assert key not in rejections, rejections.get(key)
        doc = docs[key]
        assert doc["status"] == ("analyzed" if nlp_on else "ingested")
        for phrase in case.contains if outcome == case.expect else ():
            assert phrase in doc["text"], (case.name, phrase)
        assert "\x00" not in doc["text"] and "\ufffd" not in doc["text"]
        return
    assert outcome in REASONS, outcome
    assert key not in docs, f"{case.name} was stored as a document"
    row = rejections[key]
    assert row["reason"] == outcome, (case.name, row)
    where = f"{case.path}:{case.line}" if case.line else str(case.path)
    assert row["message"].startswith(where + ":"), row["message"]  # names the file (and line)
    for phrase in case.contains:
        assert phrase in row["message"], (case.name, phrase, row["message"])
    # The run's summary on stderr lists it with its reason code.
    assert f"rejected {where}: [{outcome}]" in run.stderr


def _case(run: Run, name: str) -> Case:
    (case,) = [c for c in run.cases if c.name == name]
    return case


# -- ingest only, every case -----------------------------------------------------------------------
@pytest.mark.parametrize("name", CASE_NAMES)
def test_each_bad_input_gives_its_reason_code(ingest_run, name):
    _check_case(ingest_run, _case(ingest_run, name), nlp_on=False)


def test_batch_completes_with_exit_0_and_strict_exits_1(ingest_run):
    assert ingest_run.exit_code == 0, ingest_run.stderr
    n_rejected = sum(c.outcome(False) in REASONS for c in ingest_run.cases)
    assert f"rejected {n_rejected};" in ingest_run.stdout
    before = _stored(ingest_run.db)
    strict = _invoke(["analyze", str(ingest_run.root), "--db", str(ingest_run.db), "--no-nlp", "--strict"])
    assert strict.exit_code == 1
    # Re-running stores nothing new and loses nothing.
    assert "analyzed 0 document(s)" in strict.stdout
    assert _stored(ingest_run.db)[0] == before[0]
    assert {k: r["reason"] for k, r in _stored(ingest_run.db)[1].items()} == {
        k: r["reason"] for k, r in before[1].items()}


def test_every_input_is_recorded_exactly_once(ingest_run):
    docs, rejections = _stored(ingest_run.db)
    expected = {_key(c) for c in ingest_run.cases if c.outcome(False) != "skipped"}
    expected.add((str(ingest_run.good), 0))
    assert set(docs) | set(rejections) == expected
    assert not set(docs) & set(rejections)
    with open_store(ingest_run.db, read_only=True) as store:
        n_docs = store.query("SELECT count(*) AS n FROM documents")[0]["n"]
        n_sources = store.query("SELECT count(*) AS n FROM sources")[0]["n"]
    assert n_docs == n_sources == len(docs)  # every good input is its own document


def test_scripts_in_an_article_never_reach_the_store(ingest_run):
    with open_store(ingest_run.db, read_only=True) as store:
        texts = [r["text"] + " " + (r["title"] or "") for r in store.query("SELECT text, title FROM documents")]
        messages = [r["message"] for r in store.query("SELECT message FROM rejections")]
    for blob in texts + messages:
        for word in SCRIPT_WORDS:
            assert word not in blob


def test_the_good_article_is_unaffected_by_the_batch(ingest_run, tmp_path):
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "zz_good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    db = tmp_path / "alone.duckdb"
    analyze([alone / "zz_good.txt"], Options(db=db, nlp=False, quiet=True))
    columns = "doc_id, title, publication_date, publication_date_basis, language, word_count, text"
    with open_store(db, read_only=True) as store:
        ref = store.query(f"SELECT {columns} FROM documents")
    with open_store(ingest_run.db, read_only=True) as store:
        got = store.query(f"SELECT {columns} FROM documents WHERE file = ?", [str(ingest_run.good)])
    assert got == ref and ref[0]["publication_date_basis"] == "text"


def test_leading_dash_filename_works_after_double_dash(tmp_path, monkeypatch):
    (tmp_path / "-dash.txt").write_text(GOOD_TEXT, encoding="utf-8")
    db = tmp_path / "d.duckdb"
    monkeypatch.chdir(tmp_path)
    result = _invoke(["analyze", "--db", str(db), "--no-nlp", "--", "-dash.txt"])
    assert result.exit_code == 0, result.output
    docs, _ = _stored(db)
    assert list(docs) == [("-dash.txt", 0)]


# -- each case alone next to the good article: nothing else in the batch is affected ----------------
def _distinct_paths(cases: list[Case]) -> list[Case]:
    seen, out = set(), []
    for c in cases:
        if c.path not in seen and c.outcome(False) != "skipped":
            seen.add(c.path)
            out.append(c)
    return out


@pytest.fixture(scope="module")
def isolated_corpus(make_bad_corpus):
    root, cases = make_bad_corpus("iso")
    good = root.parent / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    return good, {c.name: c for c in _distinct_paths(cases)}


#: One case per input file (the JSONL cases share one file, named by its first line).
PATH_CASES = [n for n in CASE_NAMES if not n.startswith("jsonl_") or n == "jsonl_good_first"]
PATH_CASES.remove("unsupported_in_folder")


@pytest.mark.parametrize("name", PATH_CASES)
def test_bad_input_next_to_a_good_one(isolated_corpus, tmp_path, name):
    good, cases = isolated_corpus
    case = cases[name]
    db = tmp_path / "pair.duckdb"
    result = analyze([case.path, good], Options(db=db, nlp=False, quiet=True))
    docs, rejections = _stored(db)
    assert docs[(str(good), 0)]["text"].endswith("in the autumn.")
    assert result.analyzed >= 1 and not result.interrupted
    if case.outcome(False) in REASONS:
        assert rejections[_key(case)]["reason"] == case.outcome(False)
    with open_store(db, read_only=True) as store:
        (run,) = store.query("SELECT status, analyzed, rejected FROM runs")
    assert run["status"] == "completed"
    assert run["analyzed"] == result.analyzed and run["rejected"] == len(result.rejected)


# -- one run with the NLP stages over the whole corpus -------------------------------------------------
@pytest.mark.parametrize("name", CASE_NAMES)
def test_each_bad_input_with_nlp(nlp_run, name):
    _check_case(nlp_run, _case(nlp_run, name), nlp_on=True)


def test_nlp_run_codes_the_good_article_and_nothing_failed(nlp_run):
    assert nlp_run.exit_code == 0, nlp_run.stderr
    assert "analysis_failed" not in nlp_run.stderr
    with open_store(nlp_run.db, read_only=True) as store:
        good = store.query(
            "SELECT source_actor_id, target_actor_id, cameo_code, date FROM event_mentions "
            "WHERE doc_id IN (SELECT doc_id FROM sources WHERE file = ?)", [str(nlp_run.good)])
        statuses = {r["status"] for r in store.query("SELECT DISTINCT status FROM documents")}
        versions = {r["coder_version"] for r in store.query("SELECT DISTINCT coder_version FROM documents")}
        (run,) = store.query("SELECT status FROM runs")
    assert statuses == {"analyzed"} and None not in versions
    assert run["status"] == "completed"
    pairs = {(r["source_actor_id"], r["target_actor_id"]) for r in good}
    assert any("2018-06" in (r["date"] or "") for r in good), good
    assert pairs, "the good article (ministers meet) yields events"


def test_rerun_with_nlp_adds_nothing(nlp_run):
    def counts():
        with open_store(nlp_run.db, read_only=True) as store:
            return store.counts()

    before = counts()
    again = _invoke(["analyze", str(nlp_run.root), "--db", str(nlp_run.db)])
    assert again.exit_code == 0
    assert "analyzed 0 document(s)" in again.stdout
    assert counts() == before


# -- a file the user may not read ------------------------------------------------------------------
def test_permission_denied_file_is_rejected_and_the_rest_goes_on(tmp_path):
    """chmod 000 stops everyone but root, so as root the run drops to user ``nobody``."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "perm"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    secret = folder / "secret.txt"
    secret.write_text(GOOD_TEXT.replace("Kono", "Suga"), encoding="utf-8")
    secret.chmod(0)
    db = folder / "perm.duckdb"
    command = [sys.executable, "-m", "detente.cli", "analyze", str(folder), "--db", str(db), "--no-nlp"]
    drop = None
    if os.geteuid() == 0:
        for path in (tmp_path, folder):
            path.chmod(0o777)

        def drop() -> None:
            os.setgid(65534)
            os.setuid(65534)
    try:
        done = subprocess.run(command, preexec_fn=drop, capture_output=True, text=True, timeout=120,
                              check=False, env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
    except PermissionError as exc:
        pytest.skip(f"this Python cannot be run by an unprivileged user ({exc})")
    if done.returncode != 0 and "Permission denied" in done.stderr and "secret.txt" not in done.stderr:
        pytest.skip("the package cannot be imported by an unprivileged user")
    assert done.returncode == 0, done.stderr
    assert f"rejected {secret}: [unreadable] {secret}: cannot read: Permission denied" in done.stderr
    docs, rejections = _stored(db)
    assert list(docs) == [(str(folder / "good.txt"), 0)]
    assert rejections[(str(secret), 0)]["reason"] == "unreadable"
