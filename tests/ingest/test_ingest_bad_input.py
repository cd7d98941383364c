"""Every bad-input case gives a specific reason code and a message naming the file (and line)."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from detente.config import Options
from detente.ingest import REASONS, iter_inputs, read_article
from detente.records import Article, Rejection

ENGLISH = (
    "Japan and Russia agreed on Tuesday to resume talks on a peace treaty, the foreign "
    "ministry in Tokyo said. The two governments have discussed the disputed islands for "
    "decades without reaching a settlement, and officials expect the next round in the spring."
)


def _one(path: Path, options: Options | None = None) -> Article | Rejection:
    records = read_article(path, options or Options())
    assert len(records) == 1
    return records[0]


def _rejected(path: Path, reason: str, options: Options | None = None) -> Rejection:
    rec = _one(path, options)
    assert isinstance(rec, Rejection), rec
    assert rec.reason == reason, rec
    assert rec.reason in REASONS
    assert rec.file == str(path)
    assert str(path) in rec.message
    return rec


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n", b"\x00\x00\n"])
def test_empty_file(tmp_path, data):
    _rejected(_write(tmp_path, "empty.txt", data), "empty")


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(2000),
    random.Random(2).randbytes(4000),
    b"\x00\x01\x02\x03" * 500,
    b"%PDF-1.7\n" + random.Random(3).randbytes(500),
])
def test_binary_file(tmp_path, data):
    _rejected(_write(tmp_path, "data.txt", data), "binary")


def test_undecodable_bytes(tmp_path):
    _rejected(_write(tmp_path, "high.txt", bytes(range(128, 256)) * 40), "undecodable")


def test_truncated_utf8_is_read(tmp_path):
    data = ("Tōkyō " + ENGLISH).encode("utf-8") + "é".encode()[:1]
    rec = _one(_write(tmp_path, "trunc.txt", data))
    assert isinstance(rec, Article)
    assert rec.text.startswith("Tōkyō Japan")


def test_mixed_encodings_are_read(tmp_path):
    data = ENGLISH.encode("utf-8") + " café".encode("latin-1") + " naïve façade.".encode()
    rec = _one(_write(tmp_path, "mixed.txt", data))
    assert isinstance(rec, Article)
    assert rec.text.endswith("café naïve façade.")


@pytest.mark.parametrize("encoding,bom", [
    ("utf-16", True), ("utf-16-le", False), ("utf-16-be", False), ("utf-8-sig", True),
    ("utf-32", True),
])
def test_unicode_encodings_give_the_same_article(tmp_path, encoding, bom):
    ref = _one(_write(tmp_path, "ref.txt", ENGLISH.encode("utf-8")))
    rec = _one(_write(tmp_path, f"enc-{encoding}.txt", ENGLISH.encode(encoding)))
    assert isinstance(rec, Article)
    assert rec.doc_id == ref.doc_id
    assert rec.text == ref.text
    assert "\ufeff" not in rec.text


def test_windows_1252_smart_quotes(tmp_path):
    data = ("\x93" + ENGLISH + "\x94 It\x92s the third round.").encode("latin-1")
    rec = _one(_write(tmp_path, "cp1252.txt", data))
    assert isinstance(rec, Article)
    assert rec.text.startswith("“Japan") and "It’s the third round." in rec.text


def test_stray_nul_bytes_are_dropped(tmp_path):
    raw = ENGLISH.encode()
    rec = _one(_write(tmp_path, "nul.txt", raw[:40] + b"\x00" + raw[40:] + b"\x00"))
    assert isinstance(rec, Article)
    assert "\x00" not in rec.text and rec.text == ENGLISH


def test_file_over_the_size_cap(tmp_path):
    p = _write(tmp_path, "big.txt", (ENGLISH + "\n").encode() * 50)
    rec = _rejected(p, "too_large", Options(max_bytes=1000))
    assert "1,000" in rec.message


def test_fifty_megabyte_file_is_rejected_without_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: instant, no disk use
    rec = _rejected(p, "too_large")
    assert "52,428,800" in rec.message


def test_very_long_single_line(tmp_path):
    p = _write(tmp_path, "oneline.txt", (ENGLISH.replace("\n", " ") + " ").encode() * 3000)
    rec = _one(p)
    assert isinstance(rec, Article)
    assert rec.word_count > 100_000


def test_missing_path(tmp_path):
    missing = tmp_path / "nope" / "missing.txt"
    (rec,) = list(iter_inputs([missing], Options()))
    assert isinstance(rec, Rejection) and rec.reason == "unreadable"
    assert str(missing) in rec.message and "no such file" in rec.message


def test_path_through_a_file_is_unreadable(tmp_path):
    f = _write(tmp_path, "file.txt", ENGLISH.encode())
    _rejected(f / "inner.txt", "unreadable")


def test_permission_denied_is_unreadable(tmp_path, monkeypatch):
    p = _write(tmp_path, "secret.txt", ENGLISH.encode())
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self == p:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    rec = _rejected(p, "unreadable")
    assert "Permission denied" in rec.message


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_chmod_000_is_unreadable(tmp_path):
    p = _write(tmp_path, "locked.txt", ENGLISH.encode())
    p.chmod(0)
    try:
        _rejected(p, "unreadable")
    finally:
        p.chmod(0o644)


def test_unlistable_folder_is_reported_and_batch_goes_on(tmp_path, monkeypatch):
    good = tmp_path / "a_good"
    locked = tmp_path / "b_locked"
    good.mkdir()
    locked.mkdir()
    _write(good, "ok.txt", ENGLISH.encode())
    _write(locked, "hidden.txt", ENGLISH.encode())
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    records = list(iter_inputs([tmp_path], Options()))
    assert [type(r).__name__ for r in records] == ["Article", "Rejection"]
    assert records[1].reason == "unreadable" and str(locked) in records[1].message


def test_fifo_is_not_read(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    rec = _rejected(p, "unreadable")
    assert "not a regular file" in rec.message


def test_malformed_jsonl_line_reports_its_line_number(tmp_path):
    lines = [json.dumps({"text": ENGLISH, "title": "First"}), '{"text": "broken', "",
             json.dumps({"text": ENGLISH + " Later.", "title": "Fourth"})]
    p = _write(tmp_path, "batch.jsonl", "\n".join(lines).encode())
    records = read_article(p)
    assert [type(r).__name__ for r in records] == ["Article", "Rejection", "Article"]
    bad = records[1]
    assert bad.reason == "bad_json" and bad.line == 2
    assert f"{p}:2:" in bad.message
    assert [records[0].line, records[2].line] == [1, 4]
    assert records[0].file_sha == records[2].file_sha


@pytest.mark.parametrize("obj,field", [
    ({"title": "no text"}, "text"),
    ({"text": None}, "text"),
    ({"text": 42}, "text"),
    ({"text": ENGLISH, "title": ["a", "list"]}, "title"),
    ({"text": ENGLISH, "date": 20180614}, "date"),
    ({"text": ENGLISH, "date": "not a date at all"}, "date"),
    ({"text": ENGLISH, "url": {"href": "x"}}, "url"),
    ({"text": ENGLISH, "author": 7}, "author"),
    ({"text": ENGLISH, "html": "yes"}, "html"),
    ([ENGLISH], "object"),
    ("just a string", "object"),
])
def test_wrong_or_missing_jsonl_fields(tmp_path, obj, field):
    p = _write(tmp_path, "fields.jsonl", (json.dumps({"text": ENGLISH}) + "\n" +
                                          json.dumps(obj) + "\n").encode())
    good, bad = read_article(p)
    assert isinstance(good, Article)
    assert isinstance(bad, Rejection) and bad.reason == "bad_field" and bad.line == 2
    assert field in bad.message and f"{p}:2:" in bad.message


def test_huge_jsonl_field_is_read(tmp_path):
    big = " ".join([ENGLISH] * 4000)  # about 1 MB in one JSON string
    p = _write(tmp_path, "big.jsonl", json.dumps({"text": big, "title": "x" * 10000}).encode())
    (rec,) = read_article(p)
    assert isinstance(rec, Article) and rec.word_count > 100_000


@pytest.mark.parametrize("html", [
    ("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> "
    "<a href='/n'>News</a></nav><footer>Contact us</footer></body></html>"),
    "<html><body></body></html>",
    "<!doctype html><html><head><style>p{color:red}</style></head><body><img src=a.png></body></html>",
])
def test_html_without_main_text(tmp_path, html):
    _rejected(_write(tmp_path, "page.html", html.encode()), "no_text")


def test_html_with_only_scripts(tmp_path):
    html = ("<html><head><script>var s = 'Japan and Russia signed a treaty in Moscow after "
            "long talks on the islands';</script></head><body><script>alert(1)</script>"
            "<noscript>Enable JavaScript</noscript></body></html>")
    rec = _rejected(_write(tmp_path, "scripts.htm", html.encode()), "no_text")
    assert "treaty" not in rec.message


def test_deeply_nested_html_does_not_crash(tmp_path):
    html = ("<html><body>" + "<div>" * 5000 + f"<p>{ENGLISH}</p>" + "</div>" * 5000 +
            "</body></html>")
    rec = _one(_write(tmp_path, "deep.html", html.encode()))
    assert isinstance(rec, (Article, Rejection))
    if isinstance(rec, Rejection):
        assert rec.reason == "no_text"


@pytest.mark.parametrize("lang,text", [
    ("de", ("Der japanische Ministerpräsident hat am Montag in Moskau den russischen "
           "Präsidenten getroffen. Die beiden Politiker sprachen über einen Friedensvertrag "
           "und die umstrittenen Inseln, aber eine Einigung gab es nicht.")),
    ("ru", ("Премьер-министр Японии встретился с президентом России в Москве. Они обсудили "
           "мирный договор и спорные острова, но договориться так и не смогли. Переговоры "
           "продолжатся весной, сообщили в министерстве.")),
    ("fr", ("Le Premier ministre japonais a rencontré lundi à Moscou le président russe. Les "
           "deux dirigeants ont parlé d'un traité de paix et des îles disputées, sans parvenir "
           "à un accord, selon le ministère des affaires étrangères.")),
])
def test_non_english_article(tmp_path, lang, text):
    p = _write(tmp_path, f"{lang}.txt", (text + "\n\n" + text).encode("utf-8"))
    rec = _rejected(p, "not_english")
    assert repr(lang) in rec.message
    accepted = _one(p, Options(languages=("en", lang)))
    assert isinstance(accepted, Article) and accepted.language == lang


@pytest.mark.parametrize("text", [
    ("Leave a Reply\n\nYou are commenting using your Google account. Log Out / Change )\n\n"
    "Share this:\n\nTwitter\n\nFacebook\n\nLike this:\n\nRelated\n"),
    ("Share this:\n\nClick to share on Twitter (Opens in new window)\n\nLike this:\n\nLoading...\n\n"
    "Related\n\n3 Comments\n\nGreat article! I agree with every word of it and more."),
    ("AP photo\n\nTo contact the editors and the publisher visit:\n\n"
    "[example.org/contact](https://example.org/contact)\n"),
])
def test_boilerplate_only_article(tmp_path, text):
    _rejected(_write(tmp_path, "bp.txt", text.encode()), "no_text")


def test_too_few_words(tmp_path):
    rec = _rejected(_write(tmp_path, "short.txt", b"Japan and Russia met."), "no_text")
    assert "minimum 20" in rec.message


def test_symlink_loop_terminates(tmp_path):
    root = tmp_path / "corpus"
    sub = root / "sub"
    sub.mkdir(parents=True)
    _write(sub, "article.txt", ENGLISH.encode())
    (sub / "back").symlink_to(root, target_is_directory=True)  # loop to an ancestor
    (root / "self").symlink_to(root / "self")  # a link to itself
    records = list(iter_inputs([root, root], Options()))
    articles = [r for r in records if isinstance(r, Article)]
    assert len(articles) == 1
    loops = [r for r in records if isinstance(r, Rejection)]
    assert [r.reason for r in loops] == ["unreadable"]
    assert loops[0].file.endswith("self")


def test_broken_symlink_in_folder(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (rec,) = list(iter_inputs([tmp_path], Options()))
    assert rec.reason == "unreadable" and "broken symbolic link" in rec.message


@pytest.mark.parametrize("name", [
    "with space.txt", "ünïcödé-日本.txt", "-leading-dash.txt", "quote'\"s.txt", "new\nline.txt",
    "semi;colon&amp.md", "UPPER.TXT", "x" * 200 + ".txt",
])
def test_odd_filenames(tmp_path, name):
    p = _write(tmp_path, name, ENGLISH.encode())
    (rec,) = list(iter_inputs([tmp_path], Options()))
    assert isinstance(rec, Article) and rec.file == str(p)
    (direct,) = list(iter_inputs([str(p)], Options()))
    assert direct.doc_id == rec.doc_id


def test_unsupported_extension(tmp_path):
    pdf = _write(tmp_path, "report.pdf", ENGLISH.encode())
    _write(tmp_path, "notes.docx", ENGLISH.encode())
    _write(tmp_path, "article.txt", ENGLISH.encode())
    rec = _rejected(pdf, "unsupported")
    assert ".pdf" in rec.message
    skipped: list[str] = []
    records = list(iter_inputs([tmp_path], Options(), skipped=skipped))
    assert [type(r).__name__ for r in records] == ["Article"]
    assert sorted(Path(s).name for s in skipped) == ["notes.docx", "report.pdf"]


def test_bad_files_do_not_stop_the_batch(tmp_path):
    _write(tmp_path, "a.txt", ENGLISH.encode())
    _write(tmp_path, "b.txt", b"")
    _write(tmp_path, "c.html", b"<html><script>x</script></html>")
    _write(tmp_path, "d.jsonl", b'{"text": 1}\nnot json\n')
    _write(tmp_path, "e.txt", bytes(range(128, 256)) * 40)
    _write(tmp_path, "f.md", ("# Title\n\n" + ENGLISH).encode())
    records = list(iter_inputs([tmp_path], Options()))
    summary = [(Path(r.file).name, getattr(r, "reason", "ok"), r.line) for r in records]
    assert summary == [
        ("a.txt", "ok", None), ("b.txt", "empty", None), ("c.html", "no_text", None),
        ("d.jsonl", "bad_field", 1), ("d.jsonl", "bad_json", 2), ("e.txt", "undecodable", None),
        ("f.md", "ok", None),
    ]
