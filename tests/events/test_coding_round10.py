"""Coding rules and patterns of round 10 (coder 0.3.9, patterns 2026.11.10): shooting down an
aircraft is an attack; taking part or participating in a gathering (only a gathering) is a
visit to its host; cancelling contacts reduces relations; praise has its target in an "of"
phrase too; offering praise, thanks or condolences is the expression itself, no offer; the
infinitive of a passive verb is the act its subject was made to do, not the complement of a
noun of pressure on that verb; ``Extractor.gives_reason`` reads ``modality.reason_heads``.
Sentences written for these tests."""

from __future__ import annotations

import pytest

# (text, code, source, target) that must come out
PRESENT = [
    # shoot-down
    ("Egyptian air defences shot down an Israeli drone.", "190", "EGY", "ISR"),
    # take-part, participate: a gathering stands for its host state
    ("Ghana took part in a regional forum hosted by Nigeria.", "042", "GHA", "NGA"),
    ("Uruguay participated in the conference hosted by Paraguay.", "042", "URY", "PRY"),
    ("Kenya took part in a summit in Addis Ababa.", "042", "KEN", "ETH"),
    ("Kenya participated in talks with Ethiopia.", "040", "KEN", "ETH"),
    # limit-contacts with "cancel"
    ("Estonia cancelled several planned contacts with Belarus.", "160", "EST", "BLR"),
    # n-praise: the target in an "of" phrase
    ("Mongolia voiced its appreciation of Japan's assistance.", "051", "MNG", "JPN"),
    # offer-praise, offer-condolences
    ("Cambodia offered praise for Thailand's help during the floods.", "051", "KHM", "THA"),
    ("Cambodia offered its condolences to Thailand.", "018", "KHM", "THA"),
    # the infinitive of a passive verb under a noun of pressure is done by the subject ...
    ("Under pressure from Washington, Chile was forced to join the sanctions against Venezuela.",
     "163", "CHL", "VEN"),
    ("Under heavy pressure from Berlin, the Danes were compelled to impose an embargo on Iran.",
     "163", "DNK", "IRN"),
    # ... and the pressure is still a demand on the subject
    ("Under pressure from Washington, Chile was forced to join the sanctions against Venezuela.",
     "100", "USA", "CHL"),
    # (without "under" the infinitive was already the verb's own)
    ("Because of pressure from Berlin, the Danes were compelled to impose an embargo on Iran.",
     "163", "DNK", "IRN"),
]


@pytest.mark.parametrize("n", range(len(PRESENT)), ids=[c[0][:45] for c in PRESENT])
def test_round10_present(coded_present, assert_found, n):
    assert_found(PRESENT[n], coded_present[n])


# (text, code, source or None) that must not come out
ABSENT = [
    # taking part in what is no gathering is no visit
    ("Kenya took part in the vote on the resolution.", "042", None),
    ("Ghana took part in the war against Togo.", "042", None),
    ("Poland took part in joint exercises with Lithuania.", "042", None),
    # ... and taking part in talks stays the talks (040), no visit
    ("Kenya participated in talks with Ethiopia.", "042", None),
    # praise offered is no offer of cooperation
    ("Cambodia offered praise for Thailand's help during the floods.", "032", None),
    ("Cambodia offered its condolences to Thailand.", "030", None),
    # a clause still under pressure to act: the joining is demanded, not done
    ("Chile is under pressure from Washington to join the sanctions against Venezuela.", "163", "CHL"),
]


@pytest.mark.parametrize("n", range(len(ABSENT)), ids=[c[0][:45] for c in ABSENT])
def test_round10_absent(coded_absent, assert_absent, n):
    assert_absent(ABSENT[n], coded_absent[n])


def test_coerced_infinitive_kept_with_coordination(code):
    text = ("Under pressure from Washington, the Chileans were compelled to join in on the "
            "embargo against Venezuela and cancel high-level contacts with Caracas.")
    events = code([text])[0]
    got = {(e.cameo_code, e.source_country, e.target_country) for e in events}
    assert {("163", "CHL", "VEN"), ("160", "CHL", "VEN"), ("100", "USA", "CHL")} <= got, got


def test_take_part_patterns_are_limited_to_gatherings():
    from detente.events.patterns import load_patterns

    lex = load_patterns()
    for lemma, pid in (("take", "take-part"), ("participate", "participate")):
        pattern = next(p for p in lex.verbs[lemma] if p.id == pid)
        assert pattern.prep == "in"
        assert {"summit", "forum", "conference"} <= pattern.objects
        assert not pattern.objects & {"vote", "war", "exercise", "election", "talk", "meeting"}
