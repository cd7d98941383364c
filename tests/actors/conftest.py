"""Fixtures shared by the actor tests."""

from __future__ import annotations

import pytest

from detente.actors import load_actor_db


@pytest.fixture(scope="session")
def db():
    return load_actor_db()
