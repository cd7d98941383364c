"""Actor stage, sixth round: words the tagger takes into a person's name at the start of a
sentence ("Both Abe and Xi", "And Putin", "Then Merkel") are not part of it; name particles
stay. Word lists of roles.yaml added for this round. Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,name,actor_id", [
    ("Both Abe and Xi called for closer ties.", "Abe", "person:shinzo_abe"),
    ("Both Abe and Xi called for closer ties.", "Xi", "person:xi_jinping"),
    ("And Putin met Abe in Sochi.", "Putin", "person:vladimir_putin"),
    ("Then Merkel visited France.", "Merkel", "person:angela_merkel"),
    ("Meanwhile Lavrov criticised Japan.", "Lavrov", "person:sergey_lavrov"),
    # a name particle is part of the name
    ("Charles de Gaulle visited Moscow.", "Charles de Gaulle", "person:charles_de_gaulle"),
])
def test_leading_function_word_is_not_part_of_a_name(nlp, db, text, name, actor_id):
    import datetime as dt

    from detente.actors import resolve

    doc = nlp(text)
    mentions = resolve(doc, dt.date(2018, 9, 17), db)
    by_text = {m.text: m.actor.actor_id for m in mentions}
    assert by_text.get(name) == actor_id, by_text
    assert not any(m.actor.actor_id.startswith(("person:both", "person:and", "person:then", "person:meanwhile"))
                   for m in mentions), by_text


@pytest.mark.parametrize("key,required,excluded", [
    ("undergoing_verbs", {"face", "receive"}, {"make", "give"}),
    ("troop_nouns", {"troop", "soldier", "peacekeeper", "warship"}, {"minister", "chief", "envoy"}),
])
def test_round6_word_lists_are_data(db, key, required, excluded):
    words = db.roles.get(key)
    assert isinstance(words, list) and required <= set(words)
    assert not excluded & set(words)
    assert len(words) == len(set(words)), f"{key}: duplicates"
