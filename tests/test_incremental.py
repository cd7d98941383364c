"""Incremental and interrupted runs: only new or changed inputs are processed; Ctrl-C leaves
the store consistent and a re-run completes it without duplicates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente import pipeline
from detente.config import Options
from detente.errors import ConfigError
from detente.pipeline import analyze
from detente.records import Actor, ActorMention, Article, EventMention, Stance, TimeExpression
from detente.store import LAYER_TABLES, Store, open_store

# Short briefs in our own words about dated facts of Japan–Russia relations.
BRIEFS = {
    "kishida.txt": (
        "Moscow, 20 September 2016.\n\nJapanese Foreign Minister Fumio Kishida met Russian Foreign "
        "Minister Sergei Lavrov in Moscow on Tuesday. The two ministers agreed to continue talks on a "
        "peace treaty and discussed joint economic activities on the disputed islands."
    ),
    "sochi.txt": (
        "Sochi, 6 May 2016.\n\nPrime Minister Shinzo Abe visited Sochi, where President Vladimir Putin "
        "welcomed him. Abe proposed an eight-point plan of economic cooperation covering energy, "
        "medical care and small businesses, and Putin said Russia would study it."
    ),
    "nagato.txt": (
        "Nagato, 16 December 2016.\n\nPresident Vladimir Putin arrived in Japan for a two-day summit "
        "with Prime Minister Shinzo Abe. The leaders signed dozens of commercial agreements but made "
        "no progress on the territorial dispute over the Kuril Islands."
    ),
    "tokyo.txt": (
        "Tokyo, 20 March 2017.\n\nJapan and Russia held talks of their foreign and defence ministers "
        "in Tokyo on Monday. Japan criticised the deployment of Russian missiles on the islands, and "
        "Russia voiced concern about American missile defence systems in Japan."
    ),
}
EDIT = " Both sides agreed to meet again before the end of the year."


def write(folder: Path, names) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(BRIEFS[name], encoding="utf-8")


def options(db: Path, **changes) -> Options:
    return Options(db=db, batch_size=1, quiet=True).with_(**changes)


def consistency_problems(db: Path) -> list[str]:
    """Rows that a half-written article would leave behind."""
    problems = []
    with open_store(db, read_only=True) as store:
        for table in (*LAYER_TABLES, "sources"):
            orphans = store.query(
                f"SELECT count(*) AS n FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
            )[0]["n"]
            if orphans:
                problems.append(f"{orphans} {table} row(s) without their document")
        unsourced = store.query(
            "SELECT count(*) AS n FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM sources)"
        )[0]["n"]
        if unsourced:
            problems.append(f"{unsourced} document(s) without a source")
    return problems


# -- incremental runs ----------------------------------------------------------------------------------
@pytest.mark.parametrize("nlp_stages", [True, False], ids=["full", "ingest-only"])
def test_rerun_processes_only_new_and_changed_files(tmp_path, nlp, nlp_stages):
    folder, db = tmp_path / "in", tmp_path / "run.duckdb"
    write(folder, ["kishida.txt", "sochi.txt"])
    first = analyze([folder], options(db, nlp=nlp_stages))
    assert (first.analyzed, first.skipped) == (2, 0)

    again = analyze([folder], options(db, nlp=nlp_stages))
    assert (again.analyzed, again.skipped) == (0, 2)

    write(folder, ["nagato.txt"])
    (folder / "sochi.txt").write_text(BRIEFS["sochi.txt"] + EDIT, encoding="utf-8")
    third = analyze([folder], options(db, nlp=nlp_stages))
    assert (third.analyzed, third.skipped) == (2, 1)

    with open_store(db, read_only=True) as store:
        texts = {Path(r["file"]).name: r["text"] for r in store.query("SELECT file, text FROM documents")}
        runs = [r["status"] for r in store.query("SELECT status FROM runs ORDER BY started_at")]
    assert sorted(texts) == ["kishida.txt", "nagato.txt", "sochi.txt"]
    assert texts["sochi.txt"].endswith(EDIT.strip())  # the edited file replaced its document
    assert runs == ["completed"] * 3
    assert consistency_problems(db) == []


def test_ingest_only_rerun_keeps_the_earlier_analysis(tmp_path, nlp, store_contents):
    folder, db = tmp_path / "in", tmp_path / "run.duckdb"
    write(folder, ["kishida.txt", "nagato.txt"])
    analyze([folder], options(db))
    before = store_contents(db)
    assert before["event_mentions"]
    result = analyze([folder], options(db, nlp=False))
    assert (result.analyzed, result.skipped) == (0, 2)
    assert store_contents(db) == before


# -- interrupted runs --------------------------------------------------------------------------------------
def interrupt_third_write(monkeypatch) -> None:
    """Ctrl-C while the store writes the 3rd article (inside the second batch's transaction)."""
    real = Store._write_document
    calls = 0

    def write_document(self, *args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "_write_document", write_document)


def interrupt_second_batch(monkeypatch) -> None:
    """Ctrl-C while the NLP stages work on the second batch."""
    real = pipeline.analyze_docs
    calls = 0

    def analyze_docs(articles, options):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        return real(articles, options)

    monkeypatch.setattr(pipeline, "analyze_docs", analyze_docs)


@pytest.mark.parametrize("interrupt", [interrupt_third_write, interrupt_second_batch], ids=["in-write", "in-nlp"])
def test_interrupted_run_is_consistent_and_a_rerun_completes_it(tmp_path, nlp, monkeypatch, interrupt, store_contents):
    folder = tmp_path / "in"
    write(folder, BRIEFS)
    clean_db, db = tmp_path / "clean.duckdb", tmp_path / "run.duckdb"
    analyze([folder], options(clean_db))

    interrupt(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        analyze([folder], options(db))
    monkeypatch.undo()

    assert consistency_problems(db) == []
    with open_store(db, read_only=True) as store:
        run = store.query("SELECT status, analyzed FROM runs")
        stored = store.query("SELECT count(*) AS n FROM documents")[0]["n"]
    assert run == [{"status": "interrupted", "analyzed": 2}]  # the first batch (2 articles) made it
    assert stored == 2

    resumed = analyze([folder], options(db))
    assert (resumed.analyzed, resumed.skipped) == (2, 2)
    assert store_contents(db) == store_contents(clean_db)


def test_article_a_stage_fails_on_is_rejected_and_retried(tmp_path, nlp, monkeypatch):
    folder, db = tmp_path / "in", tmp_path / "run.duckdb"
    write(folder, ["kishida.txt", "sochi.txt", "nagato.txt"])
    real = pipeline._analyze_doc

    def failing(article, doc, actor_db, patterns=None):
        if article.file.endswith("sochi.txt"):
            raise ValueError("simulated coder bug")
        return real(article, doc, actor_db, patterns)

    monkeypatch.setattr(pipeline, "_analyze_doc", failing)
    result = analyze([folder], options(db))
    assert result.analyzed == 2
    assert [(Path(r.file).name, r.reason) for r in result.rejected] == [("sochi.txt", "analysis_failed")]
    assert "simulated coder bug" in result.rejected[0].message

    monkeypatch.undo()
    retry = analyze([folder], options(db))
    assert (retry.analyzed, retry.skipped, retry.rejected) == (1, 2, [])
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM rejections")[0]["n"] == 0
    assert consistency_problems(db) == []


def test_broken_data_file_stops_the_run_instead_of_rejecting_every_article(tmp_path, nlp, monkeypatch):
    folder, db = tmp_path / "in", tmp_path / "run.duckdb"
    write(folder, ["kishida.txt", "sochi.txt"])

    def broken(article, doc, actor_db, patterns=None):
        raise ConfigError("unknown field 'verb'", file="patterns.yaml", line=3)

    monkeypatch.setattr(pipeline, "_analyze_doc", broken)
    with pytest.raises(ConfigError, match="patterns.yaml:3"):
        analyze([folder], options(db))
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT status, analyzed FROM runs") == [{"status": "failed", "analyzed": 0}]
        assert store.counts()["rejections"] == 0


# -- grouped store writes == one-by-one writes -----------------------------------------------------------
def _records(n: int, text: str, file: str) -> dict:
    article = Article(
        doc_id=f"doc{n:02d}", file=file, text=text, title=f"Title {n}", publication_date=dt.date(2018, 9, n + 1),
        publication_date_basis="text", language="en", word_count=len(text.split()), file_sha=f"sha{n}",
    )
    japan = Actor("JPNGOV", "Government of Japan", "JPN", "GOV", cameo="JPNGOV")
    russia = Actor("RUSGOV", "Government of Russia", "RUS", "GOV", cameo="RUSGOV", role=f"r{n}")
    mentions = [ActorMention(0, 5, "Tokyo", japan, 0.9, "metonym", 0),
                ActorMention(10, 16, "Moscow", russia, 0.8, "metonym", 0)]
    timexes = [TimeExpression(20, 28, "Tuesday", "DATE", f"2018-09-{n + 1:02d}", "day", basis="anchored")]
    events = [EventMention(
        f"ev{n:02d}", article.doc_id, file, "Tokyo met Moscow.", 0, 0, 16, f"2018-09-{n + 1:02d}", "day",
        "Tuesday", "clause", "JPNGOV", "Japan", "JPN", "GOV", "JPNGOV", "RUSGOV", "Russia", "RUS", "GOV",
        "RUSGOV", "036", "03", "CONSULT", "visit", 1, 4.0 + n / 2, "asserted", None, 0.75, "v-test",
        trigger="met", extra={"n": n},
    )]
    stances = [Stance(f"st{n:02d}", article.doc_id, "JPNGOV", "Japan", "JPN", "islands", "sovereignty",
                      None, "Tokyo insists.", 0, 0, 14, "party", 0.6)]
    return {"article": article, "actor_mentions": mentions, "timexes": timexes, "events": events,
            "stances": stances, "coder_version": "v-test"}


def _history() -> list[dict]:
    # Five files; file c.txt re-written with new content, and two files with identical content.
    items = [_records(n, f"text number {n}", f"{name}.txt") for n, name in enumerate("abcd")]
    items.append(_records(1, "text number 1", "e.txt"))  # same document as b.txt
    items.append(_records(7, "text number 7", "c.txt"))  # c.txt edited: replaces doc02
    items.append(_records(7, "text number 7", "f.txt"))  # same content again, same group
    return items


@pytest.mark.parametrize("group", [2, 3, 7])
def test_grouped_writes_store_the_same_as_one_by_one(tmp_path, group, store_contents):
    items = _history()
    one_db, grouped_db = tmp_path / "one.duckdb", tmp_path / "grouped.duckdb"
    with open_store(one_db) as store:
        for item in items:
            store.write_article(**item)
    with open_store(grouped_db) as store:
        for i in range(0, len(items), group):
            assert store.write_articles(items[i:i + group]) == len(items[i:i + group])
    one = store_contents(one_db)
    assert store_contents(grouped_db) == one
    assert {r[0] for r in one["documents"]} == {"doc00", "doc01", "doc03", "doc07"}
    assert len(one["event_mentions"]) == 4 and len(one["sources"]) == 6
    assert consistency_problems(grouped_db) == []


def test_failed_group_write_leaves_nothing_of_the_group(tmp_path):
    items = _history()
    db = tmp_path / "run.duckdb"
    broken = dict(items[2])
    broken["events"] = [*items[2]["events"], "not an event"]
    with open_store(db) as store:
        store.write_articles(items[:2])
        with pytest.raises(AttributeError):
            store.write_articles([broken, items[3]])
    with open_store(db, read_only=True) as store:
        assert sorted(r["doc_id"] for r in store.query("SELECT doc_id FROM documents")) == ["doc00", "doc01"]
        assert store.query("SELECT count(*) AS n FROM event_mentions")[0]["n"] == 2
    assert consistency_problems(db) == []
