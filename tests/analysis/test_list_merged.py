"""Listings read by the CLI and the dashboard: `detente events [--merged]` rows, their filters (the same
for mentions, merged events and stances in both front ends) and CSV output of the analysis formats."""

from __future__ import annotations

import csv
import io

import pytest

from detente.analysis.index import format_index, index
from detente.merge import LIST_COLUMNS, list_merged
from detente.queries import list_events


def test_all_merged_events_in_date_order(store):
    rows = list_merged(store)
    assert [r["date"] for r in rows] == [
        "2016", "2016-09", "2016-09-02", "2016-12-01", "2016-12-10", "2016-12-15", "2017-02-01",
    ]
    assert list(rows[0]) == list(LIST_COLUMNS)
    meeting = rows[2]
    assert meeting["members"] == ["m1", "m2", "m9"] and meeting["n_mentions"] == 3


@pytest.mark.parametrize(
    ("filters", "dates"),
    [
        ({"dyad": "JPN-CHN"}, ["2016-12-10"]),
        ({"dyad": "rus-jpn", "code": "04"}, ["2016", "2016-09-02", "2016-12-15", "2017-02-01"]),
        ({"actor": "CHN"}, ["2016-12-10"]),
        ({"code": "163"}, ["2016-12-01"]),
        ({"since": "2016-12", "until": "2016-12"}, ["2016", "2016-12-01", "2016-12-10", "2016-12-15"]),
    ],
)
def test_filters(store, filters, dates):
    assert [r["date"] for r in list_merged(store, **filters)] == dates


@pytest.mark.parametrize(
    "filters",
    [
        {"dyad": "JPN-CHN"},
        {"dyad": "rus-jpn", "code": "04"},
        {"dyad": "JPN\u2013RUS"},
        {"dyad": "jpn , rus", "since": "2016-10"},
        {"actor": "CHN"},
        {"code": "163"},
        {"since": "2016-12", "until": "2016-12"},
        {"until": "2016-09-01"},
    ],
)
def test_mentions_and_merged_events_filter_alike(store, filters):
    """`detente events` and `detente events --merged` read one filter the same way: the
    mentions listed are exactly the members of the merged events listed."""
    merged = list_merged(store, **filters)
    members = sorted(m for row in merged for m in row["members"])
    assert merged and sorted(r["event_id"] for r in list_events(store, **filters)) == members


def test_mention_dates_overlap_the_window(store):
    """A mention dated by year is inside a month window of that year, as a merged event is."""
    ids = [r["event_id"] for r in list_events(store, since="2016-12", until="2016-12")]
    assert ids == ["m6", "m5", "m7", "m4"]
    assert [r["event_id"] for r in list_events(store, since="2016-12", limit=2)] == ["m6", "m5"]


@pytest.mark.parametrize(("filters", "message"), [({"dyad": "JPN"}, "two parties"), ({"dyad": "JPN-RUS-CHN"}, "two parties"),
                                                  ({"until": "2016-13"}, "not a date")])
def test_bad_mention_filters(store, filters, message):
    with pytest.raises(ValueError, match=message):
        list_events(store, **filters)


def test_explain_adds_the_reasons(store):
    rows = {r["date"]: r for r in list_merged(store, explain=True)}
    links = rows["2016-09-02"]["explanation"]["links"]
    assert {x["a"] for x in links} | {x["b"] for x in links} == {"m1", "m2", "m9"}
    assert "explanation" not in list_merged(store)[0]


@pytest.mark.parametrize(("filters", "message"), [({"dyad": "JPN"}, "two parties"), ({"since": "soon"}, "not a date")])
def test_bad_filters(store, filters, message):
    with pytest.raises(ValueError, match=message):
        list_merged(store, **filters)


def test_csv_output(store):
    rows = index(store, "JPN", "RUS", by="month")
    table = list(csv.DictReader(io.StringIO(format_index(rows, "csv"))))
    assert [t["period"] for t in table] == [r["period"] for r in rows]
    assert float(table[0]["goldstein_sum"]) == pytest.approx(rows[0]["goldstein_sum"])


@pytest.mark.parametrize(
    "filters",
    [{"actor": "jpn"}, {"actor": "JPN"}, {"actor": "Japan"}, {"actor": "RUS"}, {"actor": "russia", "issue": "sovereignty"},
     {"speaker_kind": "commentator"}, {"issue": "sanctions", "actor": "JPN"}],
)
def test_stances_filter_alike_in_cli_and_dashboard(store, filters):
    """`detente stances` and the dashboard's stance list read one filter the same way."""
    from detente.analysis.stances import stances
    from detente.web import queries as web

    cli = sorted(r["stance_id"] for r in stances(store, **filters))
    page = web.stances(store, **filters)
    assert cli and sorted(r["stance_id"] for r in page["items"]) == cli and page["total"] == len(cli)
