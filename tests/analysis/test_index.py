"""The cooperation–conflict index: arithmetic checked by hand."""

from __future__ import annotations

import json

import pytest

from detente.analysis.index import aggregate, format_index, index, period_of
from detente.merge import date_interval


def test_monthly_index_of_the_fixture_store(store):
    rows = {r["period"]: r for r in index(store, "JPN", "RUS", by="month")}
    # Merged: {m1, m2, m9} meeting 2016-09-02 (q1, +1.0); m3 criticism 2016-09 (q3, -2.0);
    # m4 visit 2016-12-15 (q1, +1.9); m5 embargo 2016-12-01 (q4, -8.0); m6 is year-only and m8
    # planned: both left out of months. Japan–China m7 is another dyad.
    assert list(rows) == ["2016-09", "2016-10", "2016-11", "2016-12"]
    sep, dec = rows["2016-09"], rows["2016-12"]
    assert (sep["n_events"], sep["q1"], sep["q3"]) == (2, 1, 1)
    assert sep["goldstein_sum"] == pytest.approx(-1.0)
    assert sep["goldstein_mean"] == pytest.approx(-0.5)
    assert sep["cci"] == pytest.approx(0.0)
    assert (dec["n_events"], dec["q1"], dec["q4"]) == (2, 1, 1)
    assert dec["goldstein_sum"] == pytest.approx(-6.1)
    assert dec["cci"] == pytest.approx(0.0)
    assert rows["2016-10"]["n_events"] == 0 and rows["2016-10"]["cci"] is None


def test_yearly_index_counts_year_only_events(store):
    (row,) = index(store, "RUS", "JPN", by="year")
    assert row["period"] == "2016"
    assert row["n_events"] == 5  # the year-only talks now count
    assert (row["q1"], row["q3"], row["q4"]) == (3, 1, 1)
    assert row["goldstein_sum"] == pytest.approx(1.0 - 2.0 + 1.9 - 8.0 + 1.0)
    assert row["cci"] == pytest.approx((3 - 2) / 5)


def test_weighted_index_uses_mention_counts(store):
    (row,) = [r for r in index(store, "JPN", "RUS", by="quarter", weighted=True) if r["period"] == "2016-Q3"]
    # the meeting has 3 mentions, the criticism 1: cci = (3 - 1) / 4
    assert row["q1"] == pytest.approx(3.0) and row["q3"] == pytest.approx(1.0)
    assert row["cci"] == pytest.approx(0.5)
    assert row["goldstein_mean"] == pytest.approx((3 * 1.0 - 2.0) / 4)


def test_planned_events_count_only_when_asked(store):
    rows = index(store, "JPN", "RUS", by="year", modalities=("asserted", "planned"))
    assert [r["period"] for r in rows] == ["2016", "2017"]
    assert rows[1]["n_events"] == 1
    every = index(store, "JPN", "RUS", by="year", modalities=())
    assert [r["n_events"] for r in every] == [5, 1]


@pytest.mark.parametrize(
    ("events", "cci", "mean"),
    [
        ([(1, 3.0), (1, 1.0), (4, -10.0)], 1 / 3, -2.0),
        ([(3, -2.0), (4, -8.0)], -1.0, -5.0),
        ([(2, 7.0)], 1.0, 7.0),
    ],
)
def test_aggregate_arithmetic(events, cci, mean):
    (row,) = aggregate([{"date": "2018-05-26", "quad_class": q, "goldstein": g, "n_mentions": 2}
                        for q, g in events], by="month")
    assert row["cci"] == pytest.approx(cci)
    assert row["goldstein_mean"] == pytest.approx(mean)
    assert row["n_events"] == len(events)


@pytest.mark.parametrize(
    ("value", "by", "period"),
    [("2016-09-02", "month", "2016-09"), ("2016-09", "quarter", "2016-Q3"), ("2016-12-31", "year", "2016"),
     ("2016", "month", None), ("2016-Q4", "month", None), ("2016-Q4", "quarter", "2016-Q4")],
)
def test_period_of(value, by, period):
    assert period_of(date_interval(value), by) == period


def test_unknown_period():
    with pytest.raises(ValueError, match="unknown period"):
        aggregate([], by="week")


def test_format_index_contracts(store):
    rows = index(store, "JPN", "RUS", by="month")
    table = format_index(rows, "table").splitlines()
    assert table[0].split()[:2] == ["period", "events"]
    assert len(table) == 2 + len(rows)
    md = format_index(rows, "md").splitlines()
    assert md[0].startswith("| period |") and md[1].startswith("|---")
    parsed = [json.loads(line) for line in format_index(rows, "jsonl").splitlines()]
    assert [p["period"] for p in parsed] == [r["period"] for r in rows]
    assert set(parsed[0]) >= {"q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean", "cci"}
    with pytest.raises(ValueError, match="unknown format"):
        format_index(rows, "xml")
