"""Invariants of the stances found in the reference articles (read at run time; skipped when
the shared folder is absent). Raw parse without actor mentions: fast, and the rules checked
here do not depend on actor resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.analysis.stances import extract_stances

#: Words that open a contrasting clause: a position starting with one of them is a clause of
#: someone else's statement, not the position ("insists on ..." is fine: "on" is the cue's).
SUBORDINATORS = {"although", "though", "while", "whereas"}


@pytest.fixture(scope="module")
def seed_stances(nlp, seed_paths):
    out = []
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        found = extract_stances(doc, doc_id=path.stem, publication_date=dt.date(2018, 1, 1),
                                actor_mentions=[], timexes=[])
        out.extend((text, s) for s in found)
    return out


def test_seed_stances_exist_on_the_core_issues(seed_stances):
    issues = {s.issue for _, s in seed_stances}
    assert {"sovereignty", "treaty_sequencing", "security"} <= issues
    assert {"party", "commentator"} <= {s.speaker_kind for _, s in seed_stances}


def test_seed_positions_are_the_texts_words(seed_stances):
    for text, s in seed_stances:
        assert s.position in s.sentence
        assert s.position in text[s.char_start:s.char_end]
        assert s.sentence in text


def test_seed_positions_do_not_open_with_a_subordinate_clause(seed_stances):
    for _, s in seed_stances:
        assert s.position.split()[0].lower().strip(",") not in SUBORDINATORS, s.position
        # nor with the date of an event ("On May 25, the premier took part in ...")
        assert not s.position.lower().startswith(("on ", "in ")) or s.position.split()[1][:1].islower(), s.position


def test_seed_positions_do_not_end_mid_quote_or_bracket(seed_stances):
    for _, s in seed_stances:
        for opening, closing in (("“", "”"), ("(", ")")):
            assert s.position.count(opening) - s.position.count(closing) <= 1, s.position
        sentence_rest = s.sentence[s.sentence.index(s.position) + len(s.position):].lstrip()
        if s.position.count("[") > s.position.count("]"):
            assert not sentence_rest.startswith("]"), s.position


def test_one_stance_per_actor_issue_and_sentence(seed_stances):
    keys = [(s.doc_id, s.sentence_index, s.actor_name, s.issue) for _, s in seed_stances]
    assert len(keys) == len(set(keys))
