"""Property tests for the time normaliser."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.time import normalise, precision_of, value_to_interval
from detente.time.values import fmt_day

ANCHORS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2060, 12, 31)).filter(
    lambda d: 2 <= d.day <= 27)
YEARS = st.integers(min_value=-30, max_value=30)

# Relative phrases whose value moves with the anchor's calendar year (no ISO weeks, whose
# numbering differs between years).
RELATIVE = [
    ("last year", None), ("next year", None), ("this year", None), ("two years ago", None),
    ("next month", None), ("last month", None), ("three months ago", None),
    ("last December", None), ("in December of this year", None), ("this autumn", None),
    ("the second half of this year", None), ("earlier this year", None), ("yesterday", None),
    ("today", None), ("tomorrow", None), ("the first quarter", None), ("a year earlier", None),
    ("in March", "past"), ("in October", "future"), ("on September 10", "past"),
    ("on May 25", None), ("by year's end", None), ("last summer", None),
]


def shift_years(value: str, years: int) -> str:
    m = re.match(r"^(\d{4})(.*)$", value)
    assert m, value
    return f"{int(m.group(1)) + years:04d}{m.group(2)}"


@settings(max_examples=150, deadline=None)
@given(anchor=ANCHORS, years=YEARS, case=st.sampled_from(RELATIVE))
def test_shifting_anchor_by_years_shifts_relative_values(anchor, years, case):
    phrase, tense = case
    shifted = anchor.replace(year=anchor.year + years)
    a = normalise(phrase, anchor, tense)
    b = normalise(phrase, shifted, tense)
    assert a is not None and b is not None
    assert b.value == shift_years(a.value, years)
    assert (a.type, a.mod, a.text) == (b.type, b.mod, b.text)


ABSOLUTE = ["17 September 2018", "the autumn of 2018", "the 1960s", "in 1945", "June 2017",
            "P3Y for three years"]


@settings(max_examples=60, deadline=None)
@given(anchor=ANCHORS, phrase=st.sampled_from(ABSOLUTE))
def test_absolute_values_ignore_the_anchor(anchor, phrase):
    assert normalise(phrase, anchor).value == normalise(phrase, dt.date(2000, 6, 15)).value


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80), anchor=st.one_of(st.none(), ANCHORS),
       tense=st.sampled_from(["past", "future", "present", None]))
def test_no_crash_on_arbitrary_strings(text, anchor, tense):
    tx = normalise(text, anchor, tense)
    if tx is not None:
        assert 0 <= tx.start < tx.end <= len(text)
        assert text[tx.start:tx.end] == tx.text
        assert tx.type in ("DATE", "TIME", "DURATION", "SET")


WORDS = st.sampled_from(["last", "next", "this", "May", "March", "week", "year", "ago", "two",
                         "on", "in", "Friday", "the", "of", "2018", "1990s", "-", "to", "or",
                         "summer", "quarter", "half", "early", "late", "12", "31", ",", "a.m."])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, max_size=10), anchor=ANCHORS)
def test_no_crash_on_date_like_word_salad(words, anchor):
    text = " ".join(words)
    tx = normalise(text, anchor)
    if tx is not None:
        assert text[tx.start:tx.end] == tx.text
        iv = value_to_interval(tx.value)
        if iv is not None:
            assert iv[0] <= iv[1]


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       anchor=ANCHORS, style=st.sampled_from(["%B %d, %Y", "%d %B %Y", "%b. %d, %Y"]))
def test_written_full_dates_round_trip(day, anchor, style):
    text = day.strftime(style)
    if style.startswith("%b.") and day.month == 5:
        text = text.replace("May.", "May")
    tx = normalise(text, anchor)
    assert tx is not None and tx.value == fmt_day(day) and tx.precision == "day"


@settings(max_examples=200, deadline=None)
@given(year=st.integers(min_value=1000, max_value=2999),
       suffix=st.sampled_from(["", "-03", "-11", "-Q1", "-Q4", "-H1", "-H2", "-SP", "-WI",
                               "-W01", "-W20"]))
def test_intervals_are_ordered_and_precision_matches(year, suffix):
    value = f"{year}{suffix}"
    iv = value_to_interval(value)
    assert iv is not None and iv[0] <= iv[1]
    assert precision_of(value) != "none"
