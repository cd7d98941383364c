"""The offline HTML report: one self-contained file to send.

``build_report(db, out)`` reads a store (read-only) and writes a single HTML file with its CSS,
its small script and its charts (inline SVG) inside: no CDN, no network request. Sections:

1. corpus summary;
2. per main dyad, the cooperation–conflict index over time (SVG chart);
3. the timeline of merged events with the evidence quote of each, linked to the sentence
   inside the embedded article text;
4. the actor network (nodes sized by events, edges weighted by events, coloured by mean
   Goldstein);
5. positions by issue and actor;
6. how the sources differ;
7. data quality (rejected inputs, inferred publication dates, low-confidence events);
8. the articles themselves, with every coded sentence marked and anchored.

All article-derived text is escaped (Jinja2 autoescaping plus :mod:`detente.report.render`),
and a Content-Security-Policy meta tag allows only the report's own inline script and style
(by hash): even a mistake in escaping could not run a script carried by an article.
"""

from __future__ import annotations

from .build import build_report, report_data

__all__ = ["build_report", "report_data"]
