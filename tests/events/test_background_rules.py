"""Statements that report no occurrence of their own are not events: background trends and
habits, the writer's inferences and appraisals, standing positions and generic doers. Each
rule has cases where it applies and cases where the event must stay.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from detente.events import load_patterns
from detente.events.modality import background_cue, durative_cue, inference_cue

# (text, CAMEO root of the statement that must NOT come out as an event)
NOT_EVENTS = [
    # present-perfect trends: years of policy, not one act
    ("Japan and Russia have promoted economic cooperation on the islands.", "05"),
    ("India has moved to enhance its security ties with France.", "05"),
    ("Seoul has continued to expand its cooperation with Hanoi.", "05"),
    # an ongoing effort to improve relations
    ("Japanese Prime Minister Shinzo Abe is trying hard to improve relations with Russia.", "05"),
    # habits and spans of years
    ("Russia in the past has been reluctant to return the islands to Japan.", "12"),
    ("Peru and Chile discussed the border for years without a solution.", "04"),
    ("Brazil has increasingly sought to deepen ties with China.", "03"),
    ("China has increased joint military exercises with Russia in recent years.", "06"),
    ("Chile has long resisted Bolivian demands for access to the sea.", "12"),
    ("Vietnam has long rejected Chinese claims in the sea.", "12"),
    ("Over the decades Ankara traditionally backed Baku in its dispute with Yerevan.", "05"),
    # an instance of a trend is part of the trend
    (("In the last several years, China has moved to enhance its ties with Russia, including "
     "increasing joint military exercises."), "05"),
    # the writer's inference and appraisal
    ("For its part, Moscow has a key incentive to boost its economic ties with Tokyo.", "05"),
    ("Hanoi has a strong reason to deepen its ties with Canberra.", "05"),
    ("It appears Russia seeks to upgrade its relationship with Japan.", "03"),
    ("Turkey seems to want to deepen relations with Egypt.", "03"),
    # standing positions: a demand in the simple present by a state, with no date
    ("Japan says the islands are Japanese, while China says Japan must admit there is a dispute.",
     "10"),
    ("Japan insists on a special legal regime for the islands.", "10"),
    # a generic doer
    (("Normal ties are a first step for any Japanese prime minister's attempt to normalize "
     "relations with Russia."), "05"),
]

# (text, CAMEO root that must still come out, its modality)
STILL_EVENTS = [
    # a present perfect of a single act is an event (not a trend verb)
    ("Tokyo has invited the Chinese president to visit Japan.", "02", None),
    ("Russia has resolutely denied the accusations made by Japan.", "01", None),
    # a trend verb in the simple past with a date is one act
    ("On May 3, India promoted cooperation with France at a summit in Paris.", "05", None),
    # a span of months is one drawn-out act, not a habit
    ("Iran negotiated with the United States for months.", "04", None),
    # an effort towards a single act is a plan
    ("The Indian prime minister is trying to meet the Chinese president next week.", "04", "planned"),
    # a show of force in the present perfect is news of a recent act, not a trend
    ("Turkey has strengthened its forces in Syria after the attacks.", "15", None),
    # the length of one act is no span of years
    ("A Kenyan court has jailed a Ugandan student for two years.", "17", None),
    # a future or planned act over a period is a plan, not background
    ("Finland will give Kenya a grant over three years.", "03", None),
    ("Norway plans to impose restrictions on Russian fishing boats for at least two years.", "13",
     None),
    ("Sweden will give Ghana a loan over the next five years.", "03", None),
    # a present perfect of trend dated by its own clause to one occasion reports that act
    ("Germany has deepened its cooperation with Poland at a summit in Warsaw last week.", "05",
     None),
    # a counted span dated by its own clause is one act
    ("A Moroccan court jailed two Algerian smugglers for five years on Monday.", "17", None),
    # a rejection of a concrete proposal, in the present or present perfect, is news
    ("Israel rejects the Palestinian proposal for new talks.", "12", None),
    ("Chile has rejected Bolivia's latest offer of talks.", "12", None),
    # a sanction imposed as part of a lasting stance is still an act
    (("The Obama administration has maintained a firm stance toward Russia since its annexation "
      "of Crimea, imposing stiff economic sanctions on Moscow."), "16", None),
    # a present-tense criticism is news, not a standing position; so is a dated demand
    ("Japan criticises Russia over its stance on the islands.", "11", None),
    ("On Monday Japan demands that Russia return the islands.", "10", None),
    # a readiness in the present is an intent stated (news leads put it so)
    ("The Kremlin is ready to sign a treaty with Tokyo.", "03", None),
    # a person's statement in the present is a report of what they said
    ("Lavrov says Japan must accept the results of the war.", "10", None),
    # negated acts are kept as negated, whatever their span
    ("For a long time Japan abstained from condemning Russia.", "11", "negated"),
    # an event noun under an appraisal is presupposed, not appraised
    ("It seems this will be discussed during Abe's visit to Russia next month.", "04", "planned"),
    # a particular doer with a determiner is no generic doer
    ("The Japanese prime minister's attempt to normalize relations with Russia began in May.",
     "05", None),
]


@pytest.fixture(scope="module")
def coded_not(code):
    return code([t for t, _ in NOT_EVENTS])


@pytest.fixture(scope="module")
def coded_still(code):
    return code([t for t, _, _ in STILL_EVENTS])


@pytest.mark.parametrize("index", range(len(NOT_EVENTS)),
                         ids=[f"{r}-{t[:40]}" for t, r in NOT_EVENTS])
def test_statements_without_an_occurrence_are_not_events(index, coded_not):
    text, root = NOT_EVENTS[index]
    got = [(e.cameo_code, e.modality) for e in coded_not[index]
           if e.cameo_root == root and e.modality != "negated"]
    assert not got, f"{text}: {got}"


@pytest.mark.parametrize("index", range(len(STILL_EVENTS)),
                         ids=[f"{r}-{t[:40]}" for t, r, _ in STILL_EVENTS])
def test_single_acts_stay_events(index, coded_still):
    text, root, modality = STILL_EVENTS[index]
    got = [e for e in coded_still[index] if e.cameo_root == root]
    assert got, f"{text}: {[(e.cameo_code, e.modality) for e in coded_still[index]]}"
    if modality is not None:
        assert {e.modality for e in got} == {modality}, text


# The cue functions on their own: which words decide (tokens of the session pipeline).
CUES = [
    ("Both countries discussed the border for years.", "discussed", "for years"),
    ("Russia in the past has been reluctant to sign.", "been", "in the past"),
    ("Chile has long resisted the demand.", "resisted", "long"),
    ("Japan abstained from comment for a long time.", "abstained", "for a long time"),
    ("In the last several years, China has moved closer to Russia.", "moved", "in years"),
    # not spans: a point in time, a past week, months
    ("In 2012 Chile resisted the demand.", "resisted", None),
    ("In the past week Chile resisted the demand.", "resisted", None),
    ("Iran negotiated for months.", "negotiated", None),
    ("A Kenyan court has jailed a Ugandan student for two years.", "jailed", None),
    ("A Kenyan court jailed the Ugandan activist for several years.", "jailed", None),
    ("Peru and Chile argued over the border for decades.", "argued", "for decades"),
]


@pytest.mark.parametrize(("text", "word", "cue"), CUES, ids=[c[0][:40] for c in CUES])
def test_durative_cue(nlp, text, word, cue):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert durative_cue(tok, load_patterns()) == cue


@pytest.mark.parametrize(("text", "word", "cue"), [
    ("Both countries have promoted cooperation.", "promoted", "perfect trend promote"),
    ("Both countries promoted cooperation on May 3.", "promoted", None),
    ("Japan will promote cooperation for years.", "promote", None),
])
def test_background_cue(nlp, text, word, cue):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert background_cue([tok], load_patterns()) == cue


@pytest.mark.parametrize(("text", "word", "cue"), [
    ("Moscow has an incentive to boost ties.", "boost", "incentive to"),
    ("It appears Russia seeks better ties.", "seeks", "appear"),
    ("Officials said it appears Russia seeks better ties.", "seeks", None),
    ("Moscow has a plan to boost ties.", "boost", None),
])
def test_inference_cue(nlp, text, word, cue):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert inference_cue([tok], load_patterns()) == cue


def test_habit_of_force_is_kept_without_a_date(code):
    """A habit of material conflict reports real acts: kept, but not dated by publication."""
    (events,) = code(["Serbian police routinely beat Kosovar detainees in the prison."])
    assaults = [e for e in events if e.cameo_root == "18"]
    assert assaults, [(e.cameo_code, e.modality) for e in events]
    assert {(e.date, e.date_basis) for e in assaults} == {(None, "none")}

