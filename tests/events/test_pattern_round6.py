"""Patterns 2026.11.8: evaluative predicates. "X said that Y's decision was regrettable" is X
criticising Y (111): the adjectives are pattern data (``evaluative_predicates``), validated at
load, and :func:`detente.events.modality.evaluation` reads the evaluation off a speech act's
parse. Every sentence here is written for these tests."""

from __future__ import annotations

import textwrap

import pytest

from detente.errors import ConfigError
from detente.events import load_ontology, load_patterns
from detente.events import patterns as patterns_module
from detente.events.modality import evaluation


def test_evaluative_predicates_are_valid_and_disjoint():
    lex = load_patterns()
    ont = load_ontology()
    assert lex.evaluative_predicates["regrettable"] == "111"
    assert lex.evaluative_predicates["commendable"] == "051"
    assert all(ont.is_code(code) for code in lex.evaluative_predicates.values())
    # no adjective is an event noun or an act noun itself
    assert not set(lex.evaluative_predicates) & (set(lex.nouns) | lex.evaluated_acts)
    assert {"call", "term"} <= lex.evaluating_verbs


def _user_set(tmp_path, body: str):
    path = tmp_path / "user.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    base = patterns_module.parse_pattern_file(patterns_module.packaged_pattern_path())
    return patterns_module.build_pattern_set(patterns_module.parse_pattern_file(path, base=base))


@pytest.mark.parametrize(("body", "message"), [
    ('version: "bad"\nevaluative_predicates:\n  "999": [awful]\n', "not a CAMEO event code"),
    (('version: "bad"\nevaluative_predicates:\n  "112": [regrettable]\n  "111": [awful]\n'
      '  "051": [awful]\n'), "under both"),
    ('version: "bad"\nevaluative_predicates:\n  "111": [1, 2]\n', "list of strings"),
])
def test_invalid_evaluative_predicates_name_the_file(tmp_path, body, message):
    with pytest.raises(ConfigError) as err:
        _user_set(tmp_path, body)
    assert message in str(err.value)
    assert "user.yaml" in str(err.value)


def test_user_file_adds_and_moves_adjectives(tmp_path):
    lex = _user_set(tmp_path, 'version: "mine"\nevaluative_predicates:\n  "112": [regrettable, '
                              'shameful]\nevaluated_acts: [manoeuvre]\n')
    assert lex.evaluative_predicates["shameful"] == "112"
    assert lex.evaluative_predicates["regrettable"] == "112"
    assert lex.evaluative_predicates["unacceptable"] == "111"
    assert "manoeuvre" in lex.evaluated_acts and "policy" in lex.evaluated_acts


# (text, expected (code, adjective, act, owners) or None)
EVALUATIONS = [
    ("Lavrov noted that Japan's decision was regrettable.",
     ("111", "regrettable", "decision", ["Japan"])),
    ("Kishida said the Russian move was unacceptable.", ("111", "unacceptable", "move", ["Russian"])),
    ("Lavrov said it was regrettable that Japan joined the sanctions.",
     ("111", "regrettable", "joined", ["Japan"])),
    ("Beijing called Tokyo's decision unacceptable.", ("111", "unacceptable", "decision", ["Tokyo"])),
    ("Lavrov said that the deployment by Japan was deplorable.",
     ("111", "deplorable", "deployment", ["Japan"])),
    ("Merkel said Macron's plan was commendable.", ("051", "commendable", "plan", ["Macron"])),
    # neighbours: no act, no owner, a negated predicate, an adjective not in the lists
    ("Lavrov said that the weather was regrettable.", None),
    ("Lavrov said the decision was regrettable.", None),
    ("Lavrov said that Japan's decision was not regrettable.", None),
    ("Lavrov said that Japan's decision was surprising.", None),
    ("Lavrov called Japan's decision yesterday.", None),
]


@pytest.mark.parametrize(("text", "expected"), EVALUATIONS, ids=[e[0][:40] for e in EVALUATIONS])
def test_evaluation_of_a_speech_act(nlp, text, expected):
    doc = nlp(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    got = evaluation(root, load_patterns())
    if expected is None:
        assert got is None, text
    else:
        assert got is not None, text
        assert (got.code, got.predicate.text, got.act.text, [o.text for o in got.owners]) == expected
