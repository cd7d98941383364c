"""Historical anchors ("after the Second World War"), the period table, and the widening of
dates read against an inferred publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.errors import ConfigError
from detente.events.code import anchored_date, covering_date, timex_date
from detente.time import normalise
from detente.time.history import find_historical_anchors, load_periods, parse_periods, period_value

ANCHORS = [
    # (phrase, anchor text, value, mod, alternatives)
    ("Moscow seized the port after the Second World War.", "after the Second World War", "1945",
     "AFTER", ()),
    ("The islands were occupied in WW-II by the army.", "in WW-II", "194X", None, ()),
    ("Both sides lost ships during the Russo-Japanese War.", "during the Russo-Japanese War",
     "190X", None, ()),
    ("The fleet was rebuilt following the Korean War.", "following the Korean War", "1953",
     "AFTER", ()),
    ("Relations have improved since the collapse of the Soviet Union.",
     "since the collapse of the Soviet Union", "1991", "START", ()),
    ("No treaty was signed at the end of World War II.", "at the end of World War II", "1945",
     None, ()),
    ("Talks resumed at the end of the Cold War.", "at the end of the Cold War", "1991", None,
     ("1991", "1989")),
    ("Kyiv sent troops in the Gulf War.", "in the Gulf War", "199X", None, ()),
    ("Tanks crossed the border during the Russo-Georgian War.", "during the Russo-Georgian War",
     "2008", None, ()),
    ("Veterans of the first world war met.", None, None, None, ()),  # no preposition: no date
    ("They argued during the Cold War about everything.", None, None, None, ()),  # too long
    ("He arrived after the war ended.", None, None, None, ()),  # "the war": which one?
]


@pytest.mark.parametrize(("text", "span", "value", "mod", "alts"), ANCHORS,
                         ids=[a[1] or f"none-{n}" for n, a in enumerate(ANCHORS)])
def test_historical_anchors(text, span, value, mod, alts):
    found = find_historical_anchors(text)
    if span is None:
        assert found == []
        return
    assert len(found) == 1
    tx = found[0]
    assert text[tx.start:tx.end] == span == tx.text
    assert (tx.value, tx.mod, tx.values, tx.basis) == (value, mod, alts, "historical")
    assert tx.precision == ("decade" if value.endswith("X") else "year")


def test_historical_anchors_are_not_timexes():
    """TimeML marks no TIMEX on "after the Second World War": the normaliser stays silent."""
    assert normalise("after the Second World War", dt.date(2016, 5, 3)) is None


@pytest.mark.parametrize(("start", "end", "value"), [
    ((1939, 9, 1), (1945, 9, 2), "194X"),   # 94% of the war lies in the 1940s
    ((1950, 6, 25), (1953, 7, 27), "195X"),
    ((2008, 8, 7), (2008, 8, 16), "2008"),
    ((1947, 3, 12), (1991, 12, 26), None),  # no honest single value
    ((1968, 1, 1), (1972, 12, 31), None),   # split between two decades
])
def test_period_value(start, end, value):
    assert period_value(dt.date(*start), dt.date(*end)) == value


def test_occurrence_verbs_content():
    from detente.time.lexicon import load_lexicon

    assert {"hold", "take", "schedule"} <= load_lexicon().occurrence_verbs


def test_periods_content():
    periods = {p.key: p for p in load_periods()}
    assert periods["ww2"].end == dt.date(1945, 9, 2)
    assert periods["korean_war"].start.year == 1950
    assert all(p.start <= p.end for p in periods.values())


HEADER = "key\tpattern\tstart\tend\tnote\n"
BAD_PERIODS = [
    (HEADER + "x\t(foo\t2000-01-01\t2001-01-01\t\n", 2, "bad pattern"),
    (HEADER + "x\tfoo\t2001-01-01\t2000-01-01\t\n", 2, "ends before"),
    (HEADER + "x\t(foo)\t2000-01-01\t2001-01-01\t\n", 2, "non-capturing"),
    (HEADER + "x\tfoo\t2000-13-01\t2001-01-01\t\n", 2, "YYYY-MM-DD"),
    (HEADER + "x\tfoo\t2000-01-01\t2001-01-01\t\nx\tbar\t2000-01-01\t2001-01-01\t\n", 3, "unique"),
    ("name\tpattern\tstart\tend\n", 1, "header"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD_PERIODS, ids=[b[2] for b in BAD_PERIODS])
def test_bad_periods_name_file_and_line(text, line, message):
    with pytest.raises(ConfigError) as err:
        parse_periods(text, file="periods.tsv")
    assert f"periods.tsv:{line}:" in str(err.value)
    assert message in str(err.value)


@pytest.mark.parametrize(("first", "last", "expected"), [
    ((2014, 2, 7), (2014, 2, 7), ("2014-02-07", "day")),
    ((2014, 2, 3), (2014, 2, 9), ("2014-02-03", "week")),
    ((2014, 2, 7), (2014, 2, 21), ("2014-02", "month")),
    ((2016, 4, 28), (2016, 6, 30), ("2016-04", "quarter")),
    ((2016, 2, 20), (2016, 5, 2), ("2016-01", "half")),
    ((2016, 6, 20), (2016, 7, 2), ("2016", "year")),
    ((2015, 12, 28), (2016, 1, 3), ("2015-12-28", "week")),  # ISO week across the new year
    ((2015, 12, 20), (2016, 1, 10), ("2010", "decade")),
    ((2019, 12, 20), (2020, 1, 10), None),
])
def test_covering_date(first, last, expected):
    got = covering_date(dt.date(*first), dt.date(*last))
    assert (got[:2] if got else None) == expected


# (phrase, tense, publication date, window days, expected date, precision)
WIDENING = [
    # a weekday read against a date known to +-5 days can be any Friday of two weeks
    ("last Friday", "past", (2014, 2, 17), 5, "2014-02", "month"),
    ("on Saturday", "past", (2014, 2, 17), 5, "2014-02", "month"),
    ("yesterday", "past", (2016, 9, 15), 2, "2016-09-12", "week"),
    ("yesterday", "past", (2016, 9, 14), 2, "2016-09", "month"),  # Sunday to Thursday
    ("next month", "future", (2016, 5, 3), 3, "2016-04", "quarter"),
    ("next month", "future", (2016, 5, 15), 3, "2016-06", "month"),  # all readings agree
    ("last year", "past", (2016, 7, 1), 30, "2015", "year"),
    ("last year", "past", (2016, 1, 2), 5, "2010", "decade"),
    # a date known exactly keeps its reading
    ("last Friday", "past", (2014, 2, 17), 0, "2014-02-14", "day"),
    ("last Friday", "past", (2014, 2, 17), None, "2014-02-14", "day"),
    # absolute dates do not depend on the publication date
    ("on 7 February 2014", "past", (2014, 2, 17), 5, "2014-02-07", "day"),
]


@pytest.mark.parametrize(("phrase", "tense", "published", "window", "date", "precision"), WIDENING,
                         ids=[f"{w[0]}-{w[3]}-{n}" for n, w in enumerate(WIDENING)])
def test_relative_dates_widen_with_an_inferred_anchor(phrase, tense, published, window, date,
                                                      precision):
    anchor = dt.date(*published)
    tx = normalise(phrase, anchor, tense)
    got = anchored_date(tx, timex_date(tx), anchor, window, tense)
    assert got[:2] == (date, precision)
    # the widened period holds the reading at the stated anchor
    assert got[2] <= timex_date(tx)[2]
