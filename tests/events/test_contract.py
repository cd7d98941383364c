"""The EventMention record contract: JSONL fields, ids, offsets, and `code_records`."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from detente.events import CODER_VERSION, code_records, load_ontology
from detente.records import MODALITIES, EventMention

TEXT = ("Relations warmed this year. On September 10, Abe met Putin in Vladivostok. "
        "Japan will impose sanctions on North Korea, and Russia expelled two Japanese diplomats.")


@pytest.fixture(scope="module")
def events(code):
    (evs,) = code([TEXT], dt.date(2018, 9, 17))
    return evs


def test_jsonl_fields_are_exactly_the_contract(events):
    assert events
    for ev in events:
        row = ev.to_json_dict()
        assert tuple(row) == EventMention.JSONL_FIELDS
        assert tuple(row) == (
            "event_id", "doc_id", "file", "sentence", "sentence_index", "char_start", "char_end",
            "date", "date_precision", "date_text", "date_basis",
            "source_actor_id", "source_name", "source_country", "source_sector", "source_cameo",
            "target_actor_id", "target_name", "target_country", "target_sector", "target_cameo",
            "cameo_code", "cameo_root", "plover_type", "plover_mode", "quad_class", "goldstein",
            "modality", "location", "confidence", "coder_version")
        json.dumps(row)  # serialisable as is


def test_field_values_are_consistent(events):
    ont = load_ontology()
    for ev in events:
        assert ev.cameo_root == ev.cameo_code[:2]
        assert ev.quad_class == ont.quad_class(ev.cameo_code)
        assert ev.goldstein == ont.goldstein(ev.cameo_code)
        assert (ev.plover_type, ev.plover_mode) == ont.plover(ev.cameo_code)
        assert ev.modality in MODALITIES
        assert ev.date_basis in ("clause", "sentence", "context", "publication", "none")
        assert ev.coder_version == CODER_VERSION
        assert 0.0 < ev.confidence < 1.0
        assert re.fullmatch(r"[0-9a-f]{16}", ev.event_id)
        fmt = {"day": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d", "year": r"\d{4}"}.get(ev.date_precision)
        if fmt:
            assert re.fullmatch(fmt, ev.date)
        assert ev.source_actor_id is not None


def test_offsets_index_the_article_text(events):
    for ev in events:
        assert TEXT[ev.char_start:ev.char_end] == ev.sentence
        start, end = ev.extra["trigger_start"], ev.extra["trigger_end"]
        assert TEXT[start:end] == ev.trigger
        assert ev.char_start <= start < end <= ev.char_end


def test_sentence_index_and_dyads(events):
    by_code = {(e.cameo_code, e.source_country, e.target_country, e.sentence_index) for e in events}
    assert ("040", "JPN", "RUS", 1) in by_code
    assert ("040", "RUS", "JPN", 1) not in by_code  # "A met B": one direction
    assert ("161", "RUS", "JPN", 2) in by_code


def test_ids_are_stable_and_distinct(code, events):
    (again,) = code([TEXT], dt.date(2018, 9, 17))
    assert [e.event_id for e in again] == [e.event_id for e in events]
    assert len({e.event_id for e in events}) == len(events)
    (other_doc,) = code([TEXT], dt.date(2018, 9, 17))
    assert other_doc[0].event_id == events[0].event_id


def test_text_offset_shifts_offsets(nlp, events):
    from detente.actors import load_actor_db, resolve
    from detente.events import extract_events
    from detente.time import find_timexes

    when = dt.date(2018, 9, 17)
    doc = nlp(TEXT)
    shifted = extract_events(doc, doc_id="t0", file="test.txt", publication_date=when,
                             actor_mentions=resolve(doc, when, load_actor_db()),
                             timexes=find_timexes(doc, when), text_offset=100)
    assert [e.char_start - 100 for e in shifted] == [e.char_start for e in events]
    assert [e.event_id for e in shifted] != [e.event_id for e in events]


def test_code_records_in_memory(nlp):
    records = [
        {"id": "a", "text": "Japan imposed sanctions on Russia in March.", "date": "2014-04-01"},
        {"id": "b", "text": "", "date": "2014-04-01"},  # no text: skipped
        {"id": "c", "text": "Abe and Putin met in Sochi.", "date": "not a date"},
        {"text": "Poland expelled Russian diplomats.", "date": "2022-04-05"},  # no id: position
    ]
    rows = list(code_records(records, nlp))
    assert {r["record_id"] for r in rows} == {"a", "c", "4"}
    for r in rows:
        assert set(r) == set(EventMention.JSONL_FIELDS) | {"record_id"}
    a = [r for r in rows if r["record_id"] == "a"]
    assert [(r["source_country"], r["target_country"], r["cameo_code"], r["date"]) for r in a] == [
        ("JPN", "RUS", "163", "2014-03")]
    c = [r for r in rows if r["record_id"] == "c"]
    assert {(r["source_country"], r["target_country"]) for r in c} == {("JPN", "RUS"), ("RUS", "JPN")}
    assert {r["date_basis"] for r in c} == {"none"}


def test_code_records_custom_fields(nlp):
    rows = list(code_records([{"key": 7, "body": "Iran released a British citizen.", "day": "2019-01-02"}],
                             nlp, text_field="body", date_field="day", id_field="key"))
    assert [(r["record_id"], r["source_country"], r["target_country"], r["cameo_code"], r["date"])
            for r in rows] == [("7", "IRN", "GBR", "084", "2019-01-02")]


@pytest.mark.parametrize("value,type_,expected", [
    ("2018-09-12", "DATE", ("2018-09-12", "day")),
    ("2018-09-12T10:00", "TIME", ("2018-09-12", "day")),
    ("2018-W37", "DATE", ("2018-09-10", "week")),
    ("2018-10", "DATE", ("2018-10", "month")),
    ("2018-Q3", "DATE", ("2018-07", "quarter")),
    ("2018-H2", "DATE", ("2018-07", "half")),
    ("2018-SU", "DATE", ("2018-06", "season")),
    ("1945", "DATE", ("1945", "year")),
    ("196X", "DATE", ("1960", "decade")),
    ("P2Y", "DURATION", None),
    ("PRESENT_REF", "DATE", None),
    ("2018-13", "DATE", None),
])
def test_timex_dates_by_precision(value, type_, expected):
    from detente.events import timex_date
    from detente.records import TimeExpression

    got = timex_date(TimeExpression(0, 4, "text", type_, value, "day"))
    assert (got[:2] if got else None) == expected


def test_coder_version_names_the_pattern_file_version():
    # bumping the patterns without the coder version would leave stale analyses "current"
    from detente.events import load_patterns

    assert f"(patterns {load_patterns().version})" in CODER_VERSION
