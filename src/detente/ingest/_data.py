"""Loading and validating the ingest stage's packaged data files (with file:line errors)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from detente.errors import ConfigError

DATA_DIR = Path(str(resources.files("detente") / "data" / "ingest"))


def _line_index(text: str) -> dict[tuple[str, ...], int]:
    """Map a YAML path (keys and list indices as strings) to its 1-based line number."""
    out: dict[tuple[str, ...], int] = {}

    def walk(node: yaml.Node, path: tuple[str, ...]) -> None:
        out[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, path + (str(key.value),))
        elif isinstance(node, yaml.SequenceNode):
            for i, value in enumerate(node.value):
                walk(value, path + (str(i),))

    root = yaml.compose(text)
    if root is not None:
        walk(root, ())
    return out


def load_yaml(path: Path) -> tuple[Any, dict[tuple[str, ...], int]]:
    """Parse a YAML file; a syntax error becomes a ConfigError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read data file: {exc}", file=str(path)) from exc
    try:
        lines = _line_index(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            f"invalid YAML: {getattr(exc, 'problem', exc)}",
            file=str(path),
            line=mark.line + 1 if mark else None,
        ) from exc
    except (ValueError, TypeError) as exc:  # e.g. an impossible date such as 2016-13-01
        raise ConfigError(f"invalid value (bad date?): {exc}", file=str(path),
                          line=_bad_scalar_line(text)) from exc
    return data, lines


def _bad_scalar_line(text: str) -> int | None:
    """Line of the first timestamp-looking scalar that is not a real date."""
    stack = [yaml.compose(text)]
    while stack:
        node = stack.pop(0)
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":timestamp"):
                try:
                    dt.date.fromisoformat(str(node.value)[:10])
                except ValueError:
                    return node.start_mark.line + 1
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for kv in node.value for v in kv)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def compile_patterns(
    values: Any, path: Path, lines: dict[tuple[str, ...], int], key: tuple[str, ...],
    *, flags: int = 0, anchored: bool = False,
) -> list[re.Pattern[str]]:
    """Compile a list of regular expressions, naming the file and line of a bad one."""
    if not isinstance(values, list) or not values:
        raise ConfigError(f"'{'.'.join(key)}' must be a non-empty list of regular expressions",
                          file=str(path), line=lines.get(key))
    out = []
    for i, value in enumerate(values):
        where = lines.get(key + (str(i),), lines.get(key))
        if not isinstance(value, str) or not value:
            raise ConfigError(f"pattern must be a non-empty string, got {value!r}",
                              file=str(path), line=where)
        try:
            out.append(re.compile(rf"(?:{value})\Z" if anchored else value, flags))
        except re.error as exc:
            raise ConfigError(f"bad regular expression {value!r}: {exc}", file=str(path),
                              line=where) from exc
    return out


def parse_date(value: Any, path: Path, line: int | None) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError(f"bad date {value!r} (expected YYYY-MM-DD)", file=str(path),
                          line=line) from exc


@cache
def data_path(name: str) -> Path:
    return DATA_DIR / name


@cache
def load_word_list(name: str) -> frozenset[str]:
    """A packaged word list: one lower-case word per line, ``#`` comments."""
    path = data_path(name)
    words: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read word list: {exc}", file=str(path)) from exc
    for n, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if " " in line or line != line.lower():
            raise ConfigError(f"expected one lower-case word, got {line!r}", file=str(path), line=n)
        words.add(line)
    return frozenset(words)
