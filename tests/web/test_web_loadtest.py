"""The loopback load benchmark runs end to end (a smoke run; no timing is asserted)."""

from __future__ import annotations

import pytest

from detente.errors import DetenteError
from detente.web.loadtest import _percentile, default_endpoints, format_load_test, load_test


@pytest.mark.slow
def test_load_test_smoke(web_db):
    pytest.importorskip("uvicorn")
    result = load_test(web_db, duration=1.0, clients=2)
    assert result["total"]["errors"] == 0
    assert result["total"]["requests"] == sum(r["requests"] for r in result["endpoints"]) > 0
    assert {r["endpoint"] for r in result["endpoints"]} == set(default_endpoints(web_db))
    table = format_load_test(result)
    assert "p99_ms" in table and "ALL" in table


def test_default_endpoints_use_the_main_dyad(web_db):
    endpoints = default_endpoints(web_db)
    assert "/api/timeline?dyad=JPN-RUS&limit=100" in endpoints
    assert any(e.startswith("/api/search?q=") for e in endpoints)


@pytest.mark.parametrize("values, pct, expected", [([1, 2, 3, 4, 5], 50, 3), ([1, 2, 3, 4, 100], 99, 100), ([7], 99, 7)])
def test_percentile(values, pct, expected):
    assert _percentile(values, pct) == expected


def test_load_test_missing_database(tmp_path):
    with pytest.raises(DetenteError):
        load_test(tmp_path / "absent.duckdb", duration=0.1)
