"""Helpers shared by the actor tests (importable: pytest puts this folder on sys.path)."""

from __future__ import annotations


def mention_for(mentions, text: str, phrase: str, nth: int = 0):
    """The actor mention covering (else inside) the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    covering = [m for m in mentions if m.start <= start and end <= m.end]
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    return (covering or inside or [None])[0]
