"""The cooperation–conflict index of a dyad, per month, quarter or year.

For the merged events between ``a`` and ``b`` (either direction; see
:func:`detente.analysis.timeline.dyad_clause`) each period row gives:

* ``q1`` … ``q4`` — events by CAMEO quad class: 1 verbal cooperation, 2 material cooperation,
  3 verbal conflict, 4 material conflict;
* ``goldstein_sum`` and ``goldstein_mean`` — of the events' Goldstein scores (−10 … +10);
* ``cci`` — the **cooperation–conflict index**::

      cci = (w(q1) + w(q2) − w(q3) − w(q4)) / (w(q1) + w(q2) + w(q3) + w(q4))

  where ``w(qk)`` is the number of events of quad class *k* (or, with ``weighted=True``, the sum
  of their mention counts). It runs from −1 (only conflict) to +1 (only cooperation), 0 when
  both balance; ``None`` for a period without events.

Why this formula: it is a share, so it does not grow with how much was written about a period
(GDELT-style volume effects), it is readable without knowing the Goldstein scale, and it is not
dominated by a single extreme code (one "use conventional military force" at −10 weighs as much
as one "express intent to cooperate"). The Goldstein mean is given beside it for users who want
intensity; the two disagree exactly when a period mixes many mild cooperative statements with few
severe conflictual acts, which is worth seeing.

Weighting: ``weighted=False`` counts each real-world event once (the point of merging);
``weighted=True`` weights each by its number of mentions, i.e. by how much it was reported.

Which events count: those with modality in ``modalities`` (default ``asserted`` — what happened,
not what was planned, proposed, hypothesised or denied) and a date that falls inside one period
at the chosen granularity. An event dated only ``2016`` has no month: it is counted by year but
left out of monthly and quarterly rows (the number left out is logged). Periods between the first
and last period with events are filled with empty rows, so the series can be plotted directly.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from ..merge import date_interval
from .formatting import render
from .timeline import dyad_clause

log = logging.getLogger(__name__)

PERIODS = ("month", "quarter", "year")

INDEX_COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("period", "period", None),
    ("n_events", "events", None),
    ("q1", "verbal coop", None),
    ("q2", "material coop", None),
    ("q3", "verbal conflict", None),
    ("q4", "material conflict", None),
    ("goldstein_sum", "goldstein sum", None),
    ("goldstein_mean", "goldstein mean", None),
    ("cci", "coop-conflict index", None),
)


def period_of(span: tuple[dt.date, dt.date], by: str) -> str | None:
    """The period label (``2016-09``, ``2016-Q3``, ``2016``) holding the whole span, or None."""
    first, last = span
    if by == "year":
        return str(first.year) if first.year == last.year else None
    if by == "quarter":
        q1, q2 = (first.month - 1) // 3 + 1, (last.month - 1) // 3 + 1
        return f"{first.year}-Q{q1}" if (first.year, q1) == (last.year, q2) else None
    if by == "month":
        return f"{first.year}-{first.month:02d}" if (first.year, first.month) == (last.year, last.month) else None
    raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")


def _next_period(label: str, by: str) -> str:
    if by == "year":
        return str(int(label) + 1)
    if by == "quarter":
        year, q = int(label[:4]), int(label[-1])
        return f"{year + 1}-Q1" if q == 4 else f"{year}-Q{q + 1}"
    year, month = int(label[:4]), int(label[5:7])
    return f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}"


def _empty(period: str) -> dict[str, Any]:
    return {
        "period": period, "n_events": 0, "weight": 0.0, "q1": 0.0, "q2": 0.0, "q3": 0.0, "q4": 0.0,
        "goldstein_sum": 0.0, "goldstein_mean": None, "cci": None,
    }


def aggregate(
    events: Sequence[dict[str, Any]], *, by: str = "month", weighted: bool = False
) -> list[dict[str, Any]]:
    """Period rows from event dicts with ``date``, ``quad_class``, ``goldstein``, ``n_mentions``."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    rows: dict[str, dict[str, Any]] = {}
    unplaced = 0
    for e in events:
        span = date_interval(e.get("date"))
        period = period_of(span, by) if span else None
        if period is None:
            unplaced += 1
            continue
        w = float(e.get("n_mentions") or 1) if weighted else 1.0
        row = rows.setdefault(period, _empty(period))
        row["n_events"] += 1
        row["weight"] += w
        quad = e.get("quad_class")
        if quad in (1, 2, 3, 4):
            row[f"q{quad}"] += w
        row["goldstein_sum"] += w * float(e.get("goldstein") or 0.0)
    if unplaced:
        log.info("%d events have no date or a date coarser than a %s; left out", unplaced, by)
    if not rows:
        return []
    labels = sorted(rows)
    filled, label = [], labels[0]
    while True:
        filled.append(rows.get(label) or _empty(label))
        if label == labels[-1]:
            break
        label = _next_period(label, by)
    for row in filled:
        total = row["q1"] + row["q2"] + row["q3"] + row["q4"]
        if row["weight"]:
            row["goldstein_mean"] = row["goldstein_sum"] / row["weight"]
        if total:
            row["cci"] = (row["q1"] + row["q2"] - row["q3"] - row["q4"]) / total
        if not weighted:
            for k in ("weight", "q1", "q2", "q3", "q4"):
                row[k] = int(row[k])
    return filled


def index(
    store,
    a: str | None,
    b: str | None,
    *,
    by: str = "month",
    weighted: bool = False,
    modalities: Sequence[str] = ("asserted",),
) -> list[dict[str, Any]]:
    """Per-period counts by quad class, Goldstein sum/mean and cooperation–conflict index of the
    merged events between ``a`` and ``b`` (either direction; None = anyone). ``modalities``
    selects the events counted (empty: all)."""
    where, params = dyad_clause(a, b)
    if modalities:
        where += f" AND modality IN ({', '.join('?' * len(modalities))})"
        params += list(modalities)
    events = store.query(f"SELECT date, quad_class, goldstein, n_mentions FROM events WHERE {where}", params)
    return aggregate(events, by=by, weighted=weighted)


def format_index(rows: Sequence[dict[str, Any]], fmt: str = "table") -> str:
    """Render :func:`index` rows as ``table``, ``jsonl`` (every field) or ``md``."""
    return render(rows, INDEX_COLUMNS, fmt)
