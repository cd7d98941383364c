"""Stance quality: whose position it is, where it starts and ends, and what is not a position.

Written sentences only; each case names the general pattern it checks.
"""

from __future__ import annotations

import datetime as dt

import pytest

from detente.analysis.stances import extract_stances
from detente.records import Actor, ActorMention, TimeExpression

PUB = dt.date(2019, 5, 1)


def run(nlp, text: str, mentions=(), timexes=()):
    return extract_stances(nlp(text), doc_id="q", publication_date=PUB,
                           actor_mentions=list(mentions), timexes=list(timexes))


def spans_ok(text, stances):
    for s in stances:
        assert s.position in text
        assert text[s.char_start:s.char_end].endswith(s.position) or s.position in text[s.char_start:s.char_end]


@pytest.mark.parametrize(
    "text",
    [
        # an account of what the speaker did is an event, not a position
        "Moscow said it had deployed new troops on the islands last year.",
        "Tokyo said it was able to hold talks on the disputed islands in Moscow.",
        # a claim credited to someone as a possibility is not theirs
        "The deal would be a gift for Tokyo, which could claim that it regained the islands.",
        "A compromise would help Seoul, with its leaders being able to say that they won back the islets.",
        # a negated report states nothing
        "Moscow did not say that the islands belong to Russia.",
        # a clause before a semicolon is not what the later verb reports
        "On Monday the premier toured the disputed islands; in the capital, Tokyo held a forum.",
        # an opinion about a holder, not the holder's position ("the stance of X was criticised")
        "The stance of the government was often criticised by the opposition over the islands.",
        # a description of someone's views is not their content
        "Her views on the missile programme are so radical that she travels with a guard.",
        # what the speaker is doing right now is an event, not a position
        "Beijing said it is reviewing its military aid to the junta.",
        # a participle on a noun that cannot speak is not the main clause subject's statement
        "Tokyo hosted the envoy of a group of donors seeking to lift the sanctions on Pyongyang.",
        # "consider" / "maintain" without a clause or predicate state nothing
        "The council will meet in order to consider the sanctions regime.",
        "The navy will maintain troops on the islands through the winter.",
        # a fixed phrase: "as opposed to"
        "Tokyo spends on solar power, as opposed to buying more oil and gas abroad.",
        # advice to a party is not the party's position
        "Seoul should insist on the return of the islands, the editorial argued.",
    ],
)
def test_not_a_position(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each speaker keeps their own clause: the subordinate clause is not the main speaker's
        (("Although Russia insisted the drills posed no danger to its neighbours, Tokyo noted "
         "that the missile exercises threatened its security."),
         {("Russia", "security", "the drills posed no danger to its neighbours"),
          ("Tokyo", "security", "that the missile exercises threatened its security")}),
        (("The Chinese insist the reefs are Chinese territory, while Manila says the islands belong "
         "to the Philippines."),
         {("Chinese", "sovereignty", "the reefs are Chinese territory"),
          ("Manila", "sovereignty", "the islands belong to the Philippines")}),
    ],
)
def test_each_speaker_keeps_their_clause(nlp, text, expected):
    found = run(nlp, text)
    spans_ok(text, found)
    got = {(s.actor_name.split()[-1], s.issue, s.position) for s in found}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position"),
    [
        # a position noun keeps its preposition head: "claims to X", "stand against X"
        ("Seoul lays claim to the rocky islets off its coast.", "Seoul", "sovereignty",
         "claim to the rocky islets off its coast"),
        ("Beijing pressed its claims to the reefs in the southern sea.", "Beijing", "sovereignty",
         "claims to the reefs in the southern sea"),
        ("Moscow took a firm stand against handing the islands to Japan.", "Moscow", "sovereignty",
         "stand against handing the islands to Japan"),
        # a quote or bracket opened in the position is closed in it
        ("Seoul says the islets (called Takeshima in Tokyo) are Korean territory (since 1954).", "Seoul",
         "sovereignty", "the islets (called Takeshima in Tokyo) are Korean territory (since 1954)"),
        # a negated cue keeps its negation
        ("Moscow does not want to give up the islands.", "Moscow", "sovereignty",
         "does not want to give up the islands"),
        # "reiterated its stance on X, saying Y": the whole statement
        ("Tokyo restated its stance on the islands, saying they belong to Japan.", "Tokyo", "sovereignty",
         "its stance on the islands, saying they belong to Japan"),
        # the issue is what the position is about: economic sanctions are sanctions
        ("Washington maintained a tough stance toward Moscow, imposing new economic sanctions with its allies.",
         "Washington", "sanctions", "a tough stance toward Moscow, imposing new economic sanctions with its allies"),
    ],
)
def test_position_reads_as_the_text(nlp, text, actor, issue, position):
    found = run(nlp, text)
    spans_ok(text, found)
    assert [(s.actor_name, s.issue, s.position) for s in found] == [(actor, issue, position)]


def test_commentator_reports_a_party_position(nlp):
    # actor = whose position it is; speaker_kind = who states it (here a newspaper)
    text = "The Daily Tribune condemns Moscow for its rigid stance on the islands."
    (s,) = run(nlp, text)
    assert (s.actor_name, s.speaker_kind, s.issue) == ("Moscow", "commentator", "sovereignty")
    assert s.position.startswith("stance on the islands")


def test_surname_refers_back_to_a_named_commentator(nlp):
    text = "Ayumi Tanaka spoke at a seminar. Tanaka said Japan wants the four islands back."
    actor = Actor(actor_id="tanaka", name="Ayumi Tanaka", country="JPN", sector=None, kind="person", role=None)
    mention = ActorMention(start=0, end=12, text="Ayumi Tanaka", actor=actor, confidence=0.9, method="ner")
    (s,) = run(nlp, text, [mention])
    assert (s.actor_name, s.speaker_kind, s.issue) == ("Japan", "commentator", "sovereignty")


@pytest.mark.parametrize(
    ("text", "date_text", "value", "expected"),
    [
        # a date in the governing clause dates the statement made in its participle
        (("Moscow voiced concern over the drills in March 2017, saying that the missiles threatened "
         "its security."), "March 2017", "2017-03", "2017-03"),
        # a date inside the position is what the position is about, not when it was stated
        ("Moscow said that the missiles deployed in March 2017 threatened its security.",
         "March 2017", "2017-03", "2019-05-01"),
    ],
)
def test_stance_date(nlp, text, date_text, value, expected):
    start = text.index(date_text)
    timex = TimeExpression(start=start, end=start + len(date_text), text=date_text, type="DATE",
                           value=value, precision="month")
    (s,) = run(nlp, text, timexes=[timex])
    assert s.date == expected


@pytest.mark.parametrize(
    ("text", "actor", "issue"),
    [
        # a participle or relative clause belongs to the noun it modifies, not to the main clause
        ("He met Abe, who insists that the islands are Japanese territory.", "Abe", "sovereignty"),
        ("The talks were hosted by Moscow, which insists that the islands are Russian territory.",
         "Moscow", "sovereignty"),
        # a position named by the nationality of its holder
        ("The Japanese demand all four islands.", "Japanese", "sovereignty"),
    ],
)
def test_whose_position(nlp, text, actor, issue):
    found = run(nlp, text)
    assert [(s.actor_name.split()[-1], s.issue) for s in found] == [(actor, issue)]


def test_quoted_party_position_in_a_commentators_words(nlp):
    # the sentence continues a quote attributed to a commentator in the sentence before it
    text = ("\u201cBoth sides know the file well,\u201d the historian Ito Jun said. "
            "\u2018The Chinese insist the reefs are Chinese territory and they patrol them daily.")
    found = run(nlp, text)
    assert [(s.actor_name, s.issue, s.speaker_kind) for s in found] == [("The Chinese", "sovereignty", "commentator")]


def test_quoted_party_position_in_a_partys_words(nlp):
    text = "\u201cThe islands are Russian territory and will remain so,\u201d Moscow said."
    (s,) = run(nlp, text)
    assert (s.actor_name, s.speaker_kind) == ("Moscow", "party")


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Berlin said it would keep its nuclear power plants running as a bridge to renewables.", "energy"),
        ("Paris insists that nuclear weapons remain the core of its defence.", "security"),
    ],
)
def test_nuclear_power_is_energy(nlp, text, issue):
    assert [s.issue for s in run(nlp, text)] == [issue]


def test_a_denial_is_a_position(nlp):
    (s,) = run(nlp, "Tokyo said it is not abandoning its claim to the islands.")
    assert (s.actor_name, s.issue) == ("Tokyo", "sovereignty")


def test_account_of_the_speakers_own_action_by_actor(nlp):
    # the reported clause's subject is the same actor as the speaker: an event, not a position
    text = "The European Union moved closer to new sanctions on Minsk, EU diplomats said."
    eu = Actor(actor_id="EU", name="European Union", country="EUR", sector="GOV", kind="state")
    mentions = [
        ActorMention(start=0, end=18, text="The European Union", actor=eu, confidence=0.9, method="ruler"),
        ActorMention(start=text.index("EU diplomats"), end=text.index("EU diplomats") + 2, text="EU",
                     actor=eu, confidence=0.9, method="ruler"),
    ]
    assert run(nlp, text, mentions) == []


@pytest.mark.parametrize(
    ("text", "actor", "kind", "stated_by"),
    [
        ("Japan insists on the return of all four islands.", "Japan", "party", "Japan"),
        ("Analysts say Japan wants to keep the sanctions in place.", "Japan", "commentator", "Analysts"),
        ("According to several experts, Russia wants to keep the islands.", "Russia", "commentator",
         "several experts"),
    ],
)
def test_speaker_name_says_who_states_the_position(nlp, text, actor, kind, stated_by):
    found = extract_stances(nlp(text), doc_id="d", publication_date=None, actor_mentions=[], timexes=[])
    assert [(s.actor_name, s.speaker_kind, s.speaker_name) for s in found] == [(actor, kind, stated_by)]
