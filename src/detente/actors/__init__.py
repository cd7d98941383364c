"""actors stage: actor knowledge (data), the entity ruler, and mention resolution.

Public API:

- :func:`load_actor_db` — packaged actor data (+ optional user YAML file) as an :class:`ActorDB`
- :func:`add_entity_ruler` — add the ``detente_actor_ruler`` spaCy component to a pipeline
- :func:`resolve` — every actor mention in a parsed ``Doc``, resolved at a date
- :func:`lookup` — resolve a bare name or description ("the Japanese premier") at a date
- :func:`group_members` — member ids of a group actor ("the two leaders")
- :func:`place_country` — ISO3 of the state a place lies in ("in Vladivostok" -> RUS); disputed
  places give the administering state, :func:`place_claimant` the state claiming them,
  :func:`dispute_party` the other party of a dispute over (or named after) a place
"""

from __future__ import annotations

from .data import ActorDB, group_members, load_actor_db
from .resolve import dispute_party, lookup, place_claimant, place_country, resolve
from .ruler import RULER_NAME, add_entity_ruler

__all__ = [
    "RULER_NAME",
    "ActorDB",
    "add_entity_ruler",
    "dispute_party",
    "group_members",
    "load_actor_db",
    "lookup",
    "place_claimant",
    "place_country",
    "resolve",
]
