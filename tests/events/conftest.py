"""Helpers for the event tests: parse + resolve + extract in batches with the session pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2018, 9, 17)


def code_texts(nlp, texts: list[str], when: dt.date | None = PUBLISHED) -> list[list]:
    """EventMentions of each text (one list per text), through the real actor and time stages."""
    from detente.actors import load_actor_db, resolve
    from detente.events import extract_events
    from detente.time import find_timexes

    db = load_actor_db()
    out = []
    for n, doc in enumerate(nlp.pipe(texts, batch_size=64)):
        out.append(extract_events(doc, doc_id=f"t{n}", file="test.txt", publication_date=when,
                                  actor_mentions=resolve(doc, when, db),
                                  timexes=find_timexes(doc, when)))
    return out


def side(ev, which: str) -> str:
    """Country-level code of one side: ISO3 country, else the first letters of the CAMEO code."""
    country = getattr(ev, f"{which}_country")
    cameo = getattr(ev, f"{which}_cameo")
    return country or (cameo[:3] if cameo else "-")


def dyads(events, modalities=("asserted", "planned", "proposed")) -> set[str]:
    return {f"{side(e, 'source')}>{side(e, 'target')}:{e.cameo_code}" for e in events
            if e.modality in modalities}


@pytest.fixture(scope="session")
def as_dyads():
    """``SOURCE>TARGET:CODE`` strings of the events that count (asserted/planned/proposed)."""
    return dyads


@pytest.fixture(scope="session")
def code(nlp):
    def _code(texts, when=PUBLISHED):
        return code_texts(nlp, list(texts), when)
    return _code


@pytest.fixture(scope="session")
def extractor(nlp):
    """``extractor(text)`` -> (doc, Extractor) for checking one extractor method on a text,
    with the default actors and patterns and the test publication date."""
    from detente.actors import load_actor_db, resolve
    from detente.events.extract import Extractor
    from detente.events.patterns import load_patterns

    db, patterns = load_actor_db(), load_patterns()

    def _make(text: str):
        doc = nlp(text)
        return doc, Extractor(doc, resolve(doc, PUBLISHED, db), patterns, PUBLISHED)
    return _make


def neighbour_holds(case: tuple[str, set[str], set[str]], events) -> None:
    """One ``(text, wanted, unwanted)`` case: every wanted dyad coded, no unwanted one."""
    text, wanted, unwanted = case
    got = dyads(events)
    assert wanted <= got, f"{text!r}: got {sorted(got)}"
    assert not (unwanted & got), f"{text!r}: got {sorted(got)}"


@pytest.fixture(scope="session")
def assert_neighbour():
    """Checks one ``(text, wanted, unwanted)`` case against the events of its text."""
    return neighbour_holds


@pytest.fixture(scope="module")
def coded_neighbours(code, request):
    """Events of each text in the test module's ``NEIGHBOURS`` cases, coded in one batch."""
    return code([text for text, _, _ in request.module.NEIGHBOURS])


def listing(events) -> list[tuple]:
    """(code, source, target, modality, date) of each event, for failure messages."""
    return [(e.cameo_code, side(e, "source"), side(e, "target"), e.modality, e.date) for e in events]


def found_holds(case: tuple[str, str, str, str], events) -> None:
    """One ``(text, code, source, target)`` case: an asserted or planned event with that code
    and dyad is among the events of its text."""
    text, code, source, target = case
    got = {(side(e, "source"), side(e, "target")) for e in events
           if e.cameo_code == code and e.modality in ("asserted", "planned")}
    assert (source, target) in got, f"{text}: {listing(events)}"


def absent_holds(case: tuple[str, str, str | None], events) -> None:
    """One ``(text, code, source)`` case: no event with that code (from that source, if one is
    given) counts among the events of its text."""
    text, code, source = case
    bad = [e for e in events if e.cameo_code == code
           and e.modality in ("asserted", "planned", "proposed")
           and (source is None or side(e, "source") == source)]
    assert not bad, f"{text}: {listing(bad)}"


@pytest.fixture(scope="session")
def assert_found():
    """Checks one ``(text, code, source, target)`` case against the events of its text."""
    return found_holds


@pytest.fixture(scope="session")
def assert_absent():
    """Checks one ``(text, code, source)`` case against the events of its text."""
    return absent_holds


@pytest.fixture(scope="module")
def coded_present(code, request):
    """Events of each text in the test module's ``PRESENT`` cases, coded in one batch."""
    return code([case[0] for case in request.module.PRESENT])


@pytest.fixture(scope="module")
def coded_absent(code, request):
    """Events of each text in the test module's ``ABSENT`` cases, coded in one batch."""
    return code([case[0] for case in request.module.ABSENT])
