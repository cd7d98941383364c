"""Building blocks: date intervals, highlighting, charts."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup

from detente.report.render import (
    Span,
    goldstein_colour,
    highlight,
    index_chart,
    locate,
    network_chart,
)
from detente.web.queries import date_bounds, interval_start, like_escape, parse_dyad, snippet


@pytest.mark.parametrize("value, start, end", [
    ("2016", "2016-01-01", "2016-12-31"), ("2016-09", "2016-09-01", "2016-09-31"),
    ("2016-09-02", "2016-09-02", "2016-09-02"),
])
def test_date_bounds(value, start, end):
    assert date_bounds(value, end=False) == start and date_bounds(value, end=True) == end


@pytest.mark.parametrize("value", ["16", "2016-13", "2016-02-30", "2016/09", "2016-9-1", ""])
def test_date_bounds_rejects(value):
    with pytest.raises(ValueError):
        date_bounds(value, end=False)


@pytest.mark.parametrize("value, start", [
    ("2018-Q3", "2018-07-01"), ("2018-05", "2018-05-01"), ("1956", "1956-01-01"), ("2018-10-19", "2018-10-19"),
    ("PRESENT_REF", None), (None, None),
])
def test_interval_start(value, start):
    assert interval_start(value) == start


@pytest.mark.parametrize("dyad, pair", [("JPN-RUS", ("JPN", "RUS")), ("", (None, None)), (None, (None, None))])
def test_parse_dyad(dyad, pair):
    assert parse_dyad(dyad) == pair


@pytest.mark.parametrize("dyad", ["JPN", "JPN-", "-RUS", "A-B-C"])
def test_parse_dyad_rejects(dyad):
    with pytest.raises(ValueError):
        parse_dyad(dyad)


def test_like_escape_and_snippet():
    assert like_escape("50%_a\\b") == "50\\%\\_a\\\\b"
    text = "x" * 300 + "Nagato" + "y" * 300
    s = snippet(text, "nagato", width=10)
    assert s == "…" + "x" * 10 + "Nagato" + "y" * 10 + "…"


def test_highlight_escapes_and_marks():
    text = "A <b>bold</b> claim. Then <script>x()</script> more."
    out = highlight(text, [Span(0, 20, anchor="ev-1", title='t"<'), Span(21, len(text), anchor="ev-2", css="st")])
    assert isinstance(out, Markup)
    assert "<b>" not in out and "<script>" not in out
    assert '<span class="anchor" id="ev-1"></span><mark class="ev" title="t&#34;&lt;">' in out
    assert re.sub(r"<[^>]+>", "", str(out)).replace("&lt;", "<").replace("&gt;", ">") == text


def test_highlight_overlaps_and_clipping():
    text = "one two three"
    out = str(highlight(text, [Span(0, 7), Span(4, 13, css="st", current=True), Span(-5, 100, css="x")]))
    # "two" is covered by three spans → one mark with all classes
    assert '<mark class="current ev st x">two</mark>' in out
    assert out.count("<mark") == 3


@pytest.mark.parametrize("sentence, start, end, expected", [
    ("two three", 4, 13, (4, 13)),
    ("two three", 0, 3, (4, 13)),      # stale offsets: found by search
    ("absent", 0, 3, (0, 3)),          # not found: stored offsets
    ("absent", None, None, None),
])
def test_locate(sentence, start, end, expected):
    assert locate("one two three", sentence, start, end) == expected


def test_index_chart_points_and_escaping():
    periods = [{"period": "2016-09", "events": 2, "q1": 1, "q2": 0, "q3": 0, "q4": 1, "index": 0.0, "goldstein_mean": -3.5},
               {"period": "<x>", "events": 1, "q1": 1, "q2": 0, "q3": 0, "q4": 0, "index": 1.0, "goldstein_mean": 1.0}]
    svg = str(index_chart(periods, title="<script>t</script>"))
    assert svg.count('class="point"') == 2
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'data-period="&lt;x&gt;"' in svg
    assert "no dated events" in str(index_chart([], title="x"))


def test_network_chart():
    nodes = [{"id": "JPN", "name": "Japan", "events": 3, "mean_goldstein": 2.0},
             {"id": "RUS", "name": "<img onerror=x>", "events": 2, "mean_goldstein": -5.0}]
    edges = [{"a": "JPN", "b": "RUS", "events": 2, "mentions": 3, "mean_goldstein": -1.0}]
    svg = str(network_chart(nodes, edges, link="/timeline?actor={id}"))
    assert svg.count('class="node"') == 2 and svg.count('class="edge"') == 1
    assert "<img" not in svg
    assert 'href="/timeline?actor=JPN"' in svg


@pytest.mark.parametrize("value, colour", [(10, "#2166ac"), (-10, "#b2182b"), (0, "#9ca3af"), (None, "#9ca3af")])
def test_goldstein_colour(value, colour):
    assert goldstein_colour(value) == colour


@pytest.mark.parametrize("period, bounds", [("2016-09", ("2016-09", "2016-09")), ("2016-Q3", ("2016-07", "2016-09")),
                                            ("2016-Q1", ("2016-01", "2016-03")), ("2016", ("2016", "2016"))])
def test_period_bounds(period, bounds):
    from detente.report.render import period_bounds

    assert period_bounds(period) == bounds


def test_group_stances_keeps_commentators_apart():
    from detente.web.queries import group_stances

    items = [
        {"issue": "sovereignty", "actor_name": "Japan", "speaker_kind": "party"},
        {"issue": "sovereignty", "actor_name": "A. Pundit", "speaker_kind": "commentator"},
        {"issue": "sanctions", "actor_name": None, "speaker_kind": "party"},
    ]
    grouped = group_stances(items)
    assert list(grouped["sovereignty"]["party"]) == ["Japan"]
    assert list(grouped["sovereignty"]["commentator"]) == ["A. Pundit"]
    assert list(grouped["sanctions"]["party"]) == ["(unresolved actor)"]
