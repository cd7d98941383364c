"""Every pattern of data/patterns/events.yaml codes its own example sentence as the file says.

The examples and their expected events live in the pattern file next to each pattern, so a
new pattern cannot be added without a test. The expected events are compared at country
level (ISO3, or the first letters of the CAMEO code for organisations) with the full CAMEO
event code; only asserted/planned/proposed events count (negated and conditional mentions
are not events).
"""

from __future__ import annotations

import textwrap

import pytest

from detente.errors import ConfigError
from detente.events import load_patterns
from detente.events import patterns as patterns_module

PATTERNS = load_patterns().all_patterns


@pytest.fixture(scope="module")
def coded_examples(code):
    events = code([p.example for p in PATTERNS])
    return {p.id: ev for p, ev in zip(PATTERNS, events)}


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.id for p in PATTERNS])
def test_pattern_example(pattern, coded_examples, as_dyads):
    got = as_dyads(coded_examples[pattern.id])
    assert got == set(pattern.expect), f"{pattern.example!r}: got {sorted(got)}"
    fired = {e.extra["pattern"] for e in coded_examples[pattern.id]}
    assert pattern.id in fired, f"{pattern.id} did not fire on its example (fired: {fired})"


def test_patterns_cover_every_root_of_cameo():
    roots = {p.code[:2] for p in PATTERNS}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}


def test_every_pattern_has_a_distinct_example():
    examples = [p.example for p in PATTERNS]
    assert len(set(examples)) == len(examples)


def test_coder_version_names_the_pattern_version():
    from detente.events import CODER_VERSION

    assert load_patterns().version in CODER_VERSION


def _write(tmp_path, body: str):
    path = tmp_path / "user.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_user_file_adds_and_overrides_patterns(tmp_path):
    path = _write(tmp_path, """\
        version: "u1"
        verbs:
          - {id: visit, lemma: [visit], code: "043", target: [dobj],
             example: "Fiji visited Samoa.", expect: ["FJI>WSM:043"]}
          - {id: snub, lemma: [snub], code: "125", target: [dobj],
             example: "Fiji snubbed Samoa.", expect: ["FJI>WSM:125"]}
        """)
    lex = load_patterns(str(path))
    assert lex.version.endswith("+u1")
    assert [p.code for p in lex.verbs["visit"]] == ["043"]
    assert any(p.id == "snub" for p in lex.verbs["snub"])
    assert len(lex.all_patterns) == len(PATTERNS) + 1


@pytest.mark.parametrize("entry,message", [
    ('{id: x, lemma: [meet], code: "999", example: "A met B.", expect: ["JPN>RUS:040"]}', "not a CAMEO event code"),
    ('{id: x, lemma: [meet], code: "040", example: "A met B.", expect: ["Japan met Russia"]}', "SOURCE>TARGET:CODE"),
    ('{id: x, lemma: [meet], code: "040", expect: ["JPN>RUS:040"]}', "needs an example"),
    ('{id: x, lemma: [meet], code: "040", complement: wishful, example: "A met B.", expect: ["JPN>RUS:040"]}', "complement map"),
    ('{id: x, lemma: [meet], code: "040", colour: red, example: "A met B.", expect: ["JPN>RUS:040"]}', "unknown field"),
])
def test_invalid_entries_name_file_and_line(tmp_path, entry, message):
    path = _write(tmp_path, f"""\
        version: "bad"
        verbs:
          - {entry}
        """)
    base = patterns_module.parse_pattern_file(patterns_module.packaged_pattern_path())
    with pytest.raises(ConfigError) as err:
        patterns_module.build_pattern_set(patterns_module.parse_pattern_file(path, base=base))
    assert message in str(err.value)
    assert "user.yaml:3" in str(err.value)


def test_located_sectors_are_actor_sectors():
    from detente.actors.data import SECTORS

    lex = load_patterns()
    assert lex.located_sectors and set(lex.located_sectors.values()) <= set(SECTORS)
    assert set(lex.located_sectors) <= lex.located_institutions


# Neighbours of the patterns added in patterns 2026.11.5: each new pattern must fire where it
# should and leave alone what it should not take. (text, dyads that must be among the events,
# dyads that must not be). Every sentence here is written for these tests.
NEIGHBOURS = [
    # closing a border is a sanction on the country beyond it
    ("Turkey sealed its frontier with Iran after the attack.", {"TUR>IRN:163"}, set()),
    ("Latvia shut the border crossing with Belarus.", {"LVA>BLR:163"}, set()),
    # a suspension is a reduction of relations; what is suspended is not itself given
    ("Germany announced a suspension of aid to Mali.", {"DEU>MLI:160"}, {"DEU>MLI:070"}),
    ("Russia announced the suspension of air links with Egypt.", {"RUS>EGY:160"}, set()),
    # bombs exploded, detonated or set off are an attack
    ("Rebels from Chad exploded a bomb near the Sudanese embassy.", {"TCD>SDN:183"}, set()),
    # hacking into someone's systems is coercion, also when only tried in the past
    ("North Korea has tried to hack into the computers of South Korean officers.",
     {"PRK>KOR:170"}, set()),
    # ordering someone to act is a demand on them; ordering an investigation is not
    ("Britain ordered Russia to withdraw its diplomats.", {"GBR>RUS:100"}, set()),
    ("The Kenyan president ordered an investigation into the killing of Somali refugees.",
     {"KEN>SOM:090"}, {"KEN>SOM:100"}),
    # an order to one's own forces is the act ordered, not a demand on oneself
    ("Putin ordered Russian troops to withdraw from Syria.", {"RUS>SYR:0874"}, {"RUS>RUS:1056"}),
    # a reminder or a notice that someone must act is a demand
    ("Canada issued a stern reminder to Cuba that it must honour the deal.", {"CAN>CUB:100"},
     set()),
    # offering troops, being ready to contribute them
    ("Ghana offered its soldiers to Togo.", {"GHA>TGO:0332"}, set()),
    ("Nepal is ready to contribute troops to the peacekeeping force in Lebanon.",
     {"NPL>LBN:0334"}, set()),
    # restrictions "for" someone target them
    ("Greece imposed restrictions for Turkish trucks.", {"GRC>TUR:172"}, set()),
    # "turn" rejects only with its particle ("rule" too: see below)
    ("Chile turned down Peru's offer of talks.", {"CHL>PER:125"}, set()),
    # "undertook a mission" carries the mission, not a promise
    ("The Omani minister undertook a mediation mission between Iran and Bahrain.",
     {"OMN>IRN:045", "OMN>BHR:045"}, {"OMN>IRN:039"}),
    # a rejected offer "from" someone targets them
    ("Pakistan rejected a new offer from India for direct talks.", {"PAK>IND:125"}, set()),
    # a demand that someone act targets the one asked to act
    ("Germany demanded that Poland refuse to recognise the new republic.", {"DEU>POL:100"},
     set()),
    # patterns 2026.11.6: an order to a newspaper restricts the press; an order to a person
    # is still a demand
    ("The Turkish government ordered an Armenian newspaper to stop printing.", {"TUR>ARM:1721"},
     {"TUR>ARM:100"}),
    ("A Peruvian court ordered the Bolivian consul to appear for questioning.", {"PER>BOL:100"},
     {"PER>BOL:1721"}),
    # "protested that ...": a protest about what the clause's subject does; a march "against"
    # someone is still a demonstration
    ("Indian police are abusing Nepali workers, the Nepalese embassy protested.", {"NPL>IND:111"},
     {"NPL>IND:141"}),
    ("Students from Chile protested against Bolivia outside the embassy.", {"CHL>BOL:141"},
     {"CHL>BOL:111"}),
    # denying a request rejects it; denying an accusation is a denial
    ("Egypt denied Sudan's application for landing rights.", {"EGY>SDN:120"}, set()),
    ("Syria denied the accusations made by Turkey.", {"SYR>TUR:016"}, {"SYR>TUR:120"}),
    # a fund financing a project invests; a loan financing something is the loan's aid
    ("A Japanese bank financed an Indonesian railway project.", {"JPN>IDN:061"},
     {"JPN>IDN:071"}),
    ("China's loan to Kenya financed a new port.", {"CHN>KEN:071"}, {"CHN>-:061"}),
    # returning land is a concession; returning to a country is travel
    ("Armenia returned the occupied districts to Azerbaijan.", {"ARM>AZE:0842"},
     {"ARM>AZE:042"}),
    ("The Indian president returned to Nepal on Monday.", {"IND>NPL:042"}, {"IND>NPL:0842"}),
    # patrols are a show of force; joint patrols are military cooperation
    ("Greek warships began patrols near Turkey.", {"GRC>TUR:150"}, set()),
    ("India and Bangladesh began joint patrols along the border.", {"IND>BGD:062"},
     {"IND>-:150"}),
    # an assassination attempt made is an assassination; an attempt at mediation is not
    ("Militants from Iraq carried out an assassination attempt on the Jordanian king.",
     {"IRQ>JOR:185"}, {"IRQ>JOR:186"}),
    ("Militants from Iraq assassinated the Jordanian king.", {"IRQ>JOR:186"}, {"IRQ>JOR:185"}),
    # complement maps complete for political reform and dissent: a resignation demanded,
    # appealed for, promised or refused; a protest called off
    ("Chile demanded that the Bolivian president resign.", {"CHL>BOL:1041"}, {"CHL>BOL:105"}),
    ("France called on the Malian president to resign.", {"FRA>MLI:0241"}, {"FRA>MLI:025"}),
    ("The Peruvian president refused to resign.", {"PER>-:1231"}, {"PER>-:124"}),
    ("Germany urged Turkish unions to call off the strike.", {"DEU>TUR:0252"}, set()),
    ("Armenian opposition leaders agreed to postpone the demonstration.", {"ARM>-:0352"},
     {"ARM>-:035"}),
    # ... and still the yielding codes for the other concessions
    ("Serbia demanded that Kosovo withdraw its police.", {"SRB>XKX:1056"}, set()),
    # "X's assassination" names the victim, not the killer
    ("The Lebanese prime minister's assassination shocked Syria.", set(),
     {"LBN>-:186", "LBN>SYR:186"}),
    # an attempt made at another act is the act itself
    ("Militants from Iraq tried to kill the Jordanian king.", {"IRQ>JOR:190"}, set()),
    ("Oman made an attempt at mediation between Iran and Bahrain.", set(),
     {"OMN>IRN:186", "OMN>BHR:186"}),
]


@pytest.mark.parametrize("index", range(len(NEIGHBOURS)), ids=[n[0][:40] for n in NEIGHBOURS])
def test_new_patterns_and_their_neighbours(index, coded_neighbours, assert_neighbour):
    assert_neighbour(NEIGHBOURS[index], coded_neighbours[index])


@pytest.mark.parametrize("text", [
    "The Taliban ruled Afghanistan for five years.",
    "Finland's president turned to Sweden for help.",
])
def test_rule_and_turn_without_particle_reject_nothing(code, text):
    (events,) = code([text])
    assert not [e.cameo_code for e in events if e.cameo_root == "12"], text
