"""Issue 9, part 2: fuzzing (hypothesis). Only the project's documented errors may escape.

* ingestion of arbitrary and mutated bytes (``read_article``: never raises; every record is an
  Article or a Rejection with a known reason code naming the file);
* the JSONL reader on arbitrary lines and arbitrary JSON values;
* the date normaliser ``detente.time.normalise`` on arbitrary strings and anchors;
* the pattern and actor data loaders on arbitrary and mutated YAML (only ``ConfigError``);
* the event coder (``code_records``) on arbitrary sentences, parsed with the session pipeline.

Runs are derandomised (the same examples every time). Example counts are in ``EXAMPLES``.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.actors.data import apply_user_file, load_actor_db
from detente.config import Options
from detente.errors import ConfigError
from detente.events import code_records
from detente.events import patterns as patterns_module
from detente.ingest import REASONS, read_article
from detente.records import Article, Rejection
from detente.time import TENSES, normalise

pytestmark = pytest.mark.slow

#: Examples per fuzz target (5,850 in all).
EXAMPLES = {
    "bytes": 900,
    "mutated_article": 400,
    "jsonl": 500,
    "normalise": 2000,
    "normalise_phrases": 1000,
    "patterns": 400,
    "actors": 500,
    "coder": 150,
}


#: ``DETENTE_FUZZ_SCALE=10`` runs ten times the examples, with fresh random ones (deeper local
#: fuzzing); by default the examples are derandomised, the same on every run.
SCALE = float(os.environ.get("DETENTE_FUZZ_SCALE", "1"))


def fuzz(name: str):
    return settings(max_examples=max(1, int(EXAMPLES[name] * SCALE)), deadline=None,
                    derandomize=SCALE == 1, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


_TMP = Path(tempfile.mkdtemp(prefix="detente-fuzz-"))
ARTICLE = (
    "Vladivostok, 12 September 2018.\n\nRussian President Vladimir Putin proposed on Wednesday "
    "that Russia and Japan sign a peace treaty by the end of the year without preconditions. "
    "Prime Minister Shinzo Abe did not answer at once, and officials in Tokyo later said the "
    "islands must be settled first.\n\nShare this:\n\nTwitter\n"
)


def _check_records(records, file: str) -> None:
    assert records, "every input yields at least one record"
    for rec in records:
        if isinstance(rec, Rejection):
            assert rec.reason in REASONS, rec
            assert rec.file == file and file in rec.message
        else:
            assert isinstance(rec, Article)
            assert rec.text.strip() and rec.word_count >= Options().min_words
            assert "\x00" not in rec.text and len(rec.doc_id) == 16


# -- ingestion ------------------------------------------------------------------------------------
@fuzz("bytes")
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_arbitrary_bytes_never_crash_ingestion(data, suffix):
    path = _TMP / f"fuzz{suffix}"
    path.write_bytes(data)
    _check_records(read_article(path), str(path))


_INSERTS = st.sampled_from([
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xe2\x80", b"<script>", b"</div>", b"<!--", b"\r",
    b"{", b'"', b"\x1b[0m", b"\xc3", b"Leave a Reply", b"\n\n", b"December", b"2018", b"\t",
]) | st.binary(min_size=1, max_size=12)


@fuzz("mutated_article")
@given(
    cuts=st.lists(st.tuples(st.integers(0, len(ARTICLE.encode())), _INSERTS), max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "utf-8-sig"]),
    suffix=st.sampled_from([".txt", ".html", ".md"]),
    wrap=st.booleans(),
)
def test_mutated_articles_never_crash_ingestion(cuts, encoding, suffix, wrap):
    text = ARTICLE if not wrap else f"<html><body><article><p>{ARTICLE}</p></article></body></html>"
    data = bytearray(text.encode(encoding, errors="replace"))
    for pos, insert in sorted(cuts, reverse=True):
        data[pos:pos] = insert
    path = _TMP / f"mutated{suffix}"
    path.write_bytes(bytes(data))
    _check_records(read_article(path), str(path))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_FIELDS = st.fixed_dictionaries({}, optional={
    "text": st.sampled_from([ARTICLE, ARTICLE[:40], ""]) | _JSON,
    "title": st.text(max_size=30) | _JSON,
    "date": st.sampled_from(["2018-06-14", "June 14, 2018", "yesterday", "2018-13-45", "0000-00-00",
                             "99999-01-01"]) | _JSON,
    "url": st.sampled_from(["https://example.org/a", "javascript:alert(1)", ""]) | _JSON,
    "source": st.text(max_size=20) | _JSON,
    "author": st.text(max_size=20) | _JSON,
    "html": _JSON,
})
_LINE = (_FIELDS.map(json.dumps) | _JSON.map(json.dumps) | st.text(max_size=80)
         | st.sampled_from(['{"text": "unterminated', "[[[[[[[[", "{" * 2000, "null", '{"text": 1e999}']))


@fuzz("jsonl")
@given(lines=st.lists(_LINE, max_size=6))
def test_jsonl_reader_never_crashes(lines):
    path = _TMP / "fuzz.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    records = read_article(path)
    for rec in records:
        if rec.line is not None:
            assert 1 <= rec.line <= max(1, len("\n".join(lines).split("\n")))
    if any(line.strip() for line in lines) and path.stat().st_size:
        _check_records(records, str(path))


# -- the date normaliser -------------------------------------------------------------------------------
_ANCHORS = st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
_TIME_WORDS = st.sampled_from([
    "last", "next", "this", "week", "month", "year", "December", "Dec.", "Monday", "on", "in",
    "the", "autumn", "of", "2018", "1956", "17", "31st", "ago", "years", "two", "decades",
    "early", "late", "mid-", "-", "/", "2018-09-17", "9/11", "Q3", "the 1990s", "since", "until",
    "between", "and", "day", "after", "tomorrow", "yesterday", "0", "99999", "February 30",
    "BC", "AD", "1e9", "quarter", "half", "fiscal", "summer", "morning", "tonight", "now",
])


@fuzz("normalise")
@given(text=st.text(max_size=60), anchor=_ANCHORS, tense=st.sampled_from(TENSES))
def test_normalise_arbitrary_strings(text, anchor, tense):
    result = normalise(text, anchor, tense)
    if result is not None:
        assert 0 <= result.start <= result.end <= len(text)
        assert isinstance(result.value, str) and result.value


@fuzz("normalise_phrases")
@given(words=st.lists(_TIME_WORDS | st.text(max_size=6), min_size=1, max_size=8), anchor=_ANCHORS,
       tense=st.sampled_from(TENSES))
def test_normalise_time_like_phrases(words, anchor, tense):
    text = " ".join(words)
    result = normalise(text, anchor, tense)
    if result is not None:
        assert 0 <= result.start <= result.end <= len(text)
        assert result.text == text[result.start:result.end]


# -- data loaders --------------------------------------------------------------------------------------
_YAML_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=20)
    | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10,
)


def _dump(obj) -> str:
    return yaml.safe_dump(obj, allow_unicode=True, sort_keys=False)


_GOOD_VERB = {"id": "fuzz_visit", "lemma": ["visit"], "code": "043", "target": ["dobj"],
              "example": "Fiji visited Samoa.", "expect": ["FJI>WSM:043"]}
_VERB_KEYS = ["id", "lemma", "code", "object", "prep", "particle", "target", "symmetric",
              "complement", "speech", "allege", "elided_target", "example", "expect", "source",
              "modifier"]


@st.composite
def _pattern_file(draw) -> str:
    kind = draw(st.sampled_from(["mutated", "arbitrary", "text"]))
    if kind == "text":
        return draw(st.text(max_size=200))
    if kind == "arbitrary":
        return _dump(draw(_YAML_VALUE))
    entry = dict(_GOOD_VERB)
    for key in draw(st.lists(st.sampled_from(_VERB_KEYS), max_size=4)):
        if draw(st.booleans()):
            entry.pop(key, None)
        else:
            entry[key] = draw(_YAML_VALUE)
    doc = {"version": draw(st.sampled_from(["u1", 1, None])), "verbs": [entry]}
    for key in draw(st.lists(st.sampled_from(["nouns", "light_verbs", "speech_verbs", "modality",
                                               "commentators", "verbs"]), max_size=2)):
        doc[key] = draw(_YAML_VALUE)
    return _dump(doc)


@pytest.fixture(scope="module")
def packaged_patterns() -> dict:
    return patterns_module.parse_pattern_file(patterns_module.packaged_pattern_path())


@fuzz("patterns")
@given(body=_pattern_file())
def test_pattern_loader_only_raises_config_error(packaged_patterns, body):
    path = _TMP / "patterns.yaml"
    path.write_text(body, encoding="utf-8", errors="surrogatepass")
    try:
        data = patterns_module.parse_pattern_file(path, base=copy.deepcopy(packaged_patterns))
        patterns = patterns_module.build_pattern_set(data)
    except ConfigError as exc:
        assert str(path) in str(exc)  # names the file
        return
    assert patterns.all_patterns


_GOOD_ACTORS = {
    "version": 1,
    "countries": [{"id": "ATL", "iso3": "ATL", "name": "Atlantis", "status": "other",
                   "capital": ["Poseidonia"], "valid_from": dt.date(1990, 1, 1)}],
    "office_terms": [{"office": "ATL", "role": "hos", "start": dt.date(2001, 1, 1),
                      "end": dt.date(2005, 1, 1), "name": "Ada Example", "aliases": ["Ada"]}],
    "organisations": [{"id": "ATL:navy", "name": "Atlantean Navy", "country": "ATL",
                       "sector": "MIL", "aliases": ["the navy"]}],
    "metonyms": [{"term": "the Trident Palace", "target": "ATL"}],
    "places": [{"name": "Poseidonia", "country": "ATL"}],
}


@st.composite
def _actor_file(draw) -> str:
    kind = draw(st.sampled_from(["mutated", "mutated", "arbitrary", "text"]))
    if kind == "text":
        return draw(st.text(max_size=200))
    if kind == "arbitrary":
        return _dump(draw(_YAML_VALUE))
    doc = copy.deepcopy(_GOOD_ACTORS)
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(list(doc)))
        if section == "version" or draw(st.integers(0, 5)) == 0:
            doc[section] = draw(_YAML_VALUE)
            continue
        rows = doc[section]
        if not isinstance(rows, list) or not rows or not isinstance(rows[0], dict):
            continue
        key = draw(st.sampled_from(sorted(rows[0]) + ["extra", "id", "valid_to", "members"]))
        if draw(st.booleans()):
            rows[0].pop(key, None)
        else:
            rows[0][key] = draw(_YAML_VALUE)
    return _dump(doc)


@pytest.fixture(scope="module")
def actor_db():
    return load_actor_db()


@fuzz("actors")
@given(body=_actor_file())
def test_actor_loader_only_raises_config_error(actor_db, body):
    path = _TMP / "actors.yaml"
    path.write_text(body, encoding="utf-8", errors="surrogatepass")
    try:
        db = apply_user_file(actor_db, path)
    except ConfigError as exc:
        assert str(path) in str(exc)
        return
    assert db.actors  # the merged database is usable
    assert len(db.index) >= len(actor_db.index) // 2


# -- the event coder -------------------------------------------------------------------------------------
_SENTENCE_WORDS = st.sampled_from([
    "Japan", "Russia", "Tokyo", "the Kremlin", "Putin", "Abe", "Lavrov", "Kono", "China", "the UN",
    "met", "criticised", "accused", "signed", "a", "treaty", "with", "on", "in", "December",
    "2018", "last", "week", "not", "will", "may", "said", "that", "would", "visit", "Moscow",
    "and", "the", "islands", ",", ".", "?", "\"", "(", ")", "-", "Prime", "Minister", "President",
    "his", "counterpart", "talks", "sanctions", "threatened", "to", "impose", "denied", "agreed",
])
_SENTENCE = (st.lists(_SENTENCE_WORDS, min_size=1, max_size=25).map(" ".join)
             | st.text(min_size=1, max_size=120))


@fuzz("coder")
@given(sentences=st.lists(_SENTENCE, min_size=1, max_size=3),
       date=st.sampled_from([None, "2018-06-14", "1900-01-01", "yesterday", 5, "9999-12-31"]))
def test_event_coder_on_arbitrary_sentences(nlp, sentences, date):
    records = [{"id": f"r{i}", "text": s, "date": date} for i, s in enumerate(sentences)]
    for event in code_records(records, nlp):
        assert event["record_id"] in {r["id"] for r in records}
        assert event["cameo_code"] and event["cameo_root"] == event["cameo_code"][:2]
        text = next(r["text"] for r in records if r["id"] == event["record_id"])
        assert event["sentence"] in text
