"""Rendering lists of row dicts as table, JSON Lines, CSV or Parquet (shared by CLI and exports)."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

FORMATS = ("table", "jsonl", "csv", "parquet")


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(
        json.dumps({k: _jsonable(v) for k, v in row.items()}, ensure_ascii=False, default=str) + "\n"
        for row in rows
    )


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    columns = list(columns or (rows[0].keys() if rows else []))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _jsonable(row.get(k)) for k in columns})
    return buf.getvalue()


def to_table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, width: int = 60) -> str:
    """A plain fixed-width text table; long cells are shortened with an ellipsis."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if not columns:
        return "(no rows)\n"

    def cell(v: Any) -> str:
        text = "" if v is None else str(_jsonable(v))
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def write_parquet(rows: Sequence[dict[str, Any]], path: Path, columns: Sequence[str] | None = None) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(columns or (rows[0].keys() if rows else []))
    table = pa.table({c: [_jsonable(r.get(c)) for r in rows] for c in columns})
    pq.write_table(table, path)
    return path


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    if fmt == "jsonl":
        if columns:
            rows = [{c: r.get(c) for c in columns} for r in rows]
        return to_jsonl(rows)
    if fmt == "csv":
        return to_csv(rows, columns)
    if fmt == "table":
        return to_table(rows, columns)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
