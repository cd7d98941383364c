"""Coding rules of round 9 (coder 0.3.9, patterns 2026.11.10): infinitives of nouns of intent
are planned; an act placed at or right after a dated occasion takes its date; a re-mention of a
dated event resumes its episode; a date told only inside a clause describing a noun does not end
an episode; an asserted infinitive complement takes its governor's tense; the shared test for
clauses describing a noun; the talks-topic "over" exclusion of ``reason_heads``. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from detente.events.modality import (
    FACT_PARTICIPLES,
    clause_modality,
    describes_noun,
    in_describing_clause,
    reason_heads,
)
from detente.events.patterns import load_patterns


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


# -- 1. modality of an infinitive completing a noun of plan, decision, intent or proposal ------
@pytest.mark.parametrize("text, word, modality, cue", [
    ("Chile welcomed Argentina's plan to withdraw its troops from Bolivia.", "withdraw", "planned", "plan"),
    ("Chile welcomed the Argentine plans to reopen the border with Bolivia.", "reopen", "planned", "plan"),
    # a decision: the act is decided, not yet done (planned, coded as the act itself)
    ("Argentina announced a decision to withdraw its troops from Bolivia.", "withdraw", "planned", "decision"),
    # nouns of intent (modality.intent_nouns): planned like "intends to"
    ("Chile welcomed Argentina's intention to visit Bolivia.", "visit", "planned", "intend"),
    ("Argentina stressed its commitment to hold talks with Bolivia.", "hold", "planned", "intend"),
    ("Chile noted Argentina's readiness to sign the treaty.", "sign", "planned", "intend"),
    ("Argentina reaffirmed its determination to impose sanctions on Bolivia.", "impose", "planned", "intend"),
    # a proposal stays proposed
    ("Peru rejected Bolivia's proposal to hold talks with Chile.", "hold", "proposed", None),
    ("Ecuador backed the Colombian request to send observers to Peru.", "send", "proposed", None),
])
def test_noun_infinitive_modality(nlp, text, word, modality, cue):
    doc = nlp(text)
    got, got_cue = clause_modality([_token(doc, word)], load_patterns(),
                                   speech_stop=load_patterns().speech_verbs)
    assert got == modality, (text, got, got_cue)
    if cue is not None:
        assert got_cue == cue, (text, got, got_cue)


def test_intent_nouns_are_data():
    nouns = load_patterns().modality["intent_nouns"]
    assert {"intention", "commitment", "readiness"} <= nouns
    # a proposal is no intent of its doer
    assert not nouns & load_patterns().modality["proposal_nouns"]


# (text, code, source, target) that must come out
PRESENT = [
    # planned cooperation is coded as the intent to do it (CAMEO 03, asserted)
    ("Chile welcomed Argentina's plan to withdraw its troops from Bolivia.", "0356", "ARG", "BOL"),
    ("Chile welcomed Argentina's intention to send aid to Bolivia.", "033", "ARG", "BOL"),
    # announced intent to expel is a threat (CAMEO 13)
    ("Argentina announced its intention to expel Bolivian diplomats.", "1313", "ARG", "BOL"),
    # ... announced by its own doer it is the expression of the intent (CAMEO 03)
    ("Argentina announced a decision to withdraw its troops from Bolivia.", "0356", "ARG", "BOL"),
    # support nouns after a verb of expressing
    ("Chile voiced its strong backing for Peru's candidacy.", "051", "CHL", "PER"),
    ("Chile expressed its endorsement of Peru's candidacy.", "051", "CHL", "PER"),
]


@pytest.mark.parametrize("n", range(len(PRESENT)), ids=[c[0][:45] for c in PRESENT])
def test_round9_present(coded_present, assert_found, n):
    assert_found(PRESENT[n], coded_present[n])


def _events(code, text, trigger, when=None):
    events = code([text])[0] if when is None else code([text], when)[0]
    return [e for e in events if e.trigger == trigger]


@pytest.mark.parametrize("text, trigger, modality", [
    ("Chile welcomed Argentina's intention to visit Bolivia.", "visit", "planned"),
    ("Chile welcomed Argentina's readiness to hold talks with Bolivia.", "hold", "planned"),
    # a decision taken: the act decided is planned, coded as itself (CAMEO 0874) ...
    ("Chile welcomed Argentina's decision to withdraw its troops from Bolivia.", "withdraw", "planned"),
    ("Chile welcomed Argentina's proposal to hold talks with Bolivia.", "hold", "proposed"),
])
def test_noun_infinitive_coded_modality(code, text, trigger, modality):
    found = _events(code, text, trigger)
    assert found, text
    assert {e.modality for e in found} == {modality}, [(e.cameo_code, e.modality) for e in found]


# -- 2. an act at or right after a dated occasion ------------------------------------------------
@pytest.mark.parametrize("text, trigger, date", [
    # the occasion an event of the same sentence, dated by re-mention
    (("Chilean and Peruvian leaders met in Lima on March 3.\n\n"
     "Nine accords were signed after the negotiations between Chile and Peru."), "signed", "2018-03-03"),
    # a bare definite occasion noun: the latest dated event of its root between the same countries
    (("Chilean and Peruvian leaders met in Lima on March 3.\n\n"
     "Nine accords were signed by Chile and Peru after the talks."), "signed", "2018-03-03"),
    (("On March 3, the presidents of Chile and Peru held a summit in Lima.\n\n"
     "Following the summit, Chile and Peru signed nine accords."), "signed", "2018-03-03"),
])
def test_act_after_dated_occasion(code, text, trigger, date):
    found = _events(code, text, trigger)
    assert found, text
    assert {(e.date, e.date_basis) for e in found} == {(date, "context")}, text


@pytest.mark.parametrize("text, trigger", [
    # an occasion between other countries dates nothing
    (("Chile and Peru met in Lima on March 3.\n\n"
     "Bolivia and Ecuador signed a trade accord after the talks."), "signed"),
    # after a dated act that is no meeting, talks or visit: a later reaction, not its date
    (("Russia seized three Ukrainian ships on August 25.\n\n"
      "Ukraine expelled Russian diplomats after the seizure."), "expelled"),
    # no dated occasion at all
    ("Nine accords were signed by Chile and Peru after the talks.", "signed"),
])
def test_act_after_undated_occasion(code, text, trigger):
    found = _events(code, text, trigger)
    assert found, text
    assert {e.date_basis for e in found} == {"publication"}, [(e.date, e.date_basis) for e in found]


# -- 3. a re-mention resumes its episode; a date inside a describing clause does not end it -----
EPISODE = ("On March 3, Chilean President Sebastian Pinera held talks with Peruvian President "
           "Martin Vizcarra in Lima.\n\n"
           "Their talks showed that both sides want to expand trade. {middle}"
           "He also invited Vizcarra to Santiago.")


@pytest.mark.parametrize("middle, date, basis", [
    ("", "2018-03-03", "context"),
    # a date told only in a relative clause on a noun neither starts nor ends the episode
    (("In a statement after the talks, Pinera recalled the accord, which the two countries had "
     "signed during a visit in May 2015. "), "2018-03-03", "context"),
    # a date of the sentence's own act starts another episode
    ("In May 2015, Pinera had signed an accord with Bolivia. ", "2015-05", "context"),
])
def test_remention_resumes_episode(code, middle, date, basis):
    found = _events(code, EPISODE.format(middle=middle), "invited")
    assert found
    assert {(e.date, e.date_basis) for e in found} == {(date, basis)}, middle


# -- 4. an asserted infinitive complement has its governor's tense --------------------------------
@pytest.mark.parametrize("text, date, basis", [
    (("In 2015 the Chilean government announced that it would support the sanctions on Venezuela.\n\n"
     "Pushed by Brazil, the Chileans had to join the sanctions on Venezuela."), "2015", "context"),
    (("Two years ago Chile announced that it would support sanctions on Venezuela.\n\n"
     "The Chileans later managed to join the sanctions against Venezuela."), "2016", "context"),
])
def test_infinitive_complement_remention(code, text, date, basis):
    found = _events(code, text, "join")
    assert found, text
    assert {(e.date, e.date_basis) for e in found} == {(date, basis)}, text


# -- 5. clauses describing a noun: one test for modality and dating ------------------------------
@pytest.mark.parametrize("text, word, participles, expected", [
    ("Chile ended the isolation imposed by Peru.", "imposed", FACT_PARTICIPLES, True),
    ("Chile visited the islands which Peru seized.", "seized", FACT_PARTICIPLES, True),
    ("Chile announced a decision to deploy troops.", "deploy", FACT_PARTICIPLES, False),
    ("Chile listed the topics to be discussed.", "discussed", {"VBN", "VBG"}, False),
    ("Chile met Peru.", "met", FACT_PARTICIPLES, False),
])
def test_describes_noun(nlp, text, word, participles, expected):
    assert describes_noun(_token(nlp(text), word), participles) is expected


@pytest.mark.parametrize("text, word, expected", [
    # inside a relative clause, however deep
    ("Chile recalled the pledge, which both leaders had made during the visit in May.", "visit", True),
    ("Chile recalled the pledge during the visit in May.", "visit", False),
    # a gerund describing a noun counts for dating
    ("Chile joined the talks involving Peru in May.", "Peru", True),
    ("Chile joined the talks involving Peru in May.", "joined", False),
])
def test_in_describing_clause_for_dating(nlp, text, word, expected):
    assert in_describing_clause(_token(nlp(text), word), {"VBN", "VBG"}) is expected


# -- 6. reason_heads: the "over" phrase of a noun of talks is its topic ------------------------
@pytest.mark.parametrize("text, topics, has_over", [
    ("Chile broke off the talks over the islands.", {"talk"}, False),
    ("Chile broke off the talks over the islands.", set(), True),
    # not a noun of talks: the "over" phrase is a reason
    ("Chile cancelled the visit over the dispute.", {"talk"}, True),
])
def test_reason_heads_topic_objects(nlp, text, topics, has_over):
    doc = nlp(text)
    verb = next(t for t in doc if t.pos_ == "VERB")
    heads = reason_heads(verb, load_patterns().reason_marks, topic_objects=topics)
    assert any(h.lower_ == "over" for h in heads) is has_over, [(h.text, h.dep_) for h in heads]


def test_verbless_dated_sentence_ends_episode(code):
    """A date in a sentence without a verb of its own ("More protests in Lima on March 5.")
    belongs to no clause; it still ends the paragraph's episode (and is no error)."""
    text = ("On March 3, Chile criticised Peru.\n\n"
            "Chile met Peru on March 4. More protests in Lima on March 5. Chile criticised Peru again.")
    events = code([text])[0]
    last = [e for e in events if e.sentence_index == 3]
    assert last, [(e.trigger, e.sentence_index) for e in events]
    assert {e.date_basis for e in last} == {"publication"}, [(e.date, e.date_basis) for e in last]
