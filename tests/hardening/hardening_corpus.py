"""The bad-input corpus of issue 9, BUILT at test time in a temporary folder.

Nothing here is checked in as data: :func:`build_bad_corpus` writes every hostile input (zero
bytes, binary, broken encodings, a 50 MB file, deep HTML, broken JSONL, loops, FIFOs, odd
names ...) and returns what each one must yield. Every text is written for these tests.

Decisions the cases pin down (see ``detente.ingest`` for the reason codes):

* **50 MB file** — rejected ``too_large`` by the default cap (``Options.max_bytes`` = 20 MB),
  from its size alone (the file is never read into memory).
* **Text longer than the parser's limit** (a 1.2 MB single line) — the default cap lets it in
  (it is 1.2 MB) and ingest-only runs store it; with the NLP stages on it is rejected
  ``too_large`` before parsing (spaCy refuses texts over ``nlp.max_length``), never a crash.
* **Recoverable encodings** (truncated UTF-8 tail, UTF-8 with Latin-1 bytes, UTF-16 with and
  without BOM, a few stray NULs) are *read*, not rejected: the expected outcome is a document
  whose text contains the article's words.
* **Deep HTML** — 200 levels are read; 5,000 levels are rejected ``no_text`` with the reason
  spelled out (libxml2, under trafilatura, stops at 255 levels), never a RecursionError.
* **Scripts** — a page whose only content is ``<script>`` is rejected ``no_text``; script text
  never reaches the store or a message.
* **Unreadable paths** — tests run as root, which reads any file whatever its mode, so the
  cases use paths that fail for root too: a FIFO, a dangling symlink and a two-link loop.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

# Varied pieces for distinct, plainly English articles (each text is unique, so each good
# input becomes its own document).
_PLACES = ("Tokyo", "Moscow", "Vladivostok", "Sapporo", "Osaka", "Khabarovsk", "Nagoya",
           "Yuzhno-Sakhalinsk", "Niigata", "Irkutsk", "Sendai", "Kazan")
_TOPICS = ("fishing quotas", "gas pipelines", "visa rules", "grain exports", "port fees",
           "student exchanges", "weather data", "ferry routes", "timber prices", "customs checks",
           "museum loans", "rail freight")


def english_article(n: int, words: int = 0) -> str:
    """A unique plain-English news brief (about 60 words; ``words`` pads it longer)."""
    place, topic = _PLACES[n % len(_PLACES)], _TOPICS[(n * 5) % len(_TOPICS)]
    text = (
        f"Officials from Japan and Russia met in {place} on Thursday for talks number {n + 100} "
        f"on {topic}. The delegations said the meeting was useful and that experts would "
        f"prepare a joint paper before the next round. A spokesman for the foreign ministry "
        f"told reporters that both sides hoped to settle the question of {topic} within the "
        f"year, although several details were still open."
    )
    extra = f" The talks in {place} went on for another session about {topic}."
    missing = words - len(text.split())
    if missing > 0:
        text += extra * (missing // len(extra.split()) + 1)
    return text


#: Every case of :func:`build_bad_corpus`, in order (for parametrising tests).
CASE_NAMES = (
    "zero_byte", "binary_png", "binary_random", "undecodable", "truncated_utf8",
    "mixed_encodings", "utf16_bom", "utf16_le_no_bom", "utf16_be_no_bom", "stray_nul_bytes",
    "many_nul_bytes", "fifty_mb", "long_single_line", "long_line_within_limits",
    "deep_html_5000", "deep_html_200", "html_only_scripts",
    "jsonl_good_first", "jsonl_broken_line", "jsonl_missing_text", "jsonl_wrong_type_title",
    "jsonl_wrong_type_text", "jsonl_bad_date", "jsonl_not_an_object", "jsonl_huge_fields",
    "jsonl_good_last", "non_english", "boilerplate_only", "symlink_dir_loop_member",
    "symlink_loop_a", "symlink_loop_b", "dangling_symlink", "fifo",
    "odd_name_0", "odd_name_1", "odd_name_2", "odd_name_3", "odd_name_4", "unsupported_in_folder",
)


@dataclass
class Case:
    """One bad input and what ``detente analyze`` must make of it."""

    name: str
    path: Path  # the path handed to / walked by `detente analyze`
    #: reason code, "analyzed" (read fine: becomes a document), or "skipped" (walked past)
    expect: str
    line: int | None = None  # JSONL line of this case
    #: words the stored text / message must contain (per outcome)
    contains: tuple[str, ...] = ()
    #: ingest-only runs store it (the parser's length limit only applies with NLP on)
    expect_without_nlp: str | None = None

    def outcome(self, nlp: bool) -> str:
        if not nlp and self.expect_without_nlp:
            return self.expect_without_nlp
        return self.expect


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def build_bad_corpus(root: Path) -> list[Case]:
    """Write the whole bad-input corpus under ``root`` (a folder) and return its cases."""
    root.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(9)
    cases: list[Case] = []

    def add(name: str, filename: str, data: bytes, expect: str, **kw) -> None:
        cases.append(Case(name, _write(root / filename, data), expect, **kw))

    add("zero_byte", "zero_byte.txt", b"", "empty")
    add("binary_png", "binary.txt", b"\x89PNG\r\n\x1a\n" + rnd.randbytes(4000), "binary")
    add("binary_random", "random_bytes.md", rnd.randbytes(6000), "binary")
    add("undecodable", "high_bytes.txt", bytes(range(128, 256)) * 50, "undecodable")
    art = english_article(1)
    add("truncated_utf8", "truncated_utf8.txt",
        ("Tōkyō. " + art).encode() + "日".encode()[:2], "analyzed", contains=("Tōkyō", "delegations"))
    art = english_article(2)
    add("mixed_encodings", "mixed_encodings.txt",
        art.encode() + " Café owners in Sapporo agreed.".encode("latin-1") + " Naïve façade.".encode(),
        "analyzed", contains=("Café owners", "Naïve façade"))
    add("utf16_bom", "utf16_bom.txt", english_article(3).encode("utf-16"), "analyzed",
        contains=("talks number 103",))
    add("utf16_le_no_bom", "utf16_le_no_bom.txt", english_article(4).encode("utf-16-le"),
        "analyzed", contains=("talks number 104",))
    add("utf16_be_no_bom", "utf16_be_no_bom.txt", english_article(5).encode("utf-16-be"),
        "analyzed", contains=("talks number 105",))
    raw = english_article(6).encode()
    add("stray_nul_bytes", "stray_nul.txt", raw[:50] + b"\x00" + raw[50:] + b"\x00\x00",
        "analyzed", contains=("talks number 106",))
    add("many_nul_bytes", "many_nul.txt", b"\x00".join(raw[i:i + 3] for i in range(0, len(raw), 3)),
        "binary")
    # 50 MB of real text, written in one go (about 0.1 s): over the default 20 MB cap.
    big = root / "fifty_mb.txt"
    chunk = (english_article(7) + "\n").encode()
    with big.open("wb") as fh:
        fh.write(chunk * (50 * 1024 * 1024 // len(chunk) + 1))
    cases.append(Case("fifty_mb", big, "too_large", contains=("20,000,000",)))
    # One line of about 1.2 MB: under the byte cap, over spaCy's 1,000,000-character limit.
    long_line = " ".join(english_article(8).replace("\n", " ") for _ in range(3300))
    add("long_single_line", "long_line.txt", long_line.encode(), "too_large",
        expect_without_nlp="analyzed", contains=("characters",))
    # A long line within every limit is read and parsed.
    add("long_line_within_limits", "long_line_ok.txt",
        " ".join([english_article(9)] * 15).encode(), "analyzed", contains=("talks number 109",))
    deep = ("<html><body>" + "<div>" * 5000 + f"<p>{english_article(10)}</p>" + "</div>" * 5000
            + "</body></html>")
    # libxml2 (under trafilatura) stops at 255 levels: deeper text is not seen; no crash.
    add("deep_html_5000", "deep.html", deep.encode(), "no_text",
        contains=("no main text", "nested deeper than 255"))
    deep = ("<html><body>" + "<div>" * 200 + f"<p>{english_article(17)}</p>" + "</div>" * 200
            + "</body></html>")
    add("deep_html_200", "deep200.html", deep.encode(), "analyzed", contains=("talks number 117",))
    scripts = ("<html><head><script>document.write('Japan and Russia signed a fishing deal "
               "in Moscow after long talks on the quota for salmon');</script></head><body>"
               "<script src='x.js'></script><script>window.__pwned = 1; alert('owned')</script>"
               "<noscript>Please enable JavaScript to read this page.</noscript></body></html>")
    add("html_only_scripts", "only_scripts.html", scripts.encode(), "no_text")
    # JSONL: one file, each line a case (good lines around the bad ones).
    jsonl = root / "batch.jsonl"
    lines = [
        json.dumps({"text": english_article(11), "title": "Good first line"}),
        '{"text": "a line cut off in the midd',
        json.dumps({"title": "no text field here"}),
        json.dumps({"text": english_article(12), "title": 2018}),
        json.dumps({"text": 12345}),
        json.dumps({"text": english_article(13), "date": "the day after tomorrow-ish"}),
        "[1, 2, 3]",
        json.dumps({"text": english_article(14, words=1_500), "title": "T" * 200_000}),
        json.dumps({"text": english_article(15), "title": "Good last line"}),
    ]
    _write(jsonl, ("\n".join(lines) + "\n").encode())
    for line, name, expect, kw in [
        (1, "jsonl_good_first", "analyzed", {"contains": ("talks number 111",)}),
        (2, "jsonl_broken_line", "bad_json", {"contains": ("malformed JSON",)}),
        (3, "jsonl_missing_text", "bad_field", {"contains": ("'text'",)}),
        (4, "jsonl_wrong_type_title", "bad_field", {"contains": ("'title'", "int")}),
        (5, "jsonl_wrong_type_text", "bad_field", {"contains": ("'text'",)}),
        (6, "jsonl_bad_date", "bad_field", {"contains": ("'date'",)}),
        (7, "jsonl_not_an_object", "bad_field", {"contains": ("list",)}),
        (8, "jsonl_huge_fields", "analyzed", {"contains": ("talks number 114",)}),
        (9, "jsonl_good_last", "analyzed", {"contains": ("talks number 115",)}),
    ]:
        cases.append(Case(name, jsonl, expect, line=line, **kw))
    german = ("Der japanische Außenminister ist am Montag in Moskau mit seinem russischen Kollegen "
              "zusammengetroffen. Beide Seiten sprachen über Fischereiquoten, Visaregeln und einen "
              "Friedensvertrag, doch eine Einigung über die umstrittenen Inseln gab es wieder nicht. "
              "Die Gespräche sollen im Frühjahr in Tokio fortgesetzt werden.")
    add("non_english", "deutsch.txt", german.encode(), "not_english", contains=("'de'",))
    boiler = ("Leave a Reply\n\nYou are commenting using your WordPress.com account. "
              "( Log Out / Change )\n\nShare this:\n\nTwitter\n\nFacebook\n\nLike this:\n\n"
              "Loading...\n\nRelated\n\nSubscribe to our newsletter\n")
    add("boilerplate_only", "boilerplate.txt", boiler.encode(), "no_text")
    # Symlinks: a folder linking back to its parent (walked once), a two-link loop, a dangling link.
    loopdir = root / "loopdir"
    loopdir.mkdir()
    _write(loopdir / "inside.txt", english_article(16).encode())
    (loopdir / "back_to_root").symlink_to(root, target_is_directory=True)
    cases.append(Case("symlink_dir_loop_member", loopdir / "inside.txt", "analyzed",
                      contains=("talks number 116",)))
    (root / "loop_a.txt").symlink_to(root / "loop_b.txt")
    (root / "loop_b.txt").symlink_to(root / "loop_a.txt")
    cases.append(Case("symlink_loop_a", root / "loop_a.txt", "unreadable", contains=("symbolic link",)))
    cases.append(Case("symlink_loop_b", root / "loop_b.txt", "unreadable", contains=("symbolic link",)))
    (root / "dangling.txt").symlink_to(root / "gone" / "missing.txt")
    cases.append(Case("dangling_symlink", root / "dangling.txt", "unreadable",
                      contains=("symbolic link",)))
    fifo = root / "fifo.txt"
    os.mkfifo(fifo)
    cases.append(Case("fifo", fifo, "unreadable", contains=("not a regular file",)))
    for n, filename in enumerate(["with space.txt", "ünïcødé 日本.txt", "new\nline.txt",
                                  "-leading-dash.txt", "quote'\"semi;amp&.md"]):
        add(f"odd_name_{n}", filename, english_article(20 + n).encode(), "analyzed",
            contains=(f"talks number {120 + n}",))
    add("unsupported_in_folder", "notes.docx", english_article(30).encode(), "skipped")
    assert tuple(c.name for c in cases) == CASE_NAMES
    return cases


#: The good article that sits next to the bad corpus in every batch.
GOOD_TEXT = (
    "Tokyo, 14 June 2018.\n\nJapanese Foreign Minister Taro Kono met Russian Foreign Minister "
    "Sergei Lavrov in Tokyo on Wednesday. The two ministers agreed to hold new talks on joint "
    "economic activity on the disputed islands, and Kono invited Lavrov to visit Japan again "
    "in the autumn."
)
