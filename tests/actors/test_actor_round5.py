"""Word lists of roles.yaml added for the fifth round of event rules: meetings held together,
commitments, handing over, own forces, disputes. Their content, and that the loader requires
them and every list added in later rounds (errors name the file)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import detente
from detente.actors.data import ROLE_WORD_LISTS, load_roles
from detente.errors import ConfigError


@pytest.mark.parametrize("key,required", [
    ("mutual_objects", {"talk", "negotiation", "view", "opinion"}),
    ("commitment_nouns", {"commitment", "promise", "pledge"}),
    ("transfer_verbs", {"return", "hand", "cede"}),
    ("force_nouns", {"defense", "defence", "force", "troop"}),
    ("dispute_nouns", {"dispute", "row", "conflict"}),
])
def test_round5_word_lists_are_data(db, key, required):
    words = db.roles.get(key)
    assert isinstance(words, list) and required <= set(words)
    assert all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in words)
    assert len(words) == len(set(words)), f"{key}: duplicates"


def test_round5_lists_do_not_mix_meanings(db):
    # a meeting noun is no commitment, a dispute is no force
    assert not set(db.roles["mutual_objects"]) & set(db.roles["commitment_nouns"])
    assert not set(db.roles["dispute_nouns"]) & set(db.roles["force_nouns"])
    # "invitation" is the inviter's, directed at another: never a commitment of its owner
    assert "invitation" not in db.roles["commitment_nouns"]


#: Every roles.yaml word list added since round 5: the loader requires each, in lower case.
LATER_WORD_LISTS = [
    "mutual_objects", "commitment_nouns", "transfer_verbs", "force_nouns", "dispute_nouns",
    "undergoing_verbs", "troop_nouns", "journey_verbs", "quote_verbs", "bilateral_instruments",
    "allegation_modifiers", "adherence_verbs", "partitive_heads", "opposition_words",
    "refusal_nouns", "decision_nouns", "stance_nouns", "stance_carriers",
]


@pytest.mark.parametrize("key", LATER_WORD_LISTS)
def test_role_word_lists_are_required(key):
    assert key in ROLE_WORD_LISTS
    text = (Path(detente.__file__).parent / "data" / "actors" / "roles.yaml").read_text(encoding="utf-8")
    assert f"\n{key}:" in text
    with pytest.raises(ConfigError) as err:
        load_roles(text.replace(f"\n{key}:", f"\n{key}_x:", 1), "roles.yaml")
    assert f"missing word list {key!r}" in str(err.value)
    assert err.value.file == "roles.yaml"


@pytest.mark.parametrize("key", LATER_WORD_LISTS)
def test_role_word_lists_must_be_lower_case(key):
    text = (Path(detente.__file__).parent / "data" / "actors" / "roles.yaml").read_text(encoding="utf-8")
    first = re.search(rf"\n{key}: \[\s*\"?([a-z])", text)
    assert first is not None, f"{key}: no list written inline"
    spoiled = text[:first.start(1)] + first.group(1).upper() + text[first.end(1):]
    with pytest.raises(ConfigError) as err:
        load_roles(spoiled, "roles.yaml")
    assert key in str(err.value) and err.value.line is not None


@pytest.mark.parametrize("name,claimant,party", [
    ("Kuril Islands", None, "JPN"),        # a dispute named after the chain, claimed only in part
    ("the Kurils", None, "JPN"),
    ("Northern Territories", "JPN", "JPN"),  # a claimed place: the claimant is the other party
    ("Vladivostok", None, None),            # no dispute at all
])
def test_dispute_party(db, name, claimant, party):
    from detente.actors import dispute_party, place_claimant

    assert place_claimant(name, db) == claimant
    assert dispute_party(name, db) == party


def test_disputed_with_is_another_known_state(db):
    places = [p for p in db.places.values() if p.disputed_with is not None]
    assert places, "no place names the other party of its dispute"
    for p in places:
        assert p.disputed_with in db.countries and p.disputed_with != p.country, p.name
