"""Title, author and site/publisher found in the lines around an article's main text.

These are small, line-level recognisers; :mod:`detente.ingest.clean` decides which lines
are looked at (the head before the first body paragraph, the tail after it).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from ._data import load_word_list

#: Honorifics stripped from an author's name.
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?\s+")
#: Words that never occur in a person's name line (headings, outlets, places).
_NOT_NAME_WORDS = load_word_list("not_name_words.txt")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z'’-]*\.?|[A-Z]\.|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)+|"
                         r"Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+)$")
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "bin", "al", "da", "di", "la", "le", "du"})
_BYLINE = re.compile(r"^(?:by|written by|words by|author:?|posted by|story by)\s+(?P<rest>.+)$",
                     re.IGNORECASE)
_BY_ALONE = re.compile(r"^(?:by|written by|author:?|posted by)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,| and | & |\|)\s*")
_REPORTS_FOR = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+(?:reports|writes|reported|wrote)\s+"
    r"(?:for|in)\s+(?:the\s+)?(?P<site>[A-Z][\w&'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w&'’.-]*){0,5}"
    r"(?:\s+\([A-Z][A-Za-z]{1,10}\))?)"
)
_ORIGINALLY = re.compile(
    r"(?i:originally|first)\s+(?:published|appeared|posted)\s+(?:by|at|in|on)\s+(?:the\s+)?"
    r"(?P<site>[A-Z][\w&'’.-]*(?:\s+(?:of\s+|the\s+|for\s+)?[A-Z][\w&'’.-]*){0,6})",
)
_MD_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*$")
_LINK_URL = re.compile(r"\((https?://[^)\s]+)\)|(https?://\S+)|^(?:\*\*)?\[?((?:www\.)?[a-z0-9-]+"
                       r"\.(?:com|org|net|ru|jp|info))", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)]*$")


def strip_markdown_heading(line: str) -> tuple[str, bool]:
    """``# Title`` → (``Title``, True); other lines unchanged."""
    m = _MD_HEADING.match(line)
    return (m.group("title"), True) if m else (line, False)


def looks_like_name(line: str) -> bool:
    """A short line that is a person's name (2-5 capitalised tokens, optional honorific)."""
    line = line.strip()
    if not line or len(line) > 60 or any(ch.isdigit() for ch in line):
        return False
    if _SENTENCE_END.search(line) and not line.endswith("."):
        return False
    core = _HONORIFIC.sub("", line).rstrip(".")
    tokens = core.split()
    if not 2 <= len(tokens) <= 5:
        return False
    capitalised = 0
    for tok in tokens:
        if tok.lower() in _PARTICLES:
            continue
        if tok.lower().strip(".,") in _NOT_NAME_WORDS or not _NAME_TOKEN.match(tok):
            return False
        capitalised += 1
    return capitalised >= 2


def clean_name(name: str) -> str:
    return _HONORIFIC.sub("", name.strip()).strip(" ,;|")


def byline_author(line: str) -> str | None:
    """``By Anna Kireeva`` / ``By A and B`` → the names; None when the line is no byline."""
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    rest = m.group("rest").strip()
    # "By Anna Kireeva | June 14, 2018" / "By Ben McGrath, 17 September 2018"
    parts = [p for p in _NAME_SPLIT.split(rest) if p]
    names = [clean_name(p) for p in parts if looks_like_name(p)]
    return ", ".join(names) if names else None


def is_bare_by(line: str) -> bool:
    return bool(_BY_ALONE.match(line.strip()))


def reporter_and_site(paragraph: str) -> tuple[str | None, str | None]:
    """``Michael Lipin reports for Voice of America (VOA) ...`` → (name, outlet)."""
    m = _REPORTS_FOR.match(paragraph.strip())
    if not m:
        return None, None
    return clean_name(m.group("name")), m.group("site").strip()


def originally_published_site(line: str) -> str | None:
    m = _ORIGINALLY.search(line)
    if not m:
        return None
    site = re.sub(r"\s+(?:and|on|in)$", "", m.group("site").strip().rstrip("."))
    return site or None


def site_from_link(line: str) -> str | None:
    """The host named by a lone link line (``[wsws.org/contact](https://wsws.org/contact)``)."""
    m = _LINK_URL.search(line)
    if not m:
        return None
    if m.group(3):
        return m.group(3).lower().removeprefix("www.")
    host = urlparse(m.group(1) or m.group(2)).hostname
    return host.removeprefix("www.") if host else None


def site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def looks_like_title(line: str) -> bool:
    """A first line that can be a headline: short, not a full sentence paragraph."""
    words = line.split()
    if not 1 <= len(words) <= 25 or len(line) > 200:
        return False
    if line.endswith(".") and not re.search(r"\b(?:[A-Z]\.){2,}$", line):
        return False  # a sentence, not a headline ("U.S." is fine)
    return not (line.startswith(("http://", "https://")))
