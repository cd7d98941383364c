"""HTML/SVG building blocks shared by the static report and the web dashboard.

Everything that comes from an article (text, titles, actor names, sentences) passes through
:func:`markupsafe.escape` here before it touches markup; the functions return
:class:`markupsafe.Markup` so templates (with autoescaping on) do not escape twice.
Charts are plain inline SVG: no JavaScript, no external resources, so they render offline
and under a strict Content-Security-Policy. SVG uses presentation attributes, never
``style=`` attributes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

#: Quad class → colour (cooperative blues, conflictual reds).
QUAD_COLOURS = {1: "#6baed6", 2: "#2166ac", 3: "#f4a582", 4: "#b2182b"}


def goldstein_colour(value: float | None) -> str:
    """Diverging colour for a Goldstein score: red (−10) … grey (0) … blue (+10)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "#9ca3af"
    t = max(-1.0, min(1.0, float(value) / 10.0))
    grey, red, blue = (156, 163, 175), (178, 24, 43), (33, 102, 172)
    end = blue if t >= 0 else red
    t = abs(t) ** 0.7
    rgb = tuple(round(g + (e - g) * t) for g, e in zip(grey, end))
    return "#{:02x}{:02x}{:02x}".format(*rgb)


@dataclass(frozen=True)
class Span:
    """A stretch of an article to highlight; ``anchor`` becomes an element id at its start."""

    start: int
    end: int
    anchor: str | None = None
    css: str = "ev"
    title: str | None = None
    current: bool = False


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """The article ``text`` escaped, with each span wrapped in ``<mark>`` and anchored.

    Overlapping spans are allowed: a stretch covered by several spans gets one ``<mark>``
    carrying all their classes. Offsets outside the text are clipped; empty spans only anchor.
    """
    n = len(text)
    spans = [
        Span(max(0, min(n, s.start)), max(0, min(n, s.end)), s.anchor, s.css, s.title, s.current)
        for s in spans
        if s.start is not None and s.end is not None
    ]
    cuts = sorted({0, n} | {s.start for s in spans} | {s.end for s in spans})
    anchors: dict[int, list[str]] = {}
    for s in spans:
        if s.anchor:
            anchors.setdefault(s.start, []).append(s.anchor)
    out: list[str] = []
    for lo, hi in zip(cuts, cuts[1:] + [None]):
        for a in anchors.get(lo, ()):
            out.append(f'<span class="anchor" id="{escape(a)}"></span>')
        if hi is None or hi <= lo:
            continue
        piece = escape(text[lo:hi])
        covering = [s for s in spans if s.start <= lo and hi <= s.end and s.start < s.end]
        if not covering:
            out.append(str(piece))
            continue
        classes = sorted({s.css for s in covering} | ({"current"} if any(s.current for s in covering) else set()))
        titles = "; ".join(dict.fromkeys(s.title for s in covering if s.title))
        title_attr = f' title="{escape(titles)}"' if titles else ""
        out.append(f'<mark class="{escape(" ".join(classes))}"{title_attr}>{piece}</mark>')
    return Markup("".join(out))


def locate(text: str, sentence: str | None, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Where ``sentence`` sits in ``text``: the stored offsets when they match, else a search."""
    if not text:
        return None
    stored_ok = start is not None and end is not None and 0 <= start < end <= len(text)
    if stored_ok and (not sentence or sentence.strip() in text[start:end]):
        return start, end
    if sentence:
        i = text.find(sentence.strip())
        if i >= 0:
            return i, i + len(sentence.strip())
    if stored_ok:
        return start, end
    return None


# -- index chart ------------------------------------------------------------------------------------
def period_bounds(period: str) -> tuple[str, str]:
    """``2016-09`` → (2016-09, 2016-09); ``2016-Q3`` → (2016-07, 2016-09); ``2016`` → (2016, 2016)."""
    if len(period) == 7 and period[4:6] == "-Q":
        q = int(period[6])
        return f"{period[:4]}-{3 * q - 2:02d}", f"{period[:4]}-{3 * q:02d}"
    return period, period


def index_chart(periods: Sequence[dict], *, title: str = "", width: int = 760, height: int = 280,
                chart_id: str = "index-chart", link: str | None = None) -> Markup:
    """Line chart of the cooperation–conflict index (−1 … +1) with event-count bars.

    Each period is a ``<circle class="point">`` with ``data-period``/``data-value`` and a
    ``<title>`` tooltip, so the chart is readable by people, screen readers and tests.
    ``link`` (dashboard only) is a URL template with ``{since}``/``{until}`` for clicking a point.
    """
    ml, mr, mt, mb = 48, 16, 28, 56
    pw, ph = width - ml - mr, height - mt - mb
    periods = list(periods)
    out = [
        (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart index-chart" id="{escape(chart_id)}" '
         f'viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(title or "index")}">'),
        f'<text x="{ml}" y="16" font-size="13" font-weight="bold" fill="#222">{escape(title)}</text>',
    ]
    if not any(p.get("index") is not None for p in periods):
        out.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" fill="#666" '
                   'class="empty">no dated events at this resolution</text></svg>')
        return Markup("".join(out))

    def y(v: float) -> float:
        return mt + (1 - (v + 1) / 2) * ph

    step = pw / max(1, len(periods))
    xs = [ml + step * (i + 0.5) for i in range(len(periods))]
    for v in (-1, -0.5, 0, 0.5, 1):
        out.append(f'<line x1="{ml}" x2="{ml + pw}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                   f'stroke="{"#888" if v == 0 else "#e5e7eb"}" stroke-width="1"/>')
        out.append(f'<text x="{ml - 6}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="10" fill="#555">{v:+g}</text>')
    out.append(f'<text x="12" y="{mt + ph / 2}" font-size="10" fill="#555" '
               f'transform="rotate(-90 12 {mt + ph / 2})" text-anchor="middle">conflict ← index → cooperation</text>')
    most = max((p.get("events") or 0) for p in periods) or 1
    for x, p in zip(xs, periods):
        if p.get("events"):
            bh = 22 * p["events"] / most
            out.append(f'<rect class="bar" x="{x - step * 0.3:.1f}" y="{mt + ph - bh:.1f}" width="{step * 0.6:.1f}" '
                       f'height="{bh:.1f}" fill="#d1d5db"/>')
    # the line breaks where a period has no events
    path, pen_down = [], False
    for x, p in zip(xs, periods):
        if p.get("index") is None:
            pen_down = False
            continue
        path.append(f"{'L' if pen_down else 'M'}{x:.1f},{y(p['index']):.1f}")
        pen_down = True
    out.append(f'<path d="{" ".join(path)}" fill="none" stroke="#374151" stroke-width="1.5"/>')
    label_every = max(1, math.ceil(len(periods) / 12))
    for i, (x, p) in enumerate(zip(xs, periods)):
        if p.get("index") is not None:
            coop = (p.get("q1") or 0) + (p.get("q2") or 0)
            conflict = (p.get("q3") or 0) + (p.get("q4") or 0)
            tip = (f"{p['period']}: index {p['index']:+.2f}, {p['events']:g} events "
                   f"(cooperation {coop:g}, conflict {conflict:g}), mean Goldstein {p.get('goldstein_mean')}")
            colour = "#2166ac" if p["index"] > 0 else "#b2182b" if p["index"] < 0 else "#6b7280"
            point = (f'<circle class="point" cx="{x:.1f}" cy="{y(p["index"]):.1f}" r="4.5" fill="{colour}" '
                     f'data-period="{escape(p["period"])}" data-value="{p["index"]}" data-events="{p["events"]}">'
                     f'<title>{escape(tip)}</title></circle>')
            if link:
                since, until = period_bounds(p["period"])
                point = f'<a href="{escape(link.format(since=_url_quote(since), until=_url_quote(until)))}">{point}</a>'
            out.append(point)
        if i % label_every == 0 or i == len(periods) - 1:
            out.append(f'<text x="{x:.1f}" y="{mt + ph + 16}" font-size="10" fill="#555" text-anchor="end" '
                       f'transform="rotate(-35 {x:.1f} {mt + ph + 16})">{escape(p["period"])}</text>')
    out.append("</svg>")
    return Markup("".join(out))


# -- network -----------------------------------------------------------------------------------------
def _layout(ids: list[str], edges: list[tuple[str, str, float]], w: float, h: float, seed: int = 7) -> dict:
    """Deterministic force-directed layout (Fruchterman–Reingold with gravity), for small graphs."""
    n = len(ids)
    if n == 0:
        return {}
    if n == 1:
        return {ids[0]: (w / 2, h / 2)}
    rnd = random.Random(seed)
    pos = {}
    for i, node in enumerate(ids):
        a = 2 * math.pi * i / n
        pos[node] = [math.cos(a) + rnd.uniform(-0.05, 0.05), math.sin(a) + rnd.uniform(-0.05, 0.05)]
    k = 1.0 / math.sqrt(n) * 1.6
    temp = 0.3
    for _ in range(300):
        disp = {v: [0.0, 0.0] for v in ids}
        for i, v in enumerate(ids):
            for u in ids[i + 1:]:
                dx, dy = pos[v][0] - pos[u][0], pos[v][1] - pos[u][1]
                d = max(1e-3, math.hypot(dx, dy))
                f = k * k / d
                disp[v][0] += dx / d * f
                disp[v][1] += dy / d * f
                disp[u][0] -= dx / d * f
                disp[u][1] -= dy / d * f
        for a, b, wt in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(1e-3, math.hypot(dx, dy))
            f = d * d / k * (1 + 0.3 * math.log1p(wt))
            disp[a][0] -= dx / d * f
            disp[a][1] -= dy / d * f
            disp[b][0] += dx / d * f
            disp[b][1] += dy / d * f
        for v in ids:
            # gravity keeps separate components close to the centre
            disp[v][0] -= pos[v][0] * 0.8
            disp[v][1] -= pos[v][1] * 0.8
            dx, dy = disp[v]
            d = max(1e-9, math.hypot(dx, dy))
            pos[v][0] += dx / d * min(d, temp)
            pos[v][1] += dy / d * min(d, temp)
        temp = max(0.002, temp * 0.985)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    padx, pady = 90, 40
    sx = (w - 2 * padx) / max(1e-6, max(xs) - min(xs))
    sy = (h - 2 * pady) / max(1e-6, max(ys) - min(ys))
    return {v: (padx + (p[0] - min(xs)) * sx, pady + (p[1] - min(ys)) * sy) for v, p in pos.items()}


def network_chart(nodes: Sequence[dict], edges: Sequence[dict], *, width: int = 760, height: int = 520,
                  link: str | None = None) -> Markup:
    """Actor network: node size ~ events, edge width ~ events, colour = mean Goldstein.

    ``link`` is an optional URL template with ``{id}`` for clicking a node (dashboard only).
    """
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="chart network-chart" viewBox="0 0 {width} {height}" '
            'width="100%" role="img" aria-label="actor network">')]
    if not nodes:
        out.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" fill="#666" class="empty">'
                   'no events between identified actors</text></svg>')
        return Markup("".join(out))
    linked = {e["a"] for e in edges} | {e["b"] for e in edges}
    nodes = [n for n in nodes if n["id"] in linked] or list(nodes)
    ids = [n["id"] for n in nodes]
    pos = _layout(ids, [(e["a"], e["b"], e["events"]) for e in edges], width, height - 30)
    most = max(e["events"] for e in edges) if edges else 1
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["a"]], pos[e["b"]]
        sw = 1 + 7 * math.sqrt(e["events"] / most)
        tip = f"{e['a']} – {e['b']}: {e['events']} events, mean Goldstein {e['mean_goldstein']}"
        out.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke="{goldstein_colour(e["mean_goldstein"])}" stroke-width="{sw:.1f}" stroke-opacity="0.8" '
                   f'data-events="{e["events"]}"><title>{escape(tip)}</title></line>')
    most_n = max(n["events"] for n in nodes) or 1
    for n in nodes:
        x, y = pos[n["id"]]
        r = 6 + 14 * math.sqrt(n["events"] / most_n)
        label = n.get("name") or n["id"]
        label = label if len(label) <= 24 else label[:23] + "…"
        tip = f"{label} ({n['id']}): {n['events']} events, mean Goldstein {n['mean_goldstein']}"
        node = (f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{goldstein_colour(n["mean_goldstein"])}" '
                f'stroke="#fff" stroke-width="1.5" data-id="{escape(n["id"])}"><title>{escape(tip)}</title></circle>'
                f'<text x="{x:.1f}" y="{y - r - 3:.1f}" text-anchor="middle" font-size="10" fill="#111" '
                f'stroke="#fff" stroke-width="3" paint-order="stroke">{escape(label)}</text>')
        if link:
            href = escape(link.format(id=_url_quote(n["id"])))
            node = f'<a href="{href}">{node}</a>'
        out.append(node)
    # legend
    ly = height - 14
    for i, g in enumerate((-10, -5, 0, 5, 10)):
        out.append(f'<rect x="{12 + i * 26}" y="{ly - 10}" width="24" height="10" fill="{goldstein_colour(g)}"/>')
        out.append(f'<text x="{24 + i * 26}" y="{ly + 10}" font-size="9" text-anchor="middle" fill="#555">{g:+d}</text>')
    out.append(f'<text x="150" y="{ly}" font-size="10" fill="#555">mean Goldstein (red: conflict, blue: cooperation)</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _url_quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")
