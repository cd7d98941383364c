"""Coding rules of round 8 (coder 0.3.8, patterns 2026.11.9): evaluations told in a that-clause
coordinated with an earlier one, owned by "(coming) from X", or read as a small clause ("X found
Y's position unacceptable"); more evaluated acts; "put off" and other phrasal postponing or
cancelling verbs; "contribute" as a light verb and "document" as a signed object; a protest
reason the parser hangs on the cancelled visit itself. Sentences written for these tests."""

from __future__ import annotations

import pytest

from detente.events.modality import clause_modality, evaluation, protest_reason, reason_heads
from detente.events.patterns import load_patterns

# -- 1. evaluations: coordinated that-clauses, "from" owners, small clauses -------------------
# (text, dyads that must come out, dyads that must not)
NEIGHBOURS = [
    # a that-clause coordinated with an earlier one
    ("Chile said that talks would go on and that Peru's statements were outrageous.",
     {"CHL>PER:111"}, set()),
    ("Chile said that the talks had ended and that the Peruvian remarks were constructive.",
     {"CHL>PER:051"}, {"CHL>PER:111"}),
    # ... negated, it is none
    ("Chile said that talks would go on and that Peru's statements were not outrageous.",
     set(), {"CHL>PER:111"}),
    # the owner named by "(coming) from"
    ("Chile said the threats coming from Peru were unacceptable.", {"CHL>PER:111"}, set()),
    ("Chile said the statements from Peru were irresponsible.", {"CHL>PER:111"}, set()),
    # ... not when "from" is where the act goes away from
    ("Chile said the withdrawal from Peru was regrettable.", set(), {"CHL>PER:111"}),
    # a small clause under a verb of evaluating
    ("Chile found Peru's position unacceptable.", {"CHL>PER:111"}, set()),
    ("Chile found Peru's position acceptable.", set(), {"CHL>PER:111"}),
    ("Chile did not find Peru's position unacceptable.", set(), {"CHL>PER:111"}),
    # 2. acts of taking part are evaluated too
    ("Chile said Peru's participation in the talks was regrettable.", {"CHL>PER:111"}, set()),
    ("Chile said that the Peruvian involvement in the war was unacceptable.", {"CHL>PER:111"}, set()),
    ("Chile called Peru's signature of the pact irresponsible.", {"CHL>PER:111"}, set()),
    # "document" as the object of signing
    ("Chile signed a document with Peru.", {"CHL>PER:057"}, set()),
    ("Chile produced a document about Peru.", set(), {"CHL>PER:057"}),
]


@pytest.mark.parametrize("n", range(len(NEIGHBOURS)), ids=[c[0][:45] for c in NEIGHBOURS])
def test_round8_neighbours(coded_neighbours, assert_neighbour, n):
    assert_neighbour(NEIGHBOURS[n], coded_neighbours[n])


@pytest.mark.parametrize("text, owner", [
    ("Chile said that talks would go on and that Peru's statements were outrageous.", "Peru"),
    ("Chile said the threats coming from Peru and Bolivia were unacceptable.", "Peru"),
    ("Chile said the threats coming from Peru and Bolivia were unacceptable.", "Bolivia"),
    ("Chile found Peru's position unacceptable.", "Peru"),
])
def test_evaluation_reads_owner(nlp, text, owner):
    doc = nlp(text)
    ev = evaluation(doc[1], load_patterns())
    assert ev is not None, text
    assert owner in {t.text for t in ev.owners}, ev


@pytest.mark.parametrize("text", [
    "Chile said the withdrawal from Peru was regrettable.",
    "Chile found Peru's position acceptable.",
    "Chile said that talks would go on and that the weather was fine.",
])
def test_no_evaluation(nlp, text):
    assert evaluation(nlp(text)[1], load_patterns()) is None


# -- 2. phrasal postponing and cancelling governors; pattern data ----------------------------
@pytest.mark.parametrize("text, noun, modality", [
    ("Chile put off its visit to Peru.", "visit", "planned"),
    ("Chile put off the talks with Peru.", "talks", "planned"),
    ("Chile called off the visit to Peru.", "visit", "negated"),
    ("Chile cancelled the visit to Peru.", "visit", "negated"),
    # the particle makes the governor: "put" alone is none
    ("Chile put the visit on its agenda.", "visit", "asserted"),
])
def test_phrasal_governors(nlp, text, noun, modality):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == noun)
    assert clause_modality([trigger], load_patterns(), nominal=True)[0] == modality


def test_round8_pattern_data():
    lex = load_patterns()
    assert {"signature", "participation", "involvement"} <= lex.evaluated_acts
    assert "put off" in lex.modality["postponing_governors"]
    assert "contribute" in lex.light_verbs
    sign = next(p for p in lex.all_patterns if p.id == "sign")
    assert "document" in sign.objects
    assert sign.expect == ("CUB>VNM:057",)


# -- 3. a reason preposition hanging on the cancelled visit ---------------------------------
def _no_actor(tok):
    return None


@pytest.mark.parametrize("text, cue", [
    ("Putin cancelled his trip over the row with Tokyo.", "over"),
    ("Putin cancelled his trip amid the dispute.", "amid"),
    ("Putin postponed his visit in protest at the sanctions.", "in protest"),
    ("Putin cancelled his trip because of the sanctions.", "because"),
    # not a reason: a date, the weather, or a preposition before the object
    ("Putin cancelled his trip over the weekend.", None),
    ("Putin cancelled his trip because of the weather.", None),
])
def test_protest_reason_on_object(nlp, text, cue):
    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ in ("cancel", "postpone"))
    assert protest_reason(verb, load_patterns(), _no_actor) == cue


def test_reason_heads_take_only_object_prepositions(nlp):
    doc = nlp("Putin cancelled his trip to Osaka over the row.")
    verb = doc[1]
    heads = {t.text for t in reason_heads(verb, load_patterns().reason_marks)}
    assert "to" not in heads
    assert "trip" in heads  # the verb's own children stay
