"""Property tests: ingesting arbitrary bytes or text never raises, it yields records."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.config import Options
from detente.errors import IngestError
from detente.ingest import REASONS, make_article, read_article
from detente.records import Article, Rejection

_OPTIONS = Options(max_bytes=200_000)
_counter = itertools.count()
_SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl"])
# bytes that look like text more often than uniform noise does
_TEXTISH = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=1500).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=800).map(lambda s: s.encode("utf-16", "surrogatepass")),
    st.lists(st.sampled_from([b"<p>", b"</p>", b"<html>", b"{\"text\": ", b"\"", b"\n", b"\x00",
                              b"Japan and Russia met ", b"\xff\xfe", b"\xef\xbb\xbf", b"\xe9",
                              b"Leave a Reply\n", b"June 14, 2018\n", b"By\n"]),
             max_size=200).map(b"".join),
)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


def _check(records):
    assert records
    for rec in records:
        assert isinstance(rec, (Article, Rejection))
        if isinstance(rec, Rejection):
            assert rec.reason in REASONS and rec.message
        else:
            assert rec.text.strip() and rec.word_count >= _OPTIONS.min_words
            assert rec.publication_date_basis in ("metadata", "text", "inferred", "unknown")


def _ingest(fuzz_dir, data: bytes, suffix: str):
    path = fuzz_dir / f"f{next(_counter)}{suffix}"
    path.write_bytes(data)
    try:
        return read_article(path, _OPTIONS)
    finally:
        path.unlink()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_TEXTISH, suffix=_SUFFIXES)
def test_arbitrary_bytes_never_crash(fuzz_dir, data, suffix):
    _check(_ingest(fuzz_dir, data, suffix))


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_TEXTISH, suffix=_SUFFIXES)
def test_arbitrary_bytes_never_crash_many(fuzz_dir, data, suffix):
    _check(_ingest(fuzz_dir, data, suffix))


_VALUE = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                   st.text(max_size=300), st.lists(st.integers(), max_size=3))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.dictionaries(st.sampled_from(["text", "title", "url", "source", "date",
                                                      "author", "html", "extra"]), _VALUE),
                     min_size=1, max_size=5))
def test_arbitrary_jsonl_never_crashes(fuzz_dir, rows):
    data = "\n".join(json.dumps(r) for r in rows).encode()
    records = _ingest(fuzz_dir, data, ".jsonl")
    _check(records)
    assert [r.line for r in records] == list(range(1, len(rows) + 1))


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=2000), html=st.booleans(), date=st.one_of(st.none(), st.text()))
def test_make_article_raises_only_ingest_errors(text, html, date):
    try:
        art = make_article(text, file="mem", html=html, date=date, options=_OPTIONS)
    except IngestError as exc:
        assert exc.reason in REASONS
    else:
        assert art.text.strip()
