"""Tense of the verb that governs a time expression, read from spaCy's dependency parse.

"Abe met Putin on Saturday" → past; "Putin will visit Japan in December" → future;
"plans to visit in May" → future (infinitive under a forward-looking head); no verb → None.
"""

from __future__ import annotations

import re

from .lexicon import load_lexicon

_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo", "gon"}
_MODAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "'d", "’d", "ca"}
_PAST_AUX_TAGS = {"VBD"}
_MAX_CLIMB = 8
#: Forward-looking heads of an infinitive that do not make their own object future
#: ("agreed on Friday", "tried on Monday", "wanted ... last week").
_NOT_FORWARD_ALONE = {"agree", "agreed", "agrees", "try", "tries", "tried", "want", "wants",
                      "wanted", "decide", "decided", "going", "set", "seek", "seeks", "sought",
                      "likely", "hope", "hopes", "hoped", "invite", "invited", "propose",
                      "proposed", "promise", "promised", "pledge", "pledged", "vow", "vowed"}


def _is_verb(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def verb_tense(verb, depth: int = 0) -> str | None:
    """past | future | present | None for one verb token."""
    if depth > 4:
        return None
    lex = load_lexicon()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if "going" in words or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)):
        return "future"
    if words & _MODAL_AUX:
        return "past" if "have" in words else "future"
    if "to" in words:
        head = verb.head
        if head is verb:
            return None
        if head.lower_ in lex.future_heads or head.lemma_.lower() in lex.future_heads:
            return "future"
        return verb_tense(head, depth + 1) if _is_verb(head) else None
    if any(a.tag_ in _PAST_AUX_TAGS for a in auxes) or words & {"has", "have", "'ve", "’ve"}:
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "’ve", "'s"}:
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        if verb.lower_ in ("is", "are", "'s", "'re", "’s", "’re") and any(
                c.lower_ == "due" or c.lower_ == "set" for c in verb.children):
            return "future"
        return "present"
    if verb.tag_ == "VBG" and words:
        if any(a.tag_ == "VBD" for a in auxes):
            return "past"
        return "present"
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp") \
            and verb.head is not verb and _is_verb(verb.head):
        return verb_tense(verb.head, depth + 1)
    return None


_FORWARD_BEFORE = re.compile(
    r"\b(?:until|till|through|as\s+early\s+as|as\s+soon\s+as|no\s+later\s+than|ahead\s+of|"
    r"starting|beginning)\s+(?:(?:on|in|at)\s+)?$", re.IGNORECASE)


def governing_tense(doc, start: int, end: int, text: str | None = None) -> str | None:
    """Tense of the verb governing the characters ``start:end`` of ``doc.text`` (pass the
    text when calling repeatedly: spaCy rebuilds ``doc.text`` on every access).

    A verb that looks ahead by its meaning ("planned a rally on Saturday", "scheduled talks
    for Monday") counts as future whatever its own tense; after "until", "as early as" and
    the like the tense says nothing about the date (None: the nearest reading is used).
    """
    text = doc.text if text is None else text
    if _FORWARD_BEFORE.search(text[max(0, start - 30):start]):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    inside = {t.i for t in span}
    heads = load_lexicon().future_heads
    for _ in range(_MAX_CLIMB):
        if _is_verb(tok) and tok.i not in inside:
            if tok.lower_ in heads and tok.lower_ not in _NOT_FORWARD_ALONE:
                return "future"
            return verb_tense(tok)
        if tok.head is tok:
            return verb_tense(tok) if _is_verb(tok) else None
        tok = tok.head
    return None
