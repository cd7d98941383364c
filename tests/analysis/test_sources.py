"""Per-outlet comparison."""

from __future__ import annotations

import json

import pytest

from detente.analysis.sources import compare_sources, format_sources


def test_outlets_and_articles(store):
    rows = compare_sources(store)
    outlets = {r["outlet"]: r for r in rows if r["level"] == "outlet"}
    assert set(outlets) == {"kyodo.jp", "tass.com"}
    tass, kyodo = outlets["tass.com"], outlets["kyodo.jp"]
    assert tass["n_articles"] == 1 and kyodo["n_articles"] == 2
    # tass: m1, m2 (q1) and m3 (q3)
    assert tass["n_events"] == 3
    assert tass["coop_share"] == pytest.approx(2 / 3)
    assert tass["conflict_share"] == pytest.approx(1 / 3)
    # kyodo: m4, m6, m8, m9 (q1); m5 (q4); m7 (q3)
    assert kyodo["n_events"] == 6
    assert kyodo["coop_share"] == pytest.approx(4 / 6)
    assert kyodo["mean_goldstein"] == pytest.approx((1.9 - 8.0 + 1.0 - 2.0 + 1.9 + 1.0) / 6)
    assert tass["actors"] == ["Japan (1)", "Russia (1)"]
    assert kyodo["stances"] == {"sanctions (commentators)": 1, "sovereignty": 1}
    articles = [r for r in rows if r["level"] == "article" and r["outlet"] == "kyodo.jp"]
    assert [a["doc_id"] for a in articles] == ["a3", "a2"]  # by publication date


def test_format_sources(store):
    rows = compare_sources(store)
    assert format_sources(rows, "table").splitlines()[0].split()[:2] == ["outlet", "article"]
    assert [json.loads(x)["outlet"] for x in format_sources(rows, "jsonl").splitlines()] == [r["outlet"] for r in rows]
    assert format_sources(rows, "md").startswith("| outlet | article |")
