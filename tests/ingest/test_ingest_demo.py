"""The bundled demo corpus: project-written briefs in every input format."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from detente.config import Options
from detente.ingest import iter_inputs
from detente.records import Article

DEMO = Path(str(resources.files("detente") / "data" / "demo"))


@pytest.fixture(scope="module")
def demo() -> list[Article]:
    skipped: list[str] = []
    records = list(iter_inputs([DEMO], Options(), skipped=skipped))
    assert [Path(s).name for s in skipped] == ["README.md"]
    assert all(isinstance(r, Article) for r in records), records
    return records


def test_eight_briefs_in_mixed_formats(demo):
    assert len(demo) == 8
    suffixes = sorted(Path(a.file).suffix for a in demo)
    assert suffixes.count(".txt") >= 3
    assert {".md", ".html", ".jsonl"} <= set(suffixes)
    assert [a.line for a in demo if a.file.endswith(".jsonl")] == [1, 2]
    assert len({a.doc_id for a in demo}) == 8


def test_briefs_are_short_dated_and_attributed(demo):
    for a in demo:
        assert 150 <= a.word_count <= 300, (a.file, a.word_count)
        assert a.title and a.author, a.file
        assert a.publication_date is not None and 2013 <= a.publication_date.year <= 2018
    bases = {a.publication_date_basis for a in demo}
    assert bases == {"text", "metadata", "inferred"}


def test_markdown_brief_date_is_inferred_in_may_2016(demo):
    (md,) = [a for a in demo if a.file.endswith(".md")]
    assert md.publication_date_basis == "inferred"
    assert md.publication_date.isoformat().startswith("2016-05")
    assert "**" not in md.text and "#" not in md.text


def test_html_brief_has_no_page_furniture(demo):
    (page,) = [a for a in demo if a.file.endswith(".html")]
    assert page.publication_date_basis == "metadata"
    for junk in ("Subscribe", "Share this", "Leave a Reply", "Great piece", "Contact us"):
        assert junk not in page.text


def test_readme_says_project_written():
    text = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "written for this" in text and "fictional" in text


def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_no_sentence_copied_from_the_seeds(demo, seed_paths):
    seeds: set[tuple[str, ...]] = set()
    for p in seed_paths:
        seeds |= _shingles(p.read_text(encoding="utf-8"))
    for a in demo:
        shared = _shingles(a.text) & seeds
        assert not shared, (a.file, sorted(" ".join(s) for s in shared)[:3])
