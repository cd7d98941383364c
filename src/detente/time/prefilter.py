"""Where a time rule can start: the text's word starts, indexed by their first characters.

Running every rule's regular expression over the whole text costs one match attempt per rule
and character: Python's regex engine cannot skip ahead, since every rule begins with a
look-behind (:data:`LEAD`). Almost every position is rejected within a few characters, so
this module works out, once per rule, which first characters (up to :data:`KEY_LEN`) a match
can begin with -- read off the parsed pattern itself, so it never drifts from the rule --,
indexes the positions of a text once by their first characters, and tries each rule only
where its first characters occur.

:func:`finditer` yields exactly what ``regex.finditer(text)`` yields (the same matches in the
same order): the positions tried are a superset of those a match can start at, and taking the
first match at or after the end of the previous one is what ``finditer`` does for a pattern
that cannot match the empty string. A pattern whose first characters cannot be worked out
(or that can match the empty string) is run with plain ``finditer``.

Characters are compared in a canonical form (:func:`canonical`, one character each, so
offsets carry over): ASCII letters lower-cased, ASCII white space as a space, the four
non-ASCII characters a case-insensitive pattern matches ASCII letters with (İ ı ſ and the
Kelvin sign) as those letters, every other non-ASCII character as one wildcard symbol
(``\\x00``), which the first characters of any set that can match a non-ASCII character
include.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

try:  # Python 3.11+
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

log = logging.getLogger(__name__)

#: The look-behind every time rule begins with (see ``grammar.build_rules``): a match starts
#: only at 0 or where the character before is none of these.
LEAD = r"(?<![\w'’-])"
#: Most leading characters of a match the index keys on (8 bits each in one int64).
KEY_LEN = 6
#: Most keys one prefix of a rule may expand to before it is cut a character shorter.
MAX_KEYS_PER_PREFIX = 32
#: The symbol every other non-ASCII character is read as.
WILDCARD = "\x00"
#: Non-ASCII characters a case-insensitive ``re`` pattern matches ASCII letters with (checked
#: against ``re`` itself by the tests).
CASE_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
#: The byte past the end of the text in a key (no canonical character has it).
_PAD = 0x80

_CANON_TABLE = {
    **{c: c + 32 for c in range(ord("A"), ord("Z") + 1)},
    **{c: " " for c in range(128) if chr(c).isspace()},
    **{ord(k): v for k, v in CASE_FOLDS.items()},
}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: Canonical characters that may be in LEAD's set (WILDCARD is assumed not to be: the
#: position after it is tried).
_IN_LEAD_SET = np.zeros(256, dtype=bool)
for _c in range(128):
    _IN_LEAD_SET[_c] = bool(re.fullmatch(r"[\w'’-]", chr(_c)))


def canonical(text: str) -> str:
    """``text`` in the canonical form keys are compared in (same length)."""
    return _NON_ASCII.sub(WILDCARD, text.translate(_CANON_TABLE))


# --------------------------------------------------------------------------------------------
# First characters of a pattern
# --------------------------------------------------------------------------------------------

_CATEGORY = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}
_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}

#: A path: (prefix, open). The prefix is a tuple of symbol sets, one per character consumed;
#: ``open`` means it is exactly what the pattern consumed so far and the next item continues
#: it. A closed prefix is complete (full length, or cut short where the pattern could not be
#: followed), which is always safe: a shorter prefix admits more positions.
_Paths = set


class _Unsupported(Exception):
    """A part of a pattern this module does not follow (the rule then runs unfiltered)."""


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _atom_regex(op, av) -> tuple[str, bool]:
    """A one-character pattern equal to the atom, and whether it may match non-ASCII."""
    if op is _sre.LITERAL:
        return _char(av), av > 0x7F
    if op is _sre.NOT_LITERAL:
        return "[^" + _char(av) + "]", True
    if op is _sre.ANY:
        return ".", True
    if op is _sre.IN:
        parts, wide = [], False
        for iop, iav in av:
            if iop is _sre.NEGATE:
                parts.insert(0, "^")
                wide = True
            elif iop is _sre.LITERAL:
                parts.append(_char(iav))
                wide = wide or iav > 0x7F
            elif iop is _sre.RANGE:
                parts.append(_char(iav[0]) + "-" + _char(iav[1]))
                wide = wide or iav[1] > 0x7F
            elif iop is _sre.CATEGORY and iav in _CATEGORY:
                parts.append(_CATEGORY[iav])
                wide = True
            else:
                raise _Unsupported(f"{iop} in a character set")
        return "[" + "".join(parts) + "]", wide
    raise _Unsupported(str(op))


@functools.lru_cache(maxsize=4096)
def _symbols(op, av_key, flags: int) -> frozenset[int]:
    """The canonical characters (as byte values) one character matched by the atom can be."""
    source, wide = _atom_regex(op, list(av_key) if op is _sre.IN else av_key)
    rx = re.compile(source, flags)
    syms = {canonical(chr(c)) for c in range(128) if rx.fullmatch(chr(c))}
    for folded, letter in CASE_FOLDS.items():
        if rx.fullmatch(folded):
            syms.add(letter)
    if wide:
        syms.add(WILDCARD)
    return frozenset(ord(c) for c in syms)


def _one(op, av, k: int, flags: int) -> _Paths:
    if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN):
        key = tuple(av) if op is _sre.IN else av
        return {((_symbols(op, key, flags),), True)}
    if op in _ZERO_WIDTH:
        return {((), True)}  # consumes nothing; ignoring what it checks only admits more
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return {((), False)}
        return _seq(sub.data, k, flags)
    if op is _sre.BRANCH:
        out: _Paths = set()
        for branch in av[1]:
            out |= _seq(branch.data, k, flags)
        return out
    if op in _REPEATS:
        lo, hi, item = av
        if item.getwidth()[0] == 0:
            return {((), False)}  # an item that can match nothing: stop following here
        out = set()
        cur: _Paths = {((), True)}
        for r in range(min(hi, k) + 1):
            # After r passes an open path is a whole repeat only once r >= lo; a closed one is
            # already as long as needed (or cut short). Each pass consumes a character, so
            # after k passes every path is closed.
            out |= {p for p in cur if r >= lo or not p[1]}
            cur = _then(cur, lambda kk: _seq(item.data, kk, flags), k)
            if not any(o for _, o in cur):
                out |= cur
                break
        return out
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _seq(av.data, k, flags)
    return {((), False)}  # back-references and the like: stop following here


def _then(paths: _Paths, step, k: int) -> _Paths:
    out: _Paths = set()
    steps: dict[int, _Paths] = {}  # what follows, by how many characters are still wanted
    for prefix, is_open in paths:
        if not is_open or len(prefix) >= k:
            out.add((prefix, False))
            continue
        left = k - len(prefix)
        if left not in steps:
            steps[left] = step(left)
        for more, more_open in steps[left]:
            p = prefix + more
            out.add((p, more_open and len(p) < k))
    return out


def _seq(items, k: int, flags: int) -> _Paths:
    paths: _Paths = {((), True)}
    for op, av in items:
        paths = _then(paths, lambda kk, op=op, av=av: _one(op, av, kk, flags), k)
        if not any(o for _, o in paths):
            break
    return paths


_LEAD_ITEM = _sre_parse.parse(LEAD).data[0]


def _is_lead(item) -> bool:
    op, av = item
    return op is _sre.ASSERT_NOT and av[0] == _LEAD_ITEM[1][0] and av[1].data == _LEAD_ITEM[1][1].data


def _intervals(paths: _Paths) -> np.ndarray:
    """The key intervals (rows of [low, high]) the int64 keys of a path's text lie in."""
    cut = set()
    for prefix, _open in paths:
        n = len(prefix)
        while n and _count(prefix[:n]) > MAX_KEYS_PER_PREFIX:
            n -= 1
        if n == 0:
            raise _Unsupported("a match may start with any character")
        cut.add(prefix[:n])
    ranges = set()
    for prefix in cut:
        shift = 8 * (KEY_LEN - len(prefix))
        span = (1 << shift) - 1
        for chars in itertools.product(*prefix):
            low = int.from_bytes(bytes(chars), "big") << shift
            ranges.add((low, low | span))
    merged: list[list[int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return np.array(merged, dtype=np.int64).reshape(-1, 2)


def _count(prefix) -> int:
    n = 1
    for syms in prefix:
        n *= len(syms)
    return n


@dataclass(frozen=True, eq=False)
class StartKeys:
    """Where a pattern's matches can start: key intervals (see :class:`StartTable`) for the
    alternatives led by :data:`LEAD` (word starts) and for those that may start anywhere."""

    led_low: np.ndarray
    led_high: np.ndarray
    anywhere: np.ndarray  # rows of [low, high]


@functools.lru_cache(maxsize=1024)
def start_keys(pattern: str, flags: int) -> StartKeys | None:
    """Where a match of ``pattern`` (compiled with ``flags``) can start, or None when that
    cannot be worked out (the pattern is then run over the whole text)."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
        flags = flags | parsed.state.flags
        if parsed.getwidth()[0] == 0 or flags & (re.ASCII | re.LOCALE):
            return None  # finditer's rules for empty matches; another meaning of \w
        data = list(parsed.data)
        if data and _is_lead(data[0]):
            branches = [data]
        elif len(data) == 1 and data[0][0] is _sre.BRANCH:
            branches = [list(b.data) for b in data[0][1][1]]
        else:
            return None
        led: _Paths = set()
        anywhere: _Paths = set()
        for items in branches:
            paths = _seq(items, KEY_LEN, flags)
            (led if items and _is_lead(items[0]) else anywhere).update(paths)
        led_iv = _intervals(led)
        any_iv = _intervals(anywhere)
    except (_Unsupported, re.error, RecursionError) as exc:
        log.debug("no start keys for %.60r: %s", pattern, exc)
        return None
    return StartKeys(np.ascontiguousarray(led_iv[:, 0]), np.ascontiguousarray(led_iv[:, 1]), any_iv)


# --------------------------------------------------------------------------------------------
# Per-text candidates and matching
# --------------------------------------------------------------------------------------------


def _codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The key of every position of ``text`` (its first :data:`KEY_LEN` canonical characters,
    padded past the end) and whether a match led by :data:`LEAD` may start there."""
    raw = np.frombuffer(canonical(text).encode("ascii"), dtype=np.uint8)
    n = len(raw)
    padded = np.full(n + KEY_LEN - 1, _PAD, dtype=np.int64)
    padded[:n] = raw
    codes = np.zeros(n, dtype=np.int64)
    for i in range(KEY_LEN):
        codes = (codes << 8) | padded[i:i + n]
    can_start = np.ones(n, dtype=bool)
    can_start[1:] = ~_IN_LEAD_SET[raw[:-1]]
    return codes, can_start


class _Partition:
    """Key intervals of several patterns cut into disjoint segments, each with the patterns
    whose intervals cover it: one search per position finds every pattern that may start there."""

    def __init__(self, intervals: list[tuple[int, np.ndarray]]) -> None:
        events: dict[int, list[tuple[int, int]]] = {}
        for rule, rows in intervals:
            for low, high in rows.tolist():
                events.setdefault(low, []).append((rule, 1))
                events.setdefault(high + 1, []).append((rule, -1))
        active: dict[int, int] = {}
        set_ids: dict[tuple[int, ...], int] = {(): 0}
        bounds, seg_sets = [], []
        for at in sorted(events):
            for rule, step in events[at]:
                active[rule] = active.get(rule, 0) + step
                if not active[rule]:
                    del active[rule]
            bounds.append(at)
            seg_sets.append(set_ids.setdefault(tuple(sorted(active)), len(set_ids)))
        self.bounds = np.array(bounds, dtype=np.int64)
        # Segment -1 (before the first bound) covers nothing.
        self.seg_sets = np.array([0, *seg_sets], dtype=np.int64)
        self.sets = [rules for rules, _ in sorted(set_ids.items(), key=lambda kv: kv[1])]

    def hits(self, codes: np.ndarray, positions: np.ndarray) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(position, patterns) for every position whose key some pattern's intervals hold."""
        if not len(self.bounds) or not len(positions):
            return iter(())
        ids = self.seg_sets[np.searchsorted(self.bounds, codes[positions], "right")]
        hit = np.flatnonzero(ids)
        sets = self.sets
        return ((p, sets[i]) for p, i in zip(positions[hit].tolist(), ids[hit].tolist()))


class StartTable:
    """Where each of several patterns may start in a text (see :meth:`candidates`)."""

    def __init__(self, patterns: list[re.Pattern] | tuple[re.Pattern, ...]) -> None:
        self.keys = [start_keys(p.pattern, p.flags) for p in patterns]
        led = [(i, np.stack([k.led_low, k.led_high], axis=1)) for i, k in enumerate(self.keys)
               if k is not None and len(k.led_low)]
        anywhere = [(i, k.anywhere) for i, k in enumerate(self.keys) if k is not None and len(k.anywhere)]
        self._led = _Partition(led)
        self._anywhere = _Partition(anywhere) if anywhere else None
        self._mixed = {i for i, _ in anywhere} & {i for i, _ in led}

    def candidates(self, text: str) -> list[list[int] | None]:
        """Per pattern, the sorted positions of ``text`` a match may start at (a superset), or
        None for a pattern whose starts are not known (run it over the whole text)."""
        out: list[list[int] | None] = [None if k is None else [] for k in self.keys]
        if not text:
            return out
        codes, can_start = _codes(text)
        for p, rules in self._led.hits(codes, np.flatnonzero(can_start)):
            for r in rules:
                out[r].append(p)
        if self._anywhere is not None:
            for p, rules in self._anywhere.hits(codes, np.arange(len(codes))):
                for r in rules:
                    out[r].append(p)
            for r in self._mixed:
                out[r] = sorted(set(out[r]))
        return out


def finditer(regex: re.Pattern, text: str, positions: list[int] | None = None) -> Iterator[re.Match]:
    """The matches ``regex.finditer(text)`` yields, trying ``regex`` only at ``positions``
    (sorted; a superset of where it can match, from :meth:`StartTable.candidates`), or
    everywhere when ``positions`` is None."""
    if positions is None:
        yield from regex.finditer(text)
        return
    match = regex.match
    pos = 0
    for p in positions:
        if p < pos:
            continue
        m = match(text, p)
        if m is not None:
            yield m
            pos = m.end()  # > p: a pattern with start keys cannot match the empty string
