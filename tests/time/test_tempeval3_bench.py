"""TempEval-3 benchmark: scoring unit tests and a quality gate on the platinum test set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.bench import tempeval3
from detente.errors import ConfigError

DATA = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "tempeval3_timex" / "documents.jsonl"

#: Floors just below what te3-platinum measures (2026-11-23: value F1 0.845 all types, 0.869 DATE;
#: relaxed span F1 0.921 with en_core_web_md 3.8.0). Floors only move up.
FLOOR_VALUE_F1 = 0.84
FLOOR_VALUE_F1_DATE = 0.86
FLOOR_RELAXED_F1 = 0.91


def _gold(start, end, value, typ="DATE"):
    return {"start": start, "end": end, "value": value, "type": typ}


MATCH_CASES = [
    # (gold, system, strict, relaxed, value)
    ([_gold(0, 6, "2018")], [_gold(0, 6, "2018")], 1, 1, 1),
    ([_gold(0, 6, "2018")], [_gold(2, 6, "2018")], 0, 1, 1),
    ([_gold(0, 6, "2018")], [_gold(0, 6, "2017")], 1, 1, 0),
    ([_gold(0, 6, "2018")], [_gold(6, 9, "2018")], 0, 0, 0),
    ([_gold(0, 6, "2018"), _gold(7, 9, "PAST_REF")], [_gold(0, 9, "2018")], 0, 1, 1),
]


@pytest.mark.parametrize(("gold", "system", "strict", "relaxed", "value"), MATCH_CASES)
def test_matching(gold, system, strict, relaxed, value):
    c = tempeval3._match(gold, system)
    assert (c.strict, c.relaxed, c.value) == (strict, relaxed, value)
    assert (c.gold, c.system) == (len(gold), len(system))


def test_figures_follow_tempeval_definitions():
    c = tempeval3.Counts(gold=10, system=8, strict=5, relaxed=7, value=6, type_ok=7)
    f = c.figures()
    assert f["value"]["p"] == 0.75 and f["value"]["r"] == 0.6
    assert f["value"]["f1"] == round(2 * 0.75 * 0.6 / 1.35, 4)
    assert f["relaxed"]["r"] == 0.7


def test_missing_data_and_bad_split(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        tempeval3.load_documents(tmp_path / "nope.jsonl")
    path = tmp_path / "docs.jsonl"
    path.write_text("{}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="malformed") as err:
        tempeval3.load_documents(path)
    assert ":1:" in str(err.value)
    with pytest.raises(ConfigError, match="unknown split"):
        tempeval3.load_documents(path, split="nonsense")


@pytest.mark.slow
def test_platinum_gate(nlp, tmp_path):
    if not DATA.exists():
        pytest.skip("TempEval-3 corpus not beside the checkout")
    out = tmp_path / "timexes.jsonl"
    figures = tempeval3.run(DATA, split="te3-platinum", output=out, nlp=nlp)
    assert figures["documents"] == 20
    plat = figures["splits"]["te3-platinum"]
    assert plat["ALL"]["value"]["f1"] >= FLOOR_VALUE_F1
    assert plat["DATE"]["value"]["f1"] >= FLOOR_VALUE_F1_DATE
    assert plat["ALL"]["relaxed"]["f1"] >= FLOOR_RELAXED_F1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 20
    assert all(set(t) == {"start", "end", "type", "value"} for doc in lines for t in doc["timexes"])
    report = tempeval3.format_report(figures)
    assert "te3-platinum" in report and "overall" in report
