"""The event ontology as data: CAMEO codes and names, Goldstein weights, CAMEO→PLOVER, quad classes.

Everything is read from ``detente/data/ontology/`` once (cached) and validated at load; a
malformed row raises :class:`~detente.errors.ConfigError` naming the file and line.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from ..errors import ConfigError

log = logging.getLogger(__name__)

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)([0-9]{1,2})?$")


def _data_path(name: str) -> Path:
    return Path(str(resources.files("detente") / "data" / "ontology" / name))


def _read_tsv(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV with ``#`` comments and a header line; (line number, row) pairs."""
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    text = path.read_text(encoding="utf-8")
    for lineno, line in enumerate(io.StringIO(text), start=1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = cells
            if tuple(header) != columns:
                raise ConfigError(f"header must be {'/'.join(columns)}, got {'/'.join(cells)}",
                                  file=str(path), line=lineno)
            continue
        if len(cells) != len(header):
            raise ConfigError(f"expected {len(header)} tab-separated columns, got {len(cells)}",
                              file=str(path), line=lineno)
        rows.append((lineno, dict(zip(header, cells))))
    return rows


@dataclass(frozen=True)
class Ontology:
    """CAMEO names, Goldstein weights, the CAMEO→PLOVER crosswalk and quad classes."""

    names: dict[str, str]
    goldstein_table: dict[str, float]
    plover_map: dict[str, tuple[str, str | None]]
    plover_types: dict[str, tuple[str, ...]]
    legacy_plover: dict[str, tuple[str, str | None]]
    quad_table: dict[str, int]
    version: str

    def is_code(self, code: str) -> bool:
        return code in self.names

    def root(self, code: str) -> str:
        return code[:2]

    def name(self, code: str) -> str:
        return self.names[code]

    def goldstein(self, code: str) -> float:
        """Goldstein weight of a full code (4-digit codes fall back to their 3-digit base)."""
        if code in self.goldstein_table:
            return self.goldstein_table[code]
        if len(code) == 2:
            return self.goldstein_table[code + "0"]
        return self.goldstein_table[code[:3]]

    def quad_class(self, code: str) -> int:
        return self.quad_table[code[:2]]

    def plover(self, code: str) -> tuple[str, str | None]:
        """(PLOVER type, mode) of a CAMEO code by its longest mapped prefix."""
        for n in range(len(code), 1, -1):
            hit = self.plover_map.get(code[:n])
            if hit:
                return hit
        raise KeyError(code)

    def modernise_plover(self, name: str) -> tuple[str, str | None]:
        """Map a PLOVER 0.5b1 type (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) to the current list."""
        name = name.upper()
        if name in self.legacy_plover:
            return self.legacy_plover[name]
        return name, None


def _load_names(path: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for lineno, row in _read_tsv(path, ("code", "level", "name")):
        code, level = row["code"], row["level"]
        want = {"root": 2, "base": 3, "sub": 4}.get(level)
        if want is None or len(code) != want or not _CODE.match(code):
            raise ConfigError(f"bad CAMEO code {code!r} for level {level!r}", file=str(path), line=lineno)
        if code in names:
            raise ConfigError(f"duplicate CAMEO code {code}", file=str(path), line=lineno)
        if len(code) > 2 and code[:2] not in names:
            raise ConfigError(f"code {code} listed before its root {code[:2]}", file=str(path), line=lineno)
        if len(code) == 4 and code[:3] not in names:
            raise ConfigError(f"code {code} has no base code {code[:3]}", file=str(path), line=lineno)
        names[code] = row["name"]
    return names


def _load_goldstein(path: Path, names: dict[str, str]) -> dict[str, float]:
    table: dict[str, float] = {}
    for lineno, row in _read_tsv(path, ("code", "goldstein")):
        code = row["code"]
        if code not in names:
            raise ConfigError(f"Goldstein value for unknown CAMEO code {code}", file=str(path), line=lineno)
        try:
            value = float(row["goldstein"])
        except ValueError:
            raise ConfigError(f"Goldstein value {row['goldstein']!r} is not a number",
                              file=str(path), line=lineno) from None
        if not -10.0 <= value <= 10.0:
            raise ConfigError(f"Goldstein value {value} outside -10..10", file=str(path), line=lineno)
        table[code] = value
    missing = [c for c in names if len(c) >= 3 and c not in table]
    if missing:
        raise ConfigError(f"no Goldstein value for {', '.join(missing[:5])}", file=str(path))
    return table


def _load_plover(path: Path, names: dict[str, str]):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise ConfigError(f"invalid YAML: {exc}", file=str(path), line=(line + 1) if line is not None else None) from None
    if not isinstance(data, dict) or not {"types", "cameo", "quad_classes", "version"} <= set(data):
        raise ConfigError("needs keys version, types, cameo, quad_classes", file=str(path))
    types = {t: tuple(v.get("modes") or ()) for t, v in data["types"].items()}
    mapping: dict[str, tuple[str, str | None]] = {}
    for i, entry in enumerate(data["cameo"]):
        code, ptype, mode = str(entry.get("cameo")), entry.get("type"), entry.get("mode")
        where = f"cameo entry {i + 1} ({code})"
        if code not in names:
            raise ConfigError(f"{where}: unknown CAMEO code", file=str(path))
        if ptype not in types:
            raise ConfigError(f"{where}: unknown PLOVER type {ptype!r}", file=str(path))
        if mode is not None and mode not in types[ptype]:
            raise ConfigError(f"{where}: mode {mode!r} not listed for {ptype}", file=str(path))
        mapping[code] = (ptype, mode)
    legacy = {}
    for old, (new, mode) in (data.get("legacy_types") or {}).items():
        if new not in types:
            raise ConfigError(f"legacy type {old} maps to unknown {new}", file=str(path))
        legacy[old] = (new, mode)
    quads = {str(k): int(v) for k, v in data["quad_classes"].items()}
    roots = [c for c in names if len(c) == 2]
    if sorted(quads) != sorted(roots) or not set(quads.values()) <= {1, 2, 3, 4}:
        raise ConfigError("quad_classes must give 1..4 for every CAMEO root", file=str(path))
    for root in roots:
        if root not in mapping:
            raise ConfigError(f"no PLOVER mapping for CAMEO root {root}", file=str(path))
    return types, mapping, legacy, quads, str(data["version"])


@functools.lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Load and validate the packaged ontology (cached)."""
    names = _load_names(_data_path("cameo_codes.tsv"))
    gold = _load_goldstein(_data_path("goldstein.tsv"), names)
    types, mapping, legacy, quads, version = _load_plover(_data_path("plover.yaml"), names)
    log.debug("loaded CAMEO ontology: %d codes, %d PLOVER mappings", len(names), len(mapping))
    return Ontology(names=names, goldstein_table=gold, plover_map=mapping, plover_types=types,
                    legacy_plover=legacy, quad_table=quads, version=version)
