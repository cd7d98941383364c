"""detente: dated, sourced, coded records of relations between countries, from news text."""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Options
from .errors import ConfigError, DetenteError, IngestError, ModelError, StoreError
from .records import Actor, ActorMention, Article, EventMention, Rejection, Stance, TimeExpression

__all__ = [
    "Actor",
    "ActorMention",
    "Article",
    "ConfigError",
    "DetenteError",
    "EventMention",
    "IngestError",
    "ModelError",
    "Options",
    "Rejection",
    "Stance",
    "StoreError",
    "TimeExpression",
    "__version__",
]
