"""Normalising single time phrases against an anchor date (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.records import TimeExpression
from detente.time import normalise

D = dt.date
SEP17_2018 = D(2018, 9, 17)  # a Monday
FEB12_2014 = D(2014, 2, 12)  # a Wednesday
JUN14_2018 = D(2018, 6, 14)  # a Thursday
SEP07_2016 = D(2016, 9, 7)
MAY05_2016 = D(2016, 5, 5)
MAR22_2013 = D(2013, 3, 22)  # a Friday

# (phrase, anchor, tense, type, value, mod)
CASES = [
    # absolute full and partial dates
    ("17 September 2018", SEP17_2018, None, "DATE", "2018-09-17", None),
    ("September 17, 2018", SEP17_2018, None, "DATE", "2018-09-17", None),
    ("On September 10, Abe met Putin", SEP17_2018, "past", "DATE", "2018-09-10", None),
    ("on September 6", SEP17_2018, "past", "DATE", "2018-09-06", None),
    ("on October 23", SEP17_2018, "future", "DATE", "2018-10-23", None),
    ("in June 2017", SEP17_2018, None, "DATE", "2017-06", None),
    ("in August 1945", SEP17_2018, None, "DATE", "1945-08", None),
    ("in 1945", SEP17_2018, None, "DATE", "1945", None),
    ("the 1960s", FEB12_2014, None, "DATE", "196X", None),
    ("in the late 1990s", FEB12_2014, None, "DATE", "199X", "END"),
    ("since December 2012", FEB12_2014, None, "DATE", "2012-12", None),
    ("April 29, 2013", FEB12_2014, None, "DATE", "2013-04-29", None),
    ("on May 01", MAY05_2016, "past", "DATE", "2016-05-01", None),
    ("late 1991", MAY05_2016, None, "DATE", "1991", "END"),
    ("mid-1996", MAY05_2016, None, "DATE", "1996", "MID"),
    ("2018-09-12", SEP17_2018, None, "DATE", "2018-09-12", None),
    ("nineteen ninety-six", SEP17_2018, None, "DATE", "1996", None),
    # weekdays: tense decides
    ("last Wednesday", SEP17_2018, None, "DATE", "2018-09-12", None),
    ("Last Wednesday, Putin said", SEP17_2018, "past", "DATE", "2018-09-12", None),
    ("last Friday", SEP17_2018, None, "DATE", "2018-09-14", None),
    ("last Friday's opening ceremony", FEB12_2014, None, "DATE", "2014-02-07", None),
    ("on Saturday", FEB12_2014, "past", "DATE", "2014-02-08", None),
    ("on Saturday", FEB12_2014, "future", "DATE", "2014-02-15", None),
    ("on Monday", FEB12_2014, "future", "DATE", "2014-02-17", None),
    ("on Monday", FEB12_2014, "past", "DATE", "2014-02-10", None),
    ("next Tuesday", FEB12_2014, None, "DATE", "2014-02-18", None),
    ("the summit opens on Thursday", SEP17_2018, "present", "DATE", "2018-09-20", None),
    ("on Thursday", SEP17_2018, None, "DATE", "2018-09-13", None),
    ("Friday afternoon", MAR22_2013, "past", "TIME", "2013-03-22TAF", None),
    ("Thursday night", MAR22_2013, "past", "TIME", "2013-03-21TNI", None),
    # relative expressions
    ("last week", SEP17_2018, None, "DATE", "2018-W37", None),
    ("this week", SEP17_2018, None, "DATE", "2018-W38", None),
    ("next month", SEP17_2018, None, "DATE", "2018-10", None),
    ("last month", MAR22_2013, None, "DATE", "2013-02", None),
    ("two years ago", MAY05_2016, None, "DATE", "2014", None),
    ("three months ago", MAY05_2016, None, "DATE", "2016-02", None),
    ("a decade ago", MAY05_2016, None, "DATE", "2006", None),
    ("earlier this year", SEP17_2018, None, "DATE", "2018", "START"),
    ("later this month", SEP17_2018, None, "DATE", "2018-09", "END"),
    ("last December", SEP17_2018, None, "DATE", "2017-12", None),
    ("last summer", MAR22_2013, None, "DATE", "2012-SU", None),
    ("in December of this year", SEP07_2016, None, "DATE", "2016-12", None),
    ("by year's end", SEP17_2018, None, "DATE", "2018", "END"),
    ("by the end of the year", SEP17_2018, None, "DATE", "2018", "END"),
    ("in the second half of this year", FEB12_2014, None, "DATE", "2014-H2", None),
    ("the second half of 2018", JUN14_2018, None, "DATE", "2018-H2", None),
    ("this autumn", SEP17_2018, None, "DATE", "2018-FA", None),
    ("the autumn of 2018", JUN14_2018, None, "DATE", "2018-FA", None),
    ("over the summer", SEP17_2018, "past", "DATE", "2018-SU", None),
    ("in the months ahead", SEP07_2016, None, "DURATION", "PXM", None),
    ("yesterday", SEP17_2018, None, "DATE", "2018-09-16", None),
    ("today", SEP17_2018, None, "DATE", "2018-09-17", None),
    ("tomorrow", SEP17_2018, None, "DATE", "2018-09-18", None),
    ("this month", MAY05_2016, None, "DATE", "2016-05", None),
    ("last year", JUN14_2018, None, "DATE", "2017", None),
    ("next year", MAR22_2013, None, "DATE", "2014", None),
    ("a year earlier", MAR22_2013, None, "DATE", "2012", None),
    ("the previous day", MAR22_2013, None, "DATE", "2013-03-21", None),
    ("this morning", MAR22_2013, None, "TIME", "2013-03-22TMO", None),
    ("last night", MAR22_2013, None, "TIME", "2013-03-21TNI", None),
    ("the weekend", MAR22_2013, "past", "DATE", "2013-W11-WE", None),
    ("eight years from now", MAR22_2013, None, "DATE", "2021", None),
    # quarters, fiscal years
    ("the first quarter", MAR22_2013, None, "DATE", "2013-Q1", None),
    ("third-quarter profit", D(1989, 10, 26), None, "DATE", "1989-Q3", None),
    ("the fourth quarter of 2012", MAR22_2013, None, "DATE", "2012-Q4", None),
    ("fiscal 2012", MAR22_2013, None, "DATE", "2012", None),
    ("the latest quarter", D(1989, 10, 26), None, "DATE", "1989-Q3", None),
    ("this quarter", D(1989, 10, 26), None, "DATE", "1989-Q4", None),
    ("in the 1988 quarter", D(1989, 10, 30), None, "DATE", "1988-Q3", None),
    ("the year-ago quarter", D(1989, 10, 30), None, "DATE", "1988-Q3", None),
    # centuries
    ("the first half of the 20th century", FEB12_2014, None, "DATE", "19", "START"),
    ("the nineteenth century", FEB12_2014, None, "DATE", "18", None),
    # anchored to dated events
    ("nearly 71 years after the end of the Second World War", MAY05_2016, None, "DATE", "2016",
     "APPROX"),
    ("Nearly 71 years after the conclusion of World War II", MAY05_2016, None, "DATE", "2016",
     "APPROX"),
    ("ten years after the collapse of the Soviet Union", MAY05_2016, None, "DATE", "2001", None),
    # references
    ("now", MAR22_2013, None, "DATE", "PRESENT_REF", None),
    ("currently", MAR22_2013, None, "DATE", "PRESENT_REF", None),
    ("recently", MAR22_2013, None, "DATE", "PAST_REF", None),
    ("in the past", MAR22_2013, None, "DATE", "PAST_REF", None),
    ("in the near future", MAR22_2013, None, "DATE", "FUTURE_REF", None),
    # durations
    ("for two years", MAR22_2013, None, "DURATION", "P2Y", None),
    ("a two-day visit", MAY05_2016, None, "DURATION", "P2D", None),
    ("a weeklong visit", MAY05_2016, None, "DURATION", "P1W", None),
    ("for over three hours", SEP07_2016, None, "DURATION", "PT3H", "MORE_THAN"),
    ("the last 70 years", SEP07_2016, None, "DURATION", "P70Y", None),
    ("several months", MAY05_2016, None, "DURATION", "PXM", None),
    ("for decades", MAY05_2016, None, "DURATION", "PXY", None),
    ("the past two decades", MAY05_2016, None, "DURATION", "P20Y", None),
    ("in recent years", FEB12_2014, None, "DURATION", "PXY", None),
    # sets
    ("daily", MAR22_2013, None, "SET", "P1D", None),
    ("every morning", MAR22_2013, None, "SET", "XXXX-XX-XXTMO", None),
    ("each Thursday", MAR22_2013, None, "SET", "XXXX-WXX-4", None),
    ("annually", MAR22_2013, None, "SET", "P1Y", None),
    # comparatives are lengths of time, not dates; a past "end of the year" early in a year
    ("about a month earlier than usual", MAR22_2013, None, "DURATION", "P1M", "APPROX"),
    ("peaked by the end of the year", D(2013, 2, 8), "past", "DATE", "2012", "END"),
    ("the end of last year", MAR22_2013, None, "DATE", "2012", "END"),
    # holidays (fixed and floating), with the year resolved like any year-less day
    ("on Thanksgiving Day", D(2000, 1, 7), "past", "DATE", "1999-11-25", None),
    ("last Christmas", MAR22_2013, None, "DATE", "2012-12-25", None),
    ("Memorial Day 2018", MAR22_2013, None, "DATE", "2018-05-28", None),
    # datelines with a weekday, fractions and halves
    ("Tuesday 8 February 2005", MAR22_2013, None, "DATE", "2005-02-08", None),
    ("Friday, September 14, 2018", SEP17_2018, None, "DATE", "2018-09-14", None),
    ("half a century", MAR22_2013, None, "DURATION", "P50Y", None),
    ("for 2 1/2 years", MAR22_2013, None, "DURATION", "P2Y6M", None),
    ("about 5 1/2 hours", MAR22_2013, None, "DURATION", "PT5H30M", "APPROX"),
    # times of day
    ("at 10:35 a.m. Friday", MAR22_2013, "past", "TIME", "2013-03-22T10:35", None),
    ("15:00 GMT Saturday", MAR22_2013, "future", "TIME", "2013-03-23T15:00", None),
    ("at noon", MAR22_2013, None, "TIME", "2013-03-22T12:00", None),
]


@pytest.mark.parametrize(("phrase", "anchor", "tense", "typ", "value", "mod"), CASES,
                         ids=[f"{c[0]}@{c[1]}" + (f"/{c[2]}" if c[2] else "") for c in CASES])
def test_normalise(phrase, anchor, tense, typ, value, mod):
    tx = normalise(phrase, anchor, tense)
    assert isinstance(tx, TimeExpression), phrase
    assert (tx.type, tx.value, tx.mod) == (typ, value, mod)
    assert phrase[tx.start:tx.end] == tx.text


# Ranges and alternatives keep every member.
RANGES = [
    ("May 25–26, 2018", JUN14_2018, None, "range", ("2018-05-25", "2018-05-26"), "May 25–26, 2018"),
    ("from 1917 to 1991", MAY05_2016, None, "range", ("1917", "1991"), "1917 to 1991"),
    ("1855-1917", MAY05_2016, None, "range", ("1855", "1917"), "1855-1917"),
    ("between 2010 and 2012", MAY05_2016, None, "range", ("2010", "2012"), "2010 and 2012"),
    ("from September 2018 to 2021", JUN14_2018, None, "range", ("2018-09", "2021"),
     "September 2018 to 2021"),
    ("in November or December", SEP17_2018, "future", "alternative", ("2018-11", "2018-12"),
     "November or December"),
    ("July 16-18, 2008", MAY05_2016, None, "range", ("2008-07-16", "2008-07-18"),
     "July 16-18, 2008"),
]


@pytest.mark.parametrize(("phrase", "anchor", "tense", "relation", "values", "text"), RANGES,
                         ids=[r[0] for r in RANGES])
def test_ranges_and_alternatives(phrase, anchor, tense, relation, values, text):
    tx = normalise(phrase, anchor, tense)
    assert tx is not None
    assert (tx.relation, tx.values, tx.text) == (relation, values, text)
    assert tx.value == values[0]


# Year-less dates: the clause's tense moves them only when the nearest reading contradicts it.
TENSE_CASES = [
    ("in May", SEP17_2018, "future", "2019-05"),
    ("in May", SEP17_2018, "past", "2018-05"),
    ("in January", SEP17_2018, "past", "2018-01"),
    ("in January", SEP17_2018, None, "2019-01"),
    ("in December", SEP07_2016, "future", "2016-12"),
    ("on November 20", SEP17_2018, "past", "2017-11-20"),
    ("on October 1", SEP17_2018, "past", "2018-10-01"),  # a deadline a fortnight ahead
    ("on March 3", SEP17_2018, "future", "2019-03-03"),
]


@pytest.mark.parametrize(("phrase", "anchor", "tense", "value"), TENSE_CASES,
                         ids=[f"{c[0]}/{c[2]}" for c in TENSE_CASES])
def test_tense_resolves_yearless_dates(phrase, anchor, tense, value):
    tx = normalise(phrase, anchor, tense)
    assert tx is not None and tx.value == value


def test_precision_and_basis_are_filled():
    tx = normalise("last week", SEP17_2018)
    assert (tx.precision, tx.basis) == ("week", "relative")
    tx = normalise("nearly 71 years after the end of the Second World War", MAY05_2016)
    assert (tx.precision, tx.basis) == ("year", "anchored")
    tx = normalise("for two years", MAY05_2016)
    assert tx.precision == "none"


def test_no_anchor_keeps_absolute_and_marks_unknown_years():
    assert normalise("17 September 2018", None).value == "2018-09-17"
    assert normalise("on September 10", None, "past").value == "XXXX-09-10"
    assert normalise("last week", None) is None


@pytest.mark.parametrize("phrase", ["", "   ", "the cat sat on the mat", "may I ask",
                                    "1,500 troops", "a 3% rise", "a dividend of $1.76 a year",
                                    "700 seats a week", "twice a day"])
def test_non_time_phrases_give_none(phrase):
    assert normalise(phrase, SEP17_2018) is None


def test_bad_tense_is_rejected():
    with pytest.raises(ValueError, match="tense"):
        normalise("today", SEP17_2018, "pluperfect")
