"""plover-gsr reads the gold's few non-ISO country codes as the countries they name."""

from __future__ import annotations

import pytest

from detente.bench.plover_gsr import _gold_countries


@pytest.mark.parametrize(
    ("actors", "countries", "aliased"),
    [
        pytest.param([{"code": "JAPGOV"}], {"JPN"}, 1, id="legacy Japan code"),
        pytest.param([{"code": "ITL"}, {"code": "SRB"}], {"ITA", "SRB"}, 1, id="one of two"),
        pytest.param([{"code": "VTNMIL"}], {"VNM"}, 1, id="legacy Vietnam code"),
        pytest.param([{"code": "JPN"}, {"code": "IGO"}], {"JPN", "IGO"}, 0, id="ISO and sector codes kept"),
        pytest.param([{"code": None}, {"actorText": "x"}], set(), 0, id="no codes"),
        pytest.param(None, set(), 0, id="no actors"),
    ],
)
def test_gold_countries(actors, countries, aliased):
    assert _gold_countries(actors) == (countries, aliased)
