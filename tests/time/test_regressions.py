"""Regressions reported by other stages: enumeration markers taken as days of the month,
year-less months in future clauses resolved to the past, and "that year" anchoring."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.time import find_timexes, normalise

MON = dt.date(2018, 9, 17)  # a Monday
MAR = dt.date(2016, 3, 10)

# Texts whose numbered-list markers or bare counts must not become dates.
NO_DAY_DATES = [
    "The talks ended without a deal.\n2 – The two countries agreed to keep talking.",
    "Officials met in Tokyo in September.\n\n2 – The two sides disagreed on fishing rights.",
    "Trade grew sharply in May\n2 – Investment lagged behind expectations.",
    "The envoy arrived in Sept.\n3) Talks resumed at the ministry.",
    "The plan was first raised in March.\n4. Ministers said they would review it.",
    "The 2 sides signed a memorandum on energy.",
    "He was ranked No. 2 in the ruling party.",
    "1. Analysts said the visit was symbolic.\n2. Critics said it was premature.",
]


@pytest.mark.parametrize("text", NO_DAY_DATES, ids=[t[:30] for t in NO_DAY_DATES])
def test_enumeration_markers_are_not_days(nlp, text):
    found = find_timexes(nlp(text), MON)
    assert not [t for t in found if t.precision == "day"], found
    for t in found:
        assert "\n" not in t.text, t


# A month at the end of one line keeps its month reading when the next line is a list item.
MONTH_BEFORE_ITEM = [
    ("Officials met in Tokyo in September\n2 – The two sides disagreed.", "September", "2018-09"),
    ("Trade grew sharply in May\n2 – Investment lagged.", "May", "2018-05"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), MONTH_BEFORE_ITEM,
                         ids=[t[2] for t in MONTH_BEFORE_ITEM])
def test_month_before_list_item(nlp, text, phrase, value):
    found = {t.text: t.value for t in find_timexes(nlp(text), MON)}
    assert found.get(phrase) == value, found


def test_day_across_hard_wrapped_line_still_found():
    t = normalise("signed on September\n12, 2018 in Moscow", MON)
    assert t is not None and t.value == "2018-09-12"


# Year-less months in future clauses: the month after the anchor, whatever its distance.
FUTURE_MONTHS = [
    ("Abe will visit Russia in June.", MON, "June", "2019-06"),
    ("The prime minister plans to visit Moscow in June.", MON, "June", "2019-06"),
    ("The president is scheduled to travel to Tokyo in July.", MON, "July", "2019-07"),
    ("The minister is expected to attend the forum in August.", MON, "August", "2019-08"),
    ("The two leaders agreed to hold a summit in June.", MON, "June", "2019-06"),
    ("Tokyo intends to send a trade mission in May.", MON, "May", "2019-05"),
    ("A visit by the premier to Moscow in June will be discussed.", MON, "June", "2019-06"),
    ("Putin will make a visit to Japan in July.", MON, "July", "2019-07"),
    ("Aides said the premier will attend the forum in Vladivostok in June.", MON, "June",
     "2019-06"),
    ("The envoy will travel to Beijing in December.", MAR, "December", "2016-12"),
    ("The minister will travel to Seoul in January.", MAR, "January", "2017-01"),
    ("The minister will travel to Seoul next June.", MON, "next June", "2019-06"),
    # the anchor's own month stays in the anchor's year
    ("The delegation will arrive in September.", MON, "September", "2018-09"),
    # past clauses keep the past reading
    ("Abe visited Russia in June.", MON, "June", "2018-06"),
    ("The ministers met in Moscow in August.", MON, "August", "2018-08"),
]


@pytest.mark.parametrize(("sentence", "anchor", "phrase", "value"), FUTURE_MONTHS,
                         ids=[s[0][:40] for s in FUTURE_MONTHS])
def test_future_clause_month(nlp, sentence, anchor, phrase, value):
    found = {t.text: t.value for t in find_timexes(nlp(sentence), anchor)}
    assert found.get(phrase) == value, found


@pytest.mark.parametrize(("month", "anchor", "value"), [
    ("in June", MON, "2019-06"), ("in August", MON, "2019-08"), ("in March", MAR, "2016-03"),
    ("in February", MAR, "2017-02"), ("in October", MON, "2018-10"),
])
def test_normalise_future_month(month, anchor, value):
    t = normalise(month, anchor, "future")
    assert t is not None and t.value == value


# "that year" and "the following year" count from the year last named in the text.
NAMED_YEAR = [
    ("The envoy first visited Moscow in 2016. Later that year, the president came to Tokyo.",
     "Later that year", "2016"),
    ("Talks opened in March 2011. That year, the two sides also signed a fisheries pact.",
     "That year", "2011"),
    ("The declaration was signed in 1956. The following year, trade between them doubled.",
     "The following year", "1957"),
    ("The base opened in 1998 and the same year a second runway was built.", "the same year",
     "1998"),
    ("Exports reached a record in 2012, up sharply from the previous year.", "the previous year",
     "2011"),
    ("The fleet was sold in 1991. The following year, that year's budget was cut again.",
     "The following year", "1992"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), NAMED_YEAR, ids=[c[1] for c in NAMED_YEAR])
def test_year_anchored_to_named_year(nlp, text, phrase, value):
    found = {t.text: t for t in find_timexes(nlp(text), MON)}
    assert phrase in found, found
    assert found[phrase].value == value
    assert found[phrase].basis == "anchored"


def test_that_year_without_a_named_year_is_dropped(nlp):
    found = find_timexes(nlp("Later that year the ministers met again in Sochi."), MON)
    assert all("that year" not in t.text.lower() for t in found), found
    assert all(not t.value.startswith("X") for t in found), found


def test_following_year_without_a_named_year_counts_from_anchor(nlp):
    found = {t.text: t for t in find_timexes(nlp("The plant will open the following year."), MON)}
    assert found["the following year"].value == "2019"
    assert found["the following year"].basis == "relative"
