"""Rendering analysis rows as a text table, JSON Lines or a Markdown table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

#: The output formats every ``format_*`` function of the analysis modules accepts.
FORMATS = ("table", "jsonl", "md", "csv")


def _cell(value: Any, width: int | None) -> str:
    if value is None:
        text = ""
    elif isinstance(value, float):
        text = f"{value:.2f}"
    elif isinstance(value, (list, tuple)):
        text = ", ".join(str(v) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k}={v}" for k, v in value.items())
    else:
        text = str(value)
    text = " ".join(text.split())
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def _csv(rows: Sequence[Mapping[str, Any]]) -> str:
    fields: list[str] = []
    for r in rows:
        fields += [k for k in r if k not in fields]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(fields)
    for r in rows:
        cells = []
        for k in fields:
            v = r.get(k)
            if isinstance(v, (list, tuple)):
                v = "; ".join(str(x) for x in v)
            elif isinstance(v, dict):
                v = json.dumps(v, ensure_ascii=False, default=str)
            cells.append("" if v is None else v)
        writer.writerow(cells)
    return buf.getvalue()


def render(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[tuple[str, str, int | None]],
    fmt: str,
) -> str:
    """Rows as ``fmt``. ``columns`` are (key, header, max width) for table and md output; jsonl
    and csv write every field of every row (csv: lists joined by "; ", mappings as JSON)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "jsonl":
        return "".join(json.dumps(dict(r), ensure_ascii=False, default=str) + "\n" for r in rows)
    if fmt == "csv":
        return _csv(rows)
    cells = [[_cell(r.get(key), width) for key, _, width in columns] for r in rows]
    headers = [h for _, h, _ in columns]
    if fmt == "md":
        def esc(text: str) -> str:
            return text.replace("|", "\\|")

        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"
