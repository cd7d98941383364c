"""Actor stage, tenth round: mayors and governors hold local government office, so they are named
as their state's government ("the mayor of X", "Kenyan governors"); people "from" several
coordinated states are each state's ("officials from A, B, and C"); word lists of roles.yaml
added for this round (stance_nouns, stance_carriers) are there, lower-case and distinct.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from actor_test_helpers import mention_for

WHEN = dt.date(2016, 5, 3)

# (text, phrase, actor id)
LOCAL_OFFICE = [
    ("Israel freed the mayor of Nablus on Tuesday.", "mayor", "PSE:GOV"),
    ("Kenyan governors met in Nairobi.", "governors", "KEN:GOV"),
    ("Police arrested a Nigerian governor on Friday.", "governor", "NGA:GOV"),
]


@pytest.mark.parametrize("text,phrase,actor_id", LOCAL_OFFICE, ids=[c[0][:40] for c in LOCAL_OFFICE])
def test_local_office_holders_are_government(nlp, db, text, phrase, actor_id):
    from detente.actors import resolve

    mentions = resolve(nlp(text), WHEN, db)
    found = mention_for(mentions, text, phrase)
    assert found is not None, [(m.text, m.actor.actor_id) for m in mentions]
    assert found.actor.actor_id == actor_id
    assert found.actor.sector == "GOV"


# (text, phrase, the actor ids of the group, in order)
COORDINATED_ORIGINS = [
    ("Officials from Chile, Peru, and Bolivia attended the forum.", "Officials", ["CHL:GOV", "PER:GOV", "BOL:GOV"]),
    ("Soldiers from Ghana and Togo patrolled the border.", "Soldiers", ["GHA:MIL", "TGO:MIL"]),
]


@pytest.mark.parametrize("text,phrase,ids", COORDINATED_ORIGINS, ids=[c[0][:40] for c in COORDINATED_ORIGINS])
def test_people_from_coordinated_states(nlp, db, text, phrase, ids):
    from detente.actors import group_members, resolve

    mentions = resolve(nlp(text), WHEN, db)
    found = mention_for(mentions, text, phrase)
    assert found is not None, [(m.text, m.actor.actor_id) for m in mentions]
    assert group_members(found.actor) == ids


def test_origin_list_stops_at_a_non_place(nlp, db):
    from detente.actors import resolve

    text = "Officials from Chile, the minister said, would attend."
    found = mention_for(resolve(nlp(text), WHEN, db), text, "Officials")
    assert found is not None and found.actor.actor_id == "CHL:GOV"


def test_a_bare_mayor_names_nobody(nlp, db):
    from detente.actors import resolve

    text = "The mayor said the streets were calm."
    assert mention_for(resolve(nlp(text), WHEN, db), text, "mayor") is None


@pytest.mark.parametrize("key,words", [
    ("stance_nouns", {"support", "backing", "opposition", "approval", "endorsement"}),
    ("stance_carriers", {"reaffirm", "signal", "throw"}),
])
def test_stance_word_lists(db, key, words):
    listed = db.roles[key]
    assert words <= set(listed)
    assert len(listed) == len(set(listed))
    assert all(w == w.lower().strip() for w in listed)
