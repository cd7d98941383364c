"""Word list of roles.yaml added in the eighth round: bilateral_instruments, what only two
parties make or hold together (a treaty, a deal, talks)."""

from __future__ import annotations

from pathlib import Path

import pytest

import detente
from detente.actors.data import load_roles
from detente.errors import ConfigError


def test_bilateral_instruments_are_data(db):
    words = db.roles.get("bilateral_instruments")
    assert isinstance(words, list) and {"treaty", "agreement", "deal", "talk"} <= set(words)
    # things one party has or does alone are no joint instrument
    assert not {"project", "investment", "visit", "sanction", "aid"} & set(words)
    assert len(words) == len(set(words))


def test_bilateral_instruments_must_be_lower_case():
    text = (Path(detente.__file__).parent / "data" / "actors" / "roles.yaml").read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_roles(text.replace("bilateral_instruments: [treaty,", "bilateral_instruments: [Treaty,", 1),
                   "roles.yaml")
    assert "bilateral_instruments" in str(err.value) and err.value.line is not None
