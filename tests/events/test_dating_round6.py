"""Dating rules of round 6: events dated only by an inferred publication date take the month
most of its window lies in; a clause whose subject is carried over from the previous sentence
("The two discussed ...") takes that sentence's event date."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.events.code import publication_period

# (publication date, window days, expected date, precision)
PUBLICATION = [
    # +-3 days around 3 May: 6 of 7 days in May
    ((2016, 5, 3), 3, "2016-05", "month"),
    # +-3 days around 29 April: 5 of 7 days in April (at least two thirds)
    ((2016, 4, 29), 3, "2016-04", "month"),
    # +-3 days around 1 May: 3 days in April, 4 in May: split nearly evenly, so the covering
    # quarter, written as its year
    ((2016, 5, 1), 3, "2016", "year"),
    # a window wholly inside one month
    ((2014, 2, 17), 5, "2014-02", "month"),
    # +-20 days: more than a month wide, the covering period (a quarter: its year)
    ((2014, 2, 17), 20, "2014", "year"),
    # +-10 days around 2 July: 21 days, 11 of them in July (not two thirds), covering = year
    ((2016, 7, 2), 10, "2016", "year"),
    # a nearly even split across the new year: the covering decade
    ((2016, 1, 1), 3, "2010", "decade"),
    # a window small enough to lie in one ISO week still takes its month if 2/3 hold
    ((2016, 9, 14), 2, "2016-09", "month"),
    # no window: the day itself
    ((2016, 5, 3), 0, "2016-05-03", "day"),
    ((2016, 5, 3), None, "2016-05-03", "day"),
]


@pytest.mark.parametrize(("published", "window", "date", "precision"), PUBLICATION,
                         ids=[f"{p[0]}-{p[1]}" for p in PUBLICATION])
def test_publication_period(published, window, date, precision):
    day = dt.date(*published)
    got = publication_period(day, window)
    assert got[:2] == (date, precision)
    # the period named always holds the stated publication date
    first = got[2]
    assert first <= day
    if precision == "month":
        assert (first.year, first.month) == (day.year, day.month)


def _code(nlp, texts, when, window=None):
    from detente.actors import load_actor_db, resolve
    from detente.events import extract_events
    from detente.time import find_timexes

    db = load_actor_db()
    return [extract_events(doc, doc_id=f"d{n}", file="t.txt", publication_date=when,
                           actor_mentions=resolve(doc, when, db), timexes=find_timexes(doc, when),
                           publication_window_days=window)
            for n, doc in enumerate(nlp.pipe(texts))]


# (publication date, window, expected date, precision) of an event the text does not date
INFERRED_EVENT = [
    ((2016, 5, 3), 3, "2016-05", "month"),
    ((2016, 5, 1), 3, "2016", "year"),
    ((2016, 5, 3), None, "2016-05-03", "day"),
]


@pytest.mark.parametrize(("published", "window", "date", "precision"), INFERRED_EVENT,
                         ids=[f"{p[0]}-{p[1]}" for p in INFERRED_EVENT])
def test_event_dated_by_an_inferred_publication_date(nlp, published, window, date, precision):
    (events,) = _code(nlp, ["Abe criticised China's stance on the islands."],
                      dt.date(*published), window)
    ev = next(e for e in events if e.trigger == "criticised")
    assert (ev.date, ev.date_precision, ev.date_basis) == (date, precision, "publication")


# (phrase, tense, publication date, window, expected date, precision) of a relative expression
# read against an inferred publication date, as stored on an event (``majority``)
MAJORITY = [
    # 6 of 7 anchors read "next month" as June: June, not the quarter April-June
    ("next month", "future", (2016, 5, 3), 3, "2016-06", "month"),
    ("this month", "future", (2016, 5, 3), 3, "2016-05", "month"),
    # 5 of 7 anchors read it as June: June
    ("next month", "future", (2016, 5, 2), 3, "2016-06", "month"),
    # 4 of 7 anchors read it as June, 3 as May: the covering quarter, written as its year
    ("next month", "future", (2016, 5, 1), 3, "2016", "year"),
    # every anchor reads it as June
    ("next month", "future", (2016, 5, 4), 3, "2016-06", "month"),
    # a covering period no coarser than a month is kept
    ("last Friday", "past", (2014, 2, 17), 5, "2014-02", "month"),
    ("yesterday", "past", (2016, 9, 15), 2, "2016-09-12", "week"),
    # an expression coarser than a month keeps its own covering ("last year" +-5 days on
    # 2 January: the decade)
    ("last year", "past", (2016, 1, 2), 5, "2010", "decade"),
    # a window over a month wide: no majority; a covering half is written as its year
    ("next month", "future", (2014, 2, 17), 20, "2014", "year"),
]


@pytest.mark.parametrize(("phrase", "tense", "published", "window", "date", "precision"), MAJORITY,
                         ids=[f"{m[0]}-{m[2]}-{m[3]}" for m in MAJORITY])
def test_relative_dates_take_the_majority_month(phrase, tense, published, window, date, precision):
    from detente.events.code import anchored_date, timex_date
    from detente.time import normalise

    anchor = dt.date(*published)
    tx = normalise(phrase, anchor, tense)
    got = anchored_date(tx, timex_date(tx), anchor, window, tense, majority=True)
    assert got[:2] == (date, precision)


PUBLISHED = dt.date(2018, 9, 17)
_MEETINGS = "On May 3, Abe met Putin in Sochi.\n\nIn addition to talks with Putin, Abe met Xi Jinping."

# (text, trigger, source id, expected date, precision, basis)
CARRIED = [
    # a subject carried over from the previous sentence takes the date of its event there
    # (here the week of the occasion the meeting with Xi took place at)
    (f"{_MEETINGS} The two leaders signed a deal.", "signed", "person:shinzo_abe", "2018-04-30",
     "week", "context"),
    (f"{_MEETINGS} Both leaders signed a deal.", "signed", "person:xi_jinping", "2018-04-30",
     "week", "context"),
    (f"{_MEETINGS} He signed a deal with Moon Jae-in.", "signed", "person:shinzo_abe",
     "2018-04-30", "week", "context"),
    # ... not across a paragraph break
    (f"{_MEETINGS}\n\nThe two leaders signed a deal.", "signed", "person:shinzo_abe",
     "2018-09-17", "day", "publication"),
    # ... nor for a named subject, nor in another tense
    (f"{_MEETINGS} Putin signed a deal.", "signed", "person:vladimir_putin", "2018-09-17", "day",
     "publication"),
    (f"{_MEETINGS} They will sign a deal.", "sign", "person:shinzo_abe", "2018-09-17", "day",
     "publication"),
    # an undated past re-mention of the very same two persons takes the date of an event the
    # article dated only by context (the occasion of the meeting with Xi), across paragraphs
    (f"{_MEETINGS}\n\nBoth Abe and Xi praised the talks. The two leaders discussed investment.",
     "discussed", "person:xi_jinping", "2018-04-30", "week", "context"),
    # ... but not an act of another kind
    (f"{_MEETINGS}\n\nBoth Abe and Xi praised the talks. The two leaders signed a deal.",
     "signed", "person:xi_jinping", "2018-09-17", "day", "publication"),
]


@pytest.fixture(scope="module")
def carried(nlp):
    return _code(nlp, [c[0] for c in CARRIED], PUBLISHED)


@pytest.mark.parametrize("index", range(len(CARRIED)),
                         ids=[f"{c[1]}-{c[5]}-{n}" for n, c in enumerate(CARRIED)])
def test_carried_subject_and_derived_remention(index, carried):
    text, trigger, source, date, precision, basis = CARRIED[index]
    found = [e for e in carried[index] if e.trigger == trigger and e.source_actor_id == source]
    assert found, [(e.trigger, e.source_actor_id) for e in carried[index]]
    ev = found[-1]
    assert (ev.date, ev.date_precision, ev.date_basis) == (date, precision, basis), text
