"""Actor stage, seventh round: one place lookup behind place_claimant and dispute_party; "we",
"us" and "our" inside a quotation stand for the state of the actor it is attributed to; word
lists of roles.yaml added for this round. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

WHEN = dt.date(2018, 9, 17)


@pytest.mark.parametrize("text,name", [
    ("Northern Territories", "Northern Territories"),
    ("the Northern Territories", "Northern Territories"),     # a leading article
    ("northern  territories", "Northern Territories"),        # case and spacing folded
    ("Kunashir", "Kunashir"),
    ("Kuril Islands", "Kuril Islands"),
])
def test_place_lookup_normalises_the_name(db, text, name):
    from detente.actors.resolve import _place

    place = _place(text, db)
    assert place is not None and place is db.places[name]


def test_unknown_place_is_none(db):
    from detente.actors import dispute_party, place_claimant
    from detente.actors.resolve import _place

    assert _place("Atlantis", db) is None
    assert place_claimant("Atlantis", db) is None
    assert dispute_party("Atlantis", db) is None


@pytest.mark.parametrize("text", ["the Northern Territories", "Kunashir", "the Kuril Islands", "Vladivostok"])
def test_claimant_and_party_read_the_same_place(db, text):
    # dispute_party is the claimant when there is one, else places.tsv disputed_with
    from detente.actors import dispute_party, place_claimant
    from detente.actors.resolve import _place

    place = _place(text, db)
    claimant = place_claimant(text, db)
    expected = claimant if claimant is not None else (
        db.countries[place.disputed_with].iso3 if place is not None and place.disputed_with else None)
    assert dispute_party(text, db) == expected


# (text, pronoun as written, the state it stands for)
QUOTED_WE = [
    ('"The Georgians have decided they will not talk to us," Lavrov said.', "us", "RUS"),
    ('The Turkish foreign minister said: "Greece made the decision to limit contacts with us."', "us", "TUR"),
    ('"We will never accept the sanctions," the Iranian president told reporters.', "We", "IRN"),
    ('"Our position has not changed," said Sergey Lavrov.', "Our", "RUS"),
]


@pytest.mark.parametrize("text,pronoun,state", QUOTED_WE, ids=[c[1] + "-" + c[2] for c in QUOTED_WE])
def test_quoted_we_is_the_speakers_state(nlp, db, text, pronoun, state):
    from detente.actors import resolve

    mentions = resolve(nlp(text), WHEN, db)
    found = [m for m in mentions if m.text == pronoun]
    assert found, [(m.text, m.actor.actor_id) for m in mentions]
    assert found[0].actor.kind == "state" and found[0].actor.country == state


@pytest.mark.parametrize("text,pronoun", [
    # no quotation: the rule does not apply
    ("We will never accept the sanctions, the Iranian president told reporters.", "We"),
    # a quotation attributed to nobody named
    ('"We will never accept the sanctions," a spokesman said.', "We"),
    # "our" before a noun qualified by another state: "our Turkish friends" are Turkey's
    ('"Our Turkish friends are committed to good relations with us," the Greek prime minister said.', "Our"),
])
def test_we_left_alone(nlp, db, text, pronoun):
    from detente.actors import resolve

    mentions = resolve(nlp(text), WHEN, db)
    assert not [m for m in mentions if m.text == pronoun], [(m.text, m.actor.actor_id) for m in mentions]


def test_quoted_us_next_to_a_qualified_our(nlp, db):
    from detente.actors import resolve

    text = '"Our Turkish friends are committed to good relations with us," the Greek prime minister said.'
    by_text = {m.text: m.actor for m in resolve(nlp(text), WHEN, db)}
    assert by_text["us"].country == "GRC" and by_text["Turkish"].country == "TUR"


@pytest.mark.parametrize("key,required,excluded", [
    ("journey_verbs", {"leave", "depart", "fly", "set off"}, {"visit", "meet", "say"}),
    ("quote_verbs", {"say", "tell", "add", "stress"}, {"visit", "meet", "think"}),
])
def test_round7_word_lists_are_data(db, key, required, excluded):
    words = db.roles.get(key)
    assert isinstance(words, list) and required <= set(words)
    assert not excluded & set(words)
    assert len(words) == len(set(words)), f"{key}: duplicates"
