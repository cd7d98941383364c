"""An entity ruler fed by the actor data, placed before spaCy's ``ner``.

Entities the ruler sets are kept by the statistical recogniser, which fixes its known slips on
international-relations text: office holders read as ORG ("Trump", "Lavrov"), seats of
government read as ORG or PERSON ("the Kremlin"), cities read as PERSON ("Vladivostok").

The component is registered as the spaCy factory ``detente_actor_ruler`` when this module
is imported (the only side effect); :func:`add_entity_ruler` adds it to a pipeline with the
patterns of an :class:`~detente.actors.data.ActorDB`.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.pipeline import EntityRuler

from .data import ActorDB

log = logging.getLogger(__name__)

RULER_NAME = "detente_actor_ruler"

#: Country names and capitals that are also common given names or words; NER decides.
_AMBIGUOUS_PLACE_NAMES = frozenset({
    "Jordan", "Chad", "Georgia", "Niger", "Turkey", "Guinea", "Dominica", "Victoria", "Kingston",
    "Santiago", "Lima", "Georgetown", "Male", "Malé", "Praia", "Funafuti", "Israel", "Monaco",
    "San Marino", "Luxembourg", "Singapore", "Djibouti", "Panama", "America", "Korea", "Congo",
    "Holland", "Persia", "Washington", "Nassau", "Roseau", "Apia", "Castries",
    "Bern", "Berne", "Sucre", "Delhi",
})


@Language.factory(
    RULER_NAME,
    default_config={"overwrite_ents": True},
)
def make_actor_ruler(nlp: Language, name: str, overwrite_ents: bool) -> EntityRuler:
    """spaCy factory: an empty entity ruler; :func:`add_entity_ruler` fills its patterns."""
    return EntityRuler(nlp, name=name, overwrite_ents=overwrite_ents, validate=False)


def build_patterns(db: ActorDB, nlp: Language) -> list[dict]:
    """Entity-ruler phrase patterns (exact spelling) from the actor data.

    Phrase patterns go through spaCy's PhraseMatcher, about a hundred times faster than the
    same strings as one-token-per-entry token patterns, with identical matches.
    """
    common = set(db.roles.get("common_word_surnames", []))
    patterns: dict[tuple[str, str], str] = {}

    def add(label: str, text: str, ent_id: str) -> None:
        text = text.strip()
        if len(text) < 2 or (label, text) in patterns:
            return
        patterns[(label, text)] = ent_id

    for p in db.persons.values():
        add("PERSON", p.name, p.person_id)
        for alias in p.aliases:
            if alias.isupper() and len(alias) <= 3:  # MBS, SBY, CFK: too easily something else
                continue
            if " " in alias or alias not in common:
                add("PERSON", alias, p.person_id)
        for surname in p.surnames:
            if surname not in common:
                add("PERSON", surname, p.person_id)
    for o in db.organisations.values():
        for alias in (o.name, *o.aliases):
            if alias[:1].islower():
                continue
            add("ORG", alias, o.id)
    for c in db.countries.values():
        for n in (c.name, *c.names):
            if n not in _AMBIGUOUS_PLACE_NAMES and n[:1].isupper() and not n.isupper():
                add("GPE", n, c.id)
        for cap in c.capitals:
            if cap not in _AMBIGUOUS_PLACE_NAMES:
                add("GPE", cap, f"{c.id}:GOV")
        for prefix in c.prefixes:
            if prefix not in c.adjectives:
                add("NORP", prefix, c.id)
    for i, m in enumerate(db.metonyms):
        if m.term in _AMBIGUOUS_PLACE_NAMES:
            continue
        head = m.target.split(":", 1)[0]
        is_capital = head in db.countries and m.term in db.countries[head].capitals
        add("GPE" if is_capital else "ORG", m.term, f"metonym:{i}")
    for place in db.places.values():
        add(place.label, place.name, f"place:{place.name}")
    return [{"label": label, "pattern": text, "id": ent_id} for (label, text), ent_id in patterns.items()]


def add_entity_ruler(nlp: Language, db: ActorDB) -> None:
    """Add (or replace) detente's actor entity ruler in ``nlp``, before ``ner`` if present."""
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(RULER_NAME, **where)
    patterns = build_patterns(db, nlp)
    ruler.add_patterns(patterns)
    log.info("actor entity ruler: %d patterns", len(patterns))
