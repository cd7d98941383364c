"""The five reference articles in ../shared/seeds: dates, titles, authors, clean main text."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest

from detente.ingest import read_article
from detente.records import Article

# Lines that open a comment section / comment form or an end-of-article note in the seeds.
_END_MARKERS = re.compile(
    r"^(?:\d+ responses to|\d+ Comments$|Leave a Reply$|This article was originally published|"
    r"To contact )")
_SENTENCE_END = re.compile(r"[.!?:”\"’)]$")


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\u00a0", " ").replace("*", "")
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def seeds(seed_paths) -> dict[str, Article]:
    out = {}
    for path in seed_paths:
        records = read_article(path)
        assert len(records) == 1
        out[path.name[:3]] = records[0]
    return out


@pytest.fixture(scope="module")
def seed_lines(seed_paths) -> dict[str, list[str]]:
    return {p.name[:3]: p.read_text(encoding="utf-8").splitlines() for p in seed_paths}


def _body_lines(lines: list[str]) -> list[str]:
    """Article paragraphs: full sentence lines (≥ 12 words) before any end marker."""
    out = []
    for line in lines:
        s = line.strip()
        if _END_MARKERS.match(s):
            break
        if len(s.split()) >= 12 and _SENTENCE_END.search(s):
            out.append(s)
    return out


def test_all_five_seeds_ingest(seeds):
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    for key, art in seeds.items():
        assert isinstance(art, Article), (key, art)
        assert art.language == "en"
        assert art.word_count > 500
        assert len(art.doc_id) == 16 and len(art.file_sha) == 64
    assert len({a.doc_id for a in seeds.values()}) == 5


@pytest.mark.parametrize("key,expected", [("000", "2018-09-17"), ("002", "2018-06-14")])
def test_stated_dateline(seeds, key, expected):
    art = seeds[key]
    assert art.publication_date == dt.date.fromisoformat(expected)
    assert art.publication_date_basis == "text"
    assert art.publication_date_window_days == 0


# (key, earliest possible date from the text itself, month the piece appeared in)
@pytest.mark.parametrize("key,earliest,month", [
    ("001", "2014-02-12", "2014-02"),  # summarises a VOA report of February 12, 2014
    ("003", "2016-09-03", "2016-09"),  # after the Vladivostok forum of September 3
    ("004", "2016-05-01", "2016-05"),  # Abe left for Europe "on May 01", Sochi talks ahead
])
def test_inferred_date_with_window(seeds, key, earliest, month):
    art = seeds[key]
    assert art.publication_date_basis == "inferred"
    est, window = art.publication_date, art.publication_date_window_days
    assert est is not None and window is not None
    assert 1 <= window <= 31
    assert est.isoformat().startswith(month)
    first = dt.date.fromisoformat(earliest)
    lo, hi = est - dt.timedelta(days=window), est + dt.timedelta(days=window)
    # the window starts at (or just before) the earliest possible date and covers it
    assert lo <= first + dt.timedelta(days=3)
    assert hi >= first


@pytest.mark.parametrize("key,title", [
    ("000", "Japanese prime minister seeks improved relations with Russia"),
    ("001", "Japan seeks better ties with Russia"),
    ("002", "Asymmetry of Russia–Japan Relations"),
    ("003", None),
    ("004", "Vitalizing Russia-Japan Relations – OpEd"),
])
def test_titles(seeds, key, title):
    assert seeds[key].title == title


@pytest.mark.parametrize("key,author", [
    ("000", "Ben McGrath"),
    ("001", "Michael Lipin"),
    ("002", "Anna Kireeva"),
    ("003", None),
    ("004", "Abdul Ruff"),
])
def test_authors(seeds, key, author):
    assert seeds[key].author == author


@pytest.mark.parametrize("key,site", [
    ("000", "wsws.org"), ("001", "Voice of America (VOA)"), ("002", "RIAC"),
])
def test_sites(seeds, key, site):
    assert seeds[key].site == site


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_every_body_paragraph_is_kept(seeds, seed_lines, key):
    art = seeds[key]
    text = _norm(art.text)
    bio = _norm(art.author_bio or "")
    body = _body_lines(seed_lines[key])
    assert len(body) >= 8
    for para in body:
        p = _norm(para)
        if bio and p in bio:
            continue  # an author biography is metadata
        assert p in text, f"{key}: paragraph dropped: {para[:80]!r}"


def test_footnotes_after_the_note_are_kept(seeds, seed_lines):
    notes = [s for s in seed_lines["002"] if re.match(r"^\d+ – ", s)]
    assert len(notes) == 3
    for note in notes:
        assert _norm(note) in _norm(seeds["002"].text)


@pytest.mark.parametrize("key", ["001", "002"])
def test_comment_sections_and_widgets_removed(seeds, seed_lines, key):
    text = seeds[key].text
    for phrase in ("Leave a Reply", "You are commenting using", "responses to",
                   "Fill in your details", "Connecting to %s", "No Comments Yet",
                   "Akismet", "Editor review", "WordPress.com Logo", "AP photo",
                   "originally published", "first to comment"):
        assert phrase not in text, (key, phrase)
    lines = seed_lines[key]
    start = next(i for i, s in enumerate(lines)
                 if re.match(r"^(?:\d+ responses to|\d+ Comments$)", s.strip()))
    comments = [s.strip() for s in lines[start + 1:] if len(s.split()) >= 6]
    assert comments
    for line in comments:
        assert _norm(line) not in _norm(text), (key, line[:60])


def test_caption_and_bio_are_metadata(seeds):
    assert "Putin and AbeRussian" not in seeds["001"].text
    assert "the Kremlin in Moscow, April 29, 2013" not in seeds["001"].text
    assert seeds["002"].author_bio and "PhD" in seeds["002"].author_bio
    assert "PhD in Political Science" not in seeds["002"].text
    assert seeds["004"].author_bio and seeds["004"].author_bio.startswith("Dr. Abdul Ruff is")
    assert "is a columnist" not in seeds["004"].text
    assert "wsws.org/contact" not in seeds["000"].text
    assert "To contact" not in seeds["000"].text


def test_dateline_and_byline_lines_not_in_text(seeds):
    assert not seeds["000"].text.startswith(("#", "Ben McGrath", "17 September"))
    assert "OPINION/NEWS" not in seeds["002"].text
    assert seeds["002"].text.startswith("On May 25–26, 2018")
