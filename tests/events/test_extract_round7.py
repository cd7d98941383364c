"""Extraction rules of the seventh round: an event noun a journey is made "for" is the
traveller's; a meeting or visit cancelled or postponed is the subject's own; the participle of
a noun gives its target; "support for sanctions" and "join in on sanctions" impose them, aimed
at the state of an "anti-" adjective; a to-phrase hung on the last noun of the object phrase
belongs to the verb; a clause put "to" someone is a proposal to him; a nearer governing
clause's subject before the speaker for "they"; an unattributed denial answers the last
accusation against the denier; what someone is accused "of" is alleged; an act named as the
cause of what the subject does ("because of US pressure") is done to the subject, and so is
pressure "of" an actor. Sentences written for these tests."""

from __future__ import annotations

import pytest


def side(ev, which: str) -> str:
    """Country-level code of one side: ISO3 country, else the first letters of the CAMEO code."""
    country = getattr(ev, f"{which}_country")
    cameo = getattr(ev, f"{which}_cameo")
    return country or (cameo[:3] if cameo else "-")


def listing(events) -> list[tuple]:
    return [(e.cameo_code, side(e, "source"), side(e, "target"), e.modality, e.date) for e in events]


# (text, full CAMEO code, source country, target country)
PRESENT = [
    # the act a journey is made for is the traveller's
    ("Merkel left on June 3 for a three-day visit to China.", "042", "DEU", "CHN"),
    ("The Turkish president set off on Friday for a state visit to Germany.", "042", "TUR", "DEU"),
    ("The Indian prime minister departed for an official visit to Nepal on Monday.", "042", "IND", "NPL"),
    ("The French president flew to Berlin on Tuesday for talks with Angela Merkel.", "040", "FRA", "DEU"),
    # a meeting or visit the subject cancels or postpones is the subject's own
    ("The Chinese president postponed a scheduled June visit to India to September 12.", "042", "CHN", "IND"),
    ("The Chilean president postponed a planned visit to Peru until next year.", "042", "CHL", "PER"),
    # ... and the verb's prepositions are the noun's
    ("Mexico postponed the summit with Cuba.", "040", "MEX", "CUB"),
    # the participle of a noun (or of the pattern's object) gives the target
    ("The sanctions imposed on Venezuela by the United States were extended.", "163", "USA", "VEN"),
    ("The restrictions imposed on Qatar by Saudi Arabia remained in force.", "172", "SAU", "QAT"),
    ("Cuba criticised the embargo imposed on it by the United States.", "163", "USA", "CUB"),
    # support for sanctions imposes them
    ("Seoul announced support for Western sanctions against Iran.", "163", "KOR", "IRN"),
    ("Canada announced its support for new sanctions against North Korea.", "163", "CAN", "PRK"),
    ("Britain's support for the embargo on Cuba ended.", "163", "GBR", "CUB"),
    ("Japan voiced support for the sanctions against Iran.", "163", "JPN", "IRN"),
    # an "anti-" adjective names the target; a phrasal verb's prepositional object is its object
    ("Kenya joined the West's anti-Sudanese sanctions.", "163", "KEN", "SDN"),
    ("Poland supported the anti-Russian sanctions.", "163", "POL", "RUS"),
    ("The EU's anti-Russian sanctions hurt Italian farmers.", "163", "IGO", "RUS"),
    ("Because of American pressure, the Greeks were forced to join in on the West's anti-Turkish sanctions.",
     "163", "GRC", "TUR"),
    # ... and a phrasal verb's prepositional object that names a party is still the target
    ("Belarus cracked down on Polish activists.", "175", "BLR", "POL"),
    # a to-phrase hung on the last noun of the object's "for" phrase is the verb's
    ("The Chinese premier presented a plan for economic cooperation to the Kenyan president.", "030", "CHN", "KEN"),
    ("Merkel presented a new proposal for peace talks to Putin.", "030", "DEU", "RUS"),
    # "we"/"us" in a quotation is the speaker's state; "they" the nearer clause's subject
    ('"The Georgians have decided they will not talk to us," Lavrov said.', "125", "GEO", "RUS"),
    ('The Turkish foreign minister said: "Greece made the decision to limit contacts with us."', "160", "GRC", "TUR"),
    # a clause put to someone is a proposal to him, even when it reports no coded act
    ("Merkel proposed to Emmanuel Macron that the question be settled by the end of the year.", "030", "DEU", "FRA"),
    ("The Indian prime minister even suggested to Xi Jinping that the two countries sign a border treaty.",
     "030", "IND", "CHN"),
    # an unattributed denial answers the last accusation against the denier
    ("Turkey accused Syria of shelling border villages on Monday. Syria denied the accusations.", "016", "SYR", "TUR"),
    # an act named as the cause of what the subject does is done to the subject
    ("Kenya cancelled the meetings because of US pressure.", "100", "USA", "KEN"),
    ("Egypt postponed the talks with Ethiopia due to pressure from the United States.", "100", "USA", "EGY"),
    ("Serbia rejected the plan owing to Russian pressure.", "100", "RUS", "SRB"),
    # ... and pressure "of" an actor is that actor's
    ("Kenya cut its contacts with Somalia under pressure of the United States.", "100", "USA", "KEN"),
    ("Kenya cut its contacts with Somalia, under the pressure and insistent recommendations of the United States.",
     "100", "USA", "KEN"),
    ("Because of American pressure, the Greeks were forced to join in on the West's anti-Turkish sanctions.",
     "100", "USA", "GRC"),
]

# (text, CAMEO code that must not come out, source country or None for any)
ABSENT = [
    # a journey's "for" phrase is the traveller's act only on a verb of journey
    ("The Kenyan president asked for a visit to Uganda.", "042", "KEN"),
    # an operation postponed may be someone else's (only appointments are the subject's own)
    ("Egypt postponed the withdrawal of the peacekeepers from Sudan.", "0874", "EGY"),
    # the state of an "anti-" adjective never does the act
    ("The EU's anti-Russian sanctions hurt Italian farmers.", "163", "RUS"),
    ("Sanctions imposed on Iran by the European Union hurt its economy.", "163", "IRN"),
    # support for something that is no sanction is no sanction
    ("Norway voiced support for the plan.", "163", None),
    # criticising support for sanctions imposes none
    ("Russia criticised support for sanctions against Iran.", "163", "RUS"),
    # no addressee, no uncoded proposal
    ("Merkel proposed that the question be settled by the end of the year.", "030", None),
    # what one is accused of is not reported as done
    ("Turkey accused Syria of shelling border villages.", "194", None),
    # a cause that is no act of anyone
    ("Kenya cancelled the meetings because of the weather.", "100", None),
]


@pytest.mark.parametrize("index", range(len(PRESENT)), ids=[f"{c[1]}-{c[0][:40]}" for c in PRESENT])
def test_round7_event_found(index, coded_present, assert_found):
    assert_found(PRESENT[index], coded_present[index])


@pytest.mark.parametrize("index", range(len(ABSENT)), ids=[f"no{c[1]}-{c[0][:40]}" for c in ABSENT])
def test_round7_event_absent(index, coded_absent, assert_absent):
    assert_absent(ABSENT[index], coded_absent[index])


@pytest.mark.parametrize("text,code_,date", [
    # the journey's clause dates the act it is made for
    ("Merkel left on June 3 for a three-day visit to China.", "042", "2018-06-03"),
    # a postponed visit takes the date it was moved to
    ("The Chinese president postponed a scheduled June visit to India to September 12.", "042", "2018-09-12"),
])
def test_round7_dates(code, text, code_, date):
    (events,) = code([text])
    assert date in {e.date for e in events if e.cameo_code == code_}, listing(events)


@pytest.mark.parametrize("text,code_,source,target,modality", [
    ("The Turkish prime minister cancelled a planned trip to Greece.", "042", "TUR", "GRC", "negated"),
    ("The Turkish prime minister cancelled his planned trip to Greece.", "042", "TUR", "GRC", "negated"),
    ("Egypt called off the talks with Ethiopia.", "040", "EGY", "ETH", "negated"),
    ("The Chilean president postponed a planned visit to Peru until next year.", "042", "CHL", "PER", "planned"),
    ("Turkey accused Syria of shelling border villages.", "194", "SYR", "-", "hypothetical"),
])
def test_round7_modality(code, text, code_, source, target, modality):
    (events,) = code([text])
    got = {(side(e, "source"), side(e, "target"), e.modality) for e in events if e.cameo_code == code_}
    assert (source, target, modality) in got, listing(events)


@pytest.mark.parametrize("text,wrong", [
    # the only accusation was against another state
    ("Greece criticised Turkey over the airspace violations. Syria denied the charges.", "GRC"),
    # the denial names its accuser
    ("Turkey accused Syria of shelling border villages. Syria denied the accusations made by Iraq.", "TUR"),
])
def test_denial_answers_only_its_own_accusation(code, text, wrong):
    (events,) = code([text])
    denials = [e for e in events if e.cameo_code == "016"]
    assert denials and not [e for e in denials if side(e, "target") == wrong], listing(events)


def test_denial_with_no_accusation_before_has_no_target(code):
    (events,) = code(["Syria denied the accusations."])
    assert {(side(e, "source"), side(e, "target")) for e in events if e.cameo_code == "016"} == {("SYR", "-")}
