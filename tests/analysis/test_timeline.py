"""Dyad timelines: order, precision, filters, direction and output formats."""

from __future__ import annotations

import json

import pytest

from detente.analysis.timeline import format_timeline, timeline


def test_dyad_in_either_direction_in_date_order(store):
    rows = timeline(store, "JPN", "RUS")
    assert [(r["date"], r["date_precision"]) for r in rows] == [
        ("2016", "year"),
        ("2016-09", "month"),
        ("2016-09-02", "day"),
        ("2016-12-01", "day"),
        ("2016-12-15", "day"),
        ("2017-02-01", "day"),
    ]
    assert rows == timeline(store, "RUS", "JPN")
    meeting = rows[2]
    assert meeting["n_mentions"] == 3 and meeting["n_documents"] == 2 and meeting["n_sources"] == 2
    assert meeting["source_list"] == ["kyodo.jp", "tass.com"]
    assert "Vladivostok" in meeting["evidence"]
    assert meeting["date_basis"] == "text"


def test_actor_ids_work_as_parties(store):
    assert [r["date"] for r in timeline(store, "jpn", "chn")] == ["2016-12-10"]


def test_one_party_gives_all_its_events(store):
    assert len(timeline(store, "JPN", None)) == 7
    assert len(timeline(store, "CHN", None)) == 1


def test_topic_gives_everything(store):
    assert len(timeline(store, None, None, topic=True)) == 7


@pytest.mark.parametrize(
    ("since", "until", "dates"),
    [
        ("2016-12", None, ["2016", "2016-12-01", "2016-12-15", "2017-02-01"]),
        (None, "2016-09-30", ["2016", "2016-09", "2016-09-02"]),
        ("2016-09-02", "2016-09-02", ["2016", "2016-09", "2016-09-02"]),
        ("2017", "2017", ["2017-02-01"]),
    ],
)
def test_since_until_keep_overlapping_dates(store, since, until, dates):
    assert [r["date"] for r in timeline(store, "JPN", "RUS", since=since, until=until)] == dates


def test_bad_since(store):
    with pytest.raises(ValueError, match="not a date"):
        timeline(store, "JPN", "RUS", since="last year")


def test_format_contracts(store):
    rows = timeline(store, "JPN", "RUS")
    table = format_timeline(rows, "table").splitlines()
    assert table[0].split()[:5] == ["date", "precision", "dated", "by", "dyad"]
    assert len(table) == 2 + len(rows)
    assert table[2].startswith("2016 ")
    md = format_timeline(rows, "md").splitlines()
    assert md[0].startswith("| date | precision | dated by | dyad |")
    assert len(md) == 2 + len(rows)
    lines = [json.loads(line) for line in format_timeline(rows, "jsonl").splitlines()]
    assert [x["date"] for x in lines] == [r["date"] for r in rows]
    assert {"event_key", "date", "date_precision", "evidence", "source_list", "n_mentions"} <= set(lines[0])
