"""The analysis layer on the reference articles, through the whole pipeline (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seed_paths):
    from detente.config import Options
    from detente.pipeline import analyze
    from detente.store import open_store

    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    result = analyze([seed_paths[0].parent], Options(db=db, quiet=True))
    assert result.analyzed == len(seed_paths)
    store = open_store(db)
    yield store
    store.close()


def test_merging_reduces_and_keeps_every_mention(seed_store):
    counts = seed_store.counts()
    assert 0 < counts["events"] < counts["event_mentions"]
    linked = seed_store.query("SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM event_links")[0]
    assert linked["n"] == linked["d"] == counts["event_mentions"]
    # some real event is reported by more than one article
    assert seed_store.query("SELECT max(n_documents) AS m FROM events")[0]["m"] >= 2


def test_japan_russia_timeline_is_in_date_order(seed_store):
    from detente.analysis.timeline import timeline
    from detente.merge import date_interval

    rows = timeline(seed_store, "JPN", "RUS")
    assert len(rows) >= 10
    starts = [date_interval(r["date"])[0] for r in rows]
    assert starts == sorted(starts)
    assert all(r["evidence"] and r["source_list"] for r in rows)
    assert {r["date_precision"] for r in rows} >= {"day", "month"}


def test_stances_from_the_reference_articles(seed_store):
    from detente.analysis.stances import stances

    rows = stances(seed_store)
    assert {"sovereignty", "treaty_sequencing"} <= {r["issue"] for r in rows}
    assert {"party", "commentator"} <= {r["speaker_kind"] for r in rows}
    assert all(r["position"] in r["sentence"] for r in rows)
