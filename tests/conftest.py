"""One shared conftest: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
BENCHMARKS = SHARED / "benchmarks"
CORPORA = SHARED / "corpora"


@pytest.fixture(scope="session")
def nlp():
    """The configured English pipeline with detente's components, loaded once."""
    from detente.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/seeds is not beside the checkout")
    return paths


@pytest.fixture
def tmp_db(tmp_path) -> Path:
    return tmp_path / "test.duckdb"


def _store_contents(db: Path, tables=None) -> dict[str, list[tuple]]:
    """Rows of every table (or of ``tables``), sorted, without the TIMESTAMP columns that say
    when they were written, and without the run log and migrations: two stores with equal
    contents hold the same data."""
    from detente.store import open_store

    with open_store(db, read_only=True) as store:
        if tables is None:
            tables = {r["table_name"] for r in store.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            )} - {"runs", "schema_migrations"}
        out = {}
        for table in sorted(tables):
            columns = [
                r["column_name"] for r in store.query(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_name = ? ORDER BY ordinal_position", [table],
                )
                if r["data_type"] != "TIMESTAMP"
            ]
            rows = store.con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


@pytest.fixture(scope="session")
def store_contents():
    """``store_contents(db, tables=None)``: comparable contents of a store (see ``_store_contents``)."""
    return _store_contents
