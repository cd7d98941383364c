"""The verb and noun pattern file (``data/patterns/events.yaml``): loading and validation.

The file's header documents every field. Loading checks each entry (known CAMEO codes, known
complement maps, an example with expectations) and raises :class:`ConfigError` naming the
file and the line of the offending entry. A user file (``Options.user_patterns``) may add
entries or replace packaged ones with the same ``id``.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..yaml_lines import line_loader
from .ontology import load_ontology

log = logging.getLogger(__name__)

_EXPECT = re.compile(r"^([A-Z]{3}|-)>([A-Z]{3}|-):([0-9]{3,4})$")
_VERB_KEYS = {"id", "lemma", "code", "object", "prep", "particle", "target", "symmetric",
              "complement", "complement_aux", "needs_complement", "needs_target", "inverse", "speech", "allege", "elided_target",
              "needs_reason", "example", "expect"}
_NOUN_KEYS = {"id", "lemma", "code", "modifier", "source", "target", "symmetric", "complement",
              "example", "expect"}
_SOURCE_SLOTS = {"poss", "compound", "amod", "by", "of", "from"}


@dataclass(frozen=True)
class Pattern:
    """One verb or noun pattern (see the header of the pattern file for the fields)."""

    id: str
    kind: str  # verb | noun
    lemmas: frozenset[str]
    code: str
    line: int
    objects: frozenset[str] = frozenset()
    prep: str | None = None
    particle: str | None = None
    modifiers: frozenset[str] = frozenset()
    source: tuple[str, ...] = ("poss", "compound", "amod", "by", "of")
    target: tuple[str, ...] = ("dobj",)
    symmetric: bool = False
    complement: str | None = None
    needs_complement: bool = False
    needs_target: bool = False
    complement_aux: frozenset[str] = frozenset()
    inverse: bool = False
    speech: bool = False
    allege: bool = False
    elided_target: bool = False
    #: the act counts only when the clause gives its reason ("cancelled a visit after ...",
    #: "in protest at ..."): see ``reason_marks`` in the pattern file
    needs_reason: bool = False
    example: str = ""
    expect: tuple[str, ...] = ()

    @property
    def specificity(self) -> int:
        return (int(bool(self.objects)) + bool(self.prep) + bool(self.particle) + bool(self.modifiers)
                + bool(self.complement_aux))


@dataclass(frozen=True)
class PatternSet:
    """All patterns plus the lexicons the extractor needs."""

    version: str
    verbs: dict[str, tuple[Pattern, ...]]  # lemma -> patterns, most specific first
    nouns: dict[str, tuple[Pattern, ...]]
    complement_maps: dict[str, dict[str, str]]
    light_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    commentators: frozenset[str]
    located_institutions: frozenset[str]
    landmark_nouns: frozenset[str]
    occurrence_verbs: frozenset[str]
    document_nouns: frozenset[str]
    located_sectors: dict[str, str]
    modality: dict[str, frozenset[str]]
    all_patterns: tuple[Pattern, ...] = field(default=())
    #: Nouns naming a gathering held somewhere ("forum", "summit", "Olympics"): attending one
    #: is an act towards its host state.
    venue_nouns: frozenset[str] = field(default=frozenset())
    #: Head nouns of news media ("newspaper", "media"): their criticism is commentary, not an
    #: act of the state they belong to.
    media_nouns: frozenset[str] = field(default=frozenset())
    #: Places owned by a person ("hometown", "residence"): visiting one visits the owner's country.
    owned_places: frozenset[str] = field(default=frozenset())
    #: Words introducing the reason of an act ("after", "over", "in protest"): see ``needs_reason``.
    reason_marks: frozenset[str] = field(default=frozenset())
    #: Nouns whose "of" object is an event talked about, not reported ("the narrowing of
    #: dialogue", "the lack of talks", "the format of the talks").
    abstract_heads: frozenset[str] = field(default=frozenset())
    #: Predicate adjectives a speaker gives another actor's act, each with the CAMEO code of
    #: the statement ("X said Y's decision was regrettable": 111): adjective -> code.
    evaluative_predicates: dict[str, str] = field(default_factory=dict)
    #: Nouns of acts and positions that can be evaluated besides event nouns ("Y's policy").
    evaluated_acts: frozenset[str] = field(default=frozenset())
    #: Verbs giving their object a predicate adjective ("X called Y's move unacceptable").
    evaluating_verbs: frozenset[str] = field(default=frozenset())

    def map_complement(self, kind: str, code: str) -> str:
        """Code of a governing act of ``kind`` over a complement coded ``code``."""
        table = self.complement_maps[kind]
        for n in range(len(code), 1, -1):
            hit = table.get(code[:n])
            if hit:
                return code if hit == "self" else hit
        return table["default"]


# Prepositions and particles such as on/off/no must stay words: only true/false are booleans.
_LineLoader = line_loader(plain_bools=True)


def _as_set(value: Any, what: str, file: str, line: int) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{what} must be a list of strings", file=file, line=line)
    return frozenset(v.lower() for v in value)


def _pattern(entry: dict, kind: str, file: str, maps: dict, ids: set[str]) -> Pattern:
    line = entry.get("__line__", 0)
    file = entry.get("__file__", file)
    allowed = _VERB_KEYS if kind == "verb" else _NOUN_KEYS
    unknown = set(entry) - allowed - {"__line__", "__file__"}
    if unknown:
        raise ConfigError(f"unknown field(s) {', '.join(sorted(unknown))} in {kind} pattern; "
                          f"valid: {', '.join(sorted(allowed))}", file=file, line=line)
    pid = entry.get("id")
    if not isinstance(pid, str) or not pid:
        raise ConfigError(f"{kind} pattern without an id", file=file, line=line)
    if pid in ids:
        raise ConfigError(f"duplicate pattern id {pid!r}", file=file, line=line)
    ids.add(pid)
    code = str(entry.get("code", ""))
    if not load_ontology().is_code(code) or len(code) < 3:
        raise ConfigError(f"pattern {pid}: {code!r} is not a CAMEO event code", file=file, line=line)
    lemmas = _as_set(entry.get("lemma"), "lemma", file, line)
    if not lemmas:
        raise ConfigError(f"pattern {pid}: needs at least one lemma", file=file, line=line)
    complement = entry.get("complement")
    if complement is not None and complement not in maps:
        raise ConfigError(f"pattern {pid}: unknown complement map {complement!r}; valid: "
                          f"{', '.join(sorted(maps))}", file=file, line=line)
    example, expect = entry.get("example"), entry.get("expect")
    if not isinstance(example, str) or not example.strip():
        raise ConfigError(f"pattern {pid}: every pattern needs an example sentence", file=file, line=line)
    if not isinstance(expect, list) or not expect:
        raise ConfigError(f"pattern {pid}: `expect` must list the example's events", file=file, line=line)
    for item in expect:
        if not isinstance(item, str) or not _EXPECT.match(item):
            raise ConfigError(f"pattern {pid}: expectation {item!r} is not SOURCE>TARGET:CODE",
                              file=file, line=line)
    target = tuple(str(t).lower() for t in (entry.get("target") if entry.get("target") is not None
                                             else (["dobj"] if kind == "verb"
                                                   else ["to", "with", "against", "on"])))
    source = tuple(str(s).lower() for s in (entry.get("source") or ("poss", "compound", "amod", "by", "of")))
    bad = [s for s in source if s not in _SOURCE_SLOTS]
    if bad:
        raise ConfigError(f"pattern {pid}: unknown source slot(s) {bad}; valid: {sorted(_SOURCE_SLOTS)}",
                          file=file, line=line)
    return Pattern(
        id=pid, kind=kind, lemmas=lemmas, code=code, line=line,
        objects=_as_set(entry.get("object"), "object", file, line),
        prep=(str(entry["prep"]).lower() if entry.get("prep") else None),
        particle=(str(entry["particle"]).lower() if entry.get("particle") else None),
        modifiers=_as_set(entry.get("modifier"), "modifier", file, line),
        source=source, target=target,
        symmetric=bool(entry.get("symmetric", False)), complement=complement,
        needs_complement=bool(entry.get("needs_complement", False)),
        needs_target=bool(entry.get("needs_target", False)),
        complement_aux=_as_set(entry.get("complement_aux"), "complement_aux", file, line),
        inverse=bool(entry.get("inverse", False)),
        speech=bool(entry.get("speech", False)), allege=bool(entry.get("allege", False)),
        elided_target=bool(entry.get("elided_target", False)),
        needs_reason=bool(entry.get("needs_reason", False)),
        example=example.strip(), expect=tuple(expect),
    )


def _index(patterns: list[Pattern]) -> dict[str, tuple[Pattern, ...]]:
    index: dict[str, list[Pattern]] = {}
    for p in patterns:
        for lemma in p.lemmas:
            index.setdefault(lemma, []).append(p)
    return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in index.items()}


def _read(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"invalid YAML: {getattr(exc, 'problem', exc)}", file=str(path),
                          line=(mark.line + 1) if mark else None) from None
    if not isinstance(data, dict):
        raise ConfigError("pattern file must be a mapping with verbs/nouns lists", file=str(path))
    return data


_WORD_LISTS = ("light_verbs", "speech_verbs", "commentators", "located_institutions", "landmark_nouns",
               "occurrence_verbs", "venue_nouns", "media_nouns", "owned_places", "reason_marks",
               "abstract_heads", "evaluated_acts", "evaluating_verbs")
#: Type of each pattern field: a string, a flag, a list of strings (or a string for word sets).
_STR_FIELDS = {"id", "prep", "particle", "complement", "example"}
_FLAG_FIELDS = {"symmetric", "speech", "allege", "elided_target", "needs_target", "needs_reason"}
_LIST_FIELDS = {"lemma", "object", "modifier"}  # a string or a list of strings
_SLOT_FIELDS = {"target", "source", "expect"}  # a list of strings


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_types(entry: dict, file: str) -> None:
    """Field types of one pattern entry (before any other check uses them)."""
    line = entry.get("__line__", 0)
    for key, value in entry.items():
        if not isinstance(key, str):
            raise ConfigError(f"field name {key!r} is not a word", file=file, line=line)
        if value is None or key.startswith("__"):
            continue
        if key in _STR_FIELDS:
            ok, want = isinstance(value, str), "a string"
        elif key in _FLAG_FIELDS:
            ok, want = isinstance(value, bool), "true or false"
        elif key in _LIST_FIELDS:
            ok, want = isinstance(value, str) or _is_str_list(value), "a string or a list of strings"
        elif key in _SLOT_FIELDS:
            ok, want = _is_str_list(value), "a list of strings"
        elif key == "code":
            ok, want = isinstance(value, str) or type(value) is int, "a quoted CAMEO code"
        else:
            continue  # unknown fields are reported by _pattern
        if not ok:
            raise ConfigError(f"field {key!r} must be {want}, got {type(value).__name__}",
                              file=file, line=line)


def packaged_pattern_path() -> Path:
    return Path(str(resources.files("detente") / "data" / "patterns" / "events.yaml"))


def parse_pattern_file(path: Path, base: dict | None = None) -> dict:
    """Read a pattern file; entries of ``base`` with the same id are replaced."""
    data = _read(path)
    for kind in ("verbs", "nouns"):
        entries = data.get(kind) or []
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise ConfigError(f"{kind} must be a list of mappings", file=str(path), line=data.get("__line__"))
        for entry in entries:
            _check_types(entry, str(path))
            entry["__file__"] = str(path)
    for key in _WORD_LISTS:
        words = data.get(key)
        if words is not None and not _is_str_list(words):
            raise ConfigError(f"{key} must be a list of strings", file=str(path), line=data.get("__line__"))
    # validated here so that an error names this file
    _evaluative_predicates(data.get("evaluative_predicates"), str(path), load_ontology())
    if base is None:
        for key in ("version", "verbs", "nouns", "complement_maps", "light_verbs", "speech_verbs",
                    "commentators", "located_institutions", "landmark_nouns", "occurrence_verbs",
                    "document_nouns", "modality"):
            if key not in data:
                raise ConfigError(f"missing top-level key {key!r}", file=str(path))
        return {**data, "__file__": str(path)}
    merged = dict(base)
    for kind in ("verbs", "nouns"):
        extra = data.get(kind) or []
        ids = {e.get("id") for e in extra}
        merged[kind] = [e for e in base[kind] if e.get("id") not in ids] + extra
    for key in _WORD_LISTS:
        merged[key] = list(base.get(key) or []) + list(data.get(key) or [])
    if data.get("evaluative_predicates"):
        # a user file adds adjectives, or moves one to another code
        user = _evaluative_predicates(data["evaluative_predicates"], str(path), load_ontology())
        table: dict[str, list[str]] = {}
        for code, words in (base.get("evaluative_predicates") or {}).items():
            if code != "__line__":
                table[str(code)] = [w for w in words if str(w).lower() not in user]
        for word, code in user.items():
            table.setdefault(code, []).append(word)
        merged["evaluative_predicates"] = table
    merged["version"] = f"{base['version']}+{data.get('version', 'user')}"
    return merged


def _evaluative_predicates(raw: Any, file: str, ont) -> dict[str, str]:
    """adjective -> CAMEO code from the ``evaluative_predicates`` mapping (code -> adjectives),
    validated: known codes, lists of words, each adjective under one code only."""
    if raw is None:
        return {}
    line = raw.get("__line__", 0) if isinstance(raw, dict) else 0
    if not isinstance(raw, dict):
        raise ConfigError("evaluative_predicates must map CAMEO codes to lists of adjectives",
                          file=file, line=line)
    out: dict[str, str] = {}
    for code, words in raw.items():
        if code == "__line__":
            continue
        code = str(code)
        if not ont.is_code(code) or len(code) < 3:
            raise ConfigError(f"evaluative_predicates: {code!r} is not a CAMEO event code",
                              file=file, line=line)
        for word in _as_set(words, f"evaluative_predicates {code}", file, line):
            if out.get(word, code) != code:
                raise ConfigError(f"evaluative_predicates: {word!r} is under both {out[word]} and "
                                  f"{code}", file=file, line=line)
            out[word] = code
    return out


def build_pattern_set(data: dict) -> PatternSet:
    file = data.get("__file__", "patterns")
    maps_raw = data["complement_maps"]
    ont = load_ontology()
    maps: dict[str, dict[str, str]] = {}
    for name, table in maps_raw.items():
        if name == "__line__":
            continue
        line = table.get("__line__", 0)
        clean = {str(k): str(v) for k, v in table.items() if k != "__line__"}
        if "default" not in clean:
            raise ConfigError(f"complement map {name!r} needs a default", file=file, line=line)
        for key, value in clean.items():
            if value != "self" and not ont.is_code(value):
                raise ConfigError(f"complement map {name!r}: {key} -> {value} is not a CAMEO code",
                                  file=file, line=line)
        maps[name] = clean
    ids: set[str] = set()
    verbs = [_pattern(e, "verb", file, maps, ids) for e in data["verbs"]]
    nouns = [_pattern(e, "noun", file, maps, ids) for e in data["nouns"]]
    mod = data["modality"]
    modality = {k: _as_set(v, k, file, mod.get("__line__", 0)) for k, v in mod.items() if k != "__line__"}
    for key in ("negation", "negating_governors", "planned_aux", "hypothetical_aux", "proposed_aux", "hypothetical_marks",
                "planned_governors", "proposed_governors", "hypothetical_governors",
                "planned_modifiers", "proposed_modifiers"):
        if key not in modality:
            raise ConfigError(f"modality section needs {key!r}", file=file, line=mod.get("__line__"))
    return PatternSet(
        version=str(data["version"]), verbs=_index(verbs), nouns=_index(nouns),
        complement_maps=maps,
        light_verbs=_as_set(data["light_verbs"], "light_verbs", file, 0),
        speech_verbs=_as_set(data["speech_verbs"], "speech_verbs", file, 0),
        commentators=_as_set(data["commentators"], "commentators", file, 0),
        located_institutions=_as_set(data["located_institutions"], "located_institutions", file, 0),
        landmark_nouns=_as_set(data["landmark_nouns"], "landmark_nouns", file, 0),
        occurrence_verbs=_as_set(data["occurrence_verbs"], "occurrence_verbs", file, 0),
        document_nouns=_as_set(data["document_nouns"], "document_nouns", file, 0),
        located_sectors={str(k).lower(): str(v).upper() for k, v in (data.get("located_sectors") or {}).items()
                         if k != "__line__"},
        modality=modality, all_patterns=tuple(verbs + nouns),
        venue_nouns=_as_set(data.get("venue_nouns") or [], "venue_nouns", file, 0),
        media_nouns=_as_set(data.get("media_nouns") or [], "media_nouns", file, 0),
        owned_places=_as_set(data.get("owned_places") or [], "owned_places", file, 0),
        reason_marks=_as_set(data.get("reason_marks") or [], "reason_marks", file, 0),
        abstract_heads=_as_set(data.get("abstract_heads") or [], "abstract_heads", file, 0),
        evaluative_predicates=_evaluative_predicates(data.get("evaluative_predicates"), file, ont),
        evaluated_acts=_as_set(data.get("evaluated_acts") or [], "evaluated_acts", file, 0),
        evaluating_verbs=_as_set(data.get("evaluating_verbs") or [], "evaluating_verbs", file, 0),
    )


def load_patterns(user_file: str | None = None) -> PatternSet:
    """The packaged patterns, optionally extended/overridden by a user pattern file (cached
    until the user file changes)."""
    stamp = None
    if user_file:
        try:
            st = Path(user_file).stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError as exc:
            raise ConfigError(f"cannot read pattern file: {exc.strerror}", file=user_file) from exc
    return _load_patterns(user_file, stamp)


@functools.lru_cache(maxsize=8)
def _load_patterns(user_file: str | None, stamp: tuple[int, int] | None) -> PatternSet:
    data = parse_pattern_file(packaged_pattern_path())
    if user_file:
        data = parse_pattern_file(Path(user_file), base=data)
    patterns = build_pattern_set(data)
    log.debug("loaded %d event patterns (version %s)", len(patterns.all_patterns), patterns.version)
    return patterns
