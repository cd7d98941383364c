"""TIMEX3 values → first/last day and precision."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.time import precision_of, value_to_interval

D = dt.date

INTERVALS = [
    ("2018-09-12", (D(2018, 9, 12), D(2018, 9, 12)), "day"),
    ("2013-03-22TAF", (D(2013, 3, 22), D(2013, 3, 22)), "day"),
    ("2018-09", (D(2018, 9, 1), D(2018, 9, 30)), "month"),
    ("2016-02", (D(2016, 2, 1), D(2016, 2, 29)), "month"),
    ("2018-W37", (D(2018, 9, 10), D(2018, 9, 16)), "week"),
    ("2013-W11-WE", (D(2013, 3, 16), D(2013, 3, 17)), "week"),
    ("2018-Q3", (D(2018, 7, 1), D(2018, 9, 30)), "quarter"),
    ("2018-H2", (D(2018, 7, 1), D(2018, 12, 31)), "half"),
    ("2018-H1", (D(2018, 1, 1), D(2018, 6, 30)), "half"),
    ("2018-SU", (D(2018, 6, 1), D(2018, 8, 31)), "season"),
    ("2018-FA", (D(2018, 9, 1), D(2018, 11, 30)), "season"),
    ("2018-WI", (D(2018, 12, 1), D(2019, 2, 28)), "season"),
    ("1945", (D(1945, 1, 1), D(1945, 12, 31)), "year"),
    ("196X", (D(1960, 1, 1), D(1969, 12, 31)), "decade"),
    ("19", (D(1900, 1, 1), D(1999, 12, 31)), "century"),
]


@pytest.mark.parametrize(("value", "interval", "precision"), INTERVALS,
                         ids=[i[0] for i in INTERVALS])
def test_value_to_interval(value, interval, precision):
    assert value_to_interval(value) == interval
    assert precision_of(value) == precision


@pytest.mark.parametrize("value", ["P3Y", "PT5H", "PRESENT_REF", "PAST_REF", "XXXX-09-10",
                                   "2018-13", "2018-02-30", "2018-W60", "", "tomorrow"])
def test_values_without_a_calendar_span(value):
    assert value_to_interval(value) is None
    assert precision_of(value) in ("none", "day", "month", "week")
    if value.startswith("P") or value.endswith("_REF"):
        assert precision_of(value) == "none"
