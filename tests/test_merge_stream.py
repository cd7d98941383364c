"""Streaming merge: ``merge_store`` reads and merges one partition at a time, with the same
result as merging every mention at once."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from detente.merge import (
    REMENTION_RULE,
    document_outlets,
    load_mentions,
    merge_mentions,
    merge_store,
    partitions,
    stream_mentions,
)
from detente.records import Article, EventMention

#: CAMEO roots with rough shares of a news corpus (consultations dominate).
ROOTS = {"04": 30, "03": 10, "05": 8, "01": 6, "02": 6, "11": 5, "12": 4, "17": 4, "19": 4, "06": 3,
         "07": 3, "08": 2, "10": 2, "13": 2, "16": 2, "14": 1, "15": 1, "18": 1, "20": 1, "09": 1}
COUNTRIES = ["JPN", "RUS", "CHN", "USA", "KOR", "PRK", "IND", "PAK", "DEU", "FRA", "GBR", "UKR",
             "IRN", "ISR", "TUR", "SYR", "EGY", "SAU", "BRA", "MEX", "ITA", "ESP", "POL", "CAN",
             "AUS", "IDN", "VNM", "PHL", "THA", "NGA"]
MODALITIES = ["asserted"] * 8 + ["planned", "proposed", "negated", "hypothetical"]
SITES = [f"outlet{n}.example" for n in range(12)]


def _vocabulary(rng: random.Random, n: int) -> list[str]:
    letters = "abcdefghijklmnoprstuvw"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(n)]


def synthetic_articles(n_mentions: int, seed: int = 7, per_doc: int = 20) -> list[dict]:
    """``write_articles`` items holding about ``n_mentions`` invented event mentions.

    Each article reports a few events of one or two dyads, each several times (with the
    same topic words, its date read from the text, from context, or only the publication
    date), and some events are reported by several articles: a store whose merge has real
    work to do, spread over many roots, dyads and dates.
    """
    rng = random.Random(seed)
    words = _vocabulary(rng, 3000)
    roots, weights = list(ROOTS), list(ROOTS.values())
    # Popular dyads are far more frequent than the rest.
    dyads = [(a, b) for a in COUNTRIES for b in COUNTRIES if a != b]
    dyad_weights = [1.0 / (1 + i) ** 0.8 for i in range(len(dyads))]
    rng.shuffle(dyads)
    shared: list[dict] = []  # events that other articles also report
    items, count, doc_n = [], 0, 0
    while count < n_mentions:
        doc_id = f"doc{doc_n:06d}"
        doc_n += 1
        pub = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(365 * 10))
        doc_dyads = rng.choices(dyads, weights=dyad_weights, k=2)
        events = []
        for _ in range(max(1, per_doc // 3)):
            if shared and rng.random() < 0.2:
                events.append(rng.choice(shared))
                continue
            source, target = rng.choice(doc_dyads)
            day = pub - dt.timedelta(days=rng.randrange(90))
            event = {
                "root": rng.choices(roots, weights=weights)[0], "source": source,
                "target": None if rng.random() < 0.15 else target, "day": day,
                "person": rng.randrange(3), "topic": rng.sample(words, 4),
                "modality": rng.choice(MODALITIES),
            }
            events.append(event)
            if rng.random() < 0.1:
                shared.append(event)
        mentions = []
        for k in range(per_doc):
            ev = rng.choice(events)
            roll = rng.random()
            if roll < 0.35:
                date, precision, basis = pub.isoformat(), "day", "publication"
            elif roll < 0.7:
                date, precision, basis = ev["day"].isoformat(), "day", "clause"
            elif roll < 0.82:
                date, precision, basis = ev["day"].strftime("%Y-%m"), "month", "sentence"
            elif roll < 0.88:
                date, precision, basis = str(ev["day"].year), "year", "clause"
            elif roll < 0.95:
                date, precision, basis = ev["day"].isoformat(), "day", "context"
            else:
                date, precision, basis = None, None, "none"
            person = rng.random() < 0.5
            source_id = f"person:{ev['source'].lower()}_{ev['person']}" if person else ev["source"]
            target = ev["target"]
            sentence = " ".join(ev["topic"][: rng.randint(2, 4)] + rng.sample(words, 8)).capitalize() + "."
            code = ev["root"] + rng.choice(["0", "1", "2"])
            mentions.append(EventMention(
                event_id=f"{doc_id}-{k:03d}", doc_id=doc_id, file=f"{doc_id}.txt", sentence=sentence,
                sentence_index=k, char_start=0, char_end=len(sentence), date=date,
                date_precision=precision, date_text=None, date_basis=basis,
                source_actor_id=source_id, source_name=source_id, source_country=ev["source"],
                source_sector="GOV", source_cameo=ev["source"] + "GOV",
                target_actor_id=target, target_name=target, target_country=target,
                target_sector=None, target_cameo=target,
                cameo_code=code, cameo_root=ev["root"], plover_type="CONSULT", plover_mode=None,
                quad_class=1, goldstein=round(rng.uniform(-10, 10), 1), modality=ev["modality"],
                location=None, confidence=round(rng.uniform(0.5, 1.0), 2), coder_version="synthetic",
                trigger=ev["topic"][0],
            ))
        count += len(mentions)
        article = Article(
            doc_id=doc_id, file=f"{doc_id}.txt", text=f"Synthetic article {doc_id}.",
            site=rng.choice(SITES) if rng.random() < 0.9 else None, publication_date=pub, word_count=3,
        )
        items.append({"article": article, "events": mentions})
    return items


def build_store(path, n_mentions: int, seed: int = 7) -> int:
    """Write a synthetic store of about ``n_mentions`` mentions at ``path``; returns the count."""
    from detente.store import open_store

    items = synthetic_articles(n_mentions, seed)
    with open_store(path) as store:
        for start in range(0, len(items), 500):
            store.write_articles(items[start:start + 500])
        return store.query("SELECT count(*) AS n FROM event_mentions")[0]["n"]


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
        groups = [(r["cameo_root"], r["source_country"], r["target_country"], r["n"]) for r in store.query(
            "SELECT cameo_root, source_country, target_country, count(*) AS n FROM event_mentions GROUP BY ALL"
        )]
        parts = partitions(groups)
        largest = max(sum(g[3] for g in part) for part in parts)
        total = sum(g[3] for g in groups)
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
