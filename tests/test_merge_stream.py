"""Streaming merge: ``merge_store`` reads and merges one partition at a time, with the same
result as merging every mention at once."""

from __future__ import annotations

from collections import Counter

import pytest

from detente.bench.merge import ROOTS, build_store
from detente.merge import (
    REMENTION_RULE,
    document_outlets,
    load_mentions,
    merge_mentions,
    merge_store,
    partitions,
    store_partitions,
    stream_mentions,
)


def _merged_rows(store) -> tuple[list, list]:
    events = store.query("SELECT * FROM events ORDER BY event_key")
    links = store.query("SELECT * FROM event_links ORDER BY event_key, event_id")
    return events, links


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("stream") / "synthetic.duckdb"
    build_store(path, 3000)
    return path


@pytest.fixture(scope="module")
def whole(synthetic_db):
    """The events of one merge of every mention of the synthetic store."""
    from detente.store import open_store

    with open_store(synthetic_db, read_only=True) as store:
        return merge_mentions(load_mentions(store), sources=document_outlets(store))


@pytest.mark.parametrize("batch", [1, 100_000])
def test_streamed_merge_equals_merge_of_everything(synthetic_db, whole, batch):
    """Each partition merged alone (batch 1) or all in one batch: the stored events are those
    of one merge of every mention."""
    from detente.store import open_store

    with open_store(synthetic_db) as store:
        n = merge_store(store, batch=batch)
        events, links = _merged_rows(store)
    assert n == len(whole) == len(events)
    assert sum(e.n_mentions > 1 for e in whole) > 100, "the synthetic store must have real merges"
    assert sum(REMENTION_RULE in e.explanation["rule"] for e in whole) > 10
    expected = sorted(whole, key=lambda e: e.event_key)
    assert [tuple(r.values()) for r in events] == [tuple(e.row()) for e in expected]
    assert links == sorted(
        ({"event_key": e.event_key, "event_id": m} for e in whole for m in e.members),
        key=lambda r: (r["event_key"], r["event_id"]),
    )


def test_batches_hold_whole_partitions_and_stay_bounded(synthetic_db):
    from detente.store import open_store

    with open_store(synthetic_db, read_only=True) as store:
        parts = store_partitions(store)
        largest = max(sum(g[3] for g in part) for part in parts)
        total = store.query("SELECT count(*) AS n FROM event_mentions")[0]["n"]
        seen: Counter = Counter()
        sizes = []
        for mentions, outlets in stream_mentions(store, batch=200):
            sizes.append(len(mentions))
            seen.update(m.event_id for m in mentions)
            assert set(outlets) == {m.doc_id for m in mentions}
        assert sum(seen.values()) == total and set(seen.values()) == {1}
    # A batch holds at most 200 mentions, or one larger partition alone.
    assert max(sizes) <= max(200, largest)
    assert len(sizes) > 1
    assert len(parts) > len(ROOTS), "open-ended mentions must not glue a root into one part here"


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        pytest.param([("04", "JPN", "RUS", 3), ("11", "JPN", "RUS", 2)], 2, id="roots never share a part"),
        pytest.param([("04", "JPN", "RUS", 3), ("04", "CHN", "USA", 2)], 2, id="unrelated dyads apart"),
        pytest.param([("04", "JPN", "RUS", 3), ("04", "RUS", "JPN", 2)], 1, id="one unordered pair"),
        pytest.param([("04", "JPN", "RUS", 3), ("04", "CHN", "JPN", 1), ("04", "JPN", None, 1)], 1,
                     id="unknown target joins every dyad of its source"),
        pytest.param([("04", "JPN", "RUS", 3), ("04", "CHN", "USA", 1), ("04", "JPN", None, 1)], 2,
                     id="unknown target does not reach other countries' dyads"),
        pytest.param([("04", "RUS", "JPN", 3), ("04", "CHN", None, 1), ("04", None, "CHN", 1)], 2,
                     id="unknown source is a country of its own"),
        pytest.param([("04", None, None, 1), ("04", None, "JPN", 1), ("04", "USA", "CHN", 1)], 2,
                     id="no countries at all joins the blocks holding an unknown country"),
    ],
)
def test_partitions(groups, expected):
    parts = partitions(groups)
    assert len(parts) == expected
    assert sorted((g for part in parts for g in part), key=repr) == sorted(groups, key=repr)
    for part in parts:
        assert len({g[0] for g in part}) == 1


def test_empty_store_merges_to_nothing(tmp_db):
    from detente.store import open_store

    with open_store(tmp_db) as store:
        assert merge_store(store) == 0
        assert store.query("SELECT count(*) AS n FROM events")[0]["n"] == 0


@pytest.mark.parametrize("batch", [1, 100_000])
def test_sliced_merge_equals_sliced_merge_of_everything(synthetic_db, whole, batch, monkeypatch):
    """With partitions larger than the slice limit, the store's merge is still exactly
    ``merge_mentions`` on every mention with the same limit; slicing keeps some reports apart."""
    import detente.merge
    from detente.store import open_store

    monkeypatch.setattr(detente.merge, "_FETCH_ROWS", 3)  # documents read in many small chunks
    limit = 150
    with open_store(synthetic_db) as store:
        expected = merge_mentions(load_mentions(store), sources=document_outlets(store), slice_limit=limit)
        n = merge_store(store, batch=batch, slice_limit=limit)
        events, links = _merged_rows(store)
    assert n == len(expected) == len(events)
    assert [tuple(r.values()) for r in events] == [tuple(e.row()) for e in sorted(expected, key=lambda e: e.event_key)]
    assert len(links) == sum(e.n_mentions for e in expected)
    # The slices cost some merges (reports of one event on both sides of a cut), not all.
    assert len(whole) < len(expected) < 1.2 * len(whole)
    assert sum(e.n_mentions > 1 for e in expected) > 100


def test_slices_bound_the_batches_and_never_cut_a_document(synthetic_db):
    from detente.store import open_store

    limit = 150
    with open_store(synthetic_db, read_only=True) as store:
        per_doc = {r["doc_id"]: r["n"] for r in store.query(
            "SELECT doc_id, count(*) AS n FROM event_mentions GROUP BY ALL")}
        total = sum(per_doc.values())
        seen: Counter = Counter()
        sizes, place = [], {}
        for k, (mentions, _) in enumerate(stream_mentions(store, batch=100, slice_limit=limit)):
            sizes.append(len(mentions))
            seen.update(m.event_id for m in mentions)
            for m in mentions:
                key = (m.doc_id, m.cameo_root, m.source_country, m.target_country)
                place.setdefault(key, set()).add(k)
    assert sum(seen.values()) == total and set(seen.values()) == {1}
    assert max(sizes) <= limit
    assert all(len(batches) == 1 for batches in place.values()), "a document's mentions of one group share a batch"


@pytest.mark.parametrize(
    ("docs", "limit", "expected"),
    [
        pytest.param([("a", 2), ("b", 2), ("c", 2)], 4, [0, 0, 1], id="fill then cut"),
        pytest.param([("a", 5), ("b", 1)], 4, [0, 1], id="a larger document alone"),
        pytest.param([("a", 1), ("b", 5), ("c", 1)], 4, [0, 1, 2], id="large in the middle"),
        pytest.param([], 4, [], id="nothing"),
    ],
)
def test_slice_documents(docs, limit, expected):
    from detente.merge import slice_documents

    assert [n for _, n in slice_documents(docs, limit)] == expected


def test_a_failed_merge_keeps_the_previous_events_and_leaves_no_tables(synthetic_db, monkeypatch):
    import detente.merge
    from detente.store import open_store

    with open_store(synthetic_db) as store:
        merge_store(store, batch=500)
        before = _merged_rows(store)
        calls = []
        real = detente.merge._merge_items

        def fail_on_third(items):
            calls.append(len(items))
            if len(calls) == 3:
                raise RuntimeError("killed mid-merge")
            return real(items)

        monkeypatch.setattr(detente.merge, "_merge_items", fail_on_third)
        with pytest.raises(RuntimeError, match="killed mid-merge"):
            merge_store(store, batch=500)
        assert _merged_rows(store) == before
        tables = {r["table_name"] for r in store.query("SELECT table_name FROM information_schema.tables")}
        assert not tables & set(detente.merge.STAGING)


def test_tables_left_by_a_killed_merge_are_replaced(synthetic_db):
    from detente.merge import STAGING
    from detente.store import open_store

    with open_store(synthetic_db) as store:
        n = merge_store(store)
        expected = _merged_rows(store)
        # A merge killed between its batches leaves its staging tables half written.
        store.con.execute(f"CREATE TABLE {STAGING[0]} AS SELECT * FROM events LIMIT 3")
        store.con.execute(f"CREATE TABLE {STAGING[1]} AS SELECT * FROM event_links LIMIT 3")
        assert merge_store(store) == n
        assert _merged_rows(store) == expected
        tables = {r["table_name"] for r in store.query("SELECT table_name FROM information_schema.tables")}
        assert not tables & set(STAGING)


def test_migration_0006_keeps_merged_rows(tmp_path):
    """A store made before 0006 (merged tables with primary keys) keeps its merged events."""
    import duckdb

    from detente.store import open_store
    from detente.store.schema import MIGRATIONS

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations "
                "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
    for name, sql in MIGRATIONS[:5]:
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
    con.execute("INSERT INTO events (event_key, date, n_mentions, explanation) "
                "VALUES ('ev_1', '2016-12', 2, '{\"rule\": \"x\"}')")
    con.execute("INSERT INTO event_links VALUES ('ev_1', 'm1'), ('ev_1', 'm2')")
    con.close()
    with open_store(path) as store:
        assert store.migrations()[-1] == MIGRATIONS[-1][0]
        assert store.query("SELECT event_key, date, n_mentions FROM events") == [
            {"event_key": "ev_1", "date": "2016-12", "n_mentions": 2}]
        assert store.query("SELECT count(*) AS n FROM event_links")[0]["n"] == 2
        indexes = store.query("SELECT * FROM duckdb_constraints() WHERE table_name IN ('events', 'event_links') "
                              "AND constraint_type = 'PRIMARY KEY'")
        assert indexes == []
