"""Ingest stage: files and folders → :class:`~detente.records.Article` / :class:`Rejection`.

Inputs: ``.txt``, ``.md`` (``.markdown``), ``.html``/``.htm`` (main text extracted with
trafilatura, favouring recall) and ``.jsonl`` (one article per line: ``text`` required;
``title``, ``url``, ``source``, ``date``, ``author`` optional strings; ``html`` optional bool).

Every article gets:

* ``doc_id`` — sha256 of the main text (Unicode NFC, whitespace collapsed), first 16 hex
  characters; ``file`` (the path as given or walked), ``line`` for JSONL; ``file_sha`` —
  sha256 of the file's raw bytes (the same for every line of a JSONL file);
* ``title``, ``author`` (+ ``author_bio``), ``site``, ``url`` where stated;
* ``publication_date`` with ``publication_date_basis`` (``metadata`` | ``text`` |
  ``inferred`` | ``unknown``) and ``publication_date_window_days`` (the true date is expected
  within ± that many days of the estimate; 0 for a stated date, None when unknown) — see
  :mod:`detente.ingest.pubdate`;
* ``language`` and ``word_count`` of the main text, boilerplate removed
  (:mod:`detente.ingest.clean`).

Rejection reason codes (stable; stored with the rejection):

``empty``        the file (or decoded text) has no content
``binary``       a binary file (magic number, NUL or control bytes)
``undecodable``  bytes that are not readable text in UTF-8/UTF-16/UTF-32 or a detected encoding
``too_large``    the file is larger than ``Options.max_bytes``
``unreadable``   missing path, permission denied, broken symlink, not a regular file
``bad_json``     a JSONL line that is not valid JSON (message names the line)
``bad_field``    a JSONL line with a missing ``text`` or a wrongly typed/invalid field
``no_text``      no main text after extraction and cleaning, or fewer than ``Options.min_words``
``not_english``  the language is not in ``Options.languages``
``unsupported``  a file named explicitly with an extension detente does not read (inside a
                 walked folder such files are skipped and counted instead)

Publication-date finding can be measured on a JSONL corpus with known dates:
``detente bench pubdates --data FILE.jsonl`` (:mod:`detente.bench.pubdates`).

Decoding never crashes: BOMs (UTF-8, UTF-16, UTF-32), UTF-8, UTF-8 with stray legacy bytes
(decoded as cp1252), BOM-less UTF-16, then charset detection (charset-normalizer).
"""

from __future__ import annotations

from .clean import Cleaned, clean_text
from .language import detect_language
from .pubdate import (
    PubDate,
    find_timestamp,
    infer_publication_date,
    parse_date_value,
    parse_dateline,
)
from .readers import SUFFIXES, decode_bytes, doc_id_for, iter_inputs, make_article, read_article

REASONS = ("empty", "binary", "undecodable", "too_large", "unreadable", "bad_json", "bad_field",
           "no_text", "not_english", "unsupported")

__all__ = [
    "REASONS", "SUFFIXES", "Cleaned", "PubDate", "clean_text", "decode_bytes", "detect_language",
    "doc_id_for", "find_timestamp", "infer_publication_date", "iter_inputs", "make_article", "parse_date_value",
    "parse_dateline", "read_article",
]
