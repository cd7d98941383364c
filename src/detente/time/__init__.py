"""The time stage: find time expressions and normalise them against the article's date.

Public API:

* :func:`find_timexes` — every time expression of a parsed spaCy ``Doc``; the dependency
  parse gives the tense of the governing verb, which decides past vs future for year-less
  dates and weekdays ("on Saturday" in a past-tense clause is the Saturday before the anchor).
* :func:`find_timexes_in_text` — the same for plain text, parsing it with ``nlp``.
* :func:`normalise` — one phrase, optional tense, no spaCy needed.
* :func:`value_to_interval`, :func:`precision_of` — compare TIMEX3 values at shared precision.

Values are TIMEX3: ``2018-09-12``, ``2018-W37``, ``2018-10``, ``2018-Q3``, ``2018-H2``,
``2018-SU``, ``1945``, ``196X``, ``19`` (20th century), ``P3Y``, ``PRESENT_REF`` ...
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from ..records import TimeExpression
from .grammar import _TRIGGER_BEFORE, Found, Rule, scan
from .lexicon import load_lexicon
from .tense import governing_tense
from .values import precision_of, value_to_interval

log = logging.getLogger(__name__)

__all__ = [
    "TENSES",
    "find_timexes",
    "find_timexes_in_text",
    "normalise",
    "precision_of",
    "value_to_interval",
]

#: Tenses accepted by :func:`normalise`.
TENSES = ("past", "future", "present", None)


def _to_record(text: str, f: Found) -> TimeExpression:
    n = f.norm
    precision = precision_of(n.value)
    if n.type == "TIME" and precision == "none" and re.match(r"^\d{4}-\d\d-\d\dT", n.value):
        precision = "day"
    return TimeExpression(
        start=f.start,
        end=f.end,
        text=text[f.start:f.end],
        type=n.type,
        value=n.value,
        precision=precision,
        values=n.values,
        relation=n.relation,
        mod=n.mod,
        basis=n.basis,
    )


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < se and ss < e for ss, se in spans)


def _doc_gate(doc, text: str):
    """Accept ambiguous candidates (bare years, bare month names, weekdays, words such as
    'current') only where the text is well-cased and spaCy's NER or a preposition agrees."""
    lex = load_lexicon()
    spans = [(e.label_, e.start_char, e.end_char) for e in doc.ents]  # doc.ents builds new spans
    ents = [(s, e) for label, s, e in spans if label in ("DATE", "TIME")]
    amounts = [(s, e) for label, s, e in spans if label in ("MONEY", "QUANTITY", "PERCENT")]
    non_date = [(s, e) for label, s, e in spans
                if label in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT", "PERSON", "ORG",
                             "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "GPE")]
    names = [(s, e) for label, s, e in spans
             if label in ("PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW")]

    def gate(rule: Rule, m: re.Match, _text: str) -> bool:
        kind = rule.ambiguous
        s, e = m.span()
        if any(ns <= s and e <= ne for ns, ne in names) and not _overlaps(ents, s, e):
            return False  # "Jan Kavan", "the March for Life", ABC's "This Week"
        month = m.groupdict().get("month")
        if month and month.lower().rstrip(".") in lex.ambiguous_months and month[0].islower():
            return False
        if kind is None:
            return True
        if kind == "adverb":
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                return False
            tok = span[0]
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            # "rallies almost daily" yes; "daily flights", "its quarterly dividend" no.
            return tok.dep_ != "amod" and not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN")
                                               and tok.pos_ == "ADJ")
        if kind == "weekday":
            return m.group("wd")[0].isupper()
        if kind == "year":
            if _overlaps(ents, s, e):
                return True
            if _overlaps(amounts, s, e):
                return False
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and span.end < len(doc) and doc[span.end].tag_ == "NNS":
                return False  # "2000 troops"
            return bool(_TRIGGER_BEFORE.search(text[max(0, s - 20):s]))
        if kind == "month":
            if not month or not month[0].isupper():
                return False
            if rule.name != "month_bare":
                return True
            if month.lower().rstrip(".") not in lex.ambiguous_months:
                return not _overlaps(non_date, s, e) or _overlaps(ents, s, e)
            return _overlaps(ents, s, e) or bool(_TRIGGER_BEFORE.search(text[max(0, s - 20):s]))
        return True

    return gate


def find_timexes(doc, anchor: dt.date | None, *, combine_ranges: bool = True
                 ) -> list[TimeExpression]:
    """Every time expression in a parsed spaCy ``Doc``, normalised against ``anchor``.

    Offsets are character offsets into ``doc.text``. With ``anchor=None`` only expressions
    that need no anchor are resolved (year-less dates get ``XXXX`` years). With
    ``combine_ranges=False`` the members of ranges/alternatives are returned separately.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()

    text = doc.text  # built from the tokens on every access: read it once

    def tense_at(start: int, end: int) -> str | None:
        return governing_tense(doc, start, end, text=text)

    found = scan(text, anchor, tense_at=tense_at, gate=_doc_gate(doc, text),
                 combine=combine_ranges)
    return [_to_record(text, f) for f in found]


def find_timexes_in_text(text: str, anchor: dt.date | None, nlp) -> list[TimeExpression]:
    """Parse ``text`` with ``nlp`` and return :func:`find_timexes` of the result."""
    return find_timexes(nlp(text), anchor)


def normalise(expression_text: str, anchor: dt.date | None, tense: str | None = None
              ) -> TimeExpression | None:
    """Normalise one time phrase ("last Wednesday", "the autumn of 2018") against ``anchor``.

    ``tense`` (past | future | present | None) is the tense of the clause the phrase sits
    in; it decides year-less months and days and bare weekdays. Returns the expression
    covering most of the phrase (offsets into ``expression_text``), or ``None``.
    """
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {TENSES}, got {tense!r}")
    if not isinstance(expression_text, str) or not expression_text.strip():
        return None
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    found = scan(expression_text, anchor, tense_at=lambda s, e: tense, combine=True)
    if not found:
        return None
    best = max(found, key=lambda f: (f.end - f.start, -f.start))
    return _to_record(expression_text, best)
