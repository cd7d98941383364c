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
