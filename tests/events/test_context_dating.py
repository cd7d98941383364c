"""Dating by discourse context, tense consistency, quotations; itinerary and acceptance
modality; speculated conflict; gatherings as targets; commentators' opinions."""

from __future__ import annotations

import datetime as dt

import pytest

# (text, trigger, expected date, expected date_basis); publication date 2018-09-17
DATING = [
    # an undated past event continues the paragraph's dated episode (same doer)
    (("On March 3, the Japanese foreign minister met Lavrov in Moscow. He also visited the Bolshoi "
     "Theatre."), "visited", "2018-03-03", "context"),
    ("Last week Abe visited Russia. He met Putin.", "met", "2018-09-10", "context"),
    # same kind of act among the same countries ("... also attended")
    (("On June 4, Abe attended the economic forum hosted by Russia. Leaders from China and Mongolia "
     "also attended."), "attended", "2018-06-04", "context"),
    # a reaction to an act named by a bare definite anaphor follows the episode just told,
    # whoever reacts ...
    (("The Japanese government published a new guideline on July 16, 2008. The Russian public "
      "was outraged by the action and demanded that the government respond."), "demanded",
     "2008-07-16", "context"),
    # ... but not when the noun names another act ("the action of Germany")
    (("The Japanese government published a new guideline on July 16, 2008. The Russian public "
      "was outraged by the action of Germany and demanded that the government respond."),
     "demanded", "2018-09-17", "publication"),
    # a new paragraph ends the episode
    ("On March 3, the Japanese foreign minister met Lavrov in Moscow.\nHe also visited the Kremlin.",
     "visited", "2018-09-17", "publication"),
    # a new time expression ends it too, even when it dates no event of ours
    (("On March 3, Abe met Putin. The talks lasted until late in the evening on Tuesday. Abe "
     "criticised China."), "criticised", "2018-09-17", "publication"),
    # other doers and another kind of act do not continue it
    ("In 2015, Japan imposed sanctions on Russia. China criticised North Korea.", "criticised",
     "2018-09-17", "publication"),
    # a present-perfect summary ("since ...") is no episode to continue
    ("Since taking office in December 2012 Abe has met Putin five times. He criticised China.",
     "criticised", "2018-09-17", "publication"),
    # the planned future is not continued by context
    ("On March 3, Abe met Putin. Abe will visit China.", "visit", "2018-09-17", "publication"),
    # tense consistency: a future event is not dated years before publication ...
    ("Abe will visit Russia in January 2015.", "visit", "2018-09-17", "publication"),
    # ... while a past one is dated in the past
    ("Abe visited Russia on December 20.", "visited", "2017-12-20", "clause"),
    # a date in the event clause's subtree (on a verb that is no event) before the sentence's
    (("Abe criticised China in a speech delivered on Thursday, and Kishida visited Russia last "
     "week."), "criticised", "2018-09-13", "clause"),
    (("Abe criticised China in a speech delivered on Thursday, and Kishida visited Russia last "
     "week."), "visited", "2018-09-10", "clause"),
    ("Merkel condemned Russia in a statement published on Thursday.", "condemned", "2018-09-13",
     "clause"),
    # ... even when the sentence's main clause has a date of its own
    (("On Saturday Japan's foreign ministry said that Abe criticised China in a speech delivered "
     "on Thursday."), "criticised", "2018-09-13", "clause"),
    # a date in a clause describing a participant or another noun dates neither the event nor
    # the sentence
    ("Japan criticised Russia, a country that annexed Crimea in 2014.", "criticised",
     "2018-09-17", "publication"),
    (("Abe's meeting with Putin will pave the way for a visit to Japan by Putin, something once "
     "planned for 2014."), "visit", "2018-09-17", "publication"),
    # ... but a clause about the event noun itself does date it
    ("The ministers prepared Abe's visit to Russia, which will take place in October.",
     "visit", "2018-10", "clause"),
    # the date of an attended gathering dates the attending
    ("Abe accepted Putin's invitation to attend last Friday's ceremony in Moscow.", "attend",
     "2018-09-14", "clause"),
    # a date modifying some other noun dates nothing
    ("Abe praised the 1956 declaration.", "praised", "2018-09-17", "publication"),
    # the clause's own date wins over the sentence's
    ("The Japanese prime minister, who met Putin on May 3, criticised China yesterday.", "met",
     "2018-05-03", "clause"),
    ("The Japanese prime minister, who met Putin on May 3, criticised China yesterday.", "criticised",
     "2018-09-16", "clause"),
]


@pytest.fixture(scope="module")
def coded_dating(code):
    return code([t for t, *_ in DATING])


@pytest.mark.parametrize("index", range(len(DATING)), ids=[f"{d[1]}-{d[3]}-{n}" for n, d in enumerate(DATING)])
def test_context_dating(index, coded_dating):
    text, trigger, date, basis = DATING[index]
    events = [e for e in coded_dating[index] if e.trigger == trigger]
    assert events, f"{text}: no event on {trigger!r}"
    last = max(e.sentence_index for e in events)  # the trigger word in the last sentence
    events = [e for e in events if e.sentence_index == last]
    assert {(e.date, e.date_basis) for e in events} == {(date, basis)}, text


def test_context_dating_lowers_confidence(code):
    dated, undated = code(["On March 3, Abe met Putin in Moscow. He visited China.",
                           "On March 3, Abe met Putin in Moscow.\nHe visited China."])
    ctx = next(e for e in dated if e.trigger == "visited")
    pub = next(e for e in undated if e.trigger == "visited")
    assert ctx.date_basis == "context" and pub.date_basis == "publication"
    assert ctx.confidence < pub.confidence


QUOTED = [
    # a date inside a quotation does not date the act of quoting it ...
    ('Abe praised Putin, saying "we met in Moscow on June 5 and agreed on everything".', "praised",
     "2018-09-17"),
    # ... but dates what is quoted
    ('Abe praised Putin, saying "we met in Moscow on June 5 and agreed on everything".', "met",
     "2018-06-05"),
]


@pytest.mark.parametrize("text,trigger,date", QUOTED, ids=[q[1] for q in QUOTED])
def test_quoted_dates(text, trigger, date, code):
    events = [e for e in code([text])[0] if e.trigger == trigger]
    assert events and {e.date for e in events} == {date}, text


def test_past_event_never_after_publication(code):
    from detente.events.code import _tense_fits

    published = dt.date(2018, 9, 17)
    assert not _tense_fits("past", ("2018-10", "month", dt.date(2018, 10, 1)), published)
    assert _tense_fits("past", ("2018-09", "month", dt.date(2018, 9, 1)), published)
    assert not _tense_fits("future", ("2015", "year", dt.date(2015, 1, 1)), published)
    assert _tense_fits("future", ("2018", "year", dt.date(2018, 1, 1)), published)
    assert _tense_fits("future", ("2018-09-10", "day", dt.date(2018, 9, 10)), published)


# (text, trigger, target country or None, modality)
MODALITY = [
    # a present-tense stop of an announced journey is still to come
    (("Abe left on May 1 for a weeklong tour of Europe. He visits Italy and Spain before travelling "
     "to Russia."), "visits", "ITA", "planned"),
    (("Abe left on May 1 for a weeklong tour of Europe. He visits Italy and Spain before travelling "
     "to Russia."), "travelling", "RUS", "planned"),
    # without a journey, the present is left as it is
    ("Abe visits Italy.", "visits", "ITA", "asserted"),
    ("Abe is expected to meet Putin.", "meet", "RUS", "planned"),
    ("The Japanese foreign minister is to visit Russia.", "visit", "RUS", "planned"),
    ("Japan plans to send troops to Iraq.", None, None, None),
    ("Abe is scheduled to visit China.", "visit", "CHN", "planned"),
    ("Merkel will visit France.", "visit", "FRA", "planned"),
    # accepting an invitation to attend: the attending is as real as the accepting
    ("Abe accepted Putin's invitation to attend the opening ceremony.", "attend", None, "asserted"),
    ("Abe did not accept Putin's invitation to attend the parade.", "attend", None, "negated"),
    # an invitation received or declined stays proposed
    ("Abe received an invitation to attend the parade.", "attend", None, "proposed"),
    ("Abe declined Putin's invitation to attend the parade.", "attend", None, "proposed"),
]


@pytest.fixture(scope="module")
def coded_modality(code):
    return code([t for t, *_ in MODALITY])


@pytest.mark.parametrize("index", range(len(MODALITY)), ids=[f"{m[1]}-{m[3]}-{n}" for n, m in enumerate(MODALITY)])
def test_modality_rules(index, coded_modality):
    text, trigger, country, modality = MODALITY[index]
    if trigger is None:
        # "plans to send troops": announced coercion becomes a threat, asserted (CAMEO practice)
        assert all(e.modality != "hypothetical" for e in coded_modality[index]), text
        return
    events = [e for e in coded_modality[index] if e.trigger == trigger]
    assert events, f"{text}: no event on {trigger!r}"
    assert {e.modality for e in events} == {modality}, text
    if country is not None:
        assert country in {e.target_country for e in events}, text


SPECULATION = [
    "Putin may hope to seize the islands.",
    "Russia could invade Ukraine.",
    "China might think to attack Taiwan.",
]


@pytest.mark.parametrize("text", SPECULATION)
def test_speculated_conflict_is_hypothetical_low_confidence(text, code):
    events = code([text])[0]
    conflict = [e for e in events if e.cameo_root in ("15", "16", "17", "18", "19", "20")]
    assert all(e.modality == "hypothetical" and e.confidence <= 0.3 for e in conflict), text


def test_asserted_conflict_keeps_confidence(code):
    events = code(["Russia seized the islands in 1945."])[0]
    assert any(e.cameo_root == "17" or e.cameo_root == "19" for e in events)
    assert all(e.modality == "asserted" and e.confidence > 0.3 for e in events)


# (text, trigger, expected target country)
VENUES = [
    ("Abe attended the Eastern Economic Forum, hosted by Russia in Vladivostok.", "attended", "RUS"),
    ("The US president prepared to attend the Beijing Olympics.", "attend", "CHN"),
    ("The Thai prime minister attended the summit hosted by Indonesia.", "attended", "IDN"),
    ("Merkel attended a conference in Moscow.", "attended", "RUS"),
]


@pytest.fixture(scope="module")
def coded_venues(code):
    return code([t for t, *_ in VENUES])


@pytest.mark.parametrize("index", range(len(VENUES)), ids=[v[0][:30] for v in VENUES])
def test_gathering_targets_its_host(index, coded_venues):
    text, trigger, country = VENUES[index]
    events = [e for e in coded_venues[index] if e.trigger == trigger]
    assert events and {e.target_country for e in events} == {country}, text


def test_gathering_at_home_is_no_dyad(code):
    events = [e for e in code(["Abe attended a summit in Tokyo."])[0] if e.trigger == "attended"]
    assert events and all(e.target_country is None for e in events)


COMMENTARY = [
    "Japan and Russia will improve ties, John Smith, an analyst at the Carnegie Center, says.",
    "Experts view the Japanese visit to Russia as a snub to the United States.",
    "Strategic experts said Japan would criticise China.",
    "Russian geopolitical analysts noted that Moscow had rejected Tokyo's proposal.",
    "According to experts, Japan supports Russia.",
    "A columnist wrote that Tokyo should sanction Moscow.",
]


@pytest.mark.parametrize("text", COMMENTARY)
def test_commentators_make_no_events(text, code):
    assert code([text])[0] == [], text


def test_parties_speech_still_counts(code, as_dyads):
    # the same frame with a party as speaker keeps the reported event
    assert "RUS>JPN:12" in {d[:10] for d in as_dyads(code(
        ["Russian officials noted that Moscow had rejected Tokyo's proposal."])[0])}


# places known to the actor data but not to the actor resolver (cities, resorts)
PLACES = [
    ("Merkel visited Vladivostok.", "visited", "RUS"),
    ("Merkel attended a summit in Vladivostok.", "attended", "RUS"),
    ("Abe accepted Putin's invitation to attend the ceremony in Sochi.", "attend", "RUS"),
]


@pytest.mark.parametrize("text,trigger,country", PLACES, ids=[p[0][:30] for p in PLACES])
def test_places_name_their_state(text, trigger, country, code):
    import detente.actors

    if not hasattr(detente.actors, "place_country"):
        pytest.skip("detente.actors.place_country not available")
    events = [e for e in code([text])[0] if e.trigger == trigger]
    assert events and {e.target_country for e in events} == {country}, text
