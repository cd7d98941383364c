"""Targets (and doers) found by the fourth round of general rules: acts done at home with no
named recipient, the accused of a complaint, refusals despite pressure, right-node raising,
agreements done at a place abroad, objects of prepositional verbs and coded complements, a
distant "by" agent, sympathy with a place's people, victims and protesters coded by their
place. Sentences written for these tests."""

from __future__ import annotations

import pytest

# (text, CAMEO code prefix, source country, target country)
ROUND4 = [
    # measures taken only at home, with no known place: the doer's own state
    ("The Thai military government imposed martial law on Thursday.", "1724", "THA", "THA"),
    ("The Nepalese government said it was prepared to impose a curfew as riots spread.", "13", "NPL", "NPL"),
    ("Ecuador's government lifted the state of emergency in the flooded Napo valley.", "08", "ECU", "ECU"),
    # a group with no state named for it, acted on by a state's civil authorities: its own
    ("The Mozambique government on Thursday accepted demands from the rebels.", "08", "MOZ", "MOZ"),
    ("The Peruvian interior minister warned that police would not tolerate marches by the Tupac group.",
     "13", "PER", "PER"),
    # unnamed victims and an unnamed doer at one place: the doer by the place, the victims
    # are its people
    (("A prominent journalist has been killed in a car bomb explosion in a residential district of "
     "western Kabul."), "19", "AFG", "AFG"),
    # people of a group with no state are the state's where the act on them happens
    ("Serbian police beat three ethnic Albanians in a raid in southern Serbia.", "18", "SRB", "SRB"),
    # protesters named by their nationality are its people, protesting against their state
    ("Thousands of Kenyans marched in Nairobi to demand lower prices.", "14", "KEN", "KEN"),
    # a preposition left without its object before "and" shares the conjunct's last object
    ("Chile has established diplomatic ties with and opened an embassy in Hanoi.", "054", "CHL", "VNM"),
    # a complaint made to an audience about another's act is directed at the doer of the act
    ("Peru complained to the United Nations over Chilean air raids on its border posts.", "11", "PER", "CHL"),
    # a refusal despite pressure is directed at whoever put the pressure
    ("The Kenyan president refused to resign despite pressure from the United States.", "12", "KEN", "USA"),
    # an agreement whose uncoded complement is done at a place abroad
    ("The African Union agreed to set up a research centre in Nairobi.", "03", "IGO", "KEN"),
    # the object of a prepositional verb, and what a coded complement is done to
    ("The Security Council agreed to an extension of the mandate of the observer force in Cyprus.",
     "03", "IGO", "CYP"),
    ("The US Congress agreed to lift the ban on grain sales to Cuba.", "03", "USA", "CUB"),
    # a ", by X" phrase closing the sentence after an inserted clause is the passive's agent
    (("The Peruvian government has been accused of hiding state funds, much of it believed to have "
     "been sent abroad, by Chilean officials."), "11", "CHL", "PER"),
    # an owner's ally is someone else: unnamed, the act is placed by its place
    ("Rebel fighters killed the commander of Turkey's militia allies in northern Syria.", "19", "SYR", "SYR"),
    # coercion in the passive with no agent: the authorities of the place where it happened
    ("A Canadian missionary was arrested in Lebanon for spying.", "173", "LBN", "CAN"),
    ("Two French journalists were expelled from Rwanda on Monday.", "174", "RWA", "FRA"),
    # force used at home is placed by a place of the doer's own state in its noun's phrases
    (("Chechen rebels launched many attacks during their long campaign for independence in southern "
     "Russia."), "19", "RUS", "RUS"),
    # sympathy is directed at the people of the place where what it is about happened
    ("The Indian prime minister expressed sympathy for the victims of the floods in Bangladesh.",
     "018", "IND", "BGD"),
]


def _country(country, cameo) -> str | None:
    return country or (cameo[:3] if cameo else None)


@pytest.fixture(scope="module")
def coded_round4(code):
    return code([c[0] for c in ROUND4])


@pytest.mark.parametrize("index", range(len(ROUND4)), ids=[f"{c[1]}-{c[0][:40]}" for c in ROUND4])
def test_round4_target_rule(index, coded_round4):
    text, code_, source, target = ROUND4[index]
    got = {(_country(e.source_country, e.source_cameo), _country(e.target_country, e.target_cameo))
           for e in coded_round4[index] if e.cameo_code.startswith(code_)
           and e.modality in ("asserted", "planned")}
    assert (source, target) in got, f"{text}: {got}"


# (text, CAMEO code prefix, side, country that must not be on that side)
NOT_SO = [
    # a measure asked of another state is not done at home
    ("Thailand urged Myanmar to lift martial law.", "", "target", "THA"),
    # a ban is no measure taken only at home: its target is not the doer's own state
    ("The Danish government imposed a ban on fur imports.", "", "target", "DNK"),
    # armed forces act abroad too: their unnamed victims are not their own state's
    ("Israeli troops killed three militants.", "", "target", "ISR"),
    # a group named with its state keeps it
    ("The Peruvian government accepted demands from Bolivian farmers.", "08", "target", "PER"),
    # with no place, a group with no state stays without one
    ("Serbian police beat three ethnic Albanians.", "18", "target", "SRB"),
    # the place of a speech is not where the people it praises live
    ("The Turkish president praised ethnic Turks in a speech in Berlin.", "05", "target", "DEU"),
    # a report is no pressure
    ("The Kenyan president refused to resign despite a report by the United States.", "12", "target", "USA"),
    # a place of the doer's own state is not an agreement's target
    ("Kenya agreed to build a dam in Nairobi.", "03", "target", "KEN"),
    # sympathy with a named recipient keeps it
    ("The Indian prime minister expressed sympathy for Nepal after the floods in Bangladesh.",
     "018", "target", "BGD"),
    # an owner's ally is not the owner
    ("Rebel fighters killed the commander of Turkey's militia allies in northern Syria.", "19", "target", "TUR"),
    # a gathering "held in X" is nobody detained there
    ("The annual business forum was held in Lima on Monday.", "17", "source", "PER"),
    # a place the arrested came back from is not where the arrest happened
    ("A Canadian missionary was arrested after his return from Lebanon.", "17", "source", "LBN"),
    # a foreign place in the phrases of an attack noun is no home for it
    ("Chechen rebels launched many attacks during a visit by the president to Georgia.", "19", "target", "GEO"),
    # only force is placed so: a concession on a dispute over the doer's own islands is no
    # act on its own state
    ("The Russian president made concessions on the dispute over the Kuril Islands.", "08", "target", "RUS"),
    # a "by" phrase inside a relative clause is that clause's agent
    (("The Peruvian government has been accused of hiding state funds, which were sent abroad by "
     "Chilean officials."), "11", "source", "CHL"),
]


@pytest.mark.parametrize("text,code_,side,wrong", NOT_SO, ids=[c[0][:40] for c in NOT_SO])
def test_round4_no_such_actor(code, text, code_, side, wrong):
    (events,) = code([text])
    got = {_country(getattr(e, f"{side}_country"), getattr(e, f"{side}_cameo"))
           for e in events if e.cameo_code.startswith(code_)}
    assert wrong not in got, f"{text}: {got}"


@pytest.mark.parametrize("text,code_,pair", [
    # the one sharing ties is the conjunct's object, not a third state
    ("Chile established diplomatic ties with Peru and opened an embassy in Hanoi.", "054", ("CHL", "PER")),
    # the addressee is kept when the complaint names no one's act
    ("Peru complained to Chile over the delays.", "11", ("PER", "CHL")),
    # a recipient of sympathy named outright is the target
    ("The Indian prime minister expressed sympathy for Nepal after the floods in Bangladesh.",
     "018", ("IND", "NPL")),
])
def test_round4_named_recipient_kept(code, text, code_, pair):
    (events,) = code([text])
    got = {(_country(e.source_country, e.source_cameo), _country(e.target_country, e.target_cameo))
           for e in events if e.cameo_code.startswith(code_)}
    assert pair in got, f"{text}: {got}"


def test_group_at_home_takes_its_sector(code):
    (events,) = code(["The Mozambique government on Thursday accepted demands from the rebels."])
    assert {e.target_cameo for e in events if e.cameo_code.startswith("08")} == {"MOZREB"}


def test_victims_at_the_doers_place_are_its_people(code):
    (events,) = code([("A prominent journalist has been killed in a car bomb explosion in a residential "
                      "district of western Kabul.")])
    assert ("AFG", "AFGCVL") in {(e.source_cameo, e.target_cameo) for e in events if e.cameo_code == "190"}


def test_pronoun_is_no_place_of_an_attack(code):
    (events,) = code(["Chile said a shell was fired at it from across the border on Tuesday."])
    # "fired at it": the recipient, not a place the unnamed doer is coded by
    assert not [e for e in events if e.source_country == "CHL" and e.cameo_code.startswith("19")]
