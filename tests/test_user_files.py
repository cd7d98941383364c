"""User pattern and actor files on `analyze`: they change the coding, a malformed one stops the
run naming the file, and editing one re-codes inputs that are otherwise unchanged."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from detente.cli import main
from detente.config import Options
from detente.pipeline import analyze
from detente.store import open_store

# Our own brief: "feted" is not a packaged pattern, so only the user file codes it.
BRIEF = (
    "Lima, 4 June 2019.\n\nChile feted Peru at the regional summit in Lima on Tuesday, "
    "officials said. The dispute over fishing rights has strained relations between the two "
    "neighbours for several years."
)
SNUB = """\
version: test-1
verbs:
  - {id: fete, lemma: [fete, lionize, lionise], code: "%s", target: [dobj],
     example: "Chile feted Peru at the regional summit.", expect: ["CHL>PER:%s"]}
nouns: []
"""


def _codes(db: Path) -> list[tuple[str, str, str]]:
    with open_store(db, read_only=True) as store:
        rows = store.query("SELECT source_country, target_country, cameo_code FROM event_mentions "
                           "WHERE trigger = 'feted'")
    return [(r["source_country"], r["target_country"], r["cameo_code"]) for r in rows]


def test_user_patterns_code_new_verbs_and_an_edit_recodes(tmp_path, nlp):
    folder, db = tmp_path / "in", tmp_path / "t.duckdb"
    folder.mkdir()
    (folder / "lima.txt").write_text(BRIEF, encoding="utf-8")
    patterns = tmp_path / "mine.yaml"
    patterns.write_text(SNUB % ("051", "051"), encoding="utf-8")

    base = Options(db=db, quiet=True)
    analyze([folder], base)
    assert _codes(db) == []

    with_file = base.with_(user_patterns=patterns)
    first = analyze([folder], with_file)
    assert first.analyzed == 1  # a new pattern file makes the stored analysis stale
    assert _codes(db) == [("CHL", "PER", "051")]

    again = analyze([folder], with_file)
    assert (again.analyzed, again.skipped) == (0, 1)

    patterns.write_text(SNUB % ("042", "042"), encoding="utf-8")
    edited = analyze([folder], with_file)
    assert edited.analyzed == 1
    assert _codes(db) == [("CHL", "PER", "042")]


def test_malformed_pattern_file_exits_3_naming_the_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lima.txt").write_text(BRIEF, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(SNUB % ("999", "999"), encoding="utf-8")  # no such CAMEO code
    result = CliRunner().invoke(main, ["analyze", str(folder), "--db", str(tmp_path / "t.duckdb"),
                                       "--patterns", str(bad), "-q"])
    assert result.exit_code == 3, result.output
    assert "bad.yaml" in result.output
    assert not (tmp_path / "t.duckdb").exists()  # checked before anything is read or stored


def test_files_that_are_not_articles_are_counted_not_silently_dropped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lima.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "README.md").write_text("How this folder was collected.", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = analyze([folder], Options(db=tmp_path / "t.duckdb", quiet=True, nlp=False))
    assert result.analyzed == 1
    assert sorted(Path(p).name for p in result.ignored) == ["README.md", "scan.pdf"]
    cli = CliRunner().invoke(main, ["analyze", str(folder), "--db", str(tmp_path / "u.duckdb"), "--no-nlp"])
    assert cli.exit_code == 0, cli.output
    assert "ignored 2 file(s)" in cli.output
