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
