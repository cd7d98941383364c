"""The CLI in process: help everywhere, exit statuses, output contracts."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from detente.cli import main

SEED_TEXT = (
    "Japan and Russia agree to expand trade\n\nBy Test Writer\n\nMarch 3, 2017\n\n"
    "Japanese Foreign Minister Fumio Kishida met his Russian counterpart Sergei Lavrov in Tokyo on "
    "Friday. The two ministers agreed to expand trade and to hold further talks on the disputed "
    "islands later this year, officials said after the meeting.\n"
)


def _commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,)
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))


@pytest.mark.parametrize("path", list(_commands(main)), ids=lambda p: " ".join(p))
def test_every_command_has_help(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert len(result.output.splitlines()) > 3


def test_analyze_ingest_only_and_documents_jsonl(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    db = tmp_path / "t.duckdb"
    runner = CliRunner()
    result = runner.invoke(main, ["analyze", str(tmp_path), "--db", str(db), "--no-nlp"])
    assert result.exit_code == 0, result.output
    assert "analyzed 1 document(s)" in result.output
    assert "rejected 1" in result.output

    strict = runner.invoke(main, ["analyze", str(tmp_path), "--db", str(db), "--no-nlp", "--strict"])
    assert strict.exit_code == 1
    assert "skipped 1 unchanged" in strict.output

    listing = runner.invoke(main, ["documents", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(line) for line in listing.output.splitlines()]
    assert [r["status"] for r in rows] == ["ingested", "rejected"]
    assert list(rows[0]) == [
        "doc_id", "file", "title", "author", "author_bio", "site", "publication_date", "publication_date_basis",
        "publication_date_window_days", "language", "word_count", "status", "reason",
    ]
    assert rows[0]["publication_date"] == "2017-03-03"
    assert rows[0]["publication_date_basis"] == "text"
    assert rows[1]["reason"].startswith("empty")
    assert str(tmp_path / "empty.txt") in rows[1]["file"]


def test_analyze_exits_2_when_nothing_readable(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "t.duckdb"), "--no-nlp"])
    assert result.exit_code == 2
    assert "nothing could be read" in result.output


def test_documents_on_missing_db_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["documents", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 3
    assert "no such database" in result.output


def test_code_command_writes_one_line_per_event(tmp_path, nlp):
    """`detente code` codes JSONL records without a database; malformed lines are reported."""
    from detente.records import EventMention

    src = tmp_path / "sentences.jsonl"
    src.write_text(
        json.dumps({"id": "r1", "date": "2016-05-09",
                    "text": "Japanese Prime Minister Shinzo Abe met Russian President Vladimir Putin in Sochi on Friday."})
        + "\nnot json\n",
        encoding="utf-8",
    )
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["code", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{src}:2: skipped malformed JSON" in result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and all(r["record_id"] == "r1" for r in rows)
    assert set(EventMention.JSONL_FIELDS) <= set(rows[0])
    meeting = next(r for r in rows if r["cameo_root"] == "04")
    assert (meeting["source_country"], meeting["target_country"]) == ("JPN", "RUS")
    assert (meeting["date"], meeting["date_basis"]) == ("2016-05-06", "clause")
