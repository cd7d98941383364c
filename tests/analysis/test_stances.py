"""Stance extraction on written sentences, the issue data, and stance queries."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from detente.analysis.stances import (
    _parse_issues,
    classify_issue,
    extract_stances,
    format_stances,
    load_cues,
    load_issues,
    stances,
)
from detente.errors import ConfigError
from detente.records import Actor, ActorMention

PUB = dt.date(2018, 6, 1)


def run(nlp, text: str, mentions=()):
    return extract_stances(nlp(text), doc_id="d", publication_date=PUB, actor_mentions=list(mentions), timexes=[])


@pytest.mark.parametrize(
    ("text", "actor", "issue", "position_part"),
    [
        ("Japan insists on a special legal regime for joint projects on the islands.",
         "Japan", "joint_economic_activity", "special legal regime"),
        ("Russia's stance is based on the principle that the islands are Russian territory.",
         "Russia", "sovereignty", "islands are Russian territory"),
        ("Tokyo repeated its position that the territorial dispute should be resolved first.",
         "Tokyo", "treaty_sequencing", "should be resolved first"),
        ("Moscow said two of the four islands is the compromise.",
         "Moscow", "sovereignty", "two of the four islands"),
        ("The Kremlin considers the islands to be part of Russia.",
         "The Kremlin", "sovereignty", "part of Russia"),
        ("Beijing wants the sanctions on North Korea to be lifted.",
         "Beijing", "sanctions", "to be lifted"),
        ("Japan opposes the deployment of Russian missiles on the islands.",
         "Japan", "security", "deployment of Russian missiles"),
        ("Russia wants to sell more liquefied natural gas and oil to Japan.",
         "Russia", "energy", "natural gas"),
    ],
)
def test_party_positions(nlp, text, actor, issue, position_part):
    found = run(nlp, text)
    assert [(s.actor_name, s.issue, s.speaker_kind) for s in found] == [(actor, issue, "party")]
    s = found[0]
    assert position_part in s.position
    assert s.position in text
    assert text[s.char_start:s.char_end].endswith(s.position)
    assert s.date == "2018-06-01"
    assert s.sentence == text and s.sentence_index == 0


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Russia wants to expand trade with Japan, and on Monday its foreign minister flew to Tokyo.",
         "to expand trade with Japan"),
        ("Japan insists on the return of the islands, but Russia has rejected any handover.",
         "on the return of the islands"),
        ("Beijing opposes new sanctions on Pyongyang, and its envoy walked out of the meeting.",
         "new sanctions on Pyongyang"),
        ("Tokyo said that the territorial dispute must be settled first, but Moscow disagreed.",
         "that the territorial dispute must be settled first"),
    ],
)
def test_position_stops_at_the_next_clause(nlp, text, position):
    found = run(nlp, text)
    assert found, text
    assert found[0].position == position


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Analysts say Japan wants to keep the sanctions in place.", "Japan"),
        ("John Smith, an analyst at a Tokyo think tank, said Russia wants to keep the islands.", "Russia"),
        ("Several experts claim that the sanctions have failed.", "Several experts"),
    ],
)
def test_commentators_are_kept_apart(nlp, text, actor):
    found = run(nlp, text)
    assert len(found) == 1
    assert found[0].speaker_kind == "commentator"
    assert found[0].actor_name == actor


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders met in Sochi on Friday.",  # an event, no position
        "Japan insists on better weather for the ceremony.",  # no issue
        "The islands were considered part of Japan by many.",  # passive, no speaker
        "It said the talks were useful.",  # pronoun without an actor, no issue
        "The minister said security was tight at the airport.",  # a person saying, one issue word
    ],
)
def test_no_stance(nlp, text):
    assert run(nlp, text) == []


def test_actor_mentions_resolve_the_speaker(nlp):
    text = "Tokyo insists on the return of all four islands."
    actor = Actor(actor_id="JPN_GOV", name="Government of Japan", country="JPN", sector="GOV", kind="state")
    mention = ActorMention(start=0, end=5, text="Tokyo", actor=actor, confidence=0.9, method="metonym")
    (s,) = run(nlp, text, [mention])
    assert (s.actor_id, s.actor_name, s.actor_country) == ("JPN_GOV", "Government of Japan", "JPN")
    assert s.speaker_kind == "party"
    assert s.confidence == pytest.approx(0.9)


def test_person_without_state_role_is_a_commentator(nlp):
    text = "Ayumi Tanaka insists that Russia will never return the islands."
    actor = Actor(actor_id="tanaka", name="Ayumi Tanaka", country="JPN", sector=None, kind="person", role=None)
    mention = ActorMention(start=0, end=12, text="Ayumi Tanaka", actor=actor, confidence=0.9, method="ner")
    (s,) = run(nlp, text, [mention])
    assert s.speaker_kind == "commentator"


def test_stance_ids_are_stable(nlp):
    text = "Japan wants all four islands back."
    assert [s.stance_id for s in run(nlp, text)] == [s.stance_id for s in run(nlp, text)]


# -- the issue data -------------------------------------------------------------------------------

def test_packaged_issues():
    issues = {i.id: i for i in load_issues()}
    assert {"sovereignty", "treaty_sequencing", "sanctions", "joint_economic_activity", "security",
            "energy"} <= set(issues)
    for issue in issues.values():
        assert issue.label and issue.description and issue.cues
        assert all(group for group in issue.requires), issue.id
        assert all(phrase for phrase in issue.exclude), issue.id


def test_packaged_cues():
    cues = load_cues()
    assert cues.verbs["insist"] == "strong" and cues.verbs["say"] == "weak"
    assert {"stance", "position"} <= cues.nouns
    assert ("analyst",) in cues.commentators


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("sanctions against Russia", "sanctions"),
        ("the peace treaty should come first", "treaty_sequencing"),
        ("the four islands belong to Japan", "sovereignty"),
        ("missile defense systems", "security"),
        ("a visa-free regime for former residents", "people_exchange"),
        ("the Security Council met on Libya", None),
        ("the treaty was signed after the war", None),  # sequencing needs the treaty and territory
        ("sign the peace treaty before the territorial issue is settled", "treaty_sequencing"),
        ("the weather was fine", None),
    ],
)
def test_classify_issue(nlp, text, issue):
    found = classify_issue(list(nlp(text)), load_issues())
    assert (found[0].id if found else None) == issue


def test_user_issue_file_overrides_and_extends(tmp_path):
    user = tmp_path / "issues.yaml"
    user.write_text(
        "version: 1\nissues:\n"
        "  - id: fisheries\n    label: Fishing rights\n    cues: [fishing, fishery, catch quota]\n"
        "  - id: energy\n    label: Energy only gas\n    cues: [gas]\n",
        encoding="utf-8",
    )
    issues = {i.id: i for i in load_issues(user)}
    assert issues["fisheries"].cues == (("fishing",), ("fishery",), ("catch", "quota"))
    assert issues["energy"].label == "Energy only gas"
    assert "sovereignty" in issues


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("version: 1\nissues:\n  - id: a\n    label: A\n    cues: [x]\n  - id: b\n    label: B\n", 6, "lacks cues"),
        ("version: 1\nissues:\n  - id: a\n    label: A\n    cues: [x, 3]\n", 3, "non-empty string"),
        ("version: 1\nissues:\n  - id: a\n    label: A\n    cues: [x]\n    colour: red\n", 3, "unknown field"),
        ("version: 1\nissues: [\n", 3, "not valid YAML"),
    ],
)
def test_bad_issue_file_names_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        _parse_issues(path)
    assert info.value.file == str(path)
    assert info.value.line == line


# -- queries -----------------------------------------------------------------------------------------

def test_stance_queries(store):
    assert {r["stance_id"] for r in stances(store)} == {"s1", "s2", "s3"}
    assert [r["stance_id"] for r in stances(store, actor="JPN")] == ["s1", "s3"]
    assert [r["stance_id"] for r in stances(store, actor="Russia")] == ["s2"]
    assert [r["stance_id"] for r in stances(store, issue="sanctions")] == ["s3"]
    assert [r["stance_id"] for r in stances(store, speaker_kind="party")] == ["s1", "s2"]
    row = stances(store, issue="sanctions")[0]
    assert row["outlet"] == "kyodo.jp" and row["title"] == "Putin in Japan"


def test_format_stances(store):
    rows = stances(store)
    assert format_stances(rows, "table").splitlines()[0].split()[:3] == ["date", "actor", "speaker"]
    assert [json.loads(x)["stance_id"] for x in format_stances(rows, "jsonl").splitlines()] == [
        r["stance_id"] for r in rows
    ]
    assert format_stances(rows, "md").splitlines()[0].startswith("| date | actor | speaker | stated by | issue |")
