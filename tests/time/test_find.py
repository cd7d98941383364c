"""Finding time expressions in parsed text: spans, tense of the governing verb, seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.time import find_timexes, find_timexes_in_text

WED = dt.date(2014, 2, 12)  # a Wednesday
MON = dt.date(2018, 9, 17)

# (sentence, anchor, phrase, expected value) — the governing verb's tense decides.
TENSE_SENTENCES = [
    ("The two leaders met in Sochi on Saturday.", WED, "Saturday", "2014-02-08"),
    ("The two leaders will meet in Sochi on Saturday.", WED, "Saturday", "2014-02-15"),
    ("The minister is going to fly to Moscow on Monday.", WED, "Monday", "2014-02-17"),
    ("The minister flew to Moscow on Monday.", WED, "Monday", "2014-02-10"),
    ("Officials said the talks had ended on Tuesday.", WED, "Tuesday", "2014-02-11"),
    ("Tokyo plans to send a delegation on Friday.", WED, "Friday", "2014-02-14"),
    ("Putin will visit Japan in May.", MON, "May", "2019-05"),
    ("Putin visited Japan in May.", MON, "May", "2018-05"),
    ("The foreign ministers held talks in January.", MON, "January", "2018-01"),
]


@pytest.mark.parametrize(("sentence", "anchor", "phrase", "value"), TENSE_SENTENCES,
                         ids=[s[0][:40] for s in TENSE_SENTENCES])
def test_tense_of_governing_verb(nlp, sentence, anchor, phrase, value):
    found = find_timexes(nlp(sentence), anchor)
    by_text = {t.text: t for t in found}
    assert phrase in by_text, found
    assert by_text[phrase].value == value
    start = sentence.index(phrase)
    assert (by_text[phrase].start, by_text[phrase].end) == (start, start + len(phrase))


NOT_TIMES = [
    "Officials may announce the decision soon after the vote.",
    "Protesters will march on the embassy.",
    "About 2000 troops crossed the border.",
    "He is 52 years old and a former ambassador.",
    "The airline plans daily flights to Bombay.",
    "Foreign Minister Jan Kavan met his Polish counterpart.",
]


@pytest.mark.parametrize("sentence", NOT_TIMES, ids=[s[:30] for s in NOT_TIMES])
def test_words_that_are_not_times(nlp, sentence):
    assert find_timexes(nlp(sentence), MON) == []


def test_ranges_split_on_request(nlp):
    doc = nlp("The empire lasted from 1917 to 1991, historians say.")
    combined = find_timexes(doc, MON)
    assert [(t.text, t.relation, t.values) for t in combined] == [
        ("1917 to 1991", "range", ("1917", "1991"))]
    parts = find_timexes(doc, MON, combine_ranges=False)
    assert [(t.text, t.value) for t in parts] == [("1917", "1917"), ("1991", "1991")]


def test_find_in_text_wrapper(nlp):
    found = find_timexes_in_text("Abe met Putin last week.", MON, nlp)
    assert [(t.text, t.value, t.type) for t in found] == [("last week", "2018-W37", "DATE")]


def test_no_anchor_keeps_absolute_dates(nlp):
    found = find_timexes(nlp("The treaty was signed on 19 October 1956 and ratified last week."),
                         None)
    assert [(t.text, t.value) for t in found] == [("19 October 1956", "1956-10-19")]


# Phrases of the reference articles, with the article's date as anchor.
SEED_ANCHORS = {
    "000_": dt.date(2018, 9, 17),
    "001_": dt.date(2014, 2, 12),
    "002_": dt.date(2018, 6, 14),
    "003_": dt.date(2016, 9, 7),
    "004_": dt.date(2016, 5, 5),
}
SEED_EXPECTED = {
    "000_": [("last week", "2018-W37"), ("September 10", "2018-09-10"), ("next month", "2018-10"),
             ("last December", "2017-12"), ("Last Wednesday", "2018-09-12"),
             ("year's end", "2018"), ("last Friday", "2018-09-14"), ("June 2017", "2017-06"),
             ("November or December", "2018-11"), ("August 1945", "1945-08")],
    "001_": [("last Friday", "2014-02-07"), ("Saturday", "2014-02-08"),
             ("the second half of this year", "2014-H2"), ("the 1960s", "196X"),
             ("December 2012", "2012-12")],
    "002_": [("May 25–26, 2018", "2018-05-25"), ("the autumn of 2018", "2018-FA"),
             ("the second half of 2018", "2018-H2"), ("last year", "2017")],
    "003_": [("December of this year", "2016-12"), ("September 2", "2016-09-02"),
             ("the months ahead", "PXM"), ("the last 70 years", "P70Y")],
    "004_": [("two years ago", "2014"), ("this month", "2016-05"), ("next month", "2016-06"),
             ("late 1991", "1991"), ("1917-1991", "1917")],
}


@pytest.fixture(scope="module")
def seed_docs(nlp, seed_paths):
    """Each reference article parsed once: prefix → Doc."""
    docs = {}
    for prefix in SEED_ANCHORS:
        path = next((p for p in seed_paths if p.name.startswith(prefix)), None)
        if path is not None:
            docs[prefix] = nlp(path.read_text(encoding="utf-8"))
    return docs


@pytest.mark.parametrize("prefix", sorted(SEED_ANCHORS))
def test_seed_articles(seed_docs, prefix):
    if prefix not in seed_docs:
        pytest.skip(f"seed {prefix} not present")
    text = seed_docs[prefix].text
    found = find_timexes(seed_docs[prefix], SEED_ANCHORS[prefix])
    got = {(t.text, t.value) for t in found}
    for expected in SEED_EXPECTED[prefix]:
        assert expected in got, expected
    for t in found:
        assert text[t.start:t.end] == t.text


def test_seed_anchored_to_end_of_second_world_war(seed_docs):
    if "004_" not in seed_docs:
        pytest.skip("seed 004 not present")
    found = find_timexes(seed_docs["004_"], SEED_ANCHORS["004_"])
    anchored = [t for t in found if t.basis == "anchored"]
    assert [(t.value, t.mod) for t in anchored] == [("2016", "APPROX")]
    assert anchored[0].text.lower().startswith("nearly 71 years after")
