"""Analysis of merged events: dyad timelines, the cooperation–conflict index, stances, sources.

Each module reads the store (never a spaCy ``Doc``) and returns plain rows (dicts) plus a
``format_*`` function that renders them as ``table``, ``jsonl`` or ``md``:

* :mod:`.timeline` — merged events of a dyad in date order with precision and evidence;
* :mod:`.index` — counts by quad class, Goldstein sums and means, and the cooperation–conflict
  index per period;
* :mod:`.stances` — actors' stated positions on issues (extraction and queries);
* :mod:`.sources` — per outlet and article: actors covered, tone of events, stances reported.
"""

from __future__ import annotations

from .formatting import FORMATS

__all__ = ["FORMATS"]
