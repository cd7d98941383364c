"""The JSON API, in process: contracts, pagination, validation, the one error shape, read-only use."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from detente.web import app as web_app
from detente.web.app import create_app


@pytest.fixture(scope="module")
def client(web_db):
    return TestClient(create_app(web_db), raise_server_exceptions=False)


def assert_error_shape(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status
    assert isinstance(err["message"], str) and err["message"]
    if code:
        assert err["code"] == code
    return err


def test_summary_counts(client):
    body = client.get("/api/summary").json()
    assert body["documents"] == 5
    assert body["rejected"] == 2
    assert body["event_mentions"] == 8
    assert body["events"] == 7 and body["events_merged"] is True
    assert body["stances"] == 3


def test_events_filtered_by_dyad_in_date_order(client):
    body = client.get("/api/events", params={"dyad": "RUS-JPN"}).json()
    assert body["total"] == 6
    dates = [e["d_start"] for e in body["items"]]
    assert dates == sorted(dates)
    # the hostile EVL→JPN event is not in the JPN–RUS dyad
    assert all(e["event_key"] != "evt-x1" for e in body["items"])


@pytest.mark.parametrize(
    "params, expected_keys",
    [
        ({"modality": "hypothetical"}, {"evt-c1"}),
        ({"type": "ACCUSE"}, {"evt-b1"}),
        ({"type": "04"}, {"evt-a0-e0", "evt-b0", "evt-c0"}),
        ({"quad": "4"}, {"evt-c1"}),
        ({"since": "2018", "dyad": "JPN-RUS"}, {"evt-b0", "evt-b1"}),
        ({"until": "2016-09"}, {"evt-c0", "evt-c1"}),
        ({"since": "2016-12-15", "until": "2016-12-15"}, {"evt-a0-e0"}),
        ({"actor": "person:putin"}, {"evt-a0-e0", "evt-c0"}),
        ({"source": "daily-wire.test"}, {"evt-a0-e0", "evt-b0", "evt-b1"}),
        ({"a": "JPN", "b": "EVL"}, {"evt-x1"}),
    ],
)
def test_event_filters(client, params, expected_keys):
    body = client.get("/api/events", params=params).json()
    assert {e["event_key"] for e in body["items"]} == expected_keys
    assert body["total"] == len(expected_keys)


def test_month_date_overlaps_day_window(client):
    # "2018-05" (month precision) overlaps a window that starts mid-month
    keys = {e["event_key"] for e in client.get("/api/events", params={"since": "2018-05-20"}).json()["items"]}
    assert "evt-b0" in keys


@pytest.mark.parametrize("limit, offset", [(1, 0), (2, 2), (3, 6), (50, 0)])
def test_pagination(client, limit, offset):
    full = client.get("/api/events", params={"limit": 500}).json()["items"]
    page = client.get("/api/events", params={"limit": limit, "offset": offset}).json()
    assert page["total"] == 7 and page["limit"] == limit and page["offset"] == offset
    assert [e["event_key"] for e in page["items"]] == [e["event_key"] for e in full[offset:offset + limit]]


def test_event_detail_lists_every_report(client):
    body = client.get("/api/events/evt-a0-e0").json()
    assert body["n_mentions"] == 2 and body["n_sources"] == 2
    assert {m["doc_id"] for m in body["mentions"]} == {"doc-a", "doc-e"}
    assert body["mentions"][0]["event_id"] == body["best_event_id"]
    assert body["explanation"]["members"] == ["ev-a0", "ev-e0"]
    assert all("doc_text" not in m for m in body["mentions"])


def test_timeline_lists_outlets(client):
    items = client.get("/api/timeline", params={"dyad": "JPN-RUS"}).json()["items"]
    nagato = next(e for e in items if e["event_key"] == "evt-a0-e0")
    assert nagato["outlets"] == ["daily-wire.test", "example-news.test"]


@pytest.mark.parametrize(
    "by, n_periods, with_events",
    [("month", 21, ["2016-09", "2016-12", "2018-05"]), ("quarter", 8, ["2016-Q3", "2016-Q4", "2018-Q2"]),
     ("year", 3, ["2016", "2018"])],
)
def test_index_periods(client, by, n_periods, with_events):
    body = client.get("/api/index", params={"dyad": "JPN-RUS", "by": by}).json()
    assert len(body["periods"]) == n_periods  # filled between the first and the last period
    assert [p["period"] for p in body["periods"] if p["n_events"]] == with_events
    assert all(p["index"] is None for p in body["periods"] if not p["n_events"])


def test_index_arithmetic(client):
    body = client.get("/api/index", params={"dyad": "JPN-RUS", "by": "year"}).json()
    y2016, y2017, y2018 = body["periods"]
    # 2016, asserted only: Vladivostok consult, the merged Nagato summit, the agreement (all quad 1);
    # the hypothetical sanction does not count by default
    assert (y2016["n_events"], y2016["q1"], y2016["q4"]) == (3, 3, 0)
    assert y2016["index"] == pytest.approx(1.0)
    assert y2016["goldstein_sum"] == pytest.approx(1.0 + 1.0 + 4.0)
    assert y2017["n_events"] == 0 and y2017["index"] is None
    assert (y2018["q1"], y2018["q3"], y2018["index"]) == (1, 1, 0.0)
    assert y2018["goldstein_mean"] == pytest.approx((1.9 - 2.0) / 2)
    weighted = client.get("/api/index", params={"dyad": "JPN-RUS", "by": "year", "weighted": "true"}).json()
    assert weighted["periods"][0]["events"] == 4  # the Nagato summit was reported twice
    hypo = client.get("/api/index", params={"dyad": "JPN-RUS", "by": "year", "modality": "hypothetical"}).json()
    assert [(p["period"], p["q4"], p["index"]) for p in hypo["periods"]] == [("2016", 1, -1.0)]


def test_index_counts_coarse_dates_apart(client):
    body = client.get("/api/index", params={"dyad": "JPN-RUS", "by": "month", "since": "2018"}).json()
    assert [p["period"] for p in body["periods"]] == ["2018-05"]
    assert body["coarser"] == 0 and body["undated"] == 0
    body = client.get("/api/index", params={"a": "EVL", "b": "JPN", "by": "quarter"}).json()
    assert [p["period"] for p in body["periods"]] == ["2017-Q1"]


def test_network(client):
    body = client.get("/api/network").json()
    ids = {n["id"] for n in body["nodes"]}
    assert {"JPN", "RUS", "person:abe", "person:putin"} <= ids
    edge = next(e for e in body["edges"] if {e["a"], e["b"]} == {"person:abe", "person:putin"})
    assert edge["events"] == 2 and edge["mean_goldstein"] == pytest.approx(1.0)


def test_documents_and_document(client):
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert page["total"] == 5 and len(page["items"]) == 2
    assert "text" not in page["items"][0]
    doc = client.get("/api/documents/doc-b").json()
    assert doc["text"].startswith("Abe visited Moscow")
    assert {e["event_id"] for e in doc["events"]} == {"ev-b0", "ev-b1"}
    assert "text" not in client.get("/api/documents/doc-b", params={"text": "false"}).json()


def test_actors_stances_sources_quality(client):
    assert client.get("/api/actors", params={"country": "JPN"}).json()["total"] == 2
    assert client.get("/api/actors", params={"q": "put"}).json()["items"][0]["actor_id"] == "person:putin"
    st = client.get("/api/stances", params={"issue": "sovereignty"}).json()
    assert [s["stance_id"] for s in st["items"]] == ["st-b2"]
    rows = client.get("/api/sources").json()
    outlets = {s["outlet"]: s for s in rows if s["level"] == "outlet"}
    assert outlets["daily-wire.test"]["n_articles"] == 2
    assert outlets["daily-wire.test"]["coop_share"] == pytest.approx(2 / 3, abs=1e-3)
    assert outlets["example-news.test"]["stances"] == {"sequencing": 1}
    assert {r["doc_id"] for r in rows if r["level"] == "article"} == {"doc-a", "doc-b", "doc-c", "doc-e", "doc-x"}
    quality = client.get("/api/quality").json()
    assert {r["reason"] for r in quality["rejections"]} == {"binary", "empty"}
    assert [d["doc_id"] for d in quality["inferred_dates"]] == ["doc-e"]
    assert [e["event_id"] for e in quality["low_confidence_events"]] == ["ev-c1"]


@pytest.mark.parametrize(
    "term, docs, events",
    [("nagato", {"doc-a", "doc-e"}, {"ev-a0", "ev-e0"}), ("MISSILE", {"doc-b"}, {"ev-b1"}),
     ("100%", set(), set()), ("A_e", set(), set()), ("Ab%", set(), set()),
     # every word must occur, in any order; a quoted phrase is matched whole
     ("nagato putin", {"doc-a", "doc-e"}, {"ev-a0", "ev-e0"}), ("summit nagato", {"doc-e"}, {"ev-e0"}),
     ('"held a summit"', {"doc-e"}, {"ev-e0"}), ('"summit held"', set(), set()),
     ("nagato zzz", set(), set())],
)
def test_search(client, term, docs, events):
    body = client.get("/api/search", params={"q": term}).json()
    assert {d["doc_id"] for d in body["documents"]["items"]} == docs
    assert {e["event_id"] for e in body["events"]["items"]} == events


@pytest.mark.parametrize(
    "url, params",
    [
        ("/api/events", {"limit": 0}),
        ("/api/events", {"limit": 501}),
        ("/api/events", {"offset": -1}),
        ("/api/events", {"limit": "ten"}),
        ("/api/events", {"since": "2018-13"}),
        ("/api/events", {"since": "2018-02-30"}),
        ("/api/events", {"until": "18-01-01"}),
        ("/api/events", {"since": "2019", "until": "2018"}),
        ("/api/events", {"dyad": "JPN"}),
        ("/api/events", {"dyad": "JPN-RUS-CHN"}),
        ("/api/events", {"a": "JPN"}),
        ("/api/events", {"quad": "5"}),
        ("/api/events", {"modality": "maybe"}),
        ("/api/events", {"type": "<script>"}),
        ("/api/events", {"actor": "x' OR 1=1 --"}),
        ("/api/events", {"unknown": "1"}),
        ("/api/index", {"by": "week"}),
        ("/api/index", {"weighted": "perhaps"}),
        ("/api/search", {}),
        ("/api/search", {"q": "x"}),
        ("/api/search", {"q": "x" * 201}),
        ("/api/actors", {"country": "JAPAN"}),
        ("/api/stances", {"speaker_kind": "pundit"}),
        ("/api/network", {"max_nodes": 1}),
        ("/api/dyads", {"limit": 1000}),
    ],
)
def test_invalid_parameters_give_one_error_shape(client, url, params):
    err = assert_error_shape(client.get(url, params=params), 422, "invalid_parameter")
    assert err["details"], "each 422 names the parameter(s)"


@pytest.mark.parametrize(
    "url, status, code",
    [
        ("/api/events/no-such-event", 404, "not_found"),
        ("/api/documents/no-such-doc", 404, "not_found"),
        ("/api/documents/..%2F..%2Fetc%2Fpasswd", 404, None),
        ("/api/no-such-endpoint", 404, "not_found"),
        ("/static/../pyproject.toml", 404, "not_found"),
        ("/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml", 404, "not_found"),
        ("/static/..%2f..%2fapp.py", 404, "not_found"),
        ("/static/%2Fetc%2Fpasswd", 404, "not_found"),
    ],
)
def test_not_found_and_traversal(client, url, status, code):
    response = client.get(url)
    assert_error_shape(response, status, code)
    assert "root:" not in response.text and "import" not in response.text


def test_bad_id_pattern_is_rejected(client):
    assert_error_shape(client.get("/api/events/" + "x" * 200), 422, "invalid_parameter")
    assert_error_shape(client.get("/api/documents/a%20b"), 422, "invalid_parameter")


def test_method_not_allowed(client):
    assert_error_shape(client.post("/api/events"), 405, "method_not_allowed")


def test_static_file_is_served(client):
    r = client.get("/static/style.css")
    assert r.status_code == 200 and "mark.current" in r.text


def test_internal_error_uses_error_shape(web_db, monkeypatch):
    app = create_app(web_db)

    def boom(*args, **kwargs):
        raise RuntimeError("secret detail /etc/shadow")

    monkeypatch.setattr(web_app.q, "summary", boom)
    err = assert_error_shape(TestClient(app, raise_server_exceptions=False).get("/api/summary"), 500, "internal_error")
    assert "secret" not in err["message"]


def test_missing_database_is_503(tmp_path):
    client = TestClient(create_app(tmp_path / "absent.duckdb"), raise_server_exceptions=False)
    assert_error_shape(client.get("/api/summary"), 503, "database_unavailable")


def test_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_openapi_documents_endpoints_and_error_shape(client):
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/documents", "/api/actors", "/api/events", "/api/timeline", "/api/index", "/api/stances"):
        assert path in schema["paths"], path
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"dyad", "actor", "since", "until", "type", "modality", "source", "limit", "offset"} <= params
    assert "ErrorResponse" in schema["components"]["schemas"]
    assert "422" in schema["paths"]["/api/events"]["get"]["responses"]


def test_database_opened_read_only(web_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(web_db, db)
    before = db.read_bytes()
    client = TestClient(create_app(db), raise_server_exceptions=False)
    for url in ("/", "/api/events", "/api/summary", "/timeline", "/events/evt-a0-e0"):
        assert client.get(url).status_code == 200
    assert db.read_bytes() == before
    assert not (tmp_path / "copy.duckdb.wal").exists()


def test_busy_database_answers_503_then_recovers(web_db, tmp_path, monkeypatch):
    """While another process holds the write lock: 503 database_busy with Retry-After; after: 200."""
    db = tmp_path / "busy.duckdb"
    shutil.copy(web_db, db)
    monkeypatch.setattr(web_app, "BUSY_WAIT", 0.2)
    client = TestClient(create_app(db), raise_server_exceptions=False)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(60)",
         str(db)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        response = client.get("/api/summary")
        err = assert_error_shape(response, 503, "database_busy")
        assert "retry" in err["message"]
        assert response.headers["retry-after"] == "2"
        page = client.get("/", headers={"accept": "text/html"})
        assert page.status_code == 503 and "database_busy" in page.text
    finally:
        holder.kill()
        holder.wait(10)
    deadline = time.monotonic() + 10
    while client.get("/api/summary").status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert client.get("/api/summary").json()["documents"] == 5


def _try_write(db) -> str:
    code = (
        "import duckdb, sys\n"
        "try:\n    duckdb.connect(sys.argv[1]).close(); print('ok')\n"
        "except duckdb.Error as exc:\n    print('locked' if 'lock' in str(exc).lower() else exc)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(db)], check=False, capture_output=True, text=True, timeout=60
    ).stdout.strip()


def test_dashboard_releases_the_file_for_writers(web_db, tmp_path):
    """Held open while requests come in; released `hold` seconds after the last one."""
    db = tmp_path / "release.duckdb"
    shutil.copy(web_db, db)
    app = create_app(db, hold=1.5)
    client = TestClient(app, raise_server_exceptions=False)
    assert client.get("/api/summary").status_code == 200
    assert app.state.db.is_open
    assert _try_write(db) == "locked"
    deadline = time.monotonic() + 10
    while app.state.db.is_open and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not app.state.db.is_open
    assert _try_write(db) == "ok"
    assert client.get("/api/summary").json()["documents"] == 5


def test_hold_zero_opens_per_request(web_db, tmp_path):
    db = tmp_path / "per-request.duckdb"
    shutil.copy(web_db, db)
    app = create_app(db, hold=0)
    client = TestClient(app, raise_server_exceptions=False)
    assert client.get("/api/events").json()["total"] == 7
    assert not app.state.db.is_open


def test_serve_binds_loopback_by_default():
    import inspect

    assert inspect.signature(web_app.serve).parameters["host"].default == "127.0.0.1"


def test_serve_refuses_missing_database(tmp_path):
    from detente.errors import StoreError

    with pytest.raises(StoreError):
        web_app.serve(tmp_path / "absent.duckdb")


def test_actor_ids_with_hyphens_are_accepted(client):
    body = client.get("/api/events", params={"actor": "JPN-EMP"}).json()
    assert body["total"] == 0
    assert client.get("/api/events", params={"a": "JPN-EMP", "b": "RUS"}).status_code == 200


@pytest.mark.parametrize("a, b", [("JPN", "RUS"), ("person:abe", "person:putin"), ("RUS", "person:abe")])
def test_timeline_agrees_with_analysis_timeline(web_db, client, a, b):
    """The dashboard's dyad timeline lists the same events, in the same order, as `detente timeline`."""
    timeline = pytest.importorskip("detente.analysis.timeline")
    from detente.store import open_store

    with open_store(web_db, read_only=True) as store:
        expected = [r["event_key"] for r in timeline.timeline(store, a, b)]
    got = [e["event_key"] for e in client.get("/api/timeline", params={"a": a, "b": b}).json()["items"] if e["date"]]
    assert got == expected and got


@pytest.mark.parametrize("by", ["month", "quarter", "year"])
@pytest.mark.parametrize("weighted", [False, True])
def test_index_agrees_with_analysis_index(web_db, client, by, weighted):
    """The dashboard's index is the `detente index` arithmetic on the same events."""
    analysis = pytest.importorskip("detente.analysis.index")
    from detente.store import open_store

    with open_store(web_db, read_only=True) as store:
        expected = analysis.index(store, "JPN", "RUS", by=by, weighted=weighted)
    got = client.get("/api/index", params={"dyad": "JPN-RUS", "by": by, "weighted": str(weighted).lower()}).json()
    assert [p["period"] for p in got["periods"]] == [r["period"] for r in expected]
    assert [p["cci"] for p in got["periods"]] == [r["cci"] for r in expected]
    assert [p["q1"] + p["q2"] + p["q3"] + p["q4"] for p in got["periods"]] == [
        r["q1"] + r["q2"] + r["q3"] + r["q4"] for r in expected
    ]


def test_week_half_and_season_dates_filter_like_merge(corpus, tmp_path):
    """Dates the SQL cannot read directly get the interval detente.merge gives them."""
    from detente.store import open_store
    from detente.web import queries

    db = corpus.build_store(tmp_path / "odd.duckdb")
    with open_store(db) as store:
        store.con.execute("UPDATE events SET date = '2018-W37', date_precision = 'week' WHERE event_key = 'evt-b0'")
        store.con.execute("UPDATE events SET date = '2016-H2', date_precision = 'half' WHERE event_key = 'evt-a1'")
    with open_store(db, read_only=True) as store:
        def keys(**kw):
            return [e["event_key"] for e in queries.events(store, queries.EventFilter(**kw))["items"]]

        assert "evt-b0" in keys(since="2018-09-12", until="2018-09-12")
        assert "evt-b0" not in keys(since="2018-09-17")
        assert "evt-a1" in keys(since="2016-07-01", until="2016-07-01")
        row = next(e for e in queries.events(store)["items"] if e["event_key"] == "evt-b0")
        assert (row["d_start"], row["d_end"]) == ("2018-09-10", "2018-09-16")


def test_store_without_merged_events(corpus, tmp_path):
    """Before `detente.merge` has run, every mention is served as an event of its own."""
    db = corpus.build_store(tmp_path / "unmerged.duckdb", merged=False)
    client = TestClient(create_app(db), raise_server_exceptions=False)
    body = client.get("/api/events", params={"limit": 500}).json()
    assert body["total"] == 8
    assert {e["event_key"] for e in body["items"]} == {e[0] for e in corpus.EVENTS}
    detail = client.get("/api/events/ev-a0").json()
    assert [m["event_id"] for m in detail["mentions"]] == ["ev-a0"] and detail["n_mentions"] == 1
    assert client.get("/api/summary").json()["events_merged"] is False
    assert client.get("/", headers={"accept": "text/html"}).status_code == 200
