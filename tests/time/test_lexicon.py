"""The time lexicon and the reference-event table: content and validation."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.errors import ConfigError
from detente.time.lexicon import load_events, load_lexicon, parse_events, parse_lexicon


def test_lexicon_content():
    lex = load_lexicon()
    assert lex.months["sept"] == 9 and lex.months["december"] == 12
    assert set(lex.weekdays.values()) == set(range(1, 8))
    assert lex.seasons["autumn"] == lex.seasons["fall"] == "FA"
    assert lex.references["now"] == "PRESENT_REF"
    assert lex.references["the past"] == "PAST_REF"
    assert lex.references["the future"] == "FUTURE_REF"
    assert lex.modifiers["nearly"]["duration"] == "LESS_THAN"
    assert lex.holidays["christmas day"] == (12, 25)
    assert "may" in lex.ambiguous_months


def test_reference_events_content():
    events = {e.key: e for e in load_events()}
    assert events["end_ww2"].date == dt.date(1945, 9, 2)
    assert events["end_ww2"].alt_date == dt.date(1945, 8, 15)
    assert events["soviet_collapse"].date.year == 1991


BAD_LEXICONS = [
    ("months: {jan: 13}", "months"),
    ("[]", "mapping"),
    ("months: [\n", "invalid YAML"),
]


@pytest.mark.parametrize(("text", "message"), BAD_LEXICONS, ids=[b[1] for b in BAD_LEXICONS])
def test_bad_lexicon_names_file(text, message):
    with pytest.raises(ConfigError, match=message) as err:
        parse_lexicon(text, file="bad.yaml")
    assert "bad.yaml" in str(err.value)


def test_bad_month_value_names_line():
    from importlib import resources

    good = (resources.files("detente") / "data" / "time" / "lexicon.yaml").read_text("utf-8")
    bad = good.replace("  june: 6\n", "  june: 16\n")
    line = bad.splitlines().index("  june: 16") + 1
    with pytest.raises(ConfigError) as err:
        parse_lexicon(bad, file="lexicon.yaml")
    assert f"lexicon.yaml:{line}:" in str(err.value)


HEADER = "key\tpattern\tdate\talt_date\tnote\n"
BAD_EVENTS = [
    (HEADER + "x\tend of (the war\t1945-09-02\t-\t\n", "bad pattern", 2),
    (HEADER + "x\tend of the war\t1945-13-02\t-\t\n", "YYYY-MM-DD", 2),
    (HEADER + "x\tend of (the )?war\t1945-09-02\t-\t\n", "non-capturing", 2),
    (HEADER + "x\ta\t1945-09-02\t-\nx\tb\t1945-09-02\t-\n", "unique", 3),
    ("key\tdate\n", "header", 1),
]


@pytest.mark.parametrize(("text", "message", "line"), BAD_EVENTS, ids=[b[1] for b in BAD_EVENTS])
def test_bad_events_name_file_and_line(text, message, line):
    with pytest.raises(ConfigError, match=message) as err:
        parse_events(text, file="events.tsv")
    assert f"events.tsv:{line}:" in str(err.value)
