"""Boilerplate removal and head/tail metadata; article sentences are never dropped."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import ConfigError
from detente.ingest import clean_text
from detente.ingest.clean import load_boilerplate
from detente.ingest.metadata import byline_author, looks_like_name, reporter_and_site

BODY = [
    ("The foreign ministers of Japan and Russia met in Moscow on Friday and agreed to hold "
    "another round of talks on joint projects on the islands before the end of the year."),
    ("Officials said the discussions were frank, but neither side changed its position on "
    "the sovereignty of the four islands north of Hokkaido."),
    "Analysts in Tokyo expect the prime minister to raise the issue again at the next summit.",
]


def _doc(*parts: str) -> str:
    return "\n\n".join(parts)


@pytest.mark.parametrize("header", [
    "3 responses to “Japan and Russia talk again”", "Leave a Reply", "0 Comments",
    "No Comments Yet!", "12 thoughts on “Islands”", "Comments are closed.", "Post a comment",
])
def test_comment_section_is_cut(header):
    cleaned = clean_text(_doc("A headline", *BODY, header,
                              "I think this article is completely wrong about everything.",
                              "You are commenting using your Twitter account. Log Out / Change )"))
    assert cleaned.text == "\n\n".join(BODY)
    assert ("comments", header) in cleaned.removed


@pytest.mark.parametrize("line", [
    "Share this:", "Click to share on Facebook (Opens in new window)", "Like this:", "Loading...",
    "Related", "Tweet", "AP photo", "(AP Photo/Ivan Sekretarev)", "Photo: Kremlin press service",
    "Filed under: Asia, Russia, Japan", "Tags: diplomacy, islands", "* * *", "Advertisement",
    "Fill in your details below or click an icon to log in:", "Connecting to %s",
    "Your email address will not be published. Required fields are marked *",
    "https://example.org/some/page", "[example.org/contact](https://example.org/contact)",
    "Subscribe to our newsletter for more updates",
])
def test_boilerplate_lines_are_dropped(line):
    cleaned = clean_text(_doc("A headline", BODY[0], line, BODY[1], BODY[2]))
    assert cleaned.text == "\n\n".join(BODY)


@pytest.mark.parametrize("footer", [
    "This article was originally published by the Example Council and is reproduced here.",
    "To contact the editors visit:",
    "Originally published at Example Review.",
    "The views expressed in this article are the author's own.",
    "© 2018 Example Media. All rights reserved.",
])
def test_footer_paragraphs_are_dropped(footer):
    cleaned = clean_text(_doc("A headline", *BODY, footer))
    assert cleaned.text == "\n\n".join(BODY)


def test_footer_line_in_a_single_newline_document():
    text = "\n".join(["A headline", *BODY, "Originally published at Example Review."])
    cleaned = clean_text(text)
    assert cleaned.text == "\n".join(BODY)
    assert cleaned.site == "Example Review"


def test_originally_published_names_the_site():
    cleaned = clean_text(_doc("A headline", *BODY,
                              "This article was originally published by the Valdai Club"))
    assert cleaned.site == "Valdai Club"


@pytest.mark.parametrize("caption", [
    ("Abe and PutinJapanese Prime Minister Shinzo Abe and Russian President Vladimir Putin in "
    "Sochi, May 6, 2016"),
    "The two leaders shake hands before talks in Tokyo (Photo: Kremlin press office)",
])
def test_caption_lines_are_dropped(caption):
    cleaned = clean_text(_doc("A headline", caption, *BODY))
    assert cleaned.text == "\n\n".join(BODY)
    assert ("caption", caption) in cleaned.removed


@pytest.mark.parametrize("head,author", [
    (["A headline", "By", "Maria Petrova"], "Maria Petrova"),
    (["A headline", "By Maria Petrova"], "Maria Petrova"),
    (["A headline", "By Maria Petrova and John O'Neill"], "Maria Petrova, John O'Neill"),
    (["A headline", "Maria Petrova", "3 May 2017"], "Maria Petrova"),
    (["# A headline", "*By Maria Petrova*"], "Maria Petrova"),
])
def test_author_from_head(head, author):
    cleaned = clean_text(_doc(*head, *BODY))
    assert cleaned.title == "A headline"
    assert cleaned.author == author
    assert cleaned.text == "\n\n".join(BODY)


def test_title_after_a_dateline_and_no_sentence_taken_for_a_title():
    cleaned = clean_text(_doc("17 September 2018", "A headline", *BODY))
    assert (cleaned.title, cleaned.dateline.isoformat()) == ("A headline", "2018-09-17")
    short = "Japan and Russia met again."
    cleaned = clean_text(_doc(short, *BODY))
    assert cleaned.title is None and cleaned.text.startswith(short)


def test_author_bio_at_the_end_is_metadata():
    bio = ("Maria Petrova is a senior research fellow at an institute in Moscow and the "
           "author of two books on Asian security.")
    cleaned = clean_text(_doc("A headline", "By", *BODY, "Dr. Maria Petrova", bio,
                              "Leave a Reply"))
    assert cleaned.author == "Maria Petrova"
    assert cleaned.author_bio == bio
    assert cleaned.text == "\n\n".join(BODY)


def test_dateline_with_categories():
    cleaned = clean_text(_doc("A headline", "June 14, 2018 Asia , Europe , Opinion", *BODY))
    assert cleaned.dateline.isoformat() == "2018-06-14"
    assert cleaned.text == "\n\n".join(BODY)


def test_reporter_and_outlet():
    assert reporter_and_site("Jane Roe reports for Radio Free Asia (RFA), March 2, 2015, that "
                             "talks resumed.") == ("Jane Roe", "Radio Free Asia (RFA)")
    assert reporter_and_site("Japan reports a rise in trade.") == (None, None)


@pytest.mark.parametrize("line,ok", [
    ("Ben McGrath", True), ("Dr. Abdul Ruff", True), ("Anna Kireeva", True),
    ("Kuril Islands", False), ("Territorial dispute", False), ("Japan’s demands", False),
    ("The talks ended.", False), ("A", False), ("17 September 2018", False),
])
def test_looks_like_name(line, ok):
    assert looks_like_name(line) is ok


def test_byline_author_ignores_non_names():
    assert byline_author("By the way, nothing happened") is None
    assert byline_author("By Maria Petrova | June 14, 2018") == "Maria Petrova"


def test_markdown_is_flattened_but_words_kept():
    cleaned = clean_text(_doc("# A headline", "The **eight-point plan** was discussed in "
                              "[Sochi](https://example.org/sochi) by *both* leaders at length "
                              "on Friday afternoon."))
    assert cleaned.text == ("The eight-point plan was discussed in Sochi by both leaders at "
                            "length on Friday afternoon.")


def test_whitespace_and_invisible_characters_normalised():
    cleaned = clean_text("Title\r\n\r\nJapan\u00a0and\u200b Russia  met\ton Friday to "
                         "talk about the islands and trade and energy again.\r\n")
    assert cleaned.text == ("Japan and Russia met on Friday to talk about the islands and "
                            "trade and energy again.")


def test_comment_link_under_the_headline_does_not_cut_the_article():
    cleaned = clean_text(_doc("A headline", "Leave a comment", *BODY))
    assert cleaned.text == "\n\n".join(BODY)


def test_closing_section_under_a_name_heading_is_not_a_bio():
    closing = ("Sergei Lavrov", ("Russia's foreign minister told reporters that Moscow was ready "
               "to talk, and several experts in Tokyo said the offer should be tested soon."))
    cleaned = clean_text(_doc("A headline", *BODY, *closing))
    assert cleaned.author_bio is None
    assert cleaned.text == "\n\n".join([*BODY, *closing])


def test_boilerplate_file_loads():
    bp = load_boilerplate()
    assert bp.comment_headers and bp.drop_lines and bp.footer_starts and bp.bio_markers


def test_boilerplate_file_error_names_line(tmp_path):
    p = tmp_path / "bp.yaml"
    p.write_text("version: 1\ncomment_headers:\n  - 'ok'\ndrop_lines:\n  - '(bad'\n"
                 "footer_starts: ['x']\nbio_markers: ['y']\n")
    with pytest.raises(ConfigError) as err:
        load_boilerplate(p)
    assert (err.value.file, err.value.line) == (str(p), 5)


# --- property: removal never drops an article sentence ---------------------------------

_WORDS = st.sampled_from(
    ["Japan", "Russia", "talks", "treaty", "islands", "minister", "said", "would", "the", "a", "of", "and", "in", "on", "to", "Moscow", "Tokyo", "summit", "trade", "energy", "agreed", "officials", "president", "prime", "with", "for"])


@st.composite
def _sentence(draw) -> str:
    words = draw(st.lists(_WORDS, min_size=6, max_size=25))
    return words[0].capitalize() + " " + " ".join(words[1:]) + draw(st.sampled_from(".!?"))


@st.composite
def _paragraph(draw) -> str:
    return " ".join(draw(st.lists(_sentence(), min_size=1, max_size=4)))


_NOISE = st.sampled_from([
    "Share this:", "AP photo", "Like this:", "Related", "Tags: Asia, Russia", "* * *",
    "Photo: Kremlin press service", "Advertisement", "Loading...",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=st.lists(_paragraph(), min_size=1, max_size=8),
       noise=st.lists(_NOISE, max_size=6), seed=st.randoms(use_true_random=False))
def test_article_sentences_are_never_dropped(paragraphs, noise, seed):
    parts = ["A headline"] + paragraphs
    for n in noise:
        parts.insert(seed.randint(1, len(parts)), n)
    cleaned = clean_text("\n\n".join(parts))
    text = re.sub(r"\s+", " ", cleaned.text)
    for para in paragraphs:
        assert para in text
    for n in noise:
        assert n not in cleaned.text.split("\n")


def test_timeline_lines_in_the_body_are_kept():
    timeline = ["Joint declaration signed in Moscow, October 19, 1956",
                "Putin visits Nagato and Tokyo, December 15, 2016"]
    cleaned = clean_text(_doc("A headline", *BODY, *timeline))
    assert cleaned.text == "\n\n".join([*BODY, *timeline])


def test_a_quoted_no_comment_line_does_not_end_the_article():
    cleaned = clean_text(_doc("A headline", BODY[0], "No comment", BODY[1], BODY[2]))
    assert cleaned.text == "\n\n".join([BODY[0], "No comment", BODY[1], BODY[2]])
