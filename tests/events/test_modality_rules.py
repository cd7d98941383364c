"""General rules on what is reported as an event, and how: wishes and proposals, commentary,
places named by their owner, postponed visits, and the doer of reported speech.

Every sentence here is written for these tests; each rule has cases where it applies and
cases where it must not.
"""

from __future__ import annotations

import pytest

from detente.events import load_patterns

# -- 1. wishes and proposals: the complement of hope/wish/"would like"/expect is hypothetical --
WISHED = [
    # (text, CAMEO code of the embedded event, modality it must have)
    (("Tokyo hopes the summit between Japan and China will open the door for the Chinese leader "
     "to visit Japan."), "042", "hypothetical"),
    (("Tokyo hopes the summit between Japan and China will open the door for the Chinese leader "
     "to visit Japan."), "040", "hypothetical"),
    ("Seoul hopes that Beijing will lift its sanctions on Korean firms.", "085", "hypothetical"),
    ("We would like to see Spain and Morocco move from exchanging views to joint action.", "040",
     "hypothetical"),
    ("Seoul expects Beijing to lift its sanctions on Korean firms.", "085", "hypothetical"),
    ("China could become a mediator, helping Japan to negotiate with Russia.", "046", "hypothetical"),
    # not wishes: a schedule, an event noun with its own schedule, presupposed facts
    ("The Indian prime minister is expected to visit Moscow in May.", "042", "planned"),
    ("Tokyo hopes that the forthcoming visit of the Indian prime minister to Japan will boost trade.",
     "042", "planned"),
    ("Iran may hope to escape the isolation imposed on it by American sanctions.", "163", "asserted"),
    ("The Japanese want the islands which the Soviet Union seized from Japan in 1945.", "192", "asserted"),
    # an event noun in a temporal phrase of a future clause is still to come
    ("New talks will be held shortly after the visit of the Indian prime minister to Japan.", "042", "planned"),
    # postponed and cancelled event nouns
    ("The Chilean president postponed her visit to Peru until next year.", "042", "planned"),
    ("The Kenyan president cancelled his visit to Uganda.", "042", "negated"),
    # an event noun dated after the article (published 2018-09-17) has not happened yet,
    # whichever clause carries the date; one dated before it has
    ("Seoul must explain how the Chinese leader's visit to Japan in December would help trade.",
     "042", "planned"),
    ("Seoul must explain how the Chinese leader's visit to Japan in March helped trade.",
     "042", "asserted"),
    # refraining from an act: it did not happen; "from" alone does not negate
    ("For months Brazil abstained from condemning Venezuela.", "111", "negated"),
    ("Seoul refrained from imposing new sanctions on Pyongyang.", "163", "negated"),
    ("Brazil refrained from comment at first but later condemned Venezuela.", "111", "asserted"),
    # a noun of wish holds what is wished for, unless someone expresses it (a proposal)
    (("The talks of Abe and Putin showcased their desire to continue expanding cooperation "
      "between the two countries."), "050", "hypothetical"),
    ("Japan's desire to expand cooperation with Russia is clear.", "050", "hypothetical"),
    ("Abe expressed his desire for Japan and Russia to sign a peace treaty.", "057", "proposed"),
    # a relative clause without a relative word: "the summit he will host" is still to come
    ("Abe left for Europe to prepare the Group of Seven summit he will host this month.", "043",
     "planned"),
    ("Abe left for Europe to prepare the Group of Seven summit Merkel will attend this month.",
     "042", "planned"),
    ("Abe left for Europe to prepare the Group of Seven summit that he hosted last year.", "043",
     "asserted"),
]


@pytest.fixture(scope="module")
def coded_wished(code):
    return code([text for text, _, _ in WISHED])


@pytest.mark.parametrize("index", range(len(WISHED)), ids=[f"{w[1]}-{w[0][:40]}" for w in WISHED])
def test_wished_events_are_not_asserted(index, coded_wished):
    text, code_, modality = WISHED[index]
    events = [e for e in coded_wished[index] if e.cameo_code == code_]
    assert events, f"{text}: no {code_} in {[e.cameo_code for e in coded_wished[index]]}"
    assert {e.modality for e in events} == {modality}, text


# -- a proposal of what someone else should do is an appeal to them, not their act -------------
PROPOSALS = [
    ("India suggested another option: that Pakistan withdraws its troops from the border.",
     {"IND>PAK:0256"}),
    ("Tokyo suggested Moscow should return the islands to Japan.", {"JPN>RUS:0253"}),
]


@pytest.mark.parametrize("text,expected", PROPOSALS)
def test_proposed_acts_are_appeals(code, as_dyads, text, expected):
    (events,) = code([text])
    assert as_dyads(events) == expected, text


# -- 2. non-events --------------------------------------------------------------------------------
NON_EVENTS = [
    "Japanese investments would help the region's economy.",  # inanimate beneficiary
    "Poland needs a plan to defend against Russia.",  # military defence, not verbal support
    "The editorial criticized Germany's policy toward Russia.",  # media opinion
    "Germany's policy was criticized by the French press.",
    "The Guardian newspaper condemned Britain's stance on Iran.",
    "The Israeli daily Haaretz criticized the government's policy toward Iran.",
    "Critics accused the Italian government of appeasing Russia.",
    "Analysts said that the Egyptian president would meet the Sudanese president.",
    "Italy's demands were discussed at length.",  # an owner's act directed at nobody
    "The lack of talks between Serbia and Kosovo worries the European Union.",  # talked about
    "Diplomats gathered for a conference on the unrest in Chile.",  # the topic of a meeting
    "A ferry will carry Korean citizens wishing to visit Japan.",  # who they are, not an act
]


@pytest.mark.parametrize("text", NON_EVENTS)
def test_non_events(code, as_dyads, text):
    (events,) = code([text])
    assert as_dyads(events) == set(), text


KEPT = [
    # media reporting what a party did still reports the party's act
    ("The newspaper reported that Russia expelled two Japanese diplomats.", {"RUS>JPN:161"}),
    ("Turkey helped Syria after the floods.", {"TUR>SYR:070"}),
    ("Belarus defended Russia against the criticism.", {"BLR>RUS:052"}),
]


@pytest.mark.parametrize("text,expected", KEPT)
def test_kept_events(code, as_dyads, text, expected):
    (events,) = code([text])
    assert as_dyads(events) == expected, text


# -- 3. a place named by its owner stands for the owner's state -----------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Modi will visit the Japanese prime minister's hometown next month.", {"IND>JPN:042"}),
    ("The French president visited the German chancellor's residence.", {"FRA>DEU:042"}),
])
def test_owned_place_targets_its_state(code, text, expected):
    (events,) = code([text])
    visits = [e for e in events if e.cameo_code == "042"]
    assert visits and all(e.target_actor_id == e.target_country for e in visits), text
    assert {f"{e.source_country}>{e.target_country}:{e.cameo_code}" for e in visits} == expected


# -- 4. postponing or cancelling a visit is a sanction only as a reaction -------------------------
@pytest.mark.parametrize("text", [
    "The Chilean president postponed her visit to Peru until next year.",
    "Mexico postponed the summit with Cuba.",
    "The Kenyan president cancelled his visit to Uganda.",
])
def test_postponed_visit_is_no_sanction(code, text):
    (events,) = code([text])
    assert not [e for e in events if e.cameo_root == "16"], text


@pytest.mark.parametrize("text,expected", [
    ("Brazil cancelled a planned summit with Argentina in protest at the arrests.", {"BRA>ARG:160"}),
    ("The Dutch king cancelled his trip to Ghana after the coup there.", {"NLD>GHA:160"}),
])
def test_cancelled_visit_in_reaction_reduces_relations(code, as_dyads, text, expected):
    (events,) = code([text])
    assert as_dyads(events) == expected, text


# -- 4b. deploying a weapon made abroad is not an act against its maker --------------------------
@pytest.mark.parametrize("text,expected", [
    ("Russia is concerned by Japan's decision to deploy the US missile defense system.", {"JPN>-:154"}),
    ("Russia deployed troops to the Ukrainian border.", {"RUS>UKR:154"}),
])
def test_deployed_weapon_maker_is_no_target(code, as_dyads, text, expected):
    (events,) = code([text])
    assert as_dyads(events) == expected, text


def _side(country, cameo) -> str:
    return country or (cameo[:3] if cameo else "-")


# -- 5. reported speech: the doer of a reported act is the reported clause's subject --------------
@pytest.mark.parametrize("text,code_,dyad", [
    (("The Chinese foreign ministry spokeswoman said on Friday that newspapers reported that the "
     "French president called the German chancellor, asking him to visit Paris."), "026", "FRA>DEU"),
    # an appeal hung on a reported act that is no communication is the reporter's own
    (("The Iranian foreign minister said that Iraq shelled the border town, urging the United Nations "
     "to investigate."), "020", "IRN>IGO"),
])
def test_reported_speech_doer(code, text, code_, dyad):
    (events,) = code([text])
    got = {f"{_side(e.source_country, e.source_cameo)}>{_side(e.target_country, e.target_cameo)}"
           for e in events if e.cameo_code == code_}
    assert got == {dyad}, text


def test_rule_word_lists_are_data():
    lex = load_patterns()
    assert {"hope", "wish", "like", "expect"} <= lex.modality["wish_governors"]
    assert {"option", "proposal"} <= lex.modality["proposal_nouns"]
    assert {"media", "newspaper"} <= lex.media_nouns
    assert {"hometown", "residence"} <= lex.owned_places
    assert {"after", "protest"} <= lex.reason_marks
    assert "postpone" in lex.modality["postponing_governors"]
    assert "cancel" in lex.modality["cancelling_governors"]
    assert {"desire", "wish"} <= lex.modality["wish_nouns"]
    assert "express" in lex.modality["expressing_verbs"]


def test_event_noun_of_a_contact_clause_is_the_verb_event(code):
    """ "the summit he will host": one event (the hosting), not also the summit noun."""
    (events,) = code(["Abe left for Europe to prepare the Group of Seven summit he will host this month."])
    assert sorted(e.cameo_code for e in events) == ["043"], [(e.cameo_code, e.trigger) for e in events]

