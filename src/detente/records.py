"""Frozen records passed between pipeline stages.

The spaCy ``Doc`` stays inside the NLP-facing stages (actors, time, events); everything
downstream (store, merge, analysis, report, web) sees only these records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

#: How a publication date was found.
DATE_BASES = ("metadata", "text", "inferred", "unknown")
#: Modality of an event mention.
MODALITIES = ("asserted", "planned", "proposed", "hypothetical", "negated")


@dataclass(frozen=True)
class Article:
    """One ingested article: cleaned main text plus metadata and provenance."""

    doc_id: str
    file: str
    text: str
    line: int | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    publication_date: dt.date | None = None
    publication_date_basis: str = "unknown"
    publication_date_window_days: int | None = None
    language: str | None = None
    word_count: int = 0
    file_sha: str | None = None
    author_bio: str | None = None  # an author biography found with the article (not text)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["publication_date"] = self.publication_date.isoformat() if self.publication_date else None
        return d


@dataclass(frozen=True)
class Rejection:
    """An input that could not become an article, with a stable reason code."""

    file: str
    reason: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in text, normalised against an anchor date.

    ``value`` is TIMEX3-style: ``2018-09-12``, ``2018-W37``, ``2018-10``, ``2018-Q3``,
    ``2018-H2``, ``2018-SU``, ``1945``, ``196X``, ``P2Y``, ``PRESENT_REF`` ... Ranges and
    alternatives keep every member in ``values`` (e.g. ``("2018-11", "2018-12")``) with
    ``relation`` = ``range`` or ``alternative``.
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    precision: str  # day | week | month | season | quarter | half | year | decade | century | none
    values: tuple[str, ...] = ()
    relation: str | None = None  # None | range | alternative
    mod: str | None = None  # BEFORE | AFTER | ON_OR_BEFORE | START | END | APPROX ...
    basis: str = "absolute"  # absolute | relative | anchored | tense


@dataclass(frozen=True)
class Actor:
    """A coded actor: a state, a government, a person in an office, an organisation ..."""

    actor_id: str
    name: str
    country: str | None  # ISO 3166 alpha-3 (or None for IGOs / unknown)
    sector: str | None  # GOV, MIL, BUS, MED, EDU, NGO, CVL, IGO, REB, ...
    role: str | None = None  # e.g. head_of_government, foreign_minister
    cameo: str | None = None  # CAMEO actor code, e.g. JPNGOV, RUSMIL, IGOUNO
    kind: str = "state"  # state | person | organisation | igo | group


@dataclass(frozen=True)
class ActorMention:
    """A span of the text resolved to an actor valid at the article's date."""

    start: int
    end: int
    text: str
    actor: Actor
    confidence: float
    method: str  # ner | ruler | role | coref | pronoun | metonym | new
    sentence_index: int | None = None


@dataclass(frozen=True)
class EventMention:
    """One report of an event in one sentence, coded in CAMEO and PLOVER."""

    event_id: str
    doc_id: str
    file: str
    sentence: str
    sentence_index: int
    char_start: int
    char_end: int
    date: str | None
    date_precision: str | None
    date_text: str | None
    date_basis: str  # clause | sentence | context | publication | none
    source_actor_id: str | None
    source_name: str | None
    source_country: str | None
    source_sector: str | None
    source_cameo: str | None
    target_actor_id: str | None
    target_name: str | None
    target_country: str | None
    target_sector: str | None
    target_cameo: str | None
    cameo_code: str
    cameo_root: str
    plover_type: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    modality: str
    location: str | None
    confidence: float
    coder_version: str
    trigger: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    #: The exact, ordered field contract of ``detente events --format jsonl``.
    JSONL_FIELDS = (
        "event_id", "doc_id", "file", "sentence", "sentence_index", "char_start", "char_end",
        "date", "date_precision", "date_text", "date_basis",
        "source_actor_id", "source_name", "source_country", "source_sector", "source_cameo",
        "target_actor_id", "target_name", "target_country", "target_sector", "target_cameo",
        "cameo_code", "cameo_root", "plover_type", "plover_mode", "quad_class", "goldstein",
        "modality", "location", "confidence", "coder_version",
    )

    def to_json_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.JSONL_FIELDS}


@dataclass(frozen=True)
class Stance:
    """A stated position of an actor on an issue."""

    stance_id: str
    doc_id: str
    actor_id: str | None
    actor_name: str | None
    actor_country: str | None
    issue: str
    position: str
    date: str | None
    sentence: str
    sentence_index: int
    char_start: int
    char_end: int
    speaker_kind: str  # party | commentator
    confidence: float
    #: Who states it: the party itself, or the commentator reporting it ("Doi said Japan wants ...").
    speaker_name: str | None = None
