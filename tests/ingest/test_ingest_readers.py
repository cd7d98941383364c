"""Walking inputs, ids and hashes, JSONL and HTML readers, the make_article interface."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from detente.config import Options
from detente.errors import IngestError
from detente.ingest import doc_id_for, iter_inputs, make_article, read_article
from detente.records import Article

TEXT = ("Japan's foreign minister travelled to Moscow on Monday for talks with his Russian "
        "counterpart about the disputed islands, fishing quotas and energy projects. The two "
        "sides agreed to meet again in the autumn, officials said.")

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ministers meet in Moscow | Example Wire</title>
<meta property="og:title" content="Ministers meet in Moscow">
<meta property="og:site_name" content="Example Wire">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2019-01-14T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<article><h1>Ministers meet in Moscow</h1>
<p>{p1}</p><p>{p2}</p></article>
<div class="share">Share this: <a href="#">Twitter</a> <a href="#">Facebook</a></div>
<section class="comments"><h3>Leave a Reply</h3><p>First! Russia is always wrong, says me.</p>
</section>
<footer>Contact us at desk@example.org</footer></body></html>"""


def test_doc_id_is_a_hash_of_normalised_text():
    a = doc_id_for("Japan  and\nRussia\u00a0met.")
    assert a == doc_id_for("Japan and Russia met.")
    assert a == doc_id_for("  Japan and Russia met. \n")
    assert a == hashlib.sha256(b"Japan and Russia met.").hexdigest()[:16]
    assert doc_id_for("Cafe\u0301") == doc_id_for("Café")  # NFC
    assert doc_id_for("Japan and Russia met!") != a


def test_file_sha_is_the_hash_of_the_raw_bytes(tmp_path):
    raw = ("\ufeff" + TEXT).encode("utf-8")
    p = tmp_path / "a.txt"
    p.write_bytes(raw)
    (art,) = read_article(p)
    assert art.file_sha == hashlib.sha256(raw).hexdigest()
    assert art.file == str(p)
    # same text, different bytes: same doc_id, different file_sha
    q = tmp_path / "b.txt"
    q.write_bytes(TEXT.encode("utf-16"))
    (other,) = read_article(q)
    assert other.doc_id == art.doc_id and other.file_sha != art.file_sha


def test_walk_is_recursive_sorted_and_keeps_given_order(tmp_path):
    for rel in ["b/2.txt", "b/1.md", "a/z/9.txt", "c.txt", ".hidden/x.txt", ".dot.txt",
                "README.md"]:
        p = tmp_path / "root" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"{rel}. {TEXT}")
    other = tmp_path / "other.txt"
    other.write_text("Other. " + TEXT)
    skipped: list[str] = []
    records = list(iter_inputs([str(other), tmp_path / "root"], Options(), skipped=skipped))
    names = [Path(r.file).relative_to(tmp_path).as_posix() for r in records]
    assert names == ["other.txt", "root/a/z/9.txt", "root/b/1.md", "root/b/2.txt", "root/c.txt"]
    assert [Path(s).name for s in skipped] == ["README.md"]
    # named explicitly, a README is read like any file
    (readme,) = read_article(tmp_path / "root" / "README.md")
    assert isinstance(readme, Article)


def test_jsonl_records_carry_metadata_and_line(tmp_path):
    rows = [
        {"text": TEXT, "title": "Talks in Moscow", "url": "https://news.example.com/a",
         "source": "Example Wire", "date": "2019-01-14", "author": "Jane Roe"},
        {"text": TEXT + " More talks follow."},
    ]
    p = tmp_path / "two.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    a, b = read_article(p)
    assert (a.line, b.line) == (1, 2)
    assert (a.title, a.author, a.site, a.url) == ("Talks in Moscow", "Jane Roe", "Example Wire",
                                                  "https://news.example.com/a")
    assert (a.publication_date.isoformat(), a.publication_date_basis) == ("2019-01-14", "metadata")
    assert b.site is None and b.publication_date_basis in ("unknown", "inferred")
    assert a.file_sha == b.file_sha == hashlib.sha256(p.read_bytes()).hexdigest()


def test_jsonl_html_field(tmp_path):
    p = tmp_path / "h.jsonl"
    page = HTML.format(p1=TEXT, p2="Both ministers spoke to reporters afterwards.")
    p.write_text(json.dumps({"text": page, "html": True}))
    (art,) = read_article(p)
    assert art.title == "Ministers meet in Moscow"
    assert "Share this" not in art.text


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p2 = "Both ministers spoke to reporters afterwards and described the talks as useful."
    p.write_text(HTML.format(p1=TEXT, p2=p2))
    (art,) = read_article(p)
    assert isinstance(art, Article)
    assert art.title == "Ministers meet in Moscow"
    assert art.author == "Jane Roe"
    assert art.site == "Example Wire"
    assert (art.publication_date.isoformat(), art.publication_date_basis) == ("2019-01-14",
                                                                             "metadata")
    assert TEXT in art.text and p2 in art.text
    for junk in ("Home", "Share this", "Leave a Reply", "First!", "Contact us", "Log in"):
        assert junk not in art.text


def test_html_sniffed_in_txt_file(tmp_path):
    p = tmp_path / "saved.txt"
    p.write_text(HTML.format(p1=TEXT, p2="Nothing else was agreed, officials in Tokyo said."))
    (art,) = read_article(p)
    assert "<p>" not in art.text and art.title == "Ministers meet in Moscow"


def test_make_article_interface():
    art = make_article(TEXT, file="mem", title="Given title", url="https://www.example.org/x",
                       author="Jane Roe", options=Options())
    assert (art.title, art.author, art.site, art.file) == ("Given title", "Jane Roe",
                                                           "example.org", "mem")
    assert art.word_count == len(art.text.split()) and art.language == "en"
    d = art.to_dict()
    assert d["doc_id"] == art.doc_id and "text" in d


@pytest.mark.parametrize("kwargs,reason", [
    ({"text": "Too short to be an article."}, "no_text"),
    ({"text": TEXT, "date": "no date here"}, "bad_field"),
    ({"text": "<html><body><script>x()</script></body></html>", "html": True}, "no_text"),
    ({"text": "Ceci est un article en français sur la politique étrangère du Japon et de la "
              "Russie, écrit pour tester la détection de la langue des textes reçus."},
     "not_english"),
])
def test_make_article_raises_ingest_error(kwargs, reason):
    text = kwargs.pop("text")
    with pytest.raises(IngestError) as err:
        make_article(text, file="mem.jsonl", line=7, options=Options(), **kwargs)
    assert err.value.reason == reason
    assert (err.value.file, err.value.line) == ("mem.jsonl", 7)
    assert str(err.value).startswith("mem.jsonl:7: ")


def test_min_words_option():
    with pytest.raises(IngestError):
        make_article(TEXT, file="m", options=Options(min_words=500))
    assert make_article(TEXT, file="m", options=Options(min_words=5)).word_count > 5


def _brief(n: int) -> str:
    return (f"Record {n}. The foreign ministers of Japan and Russia met in Tokyo and agreed to "
            "continue talks on a peace treaty and on joint economic activity on the islands.")


def test_jsonl_is_streamed_with_a_per_record_size_cap(tmp_path):
    """A JSONL file larger than max_bytes is read record by record; only an oversize line fails."""
    import json as _json

    from detente.config import Options
    from detente.ingest import iter_inputs

    lines = [_json.dumps({"text": _brief(i), "date": "2017-03-03"}) for i in range(40)]
    lines[7] = _json.dumps({"text": _brief(7) + " x" * 3000})
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode() + b"\n")
    options = Options(max_bytes=2000)
    assert path.stat().st_size > options.max_bytes
    records = list(iter_inputs([path], options))
    rejected = [r for r in records if not hasattr(r, "doc_id")]
    assert len(records) == 40
    assert [(r.line, r.reason) for r in rejected] == [(8, "too_large")]
    assert f"{path}:8:" in rejected[0].message
    shas = {r.file_sha for r in records if hasattr(r, "doc_id")}
    assert len(shas) == 1  # every record carries the hash of the whole file


def test_utf16_jsonl_still_reads(tmp_path):
    import json as _json

    from detente.ingest import read_article

    path = tmp_path / "wide.jsonl"
    path.write_bytes(("\n".join(_json.dumps({"text": _brief(i)}) for i in range(3)) + "\n").encode("utf-16"))
    records = read_article(path)
    assert [r.line for r in records] == [1, 2, 3]
    assert all(hasattr(r, "doc_id") for r in records)


def test_jsonl_of_blank_lines_is_rejected_empty(tmp_path):
    from detente.ingest import read_article

    path = tmp_path / "blank.jsonl"
    path.write_bytes(b"\n  \n\t\n")
    (record,) = read_article(path)
    assert record.reason == "empty"
    assert str(path) in record.message
