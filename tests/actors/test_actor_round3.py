"""Round 3 actor facts: the "Croat" adjective, "<State> Assembly" as the state's legislature,
and cities of the West Bank and Iraq as places of their state, on sentences written for these
tests."""

from __future__ import annotations

import datetime as dt

import pytest
from actor_test_helpers import mention_for

from detente.actors import place_country, resolve

WHEN = dt.date(2016, 9, 2)


@pytest.mark.parametrize("text,phrase,actor_id", [
    ("Croat forces shelled the village.", "Croat forces", "HRV:MIL"),
    ("The Croat government protested.", "The Croat government", "HRV:GOV"),
    ("Farmers demanded support from the Montenegro Assembly.", "Montenegro Assembly", "MNE:parliament"),
    ("The Kuwaiti assembly rejected the bill.", "Kuwaiti assembly", "KWT:parliament"),
    # "the government of <region>": the institution of the region's state
    ("The government of Sindh ordered new patrols.", "The government of Sindh", "PAK:GOV"),
    ("The people of Hokkaido protested.", "The people of Hokkaido", "JPN:CVL"),
])
def test_round3_actor(nlp, db, text, phrase, actor_id):
    mentions = resolve(nlp(text), WHEN, db)
    found = mention_for(mentions, text, phrase)
    assert found is not None and found.actor.actor_id == actor_id, (text, found)


def test_general_assembly_stays_the_igo(nlp, db):
    text = "The UN General Assembly condemned the coup."
    found = mention_for(resolve(nlp(text), WHEN, db), text, "General Assembly")
    assert found is not None and found.actor.kind == "igo", found


@pytest.mark.parametrize("place,iso3", [
    ("Jericho", "PSE"), ("Hebron", "PSE"), ("Nablus", "PSE"), ("Samarra", "IRQ"), ("Najaf", "IRQ"),
    ("Sindh", "PAK"), ("Khyber Pakhtunkhwa", "PAK"),
])
def test_round3_places(db, place, iso3):
    assert place_country(place, WHEN, db) == iso3


@pytest.mark.parametrize("text,place", [
    ("Israeli troops raided a house in Hebron.", "Hebron"),
    ("A bomb exploded near a shrine in Samarra.", "Samarra"),
])
def test_round3_places_are_not_actors(nlp, db, text, place):
    # a place is where something happens, never an actor mention of its own
    mentions = resolve(nlp(text), WHEN, db)
    assert mention_for(mentions, text, place) is None


@pytest.mark.parametrize("text,phrase", [
    # "of" a place noun that names no known place gives the people no state
    ("The people of the region protested.", "The people of the region"),
    ("The government of the province resigned.", "The government of the province"),
])
def test_of_phrase_needs_a_known_place(nlp, db, text, phrase):
    assert mention_for(resolve(nlp(text), WHEN, db), text, phrase) is None


@pytest.mark.parametrize("text,pronoun_country", [
    # a nationality adjective on equipment names its maker, not the owner "its" stands for
    ("Poland deployed American missiles near its border.", "POL"),
    ("Chile bought Swedish fighter jets for its air force.", "CHL"),
    # a state named as a party (not a maker) still stands between
    ("Britain imposed sanctions on Argentina after its invasion of Chile.", "ARG"),
    ("Poland criticised the Ukrainian government for its policy.", "UKR"),
])
def test_possessive_skips_equipment_makers(nlp, text, pronoun_country):
    import datetime as _dt

    from detente.actors import load_actor_db, resolve

    doc = nlp(text)
    got = [m for m in resolve(doc, _dt.date(2018, 9, 17), load_actor_db()) if text[m.start:m.end] == "its"]
    assert got and got[0].actor.country == pronoun_country, [(m.actor.actor_id) for m in got]
