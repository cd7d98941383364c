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
