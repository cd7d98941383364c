"""The actor entity ruler: registered factory, placed before ner, fixes known NER slips."""

from __future__ import annotations

import spacy

from detente.actors import RULER_NAME, add_entity_ruler, load_actor_db


def test_ruler_runs_before_ner(nlp):
    assert RULER_NAME in nlp.pipe_names
    if "ner" in nlp.pipe_names:
        assert nlp.pipe_names.index(RULER_NAME) < nlp.pipe_names.index("ner")


def test_known_slips_are_fixed(nlp):
    doc = nlp("Lavrov said Trump had called Abe from Vladivostok, and the Kremlin agreed.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Lavrov"] == "PERSON"
    assert labels["Trump"] == "PERSON"
    assert labels["Abe"] == "PERSON"
    assert labels["Vladivostok"] == "GPE"
    assert labels["Kremlin"] == "ORG"  # a seat of government: resolved as a metonym


def test_common_word_surnames_are_not_ruled_alone():
    nlp = spacy.blank("en")
    add_entity_ruler(nlp, load_actor_db())
    doc = nlp("In May the talks resumed, and Theresa May spoke in Park Lane.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Theresa May", "PERSON") in ents
    assert ("May", "PERSON") not in ents


def test_adding_twice_replaces_the_ruler():
    nlp = spacy.blank("en")
    db = load_actor_db()
    add_entity_ruler(nlp, db)
    add_entity_ruler(nlp, db)
    assert nlp.pipe_names.count(RULER_NAME) == 1
    doc = nlp("Sergey Lavrov met Fumio Kishida.")
    assert {e.ent_id_ for e in doc.ents} == {"person:sergey_lavrov", "person:fumio_kishida"}


def test_resolve_works_without_a_parser():
    """A pipeline with only the ruler (no parser, no sentencizer) still resolves names."""
    import datetime as dt

    from detente.actors import resolve

    nlp = spacy.blank("en")
    db = load_actor_db()
    add_entity_ruler(nlp, db)
    doc = nlp("Sergey Lavrov met Fumio Kishida. The Kremlin wanted talks.")
    found = {m.text: m.actor.actor_id for m in resolve(doc, dt.date(2016, 4, 15), db)}
    assert found == {"Sergey Lavrov": "person:sergey_lavrov", "Fumio Kishida": "person:fumio_kishida",
                     "Kremlin": "RUS:GOV"}
    assert not doc.has_annotation("SENT_START")  # the caller's doc is not modified
