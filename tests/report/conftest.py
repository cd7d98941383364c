"""The report tests reuse the hand-made store of ``tests/web/conftest.py`` (loaded by path)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("detente_test_web_store", Path(__file__).parents[1] / "web" / "conftest.py")
web_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(web_store)


@pytest.fixture(scope="session")
def report_db(tmp_path_factory) -> Path:
    return web_store.build_store(tmp_path_factory.mktemp("reportdb") / "report.duckdb")


@pytest.fixture(scope="session")
def report_corpus():
    return web_store


@pytest.fixture(scope="session")
def report_audit():
    return web_store.MarkupAudit
