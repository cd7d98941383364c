"""Word list of roles.yaml added in the eighth round: bilateral_instruments, what only two
parties make or hold together (a treaty, a deal, talks)."""

from __future__ import annotations


def test_bilateral_instruments_are_data(db):
    words = db.roles.get("bilateral_instruments")
    assert isinstance(words, list) and {"treaty", "agreement", "deal", "talk"} <= set(words)
    # things one party has or does alone are no joint instrument
    assert not {"project", "investment", "visit", "sanction", "aid"} & set(words)
    assert len(words) == len(set(words))
