"""Reading inputs: walking paths, decoding bytes, JSONL lines, HTML, building articles."""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.config import Options
from detente.errors import IngestError
from detente.records import Article, Rejection

from . import metadata as md
from .clean import clean_text
from .language import detect_language
from .pubdate import PubDate, infer_publication_date, parse_date_value

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
#: Hex characters of sha256 kept in ``doc_id``.
DOC_ID_CHARS = 16
JSONL_FIELDS = {"text": str, "title": str, "url": str, "source": str, "date": str, "author": str}

_BINARY_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
    b"7z\xbc\xaf", b"Rar!", b"\xd0\xcf\x11\xe0", b"BZh", b"\xfd7zXZ", b"MZ\x90", b"\x00asm",
    b"SQLite format", b"OggS", b"ID3", b"RIFF", b"\xca\xfe\xba\xbe",
)
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})
_WS = re.compile(r"\s+")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: Documentation files skipped (and counted) when a folder is walked.
_DOC_FILES = re.compile(r"^(?:readme|license|licence|changelog|contributing)(?:\.[a-z]+)?$",
                        re.IGNORECASE)
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body)", re.IGNORECASE)


def _mixed_handler(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 inside UTF-8 text as cp1252 (else Latin-1)."""
    chunk = err.object[err.start:err.end]
    try:
        return chunk.decode("cp1252"), err.end
    except UnicodeDecodeError:
        return chunk.decode("latin-1"), err.end


codecs.register_error("detente-mixed", _mixed_handler)


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NULs sit on one side of most byte pairs."""
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _text_quality(text: str) -> float:
    """Share of characters that are letters, digits, spaces or common punctuation."""
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = len(_ASCII_CONTROL.findall(sample))
    for ch in _NON_ASCII.findall(sample):
        if not (ch.isalnum() or ch.isspace() or unicodedata.category(ch)[0] in "PSM"):
            bad += 1
    return 1 - bad / len(sample)


def decode_bytes(data: bytes, *, file: str) -> str:
    """Bytes → text: BOMs, UTF-8, UTF-8 with stray legacy bytes, UTF-16, then detection.

    Raises :class:`IngestError` (``empty``, ``binary``, ``undecodable``); never anything else.
    """
    if not data.strip(b" \t\r\n\x00\x0b\x0c"):
        raise IngestError("empty", "file is empty (no text)", file=file)
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            if enc == "utf-8-sig":
                text = data[len(bom):].decode("utf-8", errors="detente-mixed")
            return _checked(text, file)
    head = data[:8192]
    enc16 = _utf16_without_bom(head)
    if enc16:
        try:
            return _checked(data.decode(enc16), file)
        except (UnicodeDecodeError, IngestError):
            log.debug("%s: looked like %s but is not", file, enc16)
    if any(head.startswith(magic) for magic in _BINARY_MAGIC):
        raise IngestError("binary", "binary file (not text)", file=file)
    nuls = data.count(0)
    if nuls > max(8, len(data) // 100):
        raise IngestError("binary", f"binary file ({nuls} NUL bytes)", file=file)
    if nuls:
        log.info("%s: %d stray NUL bytes removed", file, nuls)
        data = data.replace(b"\x00", b"")
    controls = sum(head.count(b) for b in _CONTROL_BYTES)
    if controls > max(4, len(head) // 20):
        raise IngestError("binary", "binary file (control bytes)", file=file)
    try:
        return _checked(data.decode("utf-8"), file)
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and "end of data" in str(exc.reason):
            log.info("%s: truncated UTF-8 sequence at the end dropped", file)
            return _checked(data[:exc.start].decode("utf-8"), file)
    replaced = data.decode("utf-8", errors="replace")
    if replaced.count("\ufffd") <= max(3, len(replaced) // 200) and _has_utf8_multibyte(data):
        # UTF-8 with a few bytes of another encoding (mixed encodings)
        return _checked(data.decode("utf-8", errors="detente-mixed"), file)
    high = sum(1 for b in data[:65536] if b >= 0x80)
    if high <= len(data[:65536]) // 10:
        # Mostly ASCII with a few legacy bytes: Western text in Windows-1252 (smart quotes,
        # accented letters) is by far the most common case.
        try:
            return _checked(data.decode("cp1252"), file, detected="cp1252")
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency
        raise IngestError("undecodable", "not UTF-8 and no charset detector", file=file) from None
    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise IngestError("undecodable", "bytes are not text in any known encoding", file=file)
    try:
        text = data.decode(best.encoding, errors="replace")
    except (LookupError, ValueError) as exc:
        raise IngestError("undecodable", f"detected encoding {best.encoding} failed: {exc}",
                          file=file) from exc
    log.info("%s: decoded as %s (detected)", file, best.encoding)
    return _checked(text, file, detected=best.encoding)


def _has_utf8_multibyte(data: bytes) -> bool:
    return bool(re.search(rb"[\xc2-\xf4][\x80-\xbf]", data))


def _checked(text: str, file: str, detected: str | None = None) -> str:
    if not text.strip():
        raise IngestError("empty", "file is empty (only whitespace)", file=file)
    quality = _text_quality(text)
    if quality < 0.85 or text.count("\ufffd") > max(10, len(text) // 20):
        what = f"decoded as {detected} " if detected else ""
        raise IngestError("undecodable", f"{what}but the result is not readable text "
                          f"({quality:.0%} text characters)", file=file)
    return text


def doc_id_for(text: str) -> str:
    """Content hash: sha256 of the NFC text with whitespace collapsed, first 16 hex chars."""
    norm = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:DOC_ID_CHARS]


#: libxml2 (under lxml and trafilatura) stops reading HTML nested deeper than this.
_MAX_HTML_DEPTH = 255
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"])


def _too_deep(html: str) -> bool:
    """Whether the tags nest deeper than the HTML parser reads (to explain a missing text)."""
    depth = 0
    for m in _TAG.finditer(html):
        if m.group(3) or m.group(2).lower() in _VOID:
            continue
        depth += -1 if m.group(1) else 1
        if depth > _MAX_HTML_DEPTH:
            return True
    return False


def _html_extract(html: str, url: str | None, file: str, line: int | None) -> dict:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, favor_recall=True, include_comments=False, include_tables=True,
            with_metadata=True, deduplicate=False,
        )
    except (ValueError, TypeError, AttributeError, LookupError, RecursionError) as exc:
        raise IngestError("no_text", f"HTML could not be parsed: {exc}", file=file,
                          line=line) from exc
    get = (lambda k: None) if doc is None else (
        doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None)))
    text = get("text") or ""
    if not text.strip():
        why = (f" (elements nested deeper than {_MAX_HTML_DEPTH} levels, which the HTML parser "
               "does not read)" if _too_deep(html) else "")
        raise IngestError("no_text", "HTML has no main text" + why, file=file, line=line)
    return {"text": text, "title": get("title"), "author": get("author"), "date": get("date"),
            "site": get("sitename"), "url": get("url")}


def make_article(
    text: str, *, file: str, line: int | None = None, title: str | None = None,
    url: str | None = None, source: str | None = None, date: str | None = None,
    author: str | None = None, html: bool = False, options: Options | None = None,
    file_sha: str | None = None,
) -> Article:
    """Turn one article's raw text (or HTML) and metadata into an :class:`Article`.

    Raises :class:`IngestError` with reason ``no_text``, ``not_english`` or ``bad_field``.
    """
    options = options or Options()
    site = source
    meta_date = None
    if date is not None:
        meta_date = parse_date_value(date)
        if meta_date is None:
            raise IngestError("bad_field", f"field 'date' is not a date: {str(date)[:60]!r} "
                              "(expected e.g. 2018-06-14)", file=file, line=line)
    if html:
        ex = _html_extract(text, url, file, line)
        text = ex["text"].replace("\n", "\n\n")  # one paragraph per line in trafilatura's text
        title = title or ex["title"]
        author = author or ex["author"]
        site = site or ex["site"]
        url = url or ex["url"]
        if meta_date is None and ex["date"]:
            meta_date = parse_date_value(ex["date"])
    cleaned = clean_text(text, title=title, author=author)
    body = cleaned.text
    words = len(body.split())
    if not body.strip():
        raise IngestError("no_text", "no main text left after removing boilerplate", file=file,
                          line=line)
    if words < options.min_words:
        raise IngestError("no_text", f"only {words} words of main text (minimum "
                          f"{options.min_words})", file=file, line=line)
    lang = detect_language(body)
    if lang not in options.languages:
        raise IngestError("not_english", f"language is {lang!r}, not one of "
                          f"{', '.join(options.languages)}", file=file, line=line)
    if meta_date is not None:
        pub = PubDate(meta_date, "metadata", 0)
    elif cleaned.dateline is not None:
        pub = PubDate(cleaned.dateline, "text", 0)
    else:
        pub = infer_publication_date(body)
    return Article(
        doc_id=doc_id_for(body), file=file, text=body, line=line, title=cleaned.title,
        author=cleaned.author, site=site or cleaned.site or md.site_from_url(url), url=url,
        publication_date=pub.date, publication_date_basis=pub.basis,
        publication_date_window_days=pub.window_days, language=lang, word_count=words,
        file_sha=file_sha, author_bio=cleaned.author_bio,
    )


def _jsonl_records(text: str, file: str, options: Options,
                   file_sha: str, first_line: int = 1) -> list[Article | Rejection]:
    out: list[Article | Rejection] = []
    for n, raw in enumerate(text.split("\n"), start=first_line):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = getattr(exc, "msg", str(exc))
            out.append(_reject(IngestError("bad_json", f"malformed JSON: {msg}", file=file,
                                           line=n)))
            continue
        try:
            fields = _jsonl_fields(obj, file, n)
            out.append(make_article(fields.pop("text"), file=file, line=n, options=options,
                                    file_sha=file_sha, **fields))
        except IngestError as exc:
            out.append(_reject(exc))
    return out


def _jsonl_fields(obj: object, file: str, line: int) -> dict:
    if not isinstance(obj, dict):
        raise IngestError("bad_field", f"expected a JSON object, got {type(obj).__name__}",
                          file=file, line=line)
    if "text" not in obj or obj["text"] is None:
        raise IngestError("bad_field", "missing required field 'text'", file=file, line=line)
    fields: dict = {}
    for name, typ in JSONL_FIELDS.items():
        value = obj.get(name)
        if value is None:
            continue
        if not isinstance(value, typ):
            raise IngestError("bad_field", f"field {name!r} must be a string, got "
                              f"{type(value).__name__}", file=file, line=line)
        fields[name] = value
    html = obj.get("html", False)
    if not isinstance(html, bool):
        raise IngestError("bad_field", f"field 'html' must be true or false, got "
                          f"{type(html).__name__}", file=file, line=line)
    fields["html"] = html
    return fields


def _reject(exc: IngestError) -> Rejection:
    msg = str(exc)
    return Rejection(file=exc.file or "", reason=exc.reason, message=msg, line=exc.line)


def read_article(path: Path | str, options: Options | None = None) -> list[Article | Rejection]:
    """Read one file into its article(s) or rejection(s). Never raises for bad input."""
    return list(iter_file(path, options))


def iter_file(path: Path | str, options: Options | None = None) -> Iterator[Article | Rejection]:
    """The article(s) or rejection(s) of one file, one at a time. Never raises for bad input.

    A JSON Lines file is streamed: memory stays bounded by its longest line, and
    ``Options.max_bytes`` applies to each line (a record), not to the whole file.
    """
    options = options or Options()
    file = str(path)
    path = Path(path)
    try:
        if path.suffix.lower() in JSONL_SUFFIXES and _streamable_jsonl(path):
            yield from _stream_jsonl(path, file, options)
        else:
            yield from _read(path, file, options)
    except IngestError as exc:
        yield _reject(exc)


def _streamable_jsonl(path: Path) -> bool:
    """A non-empty regular file that is not UTF-16 (whose lines cannot be split as bytes)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError:
        return False
    return not (head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head)


def _file_sha(path: Path, file: str) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise IngestError("unreadable", f"cannot read: {exc.strerror or exc}", file=file) from exc
    return digest.hexdigest()


def _stream_jsonl(path: Path, file: str, options: Options) -> Iterator[Article | Rejection]:
    file_sha = _file_sha(path, file)  # every record carries the file's hash (incremental runs)
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise IngestError("unreadable", f"cannot read: {exc.strerror or exc}", file=file) from exc
    records = 0
    with fh:
        for n, raw in enumerate(fh, start=1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            records += 1
            if len(raw) > options.max_bytes:
                yield _reject(IngestError(
                    "too_large", f"record is {len(raw):,} bytes, over the limit of "
                    f"{options.max_bytes:,} (Options.max_bytes)", file=file, line=n))
                continue
            try:
                text = decode_bytes(raw, file=file)
            except IngestError as exc:
                yield _reject(IngestError(exc.reason, exc.detail, file=file, line=n))
                continue
            yield from _jsonl_records(text, file, options, file_sha, first_line=n)
    if not records:
        raise IngestError("empty", "file has no JSON lines (only blank lines)", file=file)


def _read(path: Path, file: str, options: Options) -> list[Article | Rejection]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestError("unsupported", f"unsupported file type {suffix or '(none)'!r} "
                          f"(expected one of {', '.join(SUFFIXES)})", file=file)
    try:
        st = path.stat()
    except OSError as exc:
        raise IngestError("unreadable", f"cannot read: {exc.strerror or exc}", file=file) from exc
    if not stat.S_ISREG(st.st_mode):
        raise IngestError("unreadable", "not a regular file", file=file)
    if st.st_size > options.max_bytes:
        raise IngestError("too_large", f"file is {st.st_size:,} bytes, over the limit of "
                          f"{options.max_bytes:,} (Options.max_bytes)", file=file)
    try:
        with path.open("rb") as fh:
            data = fh.read(options.max_bytes + 1)
    except OSError as exc:
        raise IngestError("unreadable", f"cannot read: {exc.strerror or exc}", file=file) from exc
    if len(data) > options.max_bytes:
        raise IngestError("too_large", f"file is over the limit of {options.max_bytes:,} bytes",
                          file=file)
    file_sha = hashlib.sha256(data).hexdigest()
    text = decode_bytes(data, file=file)
    if suffix in JSONL_SUFFIXES:
        return _jsonl_records(text, file, options, file_sha)
    html = suffix in HTML_SUFFIXES or bool(_HTML_SNIFF.match(data[:512]))
    try:
        return [make_article(text, file=file, html=html, options=options, file_sha=file_sha)]
    except RecursionError as exc:
        raise IngestError("no_text", f"document too deeply nested: {exc}", file=file) from exc


def _walk(root: Path, seen: set[tuple[int, int]], skipped: list[str] | None
          ) -> Iterator[Path | Rejection]:
    """Files under ``root`` in sorted order; symlinked folders followed once (no loops)."""
    try:
        st = root.stat()
    except OSError as exc:
        yield Rejection(str(root), "unreadable", f"{root}: cannot read: {exc.strerror or exc}")
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        log.info("%s: already visited (symlink loop or repeat), skipped", root)
        return
    seen.add(key)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield Rejection(str(root), "unreadable",
                        f"{root}: cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows symlinks
            is_file = entry.is_file()
        except OSError as exc:
            yield Rejection(str(path), "unreadable", f"{path}: cannot read: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _walk(path, seen, skipped)
        elif is_file:
            if path.suffix.lower() in SUFFIXES and not _DOC_FILES.match(entry.name):
                yield path
            else:
                log.debug("%s: unsupported file type, skipped", path)
                if skipped is not None:
                    skipped.append(str(path))
        elif entry.is_symlink():
            yield Rejection(str(path), "unreadable", f"{path}: broken symbolic link")
        elif path.suffix.lower() in SUFFIXES and not _DOC_FILES.match(entry.name):
            # A FIFO, socket or device named like an article: say so rather than skip it.
            yield Rejection(str(path), "unreadable",
                            f"{path}: not a regular file (FIFO, socket or device)")
        else:
            if skipped is not None:
                skipped.append(str(path))


def iter_inputs(paths: Iterable[Path | str], options: Options | None = None, *,
                skipped: list[str] | None = None) -> Iterator[Article | Rejection]:
    """Every article (or rejection) in ``paths``: files and folders, walked recursively.

    Folders are walked in sorted order; hidden entries are ignored; documentation files
    (``README.*``, ``LICENSE.*``, ``CHANGELOG.*``) and files with an unsupported extension are
    skipped (appended to ``skipped`` when a list is given), while a file named explicitly
    with an unsupported extension is rejected ``unsupported``.
    """
    options = options or Options()
    seen: set[tuple[int, int]] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for item in _walk(path, seen, skipped):
                if isinstance(item, Rejection):
                    yield item
                else:
                    yield from iter_file(item, options)
        elif not path.exists() and not path.is_symlink():
            yield Rejection(str(p), "unreadable", f"{p}: no such file or folder")
        else:
            yield from iter_file(path, options)
