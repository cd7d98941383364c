"""Same-document re-mentions: an article dates an event once, then mentions it again without a
date of its own ("His visit ..."); the re-mention joins the dated event and takes its date."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.merge import REMENTION_RULE, explain, list_merged, merge_mentions, merge_store
from detente.records import Article, EventMention

PUB = "2016-05-03"
ACTORS = {
    "lavrov": ("person:sergey_lavrov", "Sergey Lavrov", "RUS"),
    "medvedev": ("person:dmitry_medvedev", "Dmitry Medvedev", "RUS"),
    "abe": ("person:shinzo_abe", "Shinzo Abe", "JPN"),
    "JPN": ("JPN", "Japan", "JPN"),
    "RUS": ("RUS", "Russia", "RUS"),
    "CHN": ("CHN", "China", "CHN"),
    None: (None, None, None),
}


def mention(event_id: str, sentence: str, *, index: int, source: str = "lavrov", target: str | None = "JPN",
            date: str | None = PUB, precision: str | None = "day", basis: str = "publication",
            code: str = "042", modality: str = "asserted", doc: str = "d1") -> EventMention:
    sid, sname, scountry = ACTORS[source]
    tid, tname, tcountry = ACTORS[target]
    return EventMention(
        event_id=event_id, doc_id=doc, file=f"{doc}.txt", sentence=sentence, sentence_index=index,
        char_start=10 * index, char_end=10 * index + len(sentence), date=date, date_precision=precision,
        date_text=None, date_basis=basis, source_actor_id=sid, source_name=sname, source_country=scountry,
        source_sector="GOV" if sid else None, source_cameo=scountry, target_actor_id=tid, target_name=tname,
        target_country=tcountry, target_sector=None, target_cameo=tcountry, cameo_code=code,
        cameo_root=code[:2], plover_type="CONSULT", plover_mode=None, quad_class=1, goldstein=1.9,
        modality=modality, location=None, confidence=0.8, coder_version="test",
    )


def dated(**changes) -> EventMention:
    """The report that dates the event: "Lavrov arrived in Tokyo on 15 April"."""
    values = {"index": 2, "basis": "clause", "date": "2016-04-15"}
    values.update(changes)
    return mention("dated", "Lavrov arrived in Tokyo on April 15 for talks.", **values)


def again(**changes) -> EventMention:
    """A later report of it with no words in common and only the publication date."""
    values = {"index": 9}
    values.update(changes)
    return mention("again", "His trip was meant essentially to prepare groundwork.", **values)


def groups(events) -> set[frozenset[str]]:
    return {frozenset(e.members) for e in events}


JOINED = [
    pytest.param([dated(), again()], id="publication-dated re-mention"),
    pytest.param([dated(), again(target=None)], id="re-mention without a target"),
    pytest.param([dated(), again(target="abe", code="040")], id="target of the same country, same root"),
    pytest.param([dated(), again(basis="context", date="2016-04-15")], id="context date agreeing"),
    pytest.param([dated(), again(basis="none", date=None, precision=None)], id="undated re-mention"),
    pytest.param([dated(modality="planned", date="2016-05-20"), again(modality="proposed")],
                 id="planned, then proposed"),
    pytest.param([dated(date="2016-04", precision="month"), again()], id="month-precise event"),
    pytest.param([dated(source="lavrov", target="abe", code="040"),
                  again(source="abe", target="lavrov", code="040")], id="reversed dyad of a meeting"),
    pytest.param([dated(), again(index=2)], id="same sentence, later clause"),
]


@pytest.mark.parametrize("ms", JOINED)
def test_remention_joins_the_dated_event(ms):
    events = merge_mentions(ms)
    assert groups(events) == {frozenset({"dated", "again"})}
    (event,) = events
    source = next(m for m in ms if m.event_id == "dated")
    assert (event.date, event.date_precision) == (source.date, source.date_precision)
    assert REMENTION_RULE in event.explanation["rule"]
    (link,) = event.explanation["links"]
    assert link["rule"].startswith(f"{REMENTION_RULE}: again ")
    assert "re-mentions dated" in link["rule"]


APART = [
    pytest.param([dated(), again(doc="d2")], id="another article"),
    pytest.param([dated(), again(modality="planned")], id="a plan is not the visit that happened"),
    pytest.param([dated(), again(modality="negated")], id="negated"),
    pytest.param([dated(), again(source="medvedev")], id="another person of the same country"),
    pytest.param([dated(), again(target="CHN")], id="another target country"),
    pytest.param([dated(), again(code="111")], id="another root"),
    pytest.param([dated(date="2016-06-01"), again()], id="text date after publication"),
    pytest.param([dated(), again(basis="context", date="2016-03-01")], id="context date contradicting"),
    pytest.param([dated(date="2016", precision="year"), again()], id="event dated only by its year"),
    pytest.param([dated(index=12), again()], id="re-mention before the dated report"),
    pytest.param([dated(), again(source="RUS")], id="source only the same country"),
    pytest.param([dated(target=None), again()], id="dated report without the re-mention's target"),
    pytest.param([dated(basis="context"), again()], id="dated only by context itself"),
    pytest.param([dated(), again(basis="sentence", date=PUB)], id="re-mention dated in its own sentence"),
]


@pytest.mark.parametrize("ms", APART)
def test_not_a_remention(ms):
    events = merge_mentions(ms)
    assert groups(events) == {frozenset({"dated"}), frozenset({"again"})}


def test_remention_joins_the_nearest_dated_report():
    april = dated()
    september = mention("september", "Lavrov landed at Haneda on September 1 again.", index=6,
                        basis="clause", date="2016-09-01")
    early = again(index=4)
    late = mention("late", "That stay was short.", index=8, date="2016-09-09")
    events = merge_mentions([april, september, early, late])
    assert groups(events) == {frozenset({"dated", "again"}), frozenset({"september", "late"})}
    dates = {e.members: e.date for e in events}
    assert dates[("again", "dated")] == "2016-04-15"
    assert dates[("late", "september")] == "2016-09-01"


def test_two_meetings_are_not_chained_by_re_mentions():
    """Re-mentions never join two differently dated events of one article."""
    april = dated()
    september = mention("september", "Lavrov landed at Haneda on September 1 again.", index=6,
                        basis="clause", date="2016-09-01")
    follow = [again(index=4), mention("late", "That stay was short.", index=8, date="2016-09-09")]
    for e in merge_mentions([april, september, *follow]):
        assert not {"dated", "september"} <= set(e.members)


def test_explain_says_same_document_remention(tmp_db):
    from detente.store import open_store

    article = Article(doc_id="d1", file="d1.txt", text="Lavrov arrived in Tokyo. " * 4, site="example",
                      publication_date=dt.date(2016, 5, 3), word_count=16)
    with open_store(tmp_db) as store:
        store.write_article(article, events=[dated(), again()])
        assert merge_store(store) == 1
        (row,) = list_merged(store, explain=True)
        assert row["date"] == "2016-04-15" and row["n_mentions"] == 2
        assert REMENTION_RULE in row["explanation"]["rule"]
        why = explain(store, row["event_key"])
    assert [m["event_id"] for m in why["mentions"]] == ["dated", "again"]
    assert why["explanation"]["links"][0]["rule"].startswith(REMENTION_RULE)
