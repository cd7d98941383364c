"""Extraction rules of the eighth round: troops or equipment deployed by someone "to" a place
are the object, the destination is the target; a name coordinated with another's appositive
("A, head of X, and B, head of Y, signed ...") is a second doer; two doers expressing intent
toward something only they make together (a treaty, talks) express it toward each other; a
quoted "let's"/"let us" is the speaker's proposal, to the one addressed or to the speaker's
partner named before; doers of two states at a gathering of their own states meet each other.
Sentences written for these tests."""

from __future__ import annotations

import pytest


def side(ev, which: str) -> str:
    """Country-level code of one side: ISO3 country, else the first letters of the CAMEO code."""
    country = getattr(ev, f"{which}_country")
    cameo = getattr(ev, f"{which}_cameo")
    return country or (cameo[:3] if cameo else "-")


def listing(events) -> list[tuple]:
    return [(e.cameo_code, side(e, "source"), side(e, "target"), e.modality) for e in events]

# (text, dyads that must come out, dyads that must not)
NEIGHBOURS = [
    # passive deployment: the destination, not the troops, is the target
    ("Chinese troops were deployed by Beijing to Myanmar.", {"CHN>MMR:154"}, {"CHN>CHN:154"}),
    ("Russian warships were sent by Moscow to Venezuela.", {"RUS>VEN:154"}, {"RUS>RUS:154"}),
    ("American bombers were deployed by Washington into South Korea.", {"USA>KOR:154"}, {"USA>USA:154"}),
    ("Indian peacekeepers were sent to South Sudan by New Delhi.", {"IND>SSD:074"}, {"IND>IND:074"}),
    # ... the active voice as before
    ("Moscow deployed Russian warplanes to Syria.", {"RUS>SYR:154"}, set()),
    # a second name coordinated with the first one's appositive
    (("In March 2016, Jean Martin, Secretary of the French Republic Defence Council, and Kenji Sato, "
     "Secretary General of Japan's National Security Council, signed a memorandum of understanding."),
     {"FRA>JPN:057", "JPN>FRA:057"}, set()),
    (("Jean Martin, head of the French defence council, and Kenji Sato, the Japanese national security "
     "adviser, signed an agreement."), {"FRA>JPN:057", "JPN>FRA:057"}, set()),
    # a second title of the same person is no second doer
    ("Jean Martin, head of the French defence council and minister of defence, signed an agreement with Japan.",
     {"FRA>JPN:057"}, {"JPN>FRA:057"}),
    # intent toward a bilateral instrument, with no other party named, is mutual
    ("Both Peru and Chile have expressed an interest in a new border treaty.", {"PER>CHL:030", "CHL>PER:030"},
     {"PER>-:030", "CHL>-:030"}),
    ("Kenya and Uganda expressed interest in a trade agreement.", {"KEN>UGA:030", "UGA>KEN:030"}, set()),
    ("Kenya and Uganda expressed interest in holding talks.", {"KEN>UGA:030", "UGA>KEN:030"}, set()),
    # ... a clause of its own hung on the object names no other party
    (("Both Lula and Milei have expressed an interest in a treaty with Milei saying on Monday that both "
     "sides were ready."), {"BRA>ARG:030", "ARG>BRA:030"}, set()),
    # ... not toward something else, nor when a third party is named
    ("Kenya and Uganda expressed interest in joint projects.", set(), {"KEN>UGA:030", "UGA>KEN:030"}),
    ("Kenya and Uganda expressed interest in a trade agreement with China.", set(), {"KEN>UGA:030", "UGA>KEN:030"}),
    # a quoted "let us" to someone addressed is a proposal to him
    ('Merkel told Putin, "Let us sign a trade deal."', {"DEU>RUS:057"}, {"DEU>-:057"}),
    # leaders of two states at their own states' forum meet each other
    (("Chancellor Angela Merkel met President Emmanuel Macron in Paris on Monday. The two countries' "
     "leaders attended the German-French business forum."), {"DEU>FRA:042", "FRA>DEU:042"}, {"DEU>DEU:042"}),
    (("Chancellor Angela Merkel met President Emmanuel Macron in Paris on Monday. The leaders of the two "
     "countries discussed trade."), {"DEU>FRA:040", "FRA>DEU:040"}, set()),
]


@pytest.mark.parametrize("index", range(len(NEIGHBOURS)), ids=[c[0][:50] for c in NEIGHBOURS])
def test_round8_dyads(index, coded_neighbours, assert_neighbour):
    assert_neighbour(NEIGHBOURS[index], coded_neighbours[index])


@pytest.mark.parametrize("text,code_,source,target", [
    # the speaker proposes; the act names its other party
    ('Merkel said, "Let\'s conclude a peace agreement with Russia."', "030", "DEU", "RUS"),
    # ... or the speaker's partner in the pair named just before does
    (("Both Lula and Milei have expressed an interest in a treaty. Last Friday, Lula went further at the "
     'summit, saying, "Let\'s conclude a peace agreement by the end of the year."'), "030", "BRA", "ARG"),
    # ... or nobody: no party but the speaker known
    ('Lula said, "Let\'s conclude a peace agreement."', "030", "BRA", "-"),
])
def test_let_us_is_the_speakers_proposal(code, text, code_, source, target):
    (events,) = code([text])
    got = {(side(e, "source"), side(e, "target")) for e in events
           if e.cameo_code == code_ and e.modality == "proposed"}
    assert (source, target) in got, listing(events)


def test_let_us_speaker_is_the_person_not_his_state(code):
    (events,) = code(['Merkel told Putin, "Let us sign a trade deal."'])
    signed = [e for e in events if e.cameo_code == "057"]
    assert signed and {e.source_name for e in signed} == {"Angela Merkel"}
    assert {e.modality for e in signed} == {"proposed"}
