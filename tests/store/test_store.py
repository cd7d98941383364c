"""The DuckDB store: migrations, idempotent transactional writes, edited inputs, locking."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.errors import StoreError
from detente.records import Actor, ActorMention, Article, EventMention, Rejection, TimeExpression
from detente.store import open_store
from detente.store.schema import MIGRATIONS


def make_article(text="Abe met Putin in Sochi on Friday.", file="a.txt", doc_id=None, line=None, sha="s1"):
    return Article(
        doc_id=doc_id or f"id-{abs(hash(text)) % 10**8}",
        file=file,
        line=line,
        text=text,
        title="T",
        publication_date=dt.date(2016, 5, 9),
        publication_date_basis="text",
        word_count=len(text.split()),
        file_sha=sha,
    )


def make_event(doc_id, start=0, code="040", event_id=None):
    fields = {name: None for name in EventMention.JSONL_FIELDS}
    fields.update(
        event_id=event_id or f"{doc_id}-{start}-{code}", doc_id=doc_id, file="a.txt", sentence="Abe met Putin.",
        sentence_index=0, char_start=start, char_end=start + 14, date="2016-05-06", date_precision="day",
        date_basis="sentence", source_country="JPN", target_country="RUS", cameo_code=code,
        cameo_root=code[:2], quad_class=1, goldstein=1.0, modality="asserted", confidence=0.9,
        coder_version="test",
    )
    return EventMention(**fields)


ABE = Actor("JPN_abe", "Shinzo Abe", "JPN", "GOV", "head_of_government", "JPNGOV", "person")


def test_migrations_are_recorded_once(tmp_db):
    with open_store(tmp_db) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
    with open_store(tmp_db) as store:
        assert store.migrate() == []


def test_write_is_idempotent(tmp_db):
    art = make_article()
    layers = {
        "actor_mentions": [ActorMention(0, 3, "Abe", ABE, 0.9, "ruler", 0)],
        "timexes": [TimeExpression(26, 32, "Friday", "DATE", "2016-05-06", "day")],
        "events": [make_event(art.doc_id)],
    }
    with open_store(tmp_db) as store:
        for _ in range(3):
            store.write_article(art, **layers, coder_version="test")
        counts = store.counts()
    assert counts["documents"] == 1
    assert counts["actor_mentions"] == 1
    assert counts["timexes"] == 1
    assert counts["event_mentions"] == 1


def test_failed_write_leaves_nothing(tmp_db):
    art = make_article()
    bad = make_event(art.doc_id)
    object.__setattr__(bad, "quad_class", "not a number")
    with open_store(tmp_db) as store:
        with pytest.raises((duckdb.Error, TypeError, ValueError)):
            store.write_article(art, events=[bad])
        assert store.counts()["documents"] == 0
        assert store.counts()["event_mentions"] == 0


def test_edited_file_replaces_its_document(tmp_db):
    with open_store(tmp_db) as store:
        old = make_article("First version of the story.", doc_id="old", sha="s1")
        store.write_article(old, events=[make_event("old")], coder_version="v")
        assert store.is_current("a.txt", None, "s1", "v")
        assert not store.is_current("a.txt", None, "s2", "v")
        new = make_article("Second version of the story.", doc_id="new", sha="s2")
        store.write_article(new, events=[make_event("new")], coder_version="v")
        ids = [r["doc_id"] for r in store.query("SELECT doc_id FROM documents")]
        assert ids == ["new"]
        assert store.query("SELECT doc_id FROM event_mentions") == [{"doc_id": "new"}]


def test_same_content_in_two_files_is_one_document(tmp_db):
    with open_store(tmp_db) as store:
        store.write_article(make_article(file="a.txt", doc_id="same"))
        store.write_article(make_article(file="b.txt", doc_id="same"))
        assert store.counts()["documents"] == 1
        assert store.query("SELECT count(*) AS n FROM sources")[0]["n"] == 2
        assert store.query("SELECT file FROM documents")[0]["file"] == "a.txt"


def test_rejection_is_recorded_and_listed(tmp_db):
    with open_store(tmp_db) as store:
        store.record_rejection(Rejection("bad.jsonl", "bad_json", "line 3: not JSON", line=3), "sha")
        store.record_rejection(Rejection("bad.jsonl", "bad_json", "line 3: not JSON", line=3), "sha")
        rows = store.documents()
    assert len(rows) == 1
    assert rows[0]["status"] == "rejected" and rows[0]["line"] == 3
    assert rows[0]["reason"].startswith("bad_json")


def test_second_writer_process_gets_a_clear_error(tmp_db):
    with open_store(tmp_db):
        code = f"from detente.store import open_store; open_store({str(tmp_db)!r})"
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert "in use by another detente process" in proc.stderr


def test_read_only_on_missing_file_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


@settings(max_examples=40, deadline=None)
@given(
    title=st.text(max_size=40),
    text=st.text(min_size=1, max_size=300),
    window=st.none() | st.integers(0, 3650),
)
def test_article_round_trip(tmp_path_factory, title, text, window):
    """Writing an article and reading it back gives the same values."""
    db = tmp_path_factory.mktemp("rt") / "rt.duckdb"
    art = Article(doc_id="d", file="f.txt", text=text, title=title, publication_date=dt.date(2018, 9, 17),
                  publication_date_basis="inferred", publication_date_window_days=window, word_count=3)
    with open_store(db) as store:
        store.write_article(art)
        row = store.documents(with_text=True)[0]
    assert row["text"] == text and row["title"] == title
    assert row["publication_date"] == "2018-09-17"
    assert row["publication_date_window_days"] == window


def test_duckdb_memory_is_bounded_and_configurable(tmp_path, monkeypatch):
    db = tmp_path / "m.duckdb"
    with open_store(db) as store:
        default = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert default.endswith("MiB") and float(default.split()[0]) < 1024  # 1GB, not 80% of the RAM
    monkeypatch.setenv("DETENTE_DB_MEMORY", "300MB")
    with open_store(db) as store:
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == "286.1 MiB"


def test_author_bio_is_stored_apart_from_the_text(tmp_db):
    art = dataclasses.replace(make_article(), author="Ann Writer", author_bio="Ann Writer teaches history.")
    with open_store(tmp_db) as store:
        store.write_article(art)
        (doc,) = store.documents(include_rejected=False)
    assert (doc["author"], doc["author_bio"]) == ("Ann Writer", "Ann Writer teaches history.")


def test_a_store_of_an_earlier_version_is_upgraded_in_place(tmp_db):
    con = duckdb.connect(str(tmp_db))
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
    for name, sql in MIGRATIONS[:3]:
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
    con.close()
    with open_store(tmp_db) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]
        store.write_article(make_article())
        assert store.documents(include_rejected=False)[0]["author_bio"] is None
