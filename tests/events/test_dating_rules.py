"""Event dating rules: historical anchors, re-mentions of dated events, relative clauses saying
when an event takes place, dyad and uncoded episodes as context, future verbs inside past
clauses, and dates read against an inferred publication date."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2018, 9, 17)

# (text, trigger, source actor id or None, expected date, precision, basis)
DATING = [
    # a historical anchor on the event's own clause
    (("Tokyo wants back the islands, which the Soviet Union seized from Japan after the Second "
     "World War."), "seized", None, "1945", "year", "clause"),
    ("The Soviet Union annexed two islands from Japan in World War II.", "annexed", None, "1940",
     "decade", "clause"),
    ("Japan and Russia never signed a treaty at the end of the Second World War.", "signed", None,
     "1945", "year", "clause"),
    # ... not on a noun deep inside an argument, nor "since" on a negated event
    ("Yeltsin apologised for the treatment of Japanese prisoners of war after World War II.",
     "apologised", None, "2018-09-17", "day", "publication"),
    # ("never ... since" is no event at all: tests/events/test_occurrence_rules.py)
    ("Japan and Russia did not fight a war since the end of World War II.", "fight", None,
     "2018-09-17", "day", "publication"),
    # ... nor on a present-perfect summary
    ("Japan and Russia have been unable to sign a treaty after World War II.", "sign", None,
     "2018-09-17", "day", "publication"),
    # a definite re-mention of an event the article dated earlier
    (("On April 15, Lavrov arrived in Tokyo for talks with Kishida. Critics said little came of "
      "it. Lavrov's visit to Japan was meant to prepare a summit."), "visit", None, "2018-04-15",
     "day", "context"),
    (("On May 26, Abe and Putin held talks in Moscow.\nThe press was gloomy.\nAfter the talks "
      "between the two leaders, six documents were signed."), "talks", "person:vladimir_putin",
     "2018-05-26", "day", "context"),
    # ... while an indefinite one is a new event
    (("On April 15, Lavrov arrived in Tokyo for talks with Kishida.\nCritics said little came of "
      "it.\nA visit to Japan by Lavrov was possible."), "visit", None, "2018-09-17", "day",
     "publication"),
    # ... and a planned visit re-mentioned keeps its future date and becomes planned
    (("Putin will visit Japan in December. Critics worry.\nMoscow announced Putin's visit to "
      "Japan before Tokyo did."), "visit", None, "2018-12", "month", "context"),
    # an undated past act of the same two persons re-mentions their dated meeting
    (("On May 26, Abe and Putin held talks in Moscow.\nThe press was gloomy.\nAbe and Putin "
      "discussed fishing rights."), "discussed", "person:shinzo_abe", "2018-05-26", "day",
     "context"),
    # a relative clause saying when the event noun takes place, hung on another noun
    (("It seems this will be discussed during Abe's visit to Russia, which could be held as soon "
      "as next month."), "visit", None, "2018-10", "month", "clause"),
    ("The ministers prepared Abe's visit to Russia, which is to take place in October.", "visit",
     None, "2018-10", "month", "clause"),
    # the same pair of countries continues the paragraph's dated episode
    (("In March, Lavrov met Kono in Moscow. Lavrov raised missile defence. "
      "The parties agreed to meet again."), "agreed", None, "2018-03", "month", "context"),
    # a dated act of a known actor that is no coded event still starts the episode
    ("On September 3, Abe spoke at a forum in Vladivostok. He proposed annual summits to Putin.",
     "proposed", None, "2018-09-03", "day", "context"),
    # a future verb inside a past clause does not date it
    (("Abe and Putin discussed fishing rights and agreed that a delegation would visit the islands "
      "this year."), "discussed", "person:shinzo_abe", "2018-09-17", "day", "publication"),
    # a coordinated act of the same tense shares its first conjunct's date
    (("On May 26, Abe and Putin held talks in Moscow.\nThe press was gloomy.\nAbe and Putin "
      "discussed fishing rights and agreed that a delegation would go to the islands this year."),
     "agreed", "person:shinzo_abe", "2018-05-26", "day", "context"),
    # a participle dating the occasion of a past act dates the act ("the forum held on ...")
    (("Abe spoke at the economic forum held in Vladivostok on September 3. He proposed annual "
      "summits to Putin."), "proposed", None, "2018-09-03", "day", "context"),
    # a planned act of the same doer towards the same country continues a dated plan ...
    ("Putin will visit Japan in December. He will visit Abe's hometown, Nagato.", "visit",
     None, "2018-12", "month", "context"),
    # ... but no plan of another doer
    ("Putin will visit Japan in December. Xi will visit Japan.", "visit", "person:xi_jinping",
     "2018-09-17", "day", "publication"),
    # a phrase placing the act at an earlier dated event of the same two actors: that
    # occasion's week
    (("On May 3, Abe met Putin in Sochi.\nThe mood was warm.\nIn addition to talks with Putin, "
      "Abe met Chinese President Xi Jinping."), "met", None, "2018-04-30", "week", "context"),
    (("On May 3, Abe met Putin in Sochi.\nThe mood was warm.\nIn addition to talks with Xi "
      "Jinping, Abe met Moon Jae-in."), "met", None, "2018-09-17", "day", "publication"),
    # "also": the same act towards the same country as an earlier dated one
    (("Last Friday, Abe attended the Winter Olympics in Sochi.\nCritics were silent.\nXi also "
      "attended the Olympics in Sochi."), "attended", "person:xi_jinping", "2018-09-14", "day",
     "context"),
    (("Last Friday, Abe attended the Winter Olympics in Sochi.\nCritics were silent.\nXi "
      "attended the Olympics in Sochi."), "attended", "person:xi_jinping", "2018-09-17", "day",
     "publication"),
    # a present-perfect summary is no event to re-mention
    (("In May Abe has met Putin twice.\nCritics were silent.\nThe meeting between Abe and Putin "
      "was friendly."), "meeting", "person:shinzo_abe", "2018-09-17", "day", "publication"),
    # present-tense analysis keeps the publication date
    ("On March 3, Abe met Putin in Sochi.\nJapan criticises Russia over its stance.", "criticises",
     None, "2018-09-17", "day", "publication"),
    # a past-tense recap in the same paragraph keeps the episode's date
    ("On March 3, Abe met Putin in Sochi. Japan criticised Russia over its stance.", "criticised",
     None, "2018-03-03", "day", "context"),
    # an event noun carried by a coordinated verb shares its first conjunct's date
    (("Last Friday, Abe attended the Winter Olympics in Sochi.\nCritics were silent.\nXi also "
      "attended the Olympics in Sochi and won a meeting with Putin."), "meeting", None,
     "2018-09-14", "day", "context"),
    # a present-perfect summary dated only by the start of its period has no date of its own
    # (a count of meetings is no event at all: tests/events/test_occurrence_rules.py)
    ("Since taking office in May 2012, Modi has visited Beijing.", "visited", None, None,
     None, "none"),
    ("Since May 2012, Indian troops have shelled Pakistani posts four times.", "shelled", None,
     None, None, "none"),
    # ... but a simple past with a point in time keeps it
    ("In May 2012, Modi met Xi Jinping in Beijing.", "met", None, "2012-05", "month", "clause"),
    # an event named as the start of a lasting state: when, the text does not say
    ("Washington has kept a firm line on Moscow since its annexation of Crimea.", "annexation",
     None, None, None, "none"),
    # a lasting state noun without a date of its own is not dated by publication ...
    ("The Russian occupation of the islands angered Tokyo.", "occupation", None, None, None,
     "none"),
    # ... but dated by its own clause it keeps that date
    ("The occupation of the islands in August 1945 angered Tokyo.", "occupation", None,
     "1945-08", "month", "clause"),
    # a date inside a quotation does not date the event around the quotation
    (("\u201cThe statement of the two leaders in 2012 still holds,\u201d Lavrov said during a joint press "
      "conference with Kishida in Tokyo."), "conference", None, "2018-09-17", "day",
     "publication"),
    ("Lavrov said during a joint press conference with Kishida in Tokyo in April 2012 that ties were good.",
     "conference", None, "2012-04", "month", "clause"),
    # an invitation dated by the visit it invites to (after publication) is made before it,
    # when is not said: dated like any act without a date of its own (here the publication)
    ("By inviting Xi Jinping to Japan in December, Abe took a gamble.", "inviting", None,
     "2018-09-17", "day", "publication"),
    ("Abe will invite Xi Jinping to Japan in December.", "invite", None, "2018-12", "month",
     "clause"),
    # accepting an invitation to a dated occasion takes the occasion's date
    (("Abe pleased Putin by accepting his invitation to attend the opening ceremony in Sochi "
      "last Friday."), "accepting", None, "2018-09-14", "day", "context"),
    # a contact relative clause ("the summit he will host this month") is dated by its own
    # time expression (and is the one event of the summit)
    (("Abe left for Europe to prepare the Group of Seven summit he will host this month."),
     "host", None, "2018-09", "month", "clause"),
]


def _code(nlp, texts, when=PUBLISHED, window=None):
    from detente.actors import load_actor_db, resolve
    from detente.events import extract_events
    from detente.time import find_timexes

    db = load_actor_db()
    return [extract_events(doc, doc_id=f"d{n}", file="t.txt", publication_date=when,
                           actor_mentions=resolve(doc, when, db), timexes=find_timexes(doc, when),
                           publication_window_days=window)
            for n, doc in enumerate(nlp.pipe(texts))]


@pytest.fixture(scope="module")
def coded(nlp):
    return _code(nlp, [d[0] for d in DATING])


def _pick(events, trigger, source):
    found = [e for e in events if e.trigger == trigger
             and (source is None or e.source_actor_id == source)]
    assert found, f"no event on {trigger!r}: {[(e.trigger, e.source_actor_id) for e in events]}"
    last = max(e.sentence_index for e in found)
    return next(e for e in found if e.sentence_index == last)


@pytest.mark.parametrize("index", range(len(DATING)),
                         ids=[f"{d[1]}-{d[5]}-{n}" for n, d in enumerate(DATING)])
def test_dating_rules(index, coded):
    text, trigger, source, date, precision, basis = DATING[index]
    ev = _pick(coded[index], trigger, source)
    assert (ev.date, ev.date_precision, ev.date_basis) == (date, precision, basis), text


def test_rementioned_future_event_is_planned(coded):
    index = next(n for n, d in enumerate(DATING) if d[0].startswith("Putin will visit"))
    assert _pick(coded[index], "visit", None).modality == "planned"


# (text, trigger, window, expected date, precision): publication date 2014-02-17
INFERRED = [
    ("Abe attended the opening ceremony in Sochi last Friday.", "attended", 5, "2014-02", "month"),
    ("Abe attended the opening ceremony in Sochi last Friday.", "attended", 0, "2014-02-14", "day"),
    ("Abe attended the opening ceremony in Sochi last Friday.", "attended", None, "2014-02-14",
     "day"),
    ("Abe met Putin in Sochi on 7 February 2014.", "met", 5, "2014-02-07", "day"),
    ("Abe will visit Russia next month.", "visit", 5, "2014-03", "month"),
    # readings over more than a month's window: the covering half, written as its year
    ("Abe will visit Russia next month.", "visit", 20, "2014", "year"),
    # an event dated by an inferred publication date takes the period the date may lie in
    ("Abe criticised China's stance on the islands.", "criticised", 5, "2014-02", "month"),
    ("Abe criticised China's stance on the islands.", "criticised", 0, "2014-02-17", "day"),
    # ... a window over a month wide is covered; a quarter is written as its year
    ("Abe criticised China's stance on the islands.", "criticised", 20, "2014", "year"),
]


@pytest.mark.parametrize(("text", "trigger", "window", "date", "precision"), INFERRED,
                         ids=[f"{i[1]}-{i[2]}-{n}" for n, i in enumerate(INFERRED)])
def test_dates_read_against_an_inferred_publication_date(nlp, text, trigger, window, date,
                                                         precision):
    (events,) = _code(nlp, [text], when=dt.date(2014, 2, 17), window=window)
    ev = _pick(events, trigger, None)
    assert (ev.date, ev.date_precision) == (date, precision)
