"""The start-position prefilter of the time grammar finds exactly what plain scanning finds."""

from __future__ import annotations

import datetime as dt
import re
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.time import _doc_gate, find_timexes, grammar
from detente.time.grammar import _start_table, default_rules, scan
from detente.time.prefilter import (
    CASE_FOLDS,
    LEAD,
    StartTable,
    canonical,
    finditer,
    start_keys,
)

ANCHOR = dt.date(2018, 9, 17)

# Words and pieces of time expressions, near misses and characters that case-fold or are
# not ASCII, so that invented texts hit the rules' edges.
PIECES = [
    "January", "Jan.", "sept", "Sept.", "May", "march", "Monday", "mon", "Thursdays", "1999",
    "2018", "1870", "12", "3rd", "31st", "0", "the", "The", "last", "next", "this", "year",
    "years", "year's", "months", "month", "ago", "earlier", "end", "of", "week", "weekend",
    "spring", "fall", "Christmas", "Christmas Eve", "noon", "p.m.", "a.m.", "10:30", "GMT",
    "Q3", "FY", "fiscal", "quarter", "half", "first", "second", "century", "1990s", "'90s",
    "nineties", "twenty", "nineteen", "eighty-four", "two thousand", "decade", "daily",
    "weekly", "today", "yesterday", "tonight", "morning", "in", "on", "since", "between",
    "and", "to", "from", "or", "İstanbul", "ſeptember", "\u212aay", "été", "2018-09-12",
    "9/11/2001", "three", "a", "an", "few", "several", "year-end", "that", "same",
    "following", "after", "before", "the Second World War", "now", "hence", "currently",
    "every", "each", "per", "long", "day-long", "five-year", "%", "$", "1,000", "2.5", "AD",
    "early", "mid-", "late", "about", "around", "more than", "nearly", "the past", "recent",
    "coming", "ahead", "period", "results", "present", "former", "Mayor", "Marchers",
]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n2 – ", ", ", "-", "–", "’", "'", ".", "\t",
              "\xa0", "", "(", ")", "/", ":", "; "]
CASES = [str, str, str.upper, str.lower, str.title]


@st.composite
def invented_texts(draw) -> str:
    n = draw(st.integers(min_value=0, max_value=30))
    out = []
    for _ in range(n):
        out.append(draw(st.sampled_from(CASES))(draw(st.sampled_from(PIECES))))
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


def _plain(rx: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


def _fast(table: StartTable, rxs, text: str) -> list[list]:
    starts = table.candidates(text)
    return [[(m.span(), m.groups()) for m in finditer(rx, text, starts[i])] for i, rx in enumerate(rxs)]


def test_case_folds_are_every_non_ascii_character_re_matches_ascii_with():
    ascii_any = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    found = {}
    for code in range(128, 0x110000):
        ch = chr(code)
        if ascii_any.fullmatch(ch):
            letters = {chr(c).lower() for c in range(128) if re.fullmatch(re.escape(chr(c)), ch, re.IGNORECASE)}
            assert len(letters) == 1, (ch, letters)
            found[ch] = letters.pop()
    assert found == CASE_FOLDS


def test_canonical_keeps_offsets():
    text = "The Kremlin’s 12\tMay\xa0İstanbul ſ \u212a"
    canon = canonical(text)
    assert len(canon) == len(text)
    assert canon == "the kremlin\x00s 12 may\x00istanbul s k"


def test_every_rule_has_start_keys():
    """A rule without start keys is scanned everywhere: say which, so a new one is noticed."""
    missing = [r.name for r in default_rules() if start_keys(r.regex.pattern, r.regex.flags) is None]
    assert missing == []


@pytest.mark.parametrize(("pattern", "has_keys"), [
    (LEAD + r"(?:ab|c)d", True),
    (LEAD + r"a|b", True),  # an alternative without the look-behind may start anywhere
    (r"abc", False),  # not led by the look-behind, not alternatives
    (LEAD + r"a?", False),  # can match the empty string
    (LEAD + r"(a)\1", True),  # followed up to the back-reference
    (LEAD + r".+", False),  # may start with any character
])
def test_start_keys_exist_only_when_sound(pattern, has_keys):
    assert (start_keys(pattern, re.IGNORECASE) is not None) == has_keys


GENERIC = [re.compile(LEAD + p + r"(?![\w])", re.IGNORECASE) for p in (
    r"(?:(?P<pos>early|late|mid)[\s-]+)?(?P<m>jan(?:uary)?|may|sept?\.?)(?:\s+(?P<d>[0-3]?\d))?",
    r"(?P<y>1[0-9]\d\d|20\d\d)(?!\d)(?:\s*[-–]\s*\d{2,4})?",
    r"(?:the\s+)?(?:\d+|a|an|few)\s+(?:years?|days?)\s+(?:ago|earlier)",
    r"[^\W\d]{2}\d{1,2}",
    r"(?:istanbul|ſep|kay)\b",
    r"q[1-4]\s*'?\d\d|year[’']s\s+end|the\s+end\s+of\s+the\s+year",
    r"(?:first|second)(?=\s+half)\s+half",
)]
GENERIC.append(re.compile(LEAD + r"year-end|the\s+end\s+of\s+(?:the\s+)?year(?![\w])", re.IGNORECASE))
GENERIC_TABLE = StartTable(GENERIC)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(invented_texts(), st.text(max_size=60)))
def test_generic_patterns_find_what_finditer_finds(text):
    assert _fast(GENERIC_TABLE, GENERIC, text) == [_plain(rx, text) for rx in GENERIC]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=invented_texts())
def test_time_rules_find_what_finditer_finds(text):
    rxs = [r.regex for r in default_rules()]
    assert _fast(_start_table(), rxs, text) == [_plain(rx, text) for rx in rxs]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=invented_texts(), combine=st.booleans(), anchored=st.booleans())
def test_scan_with_prefilter_equals_plain_scan(text, combine, anchored):
    anchor = ANCHOR if anchored else None
    with mock.patch.object(grammar, "_SHORT_TEXT", 0):  # prefilter texts of any length
        fast = scan(text, anchor, combine=combine)
    assert fast == scan(text, anchor, combine=combine, prefilter=False)


def test_short_texts_are_scanned_plainly():
    with mock.patch.object(grammar, "_start_table", side_effect=AssertionError("prefiltered")):
        assert scan("last Friday", ANCHOR)


def test_seed_articles_give_the_same_timexes(nlp, seed_paths):
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        found = find_timexes(doc, ANCHOR)
        assert found, path.name
        plain = scan(doc.text, ANCHOR, tense_at=_tense(doc), gate=_doc_gate(doc, doc.text),
                     prefilter=False)
        assert [(t.start, t.end, t.value) for t in found] == [(f.start, f.end, f.norm.value) for f in plain]


def _tense(doc):
    from detente.time.tense import governing_tense

    text = doc.text
    return lambda s, e: governing_tense(doc, s, e, text=text)
