"""Real-browser tests: Debian's Chromium driven by Playwright for Python.

The dashboard runs under uvicorn in a background thread on 127.0.0.1 (free port). Screenshots
go to ``test-artifacts/screenshots/``. Skipped, with the reason, when /usr/bin/chromium or
Playwright is missing (``make test`` installs the apt packages ``chromium`` and
``chromium-driver``; never ``playwright install``).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update",
        "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def live_server(web_db):
    uvicorn = pytest.importorskip("uvicorn")
    from detente.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the dashboard did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    yield pg
    context.close()


def shot(pg, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path


def not_pwned(pg) -> bool:
    return pg.evaluate("typeof window.__pwned === 'undefined'")


def test_dashboard_loads(page, live_server):
    page.goto(live_server + "/")
    assert page.title() == "Overview · detente"
    assert page.locator(".card").count() == 7
    assert page.locator("#timeline tr.tl-row").count() == 7
    assert not_pwned(page)
    assert page.errors == []
    assert shot(page, "dashboard-overview").stat().st_size > 10_000


def test_index_chart_renders_with_points(page, live_server):
    page.goto(live_server + "/index-chart?dyad=JPN-RUS&by=month")
    points = page.locator("svg.index-chart circle.point")
    assert points.count() == 3
    periods = [points.nth(i).get_attribute("data-period") for i in range(3)]
    assert periods == ["2016-09", "2016-12", "2018-05"]
    for i in range(3):
        box = points.nth(i).bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0
    # cooperation (index +1 in 2016-09) is drawn above a balanced month (0 in 2018-05)
    assert points.nth(0).bounding_box()["y"] < points.nth(2).bounding_box()["y"]
    shot(page, "dashboard-index")


def test_filter_changes_the_timeline(page, live_server):
    page.goto(live_server + "/timeline")
    rows = page.locator("#timeline tr.tl-row")
    assert rows.count() == 7
    with page.expect_navigation():
        page.select_option("#f-modality", "hypothetical")  # the page's script submits on change
    assert "modality=hypothetical" in page.url
    assert rows.count() == 1
    assert "impose new sanctions" in rows.first.inner_text()
    assert page.locator("#timeline-count").inner_text() == "1"
    page.fill("#f-since", "2018")
    with page.expect_navigation():
        page.select_option("#f-modality", "")
    assert rows.count() == 2
    shot(page, "dashboard-timeline-filtered")


def test_event_page_highlights_its_sentence(page, live_server):
    page.goto(live_server + "/events/evt-a0-e0")
    marks = page.locator("mark.current")
    assert marks.count() == 2
    assert marks.nth(0).inner_text() == "Prime Minister Abe met President Putin in Nagato on 15 December 2016."
    assert marks.nth(1).inner_text() == "Putin and Abe held a summit in Nagato on December 15."
    background = marks.nth(0).evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert marks.nth(0).is_visible()
    shot(page, "dashboard-event")


def test_hostile_article_stays_text(page, live_server, corpus):
    page.goto(live_server + "/documents/doc-x?event=ev-x1")
    assert page.locator("#doc-title").inner_text() == corpus.SCRIPT_TITLE
    assert corpus.HOSTILE_SENTENCE in page.locator("#article-text").inner_text()
    page.locator("#doc-title").click()
    assert page.locator("img").count() == 0
    assert not_pwned(page)
    shot(page, "dashboard-hostile-article")


def test_search(page, live_server):
    page.goto(live_server + "/")
    page.fill("header form.search input", "missile")
    with page.expect_navigation():
        page.press("header form.search input", "Enter")
    assert page.locator("#event-results li a").first.inner_text().startswith("Russia criticised")


def test_report_opens_offline_with_charts(browser, web_db, tmp_path, corpus):
    from detente.report import build_report

    report = build_report(web_db, tmp_path / "report.html")
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 1000})
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        pg.goto(report.as_uri())
        assert pg.locator("svg.index-chart circle.point").count() == 4  # JPN–RUS 3 months + EVL–JPN 1
        assert pg.locator("svg.network-chart circle.node").count() == 5
        assert pg.locator("svg.index-chart").first.bounding_box()["height"] > 100
        # the inline script runs under the report's CSP: the timeline filter works
        rows = pg.locator("tr.tl-row")
        total = rows.count()
        pg.fill("#timeline-filter", "missile")
        assert sum(rows.nth(i).is_visible() for i in range(total)) == 1
        # evidence link jumps to the sentence inside the embedded article
        pg.fill("#timeline-filter", "")
        pg.locator('a.evidence-link[href="#ev-ev-b1"]').click()
        assert pg.evaluate("location.hash") == "#ev-ev-b1"
        assert pg.evaluate("typeof window.__pwned === 'undefined'")
        assert corpus.SCRIPT_TITLE in pg.locator("#articles").inner_text()
        assert all(u.startswith(("file://", "data:")) for u in requests), requests
        assert errors == []
        SHOTS.mkdir(parents=True, exist_ok=True)
        pg.evaluate("window.scrollTo(0, 0)")
        pg.screenshot(path=str(SHOTS / "report-offline.png"), full_page=True)
    finally:
        context.close()
