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
]


@pytest.fixture(scope="module")
def coded_neighbours(code):
    return code([t for t, _, _ in NEIGHBOURS])


@pytest.mark.parametrize("index", range(len(NEIGHBOURS)), ids=[n[0][:40] for n in NEIGHBOURS])
def test_new_patterns_and_their_neighbours(index, coded_neighbours, as_dyads):
    text, wanted, unwanted = NEIGHBOURS[index]
    got = as_dyads(coded_neighbours[index])
    assert wanted <= got, f"{text!r}: got {sorted(got)}"
    assert not (unwanted & got), f"{text!r}: got {sorted(got)}"


@pytest.mark.parametrize("text", [
    "The Taliban ruled Afghanistan for five years.",
    "Finland's president turned to Sweden for help.",
])
def test_rule_and_turn_without_particle_reject_nothing(code, text):
    (events,) = code([text])
    assert not [e.cameo_code for e in events if e.cameo_root == "12"], text
