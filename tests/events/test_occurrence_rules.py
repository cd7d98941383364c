"""Rules of coder 0.3.5 on whether a mention is an event, and how it is dated.

Every sentence here is written for these tests: each rule has cases where it applies and
neighbours where it must not.
"""

from __future__ import annotations

import pytest


def _on(events, trigger):
    return [e for e in events if e.trigger == trigger]


# -- no event at all --------------------------------------------------------------------------

NO_EVENT = [
    # a figurative verb: "seize upon" a mood seizes nothing
    ("The Bolivian president may hope to seize upon Peru's frustration with Brazil.", "seize"),
    ("Chile seized on the opportunity to court Argentina.", "seized"),
    # a negated state over a span: decades without war are no act that did not happen
    ("However, Chile and Peru never fought a war since 1900.", "fought"),
    ("Ecuador and Peru have never fought a war.", "fought"),
    # a count of meetings sums up several events, it is none of them
    ("Since taking office in 2015, the Peruvian president has met the Chilean president seven times.",
     "met"),
    ("The Kenyan president visited Uganda twice last year.", "visited"),
    # "go to war" is no journey
    ("The American decision to go to war in Iraq weakened its standing.", "go"),
]


@pytest.fixture(scope="module")
def coded_no_event(code):
    return code([t for t, _ in NO_EVENT])


@pytest.mark.parametrize("index", range(len(NO_EVENT)), ids=[t[:40] for t, _ in NO_EVENT])
def test_no_event(index, coded_no_event):
    text, trigger = NO_EVENT[index]
    assert not _on(coded_no_event[index], trigger), f"{text!r}: {coded_no_event[index]}"


# ... and their neighbours, which stay events (trigger, modality)
STILL_EVENTS = [
    # a seizure with an object, or "on" a date
    ("Iran seized a British tanker on Monday.", "seized", "asserted"),
    ("Iran seized a British tanker in the Gulf.", "seized", "asserted"),
    # "never" at one point in time: a negated event
    ("Chile and Peru never formally signed a treaty at the end of the war.", "signed", "negated"),
    ("Chile did not sign the treaty with Peru last year.", "sign", "negated"),
    # one meeting, or a count of attacks (real acts: kept, with no date of their own)
    ("The Peruvian president met the Chilean president on Monday.", "met", "asserted"),
    ("Indian troops shelled Pakistani posts three times.", "shelled", "asserted"),
    # a count of vetoes: real acts of conflict, kept
    ("Russia has twice vetoed British resolutions on Syria.", "vetoed",
     "asserted"),
    # travelling to a country
    ("The Chilean president will go to Peru next week.", "go", "planned"),
]


@pytest.fixture(scope="module")
def coded_still(code):
    return code([t for t, _, _ in STILL_EVENTS])


@pytest.mark.parametrize("index", range(len(STILL_EVENTS)), ids=[t[:40] for t, _, _ in STILL_EVENTS])
def test_neighbours_stay_events(index, coded_still):
    text, trigger, modality = STILL_EVENTS[index]
    found = _on(coded_still[index], trigger)
    assert found, f"{text!r}: {coded_still[index]}"
    assert {e.modality for e in found} == {modality}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Indian troops shelled Pakistani posts three times.", "shelled"),
    ("Russia has twice vetoed British resolutions on Syria.", "vetoed"),
])
def test_count_of_conflict_keeps_no_date(code, text, trigger):
    (events,) = code([text])
    found = _on(events, trigger)
    assert found and {(e.date, e.date_basis) for e in found} == {(None, "none")}


# -- dating -----------------------------------------------------------------------------------

# (text, trigger, date, date_basis)
DATING = [
    # a participle with a subject of its own tells another act: its date is not the main
    # clause's
    (("Both Chile and Peru have expressed an interest in a trade pact, with the Chilean president "
     "saying on March 3 he was ready to sign it."), "expressed", "2018-09-17", "publication"),
    # ... a participle without one shares the act's occasion
    ("The Chilean president met the Peruvian president, saying on September 3 that ties were good.",
     "met", "2018-09-03", "clause"),
    # standing sanctions named as background have no date of their own
    ("Iran is escaping some of the isolation imposed on it by American sanctions.", "sanctions",
     None, "none"),
    # ... sanctions whose clause is dated keep that date
    ("The American sanctions on Iran took effect on September 3.", "sanctions", "2018-09-03",
     "clause"),
    # ... and so has a ceasefire that is only overseen; one that takes effect is dated
    ("UN monitors are deployed in the region to oversee a ceasefire between Ethiopia and Eritrea.",
     "ceasefire", None, "none"),
    ("The ceasefire between Ethiopia and Eritrea took effect on Monday.", "ceasefire",
     "2018-09-17", "clause"),
    # a participle telling how a since-period was spent has no date of its own
    (("The Brazilian government has kept a tough line on Venezuela since the election, imposing "
     "new sanctions together with its allies."), "imposing", None, "none"),
    # ... a participle of a dated act shares its date
    ("Brazil condemned Venezuela on September 3, imposing new sanctions on its leaders.",
     "imposing", "2018-09-03", "sentence"),
]


@pytest.fixture(scope="module")
def coded_dating(code):
    return code([t[0] for t in DATING])


@pytest.mark.parametrize("index", range(len(DATING)), ids=[f"{t[1]}-{t[3]}-{n}" for n, t in enumerate(DATING)])
def test_dating(index, coded_dating):
    text, trigger, date, basis = DATING[index]
    found = _on(coded_dating[index], trigger)
    assert found, f"{text!r}: {[(e.trigger, e.cameo_code) for e in coded_dating[index]]}"
    assert {(e.date, e.date_basis) for e in found} == {(date, basis)}, text


# -- modality ---------------------------------------------------------------------------------

# (text, trigger, modality): a decision to act is a plan, a proposal to act a proposal
MODALITY = [
    ("Chile's decision to deploy American missiles near Peru worried Lima.", "deploy", "planned"),
    ("Chile's proposal to deploy American missiles near Peru worried Lima.", "deploy", "proposed"),
]


@pytest.fixture(scope="module")
def coded_modality(code):
    return code([t[0] for t in MODALITY])


@pytest.mark.parametrize("index", range(len(MODALITY)), ids=[t[2] for t in MODALITY])
def test_modality(index, coded_modality):
    text, trigger, modality = MODALITY[index]
    found = _on(coded_modality[index], trigger)
    assert found and {e.modality for e in found} == {modality}, (text, found)
