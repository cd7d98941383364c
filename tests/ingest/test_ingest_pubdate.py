"""Publication dates: datelines, metadata values, inference from content, reference events."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from detente.config import Options
from detente.errors import ConfigError
from detente.ingest import infer_publication_date, make_article, parse_date_value, parse_dateline
from detente.ingest.pubdate import find_references, load_reference_events

D = dt.date.fromisoformat
FILLER = (" The talks covered trade, energy and the islands, and both sides said they would keep "
          "working on the details in the coming months.")


@pytest.mark.parametrize("line,date,whole", [
    ("17 September 2018", "2018-09-17", True),
    ("June 14, 2018 Asia , Europe , Opinion", "2018-06-14", True),
    ("Published on Monday, 3 March 2014", "2014-03-03", True),
    ("Updated: Sept. 5, 2016", "2016-09-05", True),
    ("2017-04-28", "2017-04-28", True),
    (("TOKYO, November 15, 2018 — Japan and Russia agreed on Wednesday to speed up talks on a "
     "treaty, officials said after a meeting that lasted more than an hour in the city."),
     "2018-11-15", False),
])
def test_parse_dateline(line, date, whole):
    assert parse_dateline(line) == (D(date), whole)


@pytest.mark.parametrize("line", [
    "Abe met Putin on September 10, 2018 in Vladivostok.",
    "The 4th Eastern Economic Forum",
    "31 February 2018",
    "",
])
def test_not_a_dateline(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize("value,date", [
    ("2018-06-14", "2018-06-14"), ("2018-06-14T23:10:00+09:00", "2018-06-14"),
    ("June 14, 2018", "2018-06-14"), ("14 June 2018", "2018-06-14"),
    ("Thu, 14 Jun 2018 10:00:00 GMT", "2018-06-14"), ("2018/06/14", "2018-06-14"),
    ("junk", None), ("", None), ("2018-13-45", None), (None, None),
])
def test_parse_date_value(value, date):
    assert parse_date_value(value) == (D(date) if date else None)


def _inside(pub, true_date: str) -> bool:
    t = D(true_date)
    return (pub.date - dt.timedelta(days=pub.window_days) <= t
            <= pub.date + dt.timedelta(days=pub.window_days))


@pytest.mark.parametrize("text,true_date", [
    # latest fully dated reference
    ("The ministers met on March 3, 2015 in Tokyo and again on 12 April 2015." + FILLER,
     "2015-04-14"),
    # undated month-days take the year of the latest year mentioned
    ("Sanctions imposed in March 2014 are still in force. On June 2 the envoy arrived, and on "
     "June 4 he met the minister." + FILLER, "2014-06-08"),
    # N years after a dated event
    ("Seventy years after the end of World War II, the two countries still have no treaty. "
     "The premier spoke on August 14." + FILLER, "2015-08-16"),
    # an announced upcoming event ties "this year" to its year
    ("Putin will visit Japan in December of this year, officials confirmed on September 1. "
     "President Barack Obama's trip to Hiroshima was also discussed." + FILLER, "2016-09-05"),
    # this month + an upcoming recurring event
    ("The premier left for Europe on May 2 and will host the G7 summit later this month. "
     "Relations soured after the annexation of Crimea in 2014." + FILLER, "2016-05-05"),
    # ordinal edition of a recurring event
    ("Leaders attended the 4th Eastern Economic Forum, and on September 12 the president "
     "spoke at the plenary session." + FILLER, "2018-09-14"),
])
def test_inferred_dates(text, true_date):
    pub = infer_publication_date(text)
    assert pub.basis == "inferred"
    assert 1 <= pub.window_days <= 31
    assert _inside(pub, true_date), pub


def test_upcoming_dates_are_upper_bounds():
    text = ("The foreign ministers met on 10 March 2018. A summit is scheduled for March 14, "
            "2018 in Moscow." + FILLER)
    pub = infer_publication_date(text)
    assert D("2018-03-10") <= pub.date <= D("2018-03-14")
    assert pub.date + dt.timedelta(days=pub.window_days) <= D("2018-03-14")


def test_stale_future_in_the_past_is_ignored():
    text = ("In May 2013 further talks were expected in 2014. As of March 2016 nothing has been "
            "settled; on April 20 the envoys met again." + FILLER)
    pub = infer_publication_date(text)
    assert pub.date.year == 2016


def test_year_range_end_is_not_past_evidence():
    text = "His term as party leader runs from September 2018 to 2021. On May 26 he met Putin."
    pub = infer_publication_date(text + FILLER)
    assert pub.date.year == 2018


def test_a_single_bare_year_does_not_date_a_text():
    one = infer_publication_date("The dispute has lasted since 1972." + FILLER)
    assert (one.date, one.basis) == (None, "unknown")
    two = infer_publication_date("Tokyo joined the sanctions in 2014. By late 2014 trade had "
                                 "fallen by a third." + FILLER)
    assert two.basis == "inferred" and two.date.year == 2014


def test_unknown_when_nothing_dates_the_text():
    pub = infer_publication_date("The two leaders talked about fish and islands." + FILLER)
    assert (pub.date, pub.basis, pub.window_days) == (None, "unknown", None)


def test_future_years_after_today_are_ignored():
    pub = infer_publication_date("In May 2016 they met, and again on June 3." + FILLER,
                                 today=D("2017-01-01"))
    assert pub.date.year == 2016
    pub = infer_publication_date("The plan runs until 2090 and began in March 2016." + FILLER,
                                 today=D("2017-01-01"))
    assert pub.date.year == 2016


def test_references_split_past_and_upcoming():
    refs = find_references("On September 1 Japan confirmed that Putin will visit Japan in "
                           "December of this year.")
    kinds = {(r.kind, r.upcoming) for r in refs}
    assert ("month_day", False) in kinds
    assert ("this_year_month", True) in kinds
    assert ("event", True) in kinds


def test_basis_precedence_metadata_over_dateline_over_inference():
    body = "\n\n".join(["Title line", "5 May 2017", "The ministers met on 1 May 2017." + FILLER])
    opts = Options()
    assert make_article(body, file="x", options=opts).publication_date_basis == "text"
    art = make_article(body, file="x", date="2017-05-06", options=opts)
    assert (art.publication_date, art.publication_date_basis) == (D("2017-05-06"), "metadata")
    assert art.publication_date_window_days == 0
    no_dateline = make_article(body.replace("5 May 2017\n\n", ""), file="x", options=opts)
    assert no_dateline.publication_date_basis == "inferred"


def test_reference_events_load_and_are_valid():
    events = load_reference_events()
    assert len(events) >= 25
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids))
    for ev in events:
        assert ev.dates == tuple(sorted(ev.dates))
        assert all(D("1900-01-01") < d < D("2030-01-01") for d in ev.dates)
    by_id = {e.id: e for e in events}
    assert by_id["putin_visit_to_japan"].dates[2] == D("2016-12-15")
    assert by_id["eastern_economic_forum"].editions


@pytest.mark.parametrize("phrase,event_id", [
    ("the annexation of Crimea", "annexation_of_crimea"),
    ("the Sochi Olympics", "sochi_winter_olympics"),
    ("Putin’s visit to Japan", "putin_visit_to_japan"),
    ("the end of World War II", "end_of_world_war_2"),
    ("the Skripal case", "skripal_poisoning"),
    ("the G20 summit", "g20_summit"),
])
def test_reference_event_patterns_match(phrase, event_id):
    refs = find_references(f"They discussed {phrase} at length.")
    assert event_id in {r.event.id for r in refs if r.event}


@pytest.mark.parametrize("content,line,fragment", [
    ("version: 1\nevents:\n  - id: a\n    patterns: ['(unclosed']\n    dates: [2016-01-01]\n",
     4, "bad regular expression"),
    ("version: 1\nevents:\n  - id: a\n    patterns: ['x']\n    dates: [2016-13-01]\n",
     5, "bad date"),
    (("version: 1\nevents:\n  - id: a\n    patterns: ['x']\n    dates: [2016-01-01]\n"
     "  - id: a\n    patterns: ['y']\n    dates: [2016-01-02]\n"), 6, "duplicated"),
    (("version: 1\nevents:\n  - id: a\n    patterns: ['x']\n    dates: [2016-01-01]\n"
     "    colour: red\n"), 3, "unknown keys"),
    ("version: 1\nevents: [\n", 3, "invalid YAML"),
])
def test_reference_event_file_errors_name_file_and_line(tmp_path, content, line, fragment):
    p = tmp_path / "events.yaml"
    p.write_text(content)
    with pytest.raises(ConfigError) as err:
        load_reference_events(p)
    assert err.value.file == str(p)
    assert err.value.line == line
    assert fragment in str(err.value)


@pytest.mark.parametrize("text,date", [
    ("RABAT | Sun Feb 20, 2011 6:47 pm EST RABAT (Wire) - A son of the leader spoke.",
     "2011-02-20"),
    ("Headline here Tuesday 4 January 2005 08.43 GMT There has never been a moment like it.",
     "2005-01-04"),
    ("24 April 2011 Last updated at 17:55 GMT Security forces arrested dozens.", "2011-04-24"),
    ("The ministers met on May 26, 2018 in Moscow and talked for hours.", None),
])
def test_find_timestamp(text, date):
    from detente.ingest import find_timestamp

    assert find_timestamp(text) == (D(date) if date else None)


def test_evaluate_scores_each_basis(tmp_path):
    from detente.bench.pubdates import evaluate

    rows = [
        {"text": "Title\n\n14 June 2018\n\nThe ministers met in Tokyo." + FILLER,
         "date": "2018-06-14"},
        {"text": "The ministers met in Tokyo on 3 March 2015." + FILLER, "date": "2015-03-05"},
        {"text": "The ministers met in Tokyo." + FILLER, "date": "2015-03-05"},
        {"text": "Kurz.", "date": "2015-03-05"},
    ]
    p = tmp_path / "known.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows))
    result = evaluate(p)
    assert result["documents"] == 4
    by = result["by_basis"]
    assert by["text"]["exact"] == 1.0 and by["text"]["n"] == 1
    assert by["inferred"]["n"] == 1 and by["inferred"]["true_date_inside_window"] == 1.0
    assert by["unknown"]["n"] == 1 and by["unknown"]["exact"] is None
    assert sum(result["rejected"].values()) == 1


def test_pubdates_report_lists_each_basis(tmp_path):
    from detente.bench.pubdates import evaluate, format_report

    p = tmp_path / "known.jsonl"
    p.write_text(json.dumps({"text": "Title\n\n14 June 2018\n\nThe ministers met." + FILLER, "date": "2018-06-14"}))
    report = format_report(evaluate(p))
    assert "1 documents" in report
    assert any(line.startswith("text ") and " 1.000 " in line for line in report.splitlines())
