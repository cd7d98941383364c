"""Dashboard pages in process: they render, filter, highlight, and never turn article text into markup."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from detente.web.app import create_app

PAGES = [
    "/", "/timeline", "/index-chart", "/network", "/events/evt-x1", "/events/evt-a0-e0", "/documents",
    "/documents/doc-x", "/documents/doc-x?event=ev-x1", "/search?q=warned", "/positions", "/sources", "/quality",
    "/api", "/?dyad=EVL-JPN", "/timeline?actor=EVL", "/network?actor=EVL",
]


@pytest.fixture(scope="module")
def client(web_db):
    return TestClient(create_app(web_db), raise_server_exceptions=False, headers={"accept": "text/html"})


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_without_injected_markup(client, audit, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    seen = audit(r.text)
    # the only script element is the dashboard's own file; no event handler, no foreign element
    assert seen.scripts == [{"src": "/static/app.js", "defer": None}]
    assert seen.handlers == []
    assert not {"img", "iframe", "object", "embed", "i"} & set(seen.tags)
    for tag, name, value in seen.urls:
        assert not value.lower().startswith(("javascript:", "http:", "https:", "//")), (tag, name, value)


@pytest.mark.parametrize("url, name", [
    ("/documents/doc-x", "SCRIPT_TITLE"), ("/documents/doc-x", "HOSTILE_SENTENCE"), ("/documents/doc-x", "HOSTILE_SITE"),
    ("/events/evt-x1", "HOSTILE_SENTENCE"), ("/quality", "HOSTILE_FILE"), ("/positions", "HOSTILE_POSITION"),
    ("/timeline", "HOSTILE_ACTOR"), ("/search?q=warned", "HOSTILE_SENTENCE"), ("/sources", "HOSTILE_SITE"),
])
def test_hostile_text_is_shown_as_text(client, audit, corpus, url, name):
    """The hostile strings are visible to the reader as the text they are, never as markup."""
    fragment = getattr(corpus, name)
    page = client.get(url).text
    assert fragment in audit(page).text
    assert fragment not in page


def test_event_page_highlights_sentence_in_every_report(client):
    page = client.get("/events/evt-a0-e0").text
    marks = re.findall(r'<mark class="([^"]*)"[^>]*>([^<]*)</mark>', page)
    assert marks == [
        ("current ev", "Prime Minister Abe met President Putin in Nagato on 15 December 2016."),
        ("current ev", "Putin and Abe held a summit in Nagato on December 15."),
    ]
    # the rest of the article is there, unmarked
    assert "Japan and Russia agreed to discuss joint economic activity" in page


def test_event_page_accepts_a_mention_id(client):
    assert "Nagato summit ends" in client.get("/events/ev-e0").text


def test_document_page_marks_the_requested_event(client):
    page = client.get("/documents/doc-b?event=ev-b1").text
    current = re.findall(r'<mark class="current ev"[^>]*>([^<]*)</mark>', page)
    assert current == ["Russia criticised Japan&#39;s plan to deploy a missile defence system."]
    assert 'id="st-st-b2"' in page


@pytest.mark.parametrize("query, present, absent", [
    ("", ["Vladivostok", "Nagato", "Moscow"], []),
    ("?modality=hypothetical", ["impose new sanctions"], ["Vladivostok on 2 September"]),
    ("?dyad=JPN-RUS&since=2018", ["Moscow"], ["Nagato"]),
    ("?source=daily-wire.test", ["Moscow", "Nagato"], ["Vladivostok"]),
    ("?type=ACCUSE", ["criticised"], ["Nagato"]),
])
def test_timeline_filters(client, query, present, absent):
    page = client.get("/timeline" + query).text
    table = page[page.index('id="timeline"'):]
    for text in present:
        assert text in table
    for text in absent:
        assert text not in table


def test_overview_chart_has_points(client):
    page = client.get("/?dyad=JPN-RUS").text
    points = re.findall(r'<circle class="point"[^>]*data-period="([^"]+)"', page)
    assert points == ["2016-09", "2016-12", "2018-05"]


def test_search_page(client):
    page = client.get("/search?q=missile").text
    assert "Abe visits Moscow" in page and "criticised" in page
    assert client.get("/search?q=x").status_code == 422


@pytest.mark.parametrize("url, status, code", [
    ("/events/nope", 404, "not_found"), ("/timeline?limit=0", 422, "invalid_parameter"),
    ("/timeline?since=2018-99", 422, "invalid_parameter"), ("/timeline?bogus=1", 422, "invalid_parameter"),
])
def test_page_errors_are_pages(client, url, status, code):
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert f'data-code="{code}"' in r.text


def test_search_marks_the_term_and_escapes(client, audit):
    page = client.get("/search?q=script").text
    assert '<mark class="hit">script</mark>' in page
    seen = audit(page)
    assert seen.handlers == [] and len(seen.scripts) == 1


def test_index_points_link_to_their_period(client):
    page = client.get("/index-chart?dyad=JPN-RUS&by=quarter").text
    links = re.findall(r'<a href="([^"]+)"><circle class="point"', page)
    assert links[0] == "/timeline?dyad=JPN-RUS&amp;since=2016-07&amp;until=2016-09"
    target = client.get(links[0].replace("&amp;", "&")).text
    assert "Vladivostok" in target and "Nagato" not in target
