"""Actor stage, ninth round: a possessive pronoun on an act looks past a pronoun resolved
earlier in the sentence to the nearer name after it ("X said it would ... on Moscow over its
alleged ..." -> Moscow); states' names or adjectives joined by a dash ("Indian-Pakistani
talks") are one mention each; word lists of roles.yaml added for this round
(allegation_modifiers, adherence_verbs, partitive_heads, opposition_words). Sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from actor_test_helpers import mention_for

WHEN = dt.date(2016, 5, 3)

# (text, the pronoun, the nth occurrence of it, the actor id it stands for)
POSSESSORS = [
    # an earlier subject pronoun ("it" = Tokyo) is no nearer antecedent than Moscow
    ("Tokyo said that it would back the measures taken against Moscow over its alleged meddling.",
     "its", 0, "RUS:GOV"),
    ("Britain said it would impose sanctions on Russia over its annexation of Crimea.", "its", 0, "RUS"),
    # with no other actor in between, the subject keeps it
    ("Tokyo announced that it would expand its aid programme.", "its", 0, "JPN:GOV"),
]


@pytest.mark.parametrize("text,pronoun,nth,actor_id", POSSESSORS, ids=[c[0][:50] for c in POSSESSORS])
def test_possessive_of_an_act_takes_the_nearer_name(nlp, db, text, pronoun, nth, actor_id):
    from detente.actors import resolve

    mentions = resolve(nlp(text), WHEN, db)
    found = mention_for(mentions, text, f" {pronoun} ", nth)
    assert found is not None, [(m.text, m.actor.actor_id) for m in mentions]
    assert found.actor.actor_id == actor_id


# (text, the states its dashed name stands for, in order)
DASHED = [
    ("The next round of Indian-Pakistani talks will be held in May.", ["IND", "PAK"]),
    ("Next round of Russian-Japanese talks will be held in May.", ["RUS", "JPN"]),
    # only the first half taken for a name by the tagger: its partner after the dash too
    ("The German-French talks ended on Monday.", ["DEU", "FRA"]),
]


@pytest.mark.parametrize("text,states", DASHED, ids=[c[0][:40] for c in DASHED])
def test_dashed_states_are_one_mention_each(nlp, db, text, states):
    from detente.actors import resolve

    mentions = resolve(nlp(text), WHEN, db)
    assert [m.actor.actor_id for m in mentions if m.actor.kind == "state"] == states


@pytest.mark.parametrize("text", [
    "The Washington-based group said so.",     # a place of the name, no party
    "The anti-American protests spread.",      # an attitude, no party
    "The Hutu-led government resigned.",
])
def test_dashed_names_need_states_on_every_side(nlp, db, text):
    from detente.actors import resolve

    mentions = resolve(nlp(text), WHEN, db)
    assert not [m for m in mentions if m.actor.kind == "state"], [(m.text, m.actor.actor_id) for m in mentions]


@pytest.mark.parametrize("key,required,excluded", [
    ("allegation_modifiers", {"alleged", "suspected"}, {"confirmed", "proven", "reported"}),
    ("adherence_verbs", {"support", "join", "observe"}, {"impose", "threaten", "lift"}),
    ("partitive_heads", {"round", "series", "session"}, {"talk", "meeting", "group"}),
    ("opposition_words", {"opposition", "objection", "opposed"}, {"support", "proposal", "question"}),
])
def test_round9_word_lists_are_data(db, key, required, excluded):
    words = db.roles.get(key)
    assert isinstance(words, list) and required <= set(words)
    assert not excluded & set(words)
    assert len(words) == len(set(words))
