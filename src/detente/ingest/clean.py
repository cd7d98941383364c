"""Main text of an article: boilerplate removed, metadata lines taken out.

The text is split into lines (units) grouped in paragraphs (blocks separated by blank
lines). Removal works on whole lines only, so an article sentence is never cut:

1. a comment-section header ("4 responses to ...", "Leave a Reply", "No Comments Yet")
   ends the article: it and everything after it go;
2. head lines before the first body paragraph are classified: title, byline, author-name
   line, dateline (with its category list), photo caption/credit;
3. standalone boilerplate lines anywhere (login widgets, share/subscribe prompts, photo
   credits, category/tag lines, separators, lone links) go, but only short lines (≤ 30 words);
4. short footer paragraphs (contact footers, "originally published by" notes) go;
5. an author's name line followed by a biography at the end becomes metadata;
6. caption lines (no final punctuation, ending with a date, e.g. "<alt text><caption>,
   at the Kremlin in Moscow, April 29, 2013") go.

Patterns live in ``data/ingest/boilerplate.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from detente.errors import ConfigError

from . import metadata as md
from ._data import compile_patterns, data_path, load_yaml
from .pubdate import _FULL_DMY, _FULL_MDY, _MONTH_YEAR, find_timestamp, parse_dateline

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_MD_EMPH = re.compile(r"(?<![\w*])(\*{1,2}|_{2})(?=\S)([^*\n]*?\S)\1(?![\w*])")
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]{1,200})\]\((?:https?://|/)[^)\s]*\)")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*\)")
_TERMINAL = re.compile(r"[.!?:;…]['\"”’)\]]*$")
_PHOTO_WORDS = re.compile(r"\((?:[^)]*\b(?:photo|image|picture|credit)\b[^)]*)\)\s*$",
                          re.IGNORECASE)
_ENDS_WITH_DATE = tuple(re.compile(rf"(?:{rx.pattern})\s*$")
                        for rx in (_FULL_DMY, _FULL_MDY, _MONTH_YEAR))
_ALT_JOIN = re.compile(r"\b[A-Z][a-z]+[a-z][A-Z][a-z]{2,}")  # "AbeRussian", not "McGrath"
_MAX_DROP_WORDS = 30
_BIO_OPENING_CHARS = 60
_HEAD_UNITS = 10


@dataclass(frozen=True)
class Boilerplate:
    comment_headers: tuple[re.Pattern[str], ...]
    drop_lines: tuple[re.Pattern[str], ...]
    footer_starts: tuple[re.Pattern[str], ...]
    bio_markers: tuple[re.Pattern[str], ...]
    max_footer_words: int


@lru_cache(maxsize=4)
def load_boilerplate(path: Path | None = None) -> Boilerplate:
    """Load and validate the boilerplate patterns (errors name file and line)."""
    path = path or data_path("boilerplate.yaml")
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping", file=str(path), line=1)
    allowed = {"version", "max_footer_words", "comment_headers", "drop_lines", "footer_starts",
               "bio_markers"}
    unknown = set(data) - allowed
    if unknown:
        raise ConfigError(f"unknown keys {sorted(unknown)}", file=str(path),
                          line=lines.get((min(unknown),)))
    max_words = data.get("max_footer_words", 40)
    if not isinstance(max_words, int) or max_words < 1:
        raise ConfigError("max_footer_words must be a positive integer", file=str(path),
                          line=lines.get(("max_footer_words",)))
    flags = re.IGNORECASE
    return Boilerplate(
        comment_headers=tuple(compile_patterns(data.get("comment_headers"), path, lines,
                                               ("comment_headers",), flags=flags, anchored=True)),
        drop_lines=tuple(compile_patterns(data.get("drop_lines"), path, lines, ("drop_lines",),
                                          flags=flags, anchored=True)),
        footer_starts=tuple(compile_patterns(data.get("footer_starts"), path, lines,
                                             ("footer_starts",), flags=flags)),
        bio_markers=tuple(compile_patterns(data.get("bio_markers"), path, lines, ("bio_markers",),
                                           flags=flags)),
        max_footer_words=max_words,
    )


@dataclass
class _Unit:
    text: str
    block: int
    kind: str = "body"  # body | title | byline | author | dateline | caption | boilerplate ...


@dataclass
class Cleaned:
    """Result of :func:`clean_text`."""

    text: str
    title: str | None = None
    author: str | None = None
    author_bio: str | None = None
    site: str | None = None
    dateline: dt.date | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (kind, line)


def normalise(raw: str) -> str:
    """NFC, unified newlines, no control/invisible characters, single spaces."""
    s = unicodedata.normalize("NFC", raw)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    s = _INVISIBLE.sub("", s)
    s = _CONTROL.sub(" ", s)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in s.split("\n"))


def _markdown_inline(line: str) -> str:
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    prev = None
    while prev != line:
        prev, line = line, _MD_EMPH.sub(r"\2", line)
    return line


def _words(s: str) -> int:
    return len(s.split())


def _is_body(s: str) -> bool:
    n = _words(s)
    return (n >= 15 and bool(_TERMINAL.search(s))) or n >= 30


def _matches(patterns: tuple[re.Pattern[str], ...], s: str) -> bool:
    return any(p.match(s) for p in patterns)


def _is_caption(s: str, *, head: bool) -> bool:
    """A photo caption: no final punctuation, ending with a date (an image's alt text run
    into its caption, "Putin and AbeRussian President ..., April 29, 2013") or a photo credit.
    In the body a dated line must also show the alt-text join, so timeline lists stay."""
    if _TERMINAL.search(s) or _words(s) < 6 or _words(s) > 45:
        return False
    if _PHOTO_WORDS.search(s):
        return True
    dated = any(rx.search(s) for rx in _ENDS_WITH_DATE)
    return dated and (head or bool(_ALT_JOIN.search(s)))


def clean_text(raw: str, *, title: str | None = None, author: str | None = None,
               boilerplate: Boilerplate | None = None) -> Cleaned:
    """Split ``raw`` into main text and metadata (see module docstring)."""
    bp = boilerplate or load_boilerplate()
    units: list[_Unit] = []
    for b, block in enumerate(_BLANK_LINES.split(normalise(raw))):
        for line in block.split("\n"):
            if line:
                units.append(_Unit(line, b))
    out = Cleaned(text="", title=title, author=author)

    # 1. comment section: header line and everything after it — once the article has begun
    #    (a "Leave a comment" link under the headline only drops that line)
    seen_body = False
    for i, u in enumerate(units):
        if _words(u.text) <= _MAX_DROP_WORDS and _matches(bp.comment_headers, u.text):
            if seen_body:
                out.removed.extend(("comments", x.text) for x in units[i:])
                units = units[:i]
                break
            u.kind = "boilerplate"
        seen_body = seen_body or _is_body(u.text)

    # 2. head: lines before the first body paragraph
    head_end = next((i for i, u in enumerate(units) if _is_body(u.text)), len(units))
    head_end = min(head_end, _HEAD_UNITS)
    expect_author = False
    title_open = True  # no head line has been kept as text yet
    for i in range(head_end):
        u = units[i]
        text, is_heading = md.strip_markdown_heading(u.text)
        text = _markdown_inline(text)
        if title and i == 0 and text.casefold() == title.casefold():
            u.kind = "title"
            continue
        if expect_author:
            expect_author = False
            if md.looks_like_name(text):
                u.kind = "author"
                out.author = out.author or md.clean_name(text)
                continue
        if md.is_bare_by(text):
            u.kind, expect_author = "byline", True
            continue
        byline = md.byline_author(text)
        if byline:
            u.kind = "byline"
            out.author = out.author or byline
            dl = parse_dateline(text.split("|")[-1]) if "|" in text else None
            if dl and out.dateline is None:
                out.dateline = dl[0]
            continue
        dl = parse_dateline(text)
        if dl and out.dateline is None:
            out.dateline = dl[0]
            if dl[1]:
                u.kind = "dateline"
                continue
            break
        if _words(text) <= _MAX_DROP_WORDS and _matches(bp.drop_lines, text):
            u.kind = "boilerplate"
            continue
        if _is_caption(text, head=True):
            u.kind = "caption"
            continue
        if (title_open and out.title is None and len(units) > 1
                and (is_heading or md.looks_like_title(text))):
            u.kind = "title"
            out.title = text
            continue
        if (out.author is None and any(x.kind == "title" for x in units[:i])
                and md.looks_like_name(text)):
            u.kind = "author"
            out.author = md.clean_name(text)
            continue
        title_open = False

    if out.dateline is None:
        out.dateline = find_timestamp("\n".join(u.text for u in units[:_HEAD_UNITS]))

    # 3.-4. standalone boilerplate lines, footer paragraphs, captions anywhere
    block_words: dict[int, int] = {}
    for u in units:
        block_words[u.block] = block_words.get(u.block, 0) + _words(u.text)
    first_in_block: set[int] = set()
    seen_blocks: set[int] = set()
    for i, u in enumerate(units):
        if u.block not in seen_blocks:
            seen_blocks.add(u.block)
            first_in_block.add(i)
    footer_blocks: set[int] = set()
    for i, u in enumerate(units):
        if u.kind != "body":
            continue
        text = _markdown_inline(md.strip_markdown_heading(u.text)[0])
        starts_paragraph = i in first_in_block or bool(_TERMINAL.search(units[i - 1].text))
        if (starts_paragraph and _words(text) <= bp.max_footer_words
                and any(p.match(text) for p in bp.footer_starts)):
            u.kind = "footer"
            if i in first_in_block and block_words[u.block] <= bp.max_footer_words:
                footer_blocks.add(u.block)
        elif _words(text) <= _MAX_DROP_WORDS and _matches(bp.drop_lines, text):
            u.kind = "link" if md.site_from_link(text) and ("[" in text or "." in text) else (
                "boilerplate")
        elif _is_caption(text, head=False):
            u.kind = "caption"
    for u in units:
        if u.block in footer_blocks and u.kind == "body":
            u.kind = "footer"

    # 5. author bio at the end: a name line followed by a biography paragraph
    body_idx = [i for i, u in enumerate(units) if u.kind == "body"]
    tail = body_idx[-3:]
    for j, i in enumerate(tail[:-1]):
        name, bio = units[i].text, units[tail[j + 1]].text
        if not md.looks_like_name(name) or _words(bio) > 150:
            continue
        bare = md.clean_name(name)
        # the biography names the author first, or says what they are in its first words
        opening = bio[:_BIO_OPENING_CHARS]
        if bio.startswith((name, bare)) or any(p.search(opening) for p in bp.bio_markers):
            units[i].kind = "author"
            units[tail[j + 1]].kind = "bio"
            out.author = out.author or bare
            out.author_bio = bio
            for k in tail[j + 2:]:
                if any(p.search(units[k].text) for p in bp.bio_markers):
                    units[k].kind = "bio"
                    out.author_bio += "\n" + units[k].text
            break

    # site / publisher
    first_body = next((u.text for u in units if u.kind == "body"), "")
    reporter, site = md.reporter_and_site(first_body)
    if site:
        out.site = site
        out.author = out.author or reporter
    for u in units:
        if u.kind == "footer" and out.site is None:
            out.site = md.originally_published_site(u.text)
    if out.site is None:
        for k, u in enumerate(units):
            if u.kind == "link" and k > 0 and units[k - 1].kind == "footer":
                out.site = md.site_from_link(u.text)
                break

    # assemble: lines of one block joined by newline, blocks by a blank line
    paragraphs: list[str] = []
    current: list[str] = []
    block = None
    for u in units:
        if u.kind != "body":
            out.removed.append((u.kind, u.text))
            continue
        line = _markdown_inline(md.strip_markdown_heading(u.text)[0])
        if not line:
            continue
        if block is not None and u.block != block and current:
            paragraphs.append("\n".join(current))
            current = []
        block = u.block
        current.append(line)
    if current:
        paragraphs.append("\n".join(current))
    out.text = "\n\n".join(paragraphs)
    return out
