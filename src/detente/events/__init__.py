"""The events stage: who did what to whom, when and where, coded in CAMEO and PLOVER.

Public API:

* :func:`extract_events` — coded :class:`~detente.records.EventMention` records of a parsed
  article, given its actor mentions and time expressions.
* :func:`code_records` — code arbitrary JSON records (sentences or articles) without a store.
* :func:`load_patterns`, :func:`load_ontology` — the verb/noun patterns and the ontology data.
"""

from __future__ import annotations

from .code import code_records, extract_events, timex_date
from .ontology import Ontology, load_ontology
from .patterns import Pattern, PatternSet, load_patterns

#: Version of the event coder; stored with every event. Keep the pattern-file version in sync
#: (tests check it): bump it whenever extraction rules or patterns change what is coded.
CODER_VERSION = "detente-events 0.3.9 (patterns 2026.11.10)"

__all__ = [
    "CODER_VERSION",
    "Ontology",
    "Pattern",
    "PatternSet",
    "code_records",
    "extract_events",
    "load_ontology",
    "load_patterns",
    "timex_date",
]
