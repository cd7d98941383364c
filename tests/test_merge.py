"""Merging event mentions into one record per real-world event."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from detente.merge import (
    MergedEvent,
    date_interval,
    explain,
    merge_mentions,
    merge_store,
    precision_of_value,
)
from detente.records import Article, EventMention

JPN = {"source_actor_id": "abe", "source_name": "Shinzo Abe", "source_country": "JPN",
           "source_sector": "GOV", "source_cameo": "JPNGOV"}
RUS = {"target_actor_id": "putin", "target_name": "Vladimir Putin", "target_country": "RUS",
           "target_sector": "GOV", "target_cameo": "RUSGOV"}


def mention(event_id: str, *, doc: str = "d1", sentence: str = "Abe met Putin in Sochi.",
            sentence_index: int = 0, date: str | None = "2016-05-06", precision: str | None = "day",
            basis: str = "clause", code: str = "040", location: str | None = None,
            modality: str = "asserted", **changes) -> EventMention:
    values = dict(
        event_id=event_id, doc_id=doc, file=f"{doc}.txt", sentence=sentence,
        sentence_index=sentence_index, char_start=0, char_end=len(sentence), date=date,
        date_precision=precision, date_text=None, date_basis=basis, **JPN, **RUS,
        cameo_code=code, cameo_root=code[:2], plover_type="CONSULT", plover_mode=None,
        quad_class=1, goldstein=1.0, modality=modality, location=location, confidence=0.8,
        coder_version="test",
    )
    values.update(changes)
    return EventMention(**values)


def reverse(m: EventMention, event_id: str) -> EventMention:
    return dataclasses.replace(
        m, event_id=event_id,
        source_actor_id=m.target_actor_id, source_name=m.target_name, source_country=m.target_country,
        source_sector=m.target_sector, source_cameo=m.target_cameo,
        target_actor_id=m.source_actor_id, target_name=m.source_name, target_country=m.source_country,
        target_sector=m.source_sector, target_cameo=m.source_cameo,
    )


def groups(events: list[MergedEvent]) -> set[frozenset[str]]:
    return {frozenset(e.members) for e in events}


SAME = [
    pytest.param(
        mention("a", doc="d1", sentence="Abe met Putin in Sochi on Friday."),
        mention("b", doc="d2", sentence="Putin and Abe held talks in Sochi.", code="040"),
        id="same day, same dyad, two articles",
    ),
    pytest.param(
        mention("a", sentence="Abe met Putin."),
        reverse(mention("b", sentence="Putin met Abe.", doc="d2"), "b"),
        id="reversed dyad of a symmetric root",
    ),
    pytest.param(
        mention("a", date="2016-05-06", code="042", sentence="Abe visited Russia to meet Putin."),
        mention("b", date="2016-05", precision="month", code="040", doc="d2",
                sentence="Abe met Putin during his visit to Russia in May."),
        id="day inside month, same root",
    ),
    pytest.param(
        mention("a", sentence="Abe met Putin in Sochi.", location="Sochi"),
        mention("b", sentence="Abe met Putin at Sochi on Friday.", location="Sochi", doc="d3",
                source_actor_id="jpn", source_name="Japan"),
        id="person and state of the same country, same place",
    ),
    pytest.param(
        mention("a", sentence="Abe will visit Moscow in May.", modality="planned", code="042",
                date="2018-05", precision="month"),
        mention("b", sentence="Abe visited Moscow on May 26.", code="042", date="2018-05-26", doc="d2"),
        id="planned and asserted visit",
    ),
    pytest.param(
        mention("a", sentence="Abe met Putin, the Kremlin said.", date=None, precision=None, basis="none"),
        mention("b", sentence="The meeting in the Kremlin of Abe and Putin lasted three hours.", date=None,
                precision=None, basis="none", sentence_index=3),
        id="undated mentions of one article",
    ),
]

SAME.append(pytest.param(
    mention("a", code="030", sentence="The two sides agreed to seek a resolution."),
    reverse(mention("b", code="030", sentence="The two sides agreed to seek a resolution."), "b"),
    id="one clause coded in both directions",
))
SAME.append(pytest.param(
    mention("a", date="2018-05-26", sentence="Abe met Putin in Moscow on May 26."),
    mention("b", date="2018-06-14", basis="publication", sentence_index=7,
            sentence="During the talks Abe and Putin met the press in Moscow."),
    id="article's undated report of its own earlier, dated event",
))

DIFFERENT = [
    pytest.param(
        mention("a", date="2016-05-06"), mention("b", date="2016-09-02", doc="d2"),
        id="different days",
    ),
    pytest.param(
        mention("a"), mention("b", doc="d2", target_actor_id="xi", target_name="Xi Jinping",
                              target_country="CHN"),
        id="different target country",
    ),
    pytest.param(
        mention("a", code="040"), mention("b", code="111", doc="d2"),
        id="different root",
    ),
    pytest.param(
        mention("a", code="042", sentence="Abe visited Russia."),
        reverse(mention("b", code="112", doc="d2", sentence="Putin criticised Abe."), "b"),
        id="reversed dyad of a directed root",
    ),
    pytest.param(
        mention("a", location="Sochi"), mention("b", location="Vladivostok", doc="d2"),
        id="different places",
    ),
    pytest.param(
        mention("a"), mention("b", modality="negated", doc="d2"),
        id="asserted and negated",
    ),
    pytest.param(
        mention("a", date=None, precision=None, basis="none"),
        mention("b", date=None, precision=None, basis="none", doc="d2"),
        id="undated mentions of two articles",
    ),
    pytest.param(
        mention("a", date="2018-05-26", sentence="Abe met Putin in Moscow on May 26."),
        mention("b", date="2018-06-14", basis="publication", doc="d2",
                sentence="Abe met Putin in Moscow, the Kremlin said."),
        id="another article's publication date three weeks later",
    ),
    pytest.param(
        mention("a", date="2018-07-01", sentence="Abe met Putin in Moscow on July 1."),
        mention("b", date="2018-06-14", basis="publication",
                sentence="Abe met Putin in Moscow, the Kremlin said."),
        id="text date after the article's publication",
    ),
    pytest.param(
        mention("a", date="2016", precision="year", sentence="Abe met Putin in Sochi in 2016."),
        mention("b", date="2016", precision="year", doc="d2",
                sentence="Lavrov hosted the foreign ministers for consultations in 2016."),
        id="same year, unrelated evidence",
    ),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_event_merges(a, b):
    events = merge_mentions([a, b])
    assert groups(events) == {frozenset({"a", "b"})}
    (event,) = events
    assert event.n_mentions == 2
    assert event.explanation["links"], "a merge must say why"
    assert {event.explanation["links"][0]["a"], event.explanation["links"][0]["b"]} == {"a", "b"}


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_events_stay_apart(a, b):
    events = merge_mentions([a, b])
    assert groups(events) == {frozenset({"a"}), frozenset({"b"})}
    assert all(e.n_mentions == 1 for e in events)


def test_vague_mention_does_not_chain_two_meetings():
    may = mention("may", date="2016-05-06", doc="d1", sentence="Abe met Putin in Sochi in May 2016.")
    sep = mention("sep", date="2016-09-02", doc="d2", sentence="Abe met Putin in Vladivostok in September 2016.")
    vague = mention("vague", date="2016", precision="year", doc="d3", sentence="Abe met Putin in 2016.")
    events = merge_mentions([may, sep, vague])
    members = groups(events)
    assert frozenset({"may", "sep"}) not in members
    assert not any({"may", "sep"} <= g for g in members)
    assert len(events) >= 2


def test_counts_documents_and_sources():
    ms = [
        mention("a", doc="d1", sentence="Abe met Putin in Sochi."),
        mention("b", doc="d1", sentence="The Sochi meeting of Abe and Putin ran long.", sentence_index=4),
        mention("c", doc="d2", sentence="Abe and Putin met in Sochi."),
        mention("d", doc="d3", sentence="In Sochi, Abe met Putin."),
    ]
    (event,) = merge_mentions(ms, sources={"d1": "tass", "d2": "tass", "d3": "kyodo"})
    assert (event.n_mentions, event.n_documents, event.n_sources) == (4, 3, 2)
    assert event.members == ("a", "b", "c", "d")


def test_plan_reported_later_is_not_an_old_event():
    ms = [
        mention("old", date="2014-02-15", sentence="Abe had a lunch meeting with Putin in Sochi."),
        mention("plan", date="2016-05-03", basis="publication", modality="planned", sentence_index=5,
                sentence="Abe is scheduled to have a meeting with Putin in Sochi."),
    ]
    assert groups(merge_mentions(ms)) == {frozenset({"old"}), frozenset({"plan"})}


def test_vague_dates_need_shared_evidence_across_articles():
    ms = [
        mention("a", date="2014", precision="year", basis="sentence",
                sentence="The government hopes the meeting will pave the way for progress."),
        mention("b", date="2014-02-15", doc="d2", sentence="Abe had a lunch meeting with Putin on Saturday."),
    ]
    assert groups(merge_mentions(ms)) == {frozenset({"a"}), frozenset({"b"})}


def test_publication_dates_do_not_chain_far_apart_articles():
    ms = [
        mention("a", doc="d1", date="2018-06-14", basis="publication", sentence="Abe met Putin in Moscow."),
        mention("b", doc="d2", date="2018-06-19", basis="publication", sentence="Abe met Putin in Moscow."),
        mention("c", doc="d3", date="2018-06-24", basis="publication", sentence="Abe met Putin in Moscow."),
    ]
    members = groups(merge_mentions(ms))
    assert not any({"a", "c"} <= g for g in members)


def test_text_date_wins_over_publication_date():
    ms = [
        mention("a", date="2018-05", precision="month", sentence="Abe visited Moscow in May.", code="042"),
        mention("b", date="2018-06-14", basis="publication", sentence="Abe's visit to Moscow was a failure.",
                code="042", sentence_index=3),
    ]
    (event,) = merge_mentions(ms)
    assert (event.date, event.date_precision) == ("2018-05", "month")


def test_merged_date_is_the_finest():
    ms = [
        mention("a", date="2018-05", precision="month", sentence="Abe visited Moscow in May.", code="042"),
        mention("b", date="2018-05-26", doc="d2", sentence="Abe visited Moscow on May 26.", code="042"),
    ]
    (event,) = merge_mentions(ms)
    assert (event.date, event.date_precision) == ("2018-05-26", "day")


def test_key_is_stable_and_order_independent():
    ms = [mention("a"), mention("b", doc="d2"), mention("c", date="2017-01-01", doc="d3")]
    first = merge_mentions(ms)
    second = merge_mentions(list(reversed(ms)))
    assert [e.event_key for e in first] == [e.event_key for e in second]
    assert [e.members for e in first] == [e.members for e in second]


@pytest.mark.parametrize(
    ("value", "interval", "precision"),
    [
        ("2016-09-02", (dt.date(2016, 9, 2), dt.date(2016, 9, 2)), "day"),
        ("2016-09", (dt.date(2016, 9, 1), dt.date(2016, 9, 30)), "month"),
        ("2016", (dt.date(2016, 1, 1), dt.date(2016, 12, 31)), "year"),
        ("2018-Q3", (dt.date(2018, 7, 1), dt.date(2018, 9, 30)), "quarter"),
        ("P2Y", None, "none"),
    ],
)
def test_date_interval(value, interval, precision):
    assert date_interval(value) == interval
    assert precision_of_value(value) == precision


def _article(doc_id: str, site: str) -> Article:
    return Article(doc_id=doc_id, file=f"{doc_id}.txt", text="Abe met Putin in Sochi. " * 5,
                   site=site, publication_date=dt.date(2016, 5, 7), word_count=25)


def test_merge_store_is_idempotent(tmp_db):
    from detente.store import open_store

    with open_store(tmp_db) as store:
        store.write_article(_article("d1", "tass"), events=[mention("a", doc="d1"), mention("b", doc="d1", sentence_index=2)])
        store.write_article(_article("d2", "kyodo"), events=[mention("c", doc="d2", date="2016-09-02")])
        first = merge_store(store)
        rows1 = store.query("SELECT * FROM events ORDER BY event_key")
        links1 = store.query("SELECT * FROM event_links ORDER BY event_key, event_id")
        second = merge_store(store)
        rows2 = store.query("SELECT * FROM events ORDER BY event_key")
        links2 = store.query("SELECT * FROM event_links ORDER BY event_key, event_id")
        assert first == second == 2
        assert rows1 == rows2 and links1 == links2
        assert len(links1) == 3
        merged = next(r for r in rows1 if r["n_mentions"] == 2)
        assert merged["n_sources"] == 1
        why = explain(store, merged["event_key"])
        assert {m["event_id"] for m in why["mentions"]} == {"a", "b"}
        assert why["mentions"][0]["sentence"] and why["mentions"][0]["file"] == "d1.txt"
        assert why["explanation"]["links"][0]["score"] >= 0.55


def test_merged_events_listing(tmp_db):
    from detente.merge import merged_events
    from detente.store import open_store

    with open_store(tmp_db) as store:
        store.write_article(_article("d1", "tass"), events=[
            mention("a", doc="d1", date="2016-09-02"),
            mention("b", doc="d1", sentence_index=2, date="2016-09-02"),
            mention("u", doc="d1", sentence_index=4, date=None, precision=None, basis="none", code="111",
                    sentence="Japan criticised Russia."),
            mention("y", doc="d1", sentence_index=5, date="2016", precision="year", code="173",
                    sentence="Russia arrested Japanese fishermen in 2016."),
        ])
        merge_store(store)
        rows = merged_events(store, with_explanation=True)
    assert [r["date"] for r in rows] == ["2016", "2016-09-02", None]
    assert rows[1]["members"] == ["a", "b"]
    assert rows[1]["explanation"]["links"]


def test_explain_unknown_key(tmp_db):
    from detente.errors import StoreError
    from detente.store import open_store

    with open_store(tmp_db) as store, pytest.raises(StoreError, match="no merged event"):
        explain(store, "ev_missing")


@pytest.mark.parametrize(
    "value, precision, first, last",
    [
        ("2016-09-02", "day", "2016-09-02", "2016-09-02"),
        ("2016-09-05", "week", "2016-09-05", "2016-09-11"),
        ("2016-09", "month", "2016-09-01", "2016-09-30"),
        ("2016-07", "quarter", "2016-07-01", "2016-09-30"),
        ("2016-07", "half", "2016-07-01", "2016-12-31"),
        ("2016-12", "season", "2016-12-01", "2017-02-28"),
        ("2016", "year", "2016-01-01", "2016-12-31"),
        ("1960", "decade", "1960-01-01", "1969-12-31"),
        ("2016-09", None, "2016-09-01", "2016-09-30"),
    ],
)
def test_date_interval_widens_by_precision(value, precision, first, last):
    from detente.merge import date_interval

    assert date_interval(value, precision) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
