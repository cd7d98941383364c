"""Patterns 2026.11.7 and coder 0.3.6: sanctions named as objects and nouns (supported,
weighed, tariffs, trade wars), reduced contacts, abandoned treaties, declared wars, plans
presented, trips taken; the content of a compromise after a dash; a postponed event dated by
the date it was moved to; a meeting dated by the visit during which it took place.

Every sentence here is written for these tests: each rule has cases where it applies and
neighbours where it must not.
"""

from __future__ import annotations

import pytest

# (text, dyads that must be among the events, dyads that must not be)
NEIGHBOURS = [
    # supporting (backing, following) sanctions imposes them; the target may be named by the
    # participle of the sanctions ("imposed on X")
    ("Norway supported the sanctions imposed on Iran by the United States.", {"NOR>IRN:163"},
     set()),
    ("Chile backed the new embargo against Cuba.", {"CHL>CUB:163"}, set()),
    ("Norway supported Sweden's bid for a seat on the council.", {"NOR>SWE:051"},
     {"NOR>SWE:163"}),
    # weighing sanctions publicly is a threat of them, not sanctions imposed
    ("Canada is considering new sanctions on Venezuela.", {"CAN>VEN:1312"}, {"CAN>VEN:163"}),
    # tariffs and trade wars are sanctions
    ("Mexico's tariffs on American corn took effect in May.", {"MEX>USA:163"}, set()),
    ("The Chinese trade war on Australia hurt its wine makers.", {"CHN>AUS:163"}, set()),
    ("Brazil's war with Paraguay lasted six years.", set(), {"BRA>PRY:163"}),
    # limiting, narrowing or curtailing contacts reduces relations; cutting ties breaks them;
    # reducing restrictions eases them
    ("Japan narrowed its contacts with Russia.", {"JPN>RUS:160"}, set()),
    ("Lithuania curtailed its ties with Belarus after the election.", {"LTU>BLR:160"}, set()),
    ("Morocco cut diplomatic ties with Iran.", {"MAR>IRN:161"}, {"MAR>IRN:160"}),
    ("Japan reduced visa restrictions for Indian citizens.", {"JPN>IND:081"}, {"JPN>IND:160"}),
    # abandoning a treaty rejects it; abandoning talks halts them
    ("Peru abandoned its fishing treaty with Ecuador in 1952.", {"PER>ECU:120"}, set()),
    ("Peru abandoned the talks with Ecuador.", {"PER>ECU:164"}, {"PER>ECU:120"}),
    # declaring war on a state is an act of war; a war on poverty is none
    ("Bolivia declared war on Paraguay in 1932.", {"BOL>PRY:190"}, set()),
    # presenting a plan to someone proposes it; a plan with nobody it is presented to is none
    ("The Thai prime minister presented a new cooperation plan to Malaysia.", {"THA>MYS:030"},
     set()),
    # taking a trip to a place visits it
    ("The Chilean president took a trip to Peru in May.", {"CHL>PER:042"}, set()),
]


@pytest.mark.parametrize("index", range(len(NEIGHBOURS)), ids=[n[0][:40] for n in NEIGHBOURS])
def test_new_patterns_and_their_neighbours(index, coded_neighbours, assert_neighbour):
    assert_neighbour(NEIGHBOURS[index], coded_neighbours[index])


@pytest.mark.parametrize("text", [
    "Mexico declared war on poverty in 2010.",
    "The Thai government presented a plan to cut emissions.",
    "Chile took part in the ceremony.",
    "The Chilean president took a short side trip after the marathon.",
])
def test_no_event_without_the_other_party(code, text):
    (events,) = code([text])
    assert not [e for e in events if e.cameo_code in ("190", "030", "042")], text


# -- modality and dating ----------------------------------------------------------------------

def _on(events, trigger):
    return [e for e in events if e.trigger == trigger]


# (text, trigger, CAMEO code, modality, date, date basis)
DATED = [
    # the infinitive after a dash spells out the compromise: proposed, not done
    (("Chile was willing, in 2004, to make a compromise \u2013 to cede two islands and sign a "
     "peace treaty with Peru."), "sign", "057", "proposed", "2004", "sentence"),
    ("Chile made an offer to Peru: to sign a border treaty.", "sign", "057", "proposed", None,
     None),
    # ... a dash after an act done is no proposal
    ("Chile signed a treaty with Peru in 2004 - to settle the border.", "signed", "057",
     "asserted", "2004", "clause"),
    # a postponed event takes the date it was moved to: done when that date is past, planned
    # when it is ahead
    ("The Chilean president postponed his March 2015 visit to Peru to May 2015.", "visit", "042",
     "asserted", "2015-05", "clause"),
    ("The Chilean president postponed his visit to Peru until October 2019.", "visit", "042",
     "planned", "2019-10", "clause"),
    # tariffs and a trade war, named without a date of their own, hold over a period
    ("Japan has been hurt by the American trade war on China.", "war", "163", "asserted", None,
     "none"),
    ("Japan has been hurt by American tariffs on its steel.", "tariffs", "163", "asserted", None,
     "none"),
    ("Mexico's tariffs on American corn took effect in May 2017.", "tariffs", "163", "asserted",
     "2017-05", "clause"),
    # a causal "since" clause: its acts keep their own year
    (("Since Bolivia abandoned its treaty with Peru in 1880 and declared war on Chile, the two "
     "countries have remained hostile."), "abandoned", "120", "asserted", "1880", "clause"),
]


@pytest.fixture(scope="module")
def coded_dated(code):
    return code([row[0] for row in DATED])


@pytest.mark.parametrize("index", range(len(DATED)), ids=[row[0][:40] for row in DATED])
def test_modality_and_date(index, coded_dated):
    text, trigger, cameo, modality, date, basis = DATED[index]
    found = [e for e in _on(coded_dated[index], trigger) if e.cameo_code == cameo]
    assert found, f"{text!r}: {coded_dated[index]}"
    assert {e.modality for e in found} == {modality}, text
    if date is not None:
        assert {e.date for e in found} == {date}, text
    if basis is not None:
        assert {e.date_basis for e in found} == {basis}, text


VISIT = ("On April 15, the Chilean foreign minister Heraldo Munoz arrived in Tokyo for a two-day "
         "official visit.\n\nThe talks went well, Munoz said during a joint press conference with "
         "the Japanese foreign minister in {place}.")


@pytest.mark.parametrize(("place", "date", "basis"), [
    # the press conference in the city he was visiting: during that visit (its week)
    ("Tokyo", "2016-04-11", "context"),
    # elsewhere: no visit of his there, the publication date
    ("Moscow", "2016-05-03", "publication"),
])
def test_meeting_dated_by_the_visit_it_took_place_during(code, place, date, basis):
    import datetime as dt

    (events,) = code([VISIT.format(place=place)], when=dt.date(2016, 5, 3))
    found = _on(events, "conference")
    assert found, events
    assert {(e.date, e.date_basis) for e in found} == {(date, basis)}
