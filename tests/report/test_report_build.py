"""The offline report: self-contained, all sections, working links, no injected markup."""

from __future__ import annotations

import base64
import hashlib
import html
import re

import pytest

from detente.errors import DetenteError
from detente.report import build_report, report_data
from detente.store import open_store

SECTIONS = ("summary", "index", "timeline", "network", "positions", "sources", "quality", "articles")


@pytest.fixture(scope="module")
def report(report_db, tmp_path_factory):
    path = build_report(report_db, tmp_path_factory.mktemp("report") / "report.html")
    return path.read_text(encoding="utf-8")


def test_report_is_self_contained(report, report_audit):
    seen = report_audit(report)
    assert "link" not in seen.tags and "img" not in seen.tags and "iframe" not in seen.tags
    assert seen.scripts == [{}], "one inline script, no src"
    for tag, name, value in seen.urls:
        assert value.startswith("#"), f"non-local {name} on <{tag}>: {value}"
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", report, flags=re.IGNORECASE)
    assert "@import" not in report and "url(" not in report


def test_report_csp_allows_only_its_own_inline_code(report):
    csp = html.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', report).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    for tag in ("script", "style"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", report, flags=re.DOTALL).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp, tag


def test_report_sections(report, report_audit):
    for section in SECTIONS:
        assert f'<section id="{section}">' in report
    text = report_audit(report).text
    assert "Corpus summary" in text and "5documents" in text.replace(" ", "").replace("\n", "")


def test_report_index_chart_points(report):
    svg = re.search(r'<svg[^>]*id="index-JPN-RUS".*?</svg>', report, flags=re.DOTALL).group(0)
    assert re.findall(r'data-period="([^"]+)"', svg) == ["2016-09", "2016-12", "2018-05"]
    assert re.findall(r'data-value="([^"]+)"', svg) == ["1.0", "1.0", "0.0"]


def test_report_internal_links_resolve(report):
    ids = set(re.findall(r'\sid="([^"]+)"', report))
    targets = re.findall(r'href="#([^"]+)"', report)
    assert targets
    missing = {t for t in targets if t not in ids}
    assert not missing


def test_timeline_evidence_links_to_sentence_in_article(report):
    link = re.search(r'<a class="evidence-link" href="#(ev-ev-a0)">', report)
    assert link
    anchor = report.index(f'id="{link.group(1)}"')
    assert report[anchor:anchor + 200].count("Prime Minister Abe met President Putin in Nagato") == 1


def test_report_network_and_positions(report, report_audit):
    assert report.count('class="node"') == 5 and report.count('class="edge"') == 4
    text = report_audit(report).text
    assert "the transfer of two islands could be a compromise" in text
    assert "sovereignty" in text and "sequencing" in text


def test_report_data_quality(report, report_audit):
    quality = report[report.index('<section id="quality">'):report.index('<section id="articles">')]
    text = report_audit(quality).text
    assert "binary" in text and "zero-byte file" in text
    assert "Nagato summit ends" in text  # inferred publication date
    assert "Japan may impose new sanctions on Russia." in text  # low confidence


def test_report_escapes_hostile_text(report, report_audit, report_corpus):
    seen = report_audit(report)
    assert seen.handlers == []
    assert not {"img", "i", "iframe", "object"} & set(seen.tags)
    for fragment in (report_corpus.SCRIPT_TITLE, report_corpus.HOSTILE_SENTENCE, report_corpus.HOSTILE_SITE,
                     report_corpus.HOSTILE_FILE, report_corpus.EVIL.name):
        assert fragment in seen.text
        assert fragment not in report


def test_report_for_one_dyad(report_db, tmp_path, report_audit):
    page = build_report(report_db, tmp_path / "evl.html", dyad="EVL-JPN").read_text(encoding="utf-8")
    assert 'id="index-EVL-JPN"' in page and 'id="index-JPN-RUS"' not in page
    assert report_audit(page).handlers == []


@pytest.mark.parametrize("dyad", ["JPN", "JPN-RUS-CHN", "-RUS"])
def test_report_bad_dyad(report_db, tmp_path, dyad):
    with pytest.raises(DetenteError):
        build_report(report_db, tmp_path / "x.html", dyad=dyad)


def test_report_without_merged_events(report_corpus, tmp_path):
    db = report_corpus.build_store(tmp_path / "unmerged.duckdb", merged=False)
    with open_store(db, read_only=True) as store:
        data = report_data(store)
    assert data["summary"]["events_merged"] is False
    assert data["summary"]["events"] == 8  # each mention is its own event
    jr = data["dyads"][0]
    assert (jr["a"], jr["b"]) == ("JPN", "RUS") and jr["timeline"]["total"] == 7


def test_report_on_empty_store(tmp_path):
    db = tmp_path / "empty.duckdb"
    open_store(db).close()
    page = build_report(db, tmp_path / "empty.html").read_text(encoding="utf-8")
    assert "No dyad with events" in page and "No positions found." in page


def test_report_opened_read_only(report_db, tmp_path):
    before = report_db.read_bytes()
    build_report(report_db, tmp_path / "r.html")
    assert report_db.read_bytes() == before


def test_large_corpus_embeds_only_quoted_articles(report_db, tmp_path, monkeypatch):
    from detente.report import build

    monkeypatch.setattr(build, "EMBED_ALL_ARTICLES_UP_TO", 2)
    with open_store(report_db, read_only=True) as store:
        data = report_data(store)
    assert data["embedded_all"] is False
    page = build_report(report_db, tmp_path / "big.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    assert all(t in ids for t in re.findall(r'href="#([^"]+)"', page))
    assert "The documents quoted above" in page
