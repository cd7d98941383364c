"""Exports: every table in every format, PLOVER-style JSON and the GDELT-like TSV mapping."""

from __future__ import annotations

import csv
import io
import json

import pytest

from detente.errors import DetenteError
from detente.export import DETENTE_GDELT_COLUMNS, GDELT_COLUMNS, export

COUNTS = {"events": 7, "mentions": 8, "documents": 7, "actors": 5, "stances": 3}  # documents: 5 + 2 rejected


@pytest.mark.parametrize("what", sorted(COUNTS))
def test_csv_and_jsonl_agree(web_db, what):
    rows = [json.loads(line) for line in export(web_db, what, "jsonl").splitlines()]
    table = list(csv.DictReader(io.StringIO(export(web_db, what, "csv"))))
    assert len(rows) == len(table) == COUNTS[what]
    assert list(rows[0]) == list(table[0])


@pytest.mark.parametrize("what", sorted(COUNTS))
def test_parquet_round_trip(web_db, tmp_path, what):
    pq = pytest.importorskip("pyarrow.parquet")
    out = export(web_db, what, "parquet", tmp_path / f"{what}.parquet")
    table = pq.read_table(out)
    assert table.num_rows == COUNTS[what]
    jsonl = [json.loads(line) for line in export(web_db, what, "jsonl").splitlines()]
    assert table.column_names == list(jsonl[0])


def test_events_export_keeps_every_report(web_db):
    rows = {r["event_key"]: r for r in map(json.loads, export(web_db, "events", "jsonl").splitlines())}
    nagato = rows["evt-a0-e0"]
    assert nagato["mention_ids"] == ["ev-a0", "ev-e0"]
    assert nagato["outlets"] == ["daily-wire.test", "example-news.test"]
    assert nagato["n_mentions"] == 2 and nagato["evidence"].startswith("Prime Minister Abe")


def test_mentions_export_has_jsonl_contract(web_db):
    from detente.records import EventMention

    row = json.loads(export(web_db, "mentions", "jsonl").splitlines()[0])
    assert list(row)[: len(EventMention.JSONL_FIELDS)] == list(EventMention.JSONL_FIELDS)
    assert row["event_key"].startswith("evt-")


def test_documents_export_includes_rejections_and_text(web_db):
    rows = list(map(json.loads, export(web_db, "documents", "jsonl").splitlines()))
    rejected = [r for r in rows if r["status"] == "rejected"]
    assert {r["reason"].split(":")[0] for r in rejected} == {"binary", "empty"}
    assert all(r["text"] for r in rows if r["status"] != "rejected")


def test_plover_records(web_db):
    recs = {r["id"]: r for r in map(json.loads, export(web_db, "events", "plover").splitlines())}
    rec = recs["evt-b1"]
    assert rec["event"] == "ACCUSE" and rec["cameo"] == "111" and rec["quad_class"] == 3
    assert rec["actor"] == [{"actorText": "Russia", "code": "RUSGOV", "country": "RUS", "sector": "GOV", "actor_id": "RUS"}]
    assert rec["recipient"][0]["code"] == "JPNGOV"
    assert rec["text"] == "Russia criticised Japan's plan to deploy a missile defence system."
    assert rec["sources"][0]["outlet"] == "daily-wire.test"
    assert recs["evt-a0-e0"]["num_sources"] == 2
    mentions = list(map(json.loads, export(web_db, "mentions", "plover").splitlines()))
    assert len(mentions) == 8 and {m["event_key"] for m in mentions} >= {"evt-a0-e0"}


def test_gdelt_tsv_columns_and_mapping(web_db):
    lines = export(web_db, "events", "gdelt").splitlines()
    header = lines[0].split("\t")
    assert header == list(GDELT_COLUMNS + DETENTE_GDELT_COLUMNS)
    assert len(GDELT_COLUMNS) == 61
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert all(len(line.split("\t")) == len(header) for line in lines[1:])
    b0 = next(r for r in rows if r["GLOBALEVENTID"] == "evt-b0")
    # month precision: first day of the month, precision kept beside it
    assert (b0["SQLDATE"], b0["MonthYear"], b0["Year"]) == ("20180501", "201805", "2018")
    assert b0["detente_date_precision"] == "month"
    assert (b0["Actor1Code"], b0["Actor1CountryCode"], b0["Actor2Code"]) == ("JPNGOV", "JPN", "RUSGOV")
    assert (b0["EventCode"], b0["EventBaseCode"], b0["EventRootCode"]) == ("042", "042", "04")
    assert b0["IsRootEvent"] == "1" and b0["SOURCEURL"] == "https://doc-b.example.test/story"
    nagato = next(r for r in rows if r["GLOBALEVENTID"] == "evt-a0-e0")
    assert (nagato["NumMentions"], nagato["NumSources"], nagato["NumArticles"]) == ("2", "2", "2")


def test_gdelt_values_never_break_lines(web_db, tmp_path):
    out = export(web_db, "mentions", "gdelt", tmp_path / "m.tsv")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9
    assert {len(line.split("\t")) for line in lines} == {66}


@pytest.mark.parametrize("what, fmt, out", [
    ("events", "xml", None), ("everything", "csv", None), ("actors", "plover", None),
    ("documents", "gdelt", None), ("events", "parquet", None),
])
def test_bad_export_requests(web_db, what, fmt, out):
    with pytest.raises(DetenteError):
        export(web_db, what, fmt, out)


def test_export_missing_database(tmp_path):
    from detente.errors import StoreError

    with pytest.raises(StoreError):
        export(tmp_path / "none.duckdb", "events", "csv")
