"""People of a group with no state of its own placed by the clause that acts on them, and the
word lists of roles.yaml the event extractor reads. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from actor_test_helpers import mention_for

import detente
from detente.actors import resolve
from detente.actors.data import load_roles
from detente.errors import ConfigError

WHEN = dt.date(2001, 5, 4)


# (sentence, phrase, expected actor id)
LOCATED = [
    # the object of a verb placed by "in <place>"
    ("Macedonian police detained ethnic Albanians on Friday in Macedonia.", "ethnic Albanians",
     "MKD:identity:ethnic_alb"),
    # ... or by the place of the act noun the verb's "in" phrase names
    ("Serb forces killed three ethnic Albanians in a gunbattle in southern Serbia.", "ethnic Albanians",
     "SRB:identity:ethnic_alb"),
    # a passive subject likewise
    ("Two ethnic Albanians were wounded in a clash in northern Macedonia.", "ethnic Albanians",
     "MKD:identity:ethnic_alb"),
]


@pytest.mark.parametrize("text,phrase,expected", LOCATED, ids=[c[0][:40] for c in LOCATED])
def test_group_placed_by_the_act_on_it(nlp, db, text, phrase, expected):
    m = mention_for(resolve(nlp(text), WHEN, db), text, phrase)
    assert m is not None and m.actor.actor_id == expected, (text, m)


@pytest.mark.parametrize("text,phrase", [
    # the place of a speech is where it was given, not where the people it names live
    ("The Turkish president praised ethnic Turks in a speech in Berlin.", "ethnic Turks"),
    # no place at all
    ("Serb forces killed three ethnic Albanians on Friday.", "ethnic Albanians"),
    # two states: not one place
    ("Police detained ethnic Albanians on Friday in Serbia and Macedonia.", "ethnic Albanians"),
])
def test_group_not_placed(nlp, db, text, phrase):
    m = mention_for(resolve(nlp(text), WHEN, db), text, phrase)
    assert m is not None and m.actor.country is None, (text, m)


@pytest.mark.parametrize("key,required", [
    ("domestic_measures", {"curfew", "martial law", "state of emergency"}),
    ("group_heads", {"group", "party", "movement"}),
    ("pressure_nouns", {"pressure", "demand", "appeal"}),
    ("not_doing_verbs", {"seek", "consider", "discuss", "avoid"}),
    ("place_nouns", {"island", "village", "enclave", "province"}),
    ("body_nouns", {"mission", "committee", "ministry"}),
    ("quantity_heads", {"thousands", "dozens", "crowd"}),
    ("departure_nouns", {"withdrawal", "pull-out", "evacuation"}),
    ("departure_verbs", {"withdraw", "evacuate", "leave"}),
])
def test_extractor_word_lists_are_data(db, key, required):
    words = db.roles.get(key)
    assert isinstance(words, list) and required <= set(words)
    assert all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in words)
    assert len(words) == len(set(words)), f"{key}: duplicates"


def test_word_lists_do_not_overlap_where_they_mean_opposites(db):
    # a word of leaving is never a place, a counted group is no body
    assert not set(db.roles["departure_nouns"]) & set(db.roles["place_nouns"])
    assert not set(db.roles["quantity_heads"]) & set(db.roles["body_nouns"])


def _roles_text() -> str:
    return (Path(detente.__file__).parent / "data" / "actors" / "roles.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("old,new,message", [
    ("place_nouns: [island,", "place_nouns: [Island,", "must be lower-case"),
    ("place_nouns: [island,", "place_nouns: [village,", "listed twice"),
    ("place_nouns: [island,", "place_nouns: [7,", "is not a word"),
    ("place_nouns: [", "place_nouns: {a: 1}\nunused: [", "must be a list"),
    ("\nplace_nouns:", "\nplace_nounz:", "missing word list 'place_nouns'"),
])
def test_bad_word_list_names_file_and_line(old, new, message):
    text = _roles_text()
    assert old in text
    bad = text.replace(old, new, 1)
    with pytest.raises(ConfigError) as err:
        load_roles(bad, "roles.yaml")
    assert message in str(err.value)
    assert err.value.file == "roles.yaml"
    if "missing" not in message:
        line = bad.splitlines()[err.value.line - 1]
        assert line.startswith("place_nouns"), line
