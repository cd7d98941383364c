"""Issue 9, part 5: a malformed user actor or pattern file gives an error naming the file, the
line and the problem — in the library (``ConfigError``) and through the CLI (exit status 3),
and the run it stops writes nothing."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.actors import load_actor_db
from detente.cli import main
from detente.errors import ConfigError
from detente.events import patterns as patterns_module
from detente.store import open_store

ARTICLE = (
    "Tokyo, 14 June 2018.\n\nJapanese Foreign Minister Taro Kono met Russian Foreign Minister "
    "Sergei Lavrov in Tokyo on Wednesday, and the two ministers agreed to hold new talks on "
    "joint economic activity on the disputed islands later in the year."
)

# (id, file body, line named, problem named)
ACTOR_FILES = [
    ("yaml_syntax", """\
        version: 1
        countries:
          - {id: ATL, name: [unclosed
        """, 3, "not valid YAML"),
    ("tab_indent", "version: 1\ncountries:\n\t- {id: ATL}\n", 3, "not valid YAML"),
    ("not_a_mapping", "- just\n- a list\n", 1, "must be a YAML mapping"),
    ("no_version", "countries: []\n", 1, "missing 'version'"),
    ("unknown_section", "version: 1\nleaders: []\n", 1, "unknown section 'leaders'"),
    ("bool_id", """\
        version: 1
        countries:
          - {id: ATL, iso3: ATL, name: Atlantis, status: other}
          - {id: yes, name: Yesland}
        """, 4, "field 'id' must be a string, got bool"),
    ("nested_name", """\
        version: 1
        organisations:
          - id: ATL:navy
            name: {first: Atlantean, last: Navy}
        """, 3, "field 'name' must be a string"),
    ("bad_date", """\
        version: 1
        office_terms:
          - {office: JPN, role: fm, start: 2017-02-30, name: Test Minister}
        """, 3, "not an ISO date"),
    ("end_before_start", """\
        version: 1
        office_terms:
          - {office: RUS, role: fm, start: 2030-05-01, end: 2029-01-01, name: Test Minister}
        """, 3, "is not after start"),
    ("overlapping_term", """\
        version: 1
        office_terms:
          - {office: JPN, role: hog, start: 2015-01-01, name: Someone Else}
        """, 3, "overlaps"),
    ("bad_iso3", """\
        version: 1
        countries:
          - {id: ATL, iso3: atlantis, name: Atlantis}
        """, 3, "three upper-case letters"),
    ("list_of_nulls", """\
        version: 1
        countries:
          - {id: ATL, iso3: ATL, name: Atlantis, capital: [~]}
        """, 3, "must list non-empty strings"),
]


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.mark.parametrize("body,line,problem", [c[1:] for c in ACTOR_FILES], ids=[c[0] for c in ACTOR_FILES])
def test_malformed_actor_file_names_file_line_and_problem(tmp_path, body, line, problem):
    path = _write(tmp_path, "my actors.yaml", body)
    with pytest.raises(ConfigError) as err:
        load_actor_db(path)
    assert err.value.file == str(path)
    assert err.value.line == line
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert problem in str(err.value)


@pytest.mark.parametrize("case", ["yaml_syntax", "bool_id", "overlapping_term"])
def test_malformed_actor_file_through_the_cli_exits_3(tmp_path, case):
    _, body, line, problem = next(c for c in ACTOR_FILES if c[0] == case)
    actors = _write(tmp_path, "actors.yaml", body)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "in"), "--db", str(db),
                                       "--actors", str(actors), "--quiet"])
    assert result.exit_code == 3, result.output
    assert f"detente: error: {actors}:{line}: " in result.stderr
    assert problem in result.stderr
    assert "Traceback" not in result.output
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM documents")[0]["n"] == 0
        assert [r["status"] for r in store.query("SELECT status FROM runs")] == ["failed"]


def test_missing_actor_file_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "--db", str(tmp_path / "t.duckdb"),
                                       "--actors", str(tmp_path / "absent.yaml")])
    assert result.exit_code == 2  # click's usage error
    assert "absent.yaml" in result.output and "does not exist" in result.output


_GOOD = '{id: fuzz_visit, lemma: [visit], code: "043", target: [dobj], example: "Fiji visited Samoa.", expect: ["FJI>WSM:043"]}'

# (id, file body, line named, problem named)
PATTERN_FILES = [
    ("yaml_syntax", 'version: u1\nverbs:\n  - {id: x, lemma: [visit\n', 4, "invalid YAML"),
    ("not_a_mapping", "- a\n- b\n", None, "must be a mapping"),
    ("verbs_not_a_list", "version: u1\nverbs: visit\n", 1, "verbs must be a list of mappings"),
    ("target_as_string", f"version: u1\nverbs:\n  - {_GOOD[:-1]}, prep: to}}\n  - {_GOOD.replace('fuzz_visit', 'y').replace('[dobj]', 'dobj')}\n",
     4, "field 'target' must be a list of strings"),
    ("flag_as_text", f"version: u1\nverbs:\n  - {_GOOD.replace('}', ', symmetric: maybe}')}\n", 3,
     "field 'symmetric' must be true or false"),
    ("lemma_mapping", "version: u1\nverbs:\n  - id: z\n    lemma: {visit: 1}\n    code: '043'\n", 3,
     "field 'lemma' must be a string or a list of strings"),
    ("list_id", "version: u1\nnouns:\n  - {id: [a, b], lemma: [visit]}\n", 3, "field 'id' must be a string"),
    ("word_list_number", "version: u1\nlight_verbs: 5\n", 1, "light_verbs must be a list of strings"),
    ("unknown_code", f"version: u1\nverbs:\n  - {_GOOD.replace('043', '999')}\n", 3, "not a CAMEO event code"),
    ("duplicate_id", f"version: u1\nverbs:\n  - {_GOOD}\n  - {_GOOD}\n", 4, "duplicate pattern id"),
]


@pytest.fixture(scope="module")
def packaged_patterns() -> dict:
    return patterns_module.parse_pattern_file(patterns_module.packaged_pattern_path())


@pytest.mark.parametrize("body,line,problem", [c[1:] for c in PATTERN_FILES], ids=[c[0] for c in PATTERN_FILES])
def test_malformed_pattern_file_names_file_line_and_problem(tmp_path, packaged_patterns, body, line, problem):
    import copy

    path = _write(tmp_path, "my patterns.yaml", body)
    with pytest.raises(ConfigError) as err:
        data = patterns_module.parse_pattern_file(path, base=copy.deepcopy(packaged_patterns))
        patterns_module.build_pattern_set(data)
    assert err.value.file == str(path)
    assert err.value.line == line
    prefix = f"{path}:{line}: " if line else f"{path}: "
    assert str(err.value).startswith(prefix)
    assert problem in str(err.value)


def test_load_patterns_with_a_malformed_user_file(tmp_path):
    path = _write(tmp_path, "p.yaml", "version: u1\nverbs:\n  - {id: q, lemma: visit, code: 43}\n")
    with pytest.raises(ConfigError) as err:
        patterns_module.load_patterns(str(path))
    assert str(err.value).startswith(f"{path}:3: ")
