"""Fixtures for the analysis tests: a small store of hand-coded, merged mentions."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.records import Actor, ActorMention, Article, EventMention, Stance

COUNTRY = {"JPN": "Japan", "RUS": "Russia", "CHN": "China", "USA": "United States"}


def ev(event_id: str, doc: str, src: str, tgt: str, code: str, quad: int, goldstein: float,
       date: str | None, *, sentence: str | None = None, index: int = 0, basis: str = "clause",
       modality: str = "asserted", location: str | None = None) -> EventMention:
    precision = {10: "day", 7: "month", 4: "year"}.get(len(date or ""), None)
    sentence = sentence or f"{COUNTRY[src]} and {COUNTRY[tgt]} event {event_id} code {code}."
    return EventMention(
        event_id=event_id, doc_id=doc, file=f"{doc}.txt", sentence=sentence, sentence_index=index,
        char_start=0, char_end=len(sentence), date=date, date_precision=precision, date_text=None,
        date_basis=basis if date else "none",
        source_actor_id=src.lower(), source_name=COUNTRY[src], source_country=src, source_sector=None,
        source_cameo=src, target_actor_id=tgt.lower(), target_name=COUNTRY[tgt], target_country=tgt,
        target_sector=None, target_cameo=tgt, cameo_code=code, cameo_root=code[:2],
        plover_type=None, plover_mode=None, quad_class=quad, goldstein=goldstein, modality=modality,
        location=location, confidence=0.9, coder_version="test",
    )


def article(doc: str, site: str, day: dt.date, title: str) -> Article:
    return Article(doc_id=doc, file=f"{doc}.txt", text="Some text about Japan and Russia. " * 5,
                   title=title, site=site, publication_date=day, word_count=30)


def actor_mention(start: int, name: str, country: str) -> ActorMention:
    actor = Actor(actor_id=country.lower(), name=name, country=country, sector="GOV", kind="state")
    return ActorMention(start=start, end=start + len(name), text=name, actor=actor, confidence=0.9,
                        method="ruler", sentence_index=0)


def stance(sid: str, doc: str, country: str, issue: str, kind: str = "party") -> Stance:
    return Stance(stance_id=sid, doc_id=doc, actor_id=country.lower(), actor_name=COUNTRY[country],
                  actor_country=country, issue=issue, position="all four islands", date="2018-05-26",
                  sentence="Japan wants all four islands.", sentence_index=0, char_start=0,
                  char_end=29, speaker_kind=kind, confidence=0.8)


@pytest.fixture
def store(tmp_db):
    """Two outlets, three articles, hand-made mentions (merged) of Japan–Russia and Japan–China."""
    from detente.merge import merge_store
    from detente.store import open_store

    s = open_store(tmp_db)
    s.write_article(
        article("a1", "tass.com", dt.date(2016, 9, 3), "Summit in Vladivostok"),
        actor_mentions=[actor_mention(16, "Japan", "JPN"), actor_mention(26, "Russia", "RUS")],
        events=[
            ev("m1", "a1", "JPN", "RUS", "040", 1, 1.0, "2016-09-02", sentence="Abe met Putin in Vladivostok on Friday."),
            ev("m2", "a1", "RUS", "JPN", "040", 1, 1.0, "2016-09-02", sentence="Putin met Abe in Vladivostok on Friday.", index=1),
            ev("m3", "a1", "JPN", "RUS", "112", 3, -2.0, "2016-09", sentence="Japan criticised Russia in September.", index=2),
        ],
        stances=[stance("s1", "a1", "JPN", "sovereignty")],
    )
    s.write_article(
        article("a2", "kyodo.jp", dt.date(2016, 12, 16), "Putin in Japan"),
        actor_mentions=[actor_mention(16, "Japan", "JPN")],
        events=[
            ev("m4", "a2", "RUS", "JPN", "042", 1, 1.9, "2016-12-15", sentence="Putin visited Japan on December 15."),
            ev("m5", "a2", "JPN", "RUS", "163", 4, -8.0, "2016-12-01", sentence="Japan imposed an embargo on Russia.", index=1),
            ev("m6", "a2", "JPN", "RUS", "040", 1, 1.0, "2016", sentence="Japan and Russia talked often in 2016.", index=2),
            ev("m7", "a2", "JPN", "CHN", "111", 3, -2.0, "2016-12-10", sentence="Japan criticised China.", index=3),
            ev("m8", "a2", "JPN", "RUS", "042", 1, 1.9, "2017-02-01", sentence="Abe will visit Russia in February.", index=4, modality="planned"),
        ],
        stances=[stance("s2", "a2", "RUS", "sovereignty"), stance("s3", "a2", "JPN", "sanctions", "commentator")],
    )
    s.write_article(
        article("a3", "kyodo.jp", dt.date(2016, 9, 4), "Vladivostok talks"),
        events=[ev("m9", "a3", "JPN", "RUS", "040", 1, 1.0, "2016-09-02", sentence="Abe and Putin met in Vladivostok.")],
    )
    merge_store(s)
    yield s
    s.close()
