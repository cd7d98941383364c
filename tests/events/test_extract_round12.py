"""Extraction rules of the twelfth round: a passive act of force with no "by" agent is done by the
state named as the place it came from ("rockets were launched at X from Y"), and "it" in the
reported speech of the state speaking is that state ("X said shells were launched at it from Y");
a state reporting an act of force done to it by another accuses that other of aggression
(CAMEO 1123); a passive act of force whose "by" agent is a thing ("a missile believed to have
been fired by X", "drones launched from Y") is done by the agent (or the origin) given inside
that phrase; and a noun used only in the plural ("its thanks") finds its pattern. Sentences
written for these tests."""

from __future__ import annotations

import pytest

# (text, dyads that must come out, dyads that must not)
NEIGHBOURS = [
    # the origin of the fire is its doer, the "at"/"into" object its target
    ("A rocket was launched at Turkey from Idlib on Monday.", {"SYR>TUR:194"}, {"TUR>TUR:194"}),
    ("A missile was fired toward India from Balochistan.", {"PAK>IND:194"}, {"IND>IND:194"}),
    ("Several shells were fired into Chad from Sudanese territory.", {"SDN>TCD:194"}, set()),
    ("Mortar rounds were fired at Turkey from Syria overnight.", {"SYR>TUR:194"}, {"TUR>TUR:194"}),
    ("A missile from Yemen was fired at Saudi Arabia.", {"YEM>SAU:194"}, set()),
    ("Two Armenian villages were shelled from Azerbaijani positions.", {"AZE>ARM:194"}, set()),
    ("Shots were fired at the Indian town from Pakistan.", {"PAK>IND:194"}, {"IND>IND:194"}),
    # ... "it" in the speech of a state is that state, which accuses the doer
    ("Niger reported that two shells had been lobbed at it from Mali overnight.",
     {"MLI>NER:194", "NER>MLI:1123"}, set()),
    ("Niger told reporters that several artillery rounds were launched at it from Malian soil.",
     {"MLI>NER:194", "NER>MLI:1123"}, set()),
    ("Chad said rockets were fired at Chadian villages from Sudan.", {"SDN>TCD:194", "TCD>SDN:1123"},
     {"TCD>TCD:194"}),
    # ... a speaker that is not the victim accuses nobody here
    ("The army said shells were fired into Chad from Sudan.", {"SDN>TCD:194"}, set()),
    ("Chile said Peru fired rockets at Bolivia.", {"PER>BOL:194"}, {"CHL>PER:1123"}),
    # ... an accusation already coded at the verb of saying is not doubled
    ("India accused Pakistan of firing shells at it.", {"IND>PAK:112"}, {"IND>PAK:1123"}),
    # ... "from" is no doer where the pattern takes it for the one losing something
    ("The islands were seized from Japan.", set(), {"JPN>-:192", "JPN>JPN:192"}),
    # a thing as the "by" agent: the doer named inside its phrase
    ("A Turkish convoy was attacked by drones believed to have been launched by Syrian forces.",
     {"SYR>TUR:190"}, set()),
    ("Ten Kenyan soldiers were killed by a bomb thought to have been planted by Somali militants.",
     {"SOM>KEN:190"}, set()),
    ("A Turkish convoy was attacked by drones launched from Syria.", {"SYR>TUR:190"}, set()),
    # ... the weapon's own untargeted act is the killing, not a second event
    ("Three Indian soldiers were killed by shells fired from Pakistani territory.", {"PAK>IND:190"},
     {"PAK>-:194"}),
    ("Kenya said its soldiers were killed by a bomb believed to have been planted by Somali militants.",
     {"SOM>KEN:190", "KEN>SOM:1123"}, set()),
    # a noun used only in the plural
    ("Kenya expressed its thanks for China's assistance.", {"KEN>CHN:051"}, set()),
    ("Fiji extended its thanks to Australia.", {"FJI>AUS:051"}, set()),
    ("Bolivia sent its thanks to Cuba for the doctors.", {"BOL>CUB:051"}, set()),
    # ... but "thanks to" names a cause, not gratitude
    ("Thanks to Chinese loans, Kenya built a new railway.", set(), {"KEN>CHN:051", "KEN>-:051"}),
    ("Kenya built the railway thanks to Chinese loans.", set(), {"KEN>CHN:051"}),
]


@pytest.mark.parametrize("index", range(len(NEIGHBOURS)), ids=[c[0][:50] for c in NEIGHBOURS])
def test_round12_dyads(index, coded_neighbours, assert_neighbour):
    assert_neighbour(NEIGHBOURS[index], coded_neighbours[index])


def test_thanks_to_gives_no_praise(code):
    for events in code(["Thanks to Chinese loans, Kenya built a new railway.",
                        "Kenya built the railway thanks to Chinese loans."]):
        assert not [e for e in events if e.cameo_code == "051"], [(e.cameo_code, e.source_name) for e in events]


def test_victim_accusation_is_the_speech_act(code):
    (events,) = code(["Benin stated on Tuesday that artillery shells had been launched at it from Nigerian soil."])
    acc = [e for e in events if e.cameo_code == "1123"]
    assert len(acc) == 1, [(e.cameo_code, e.source_country, e.target_country) for e in events]
    assert (acc[0].source_country, acc[0].target_country) == ("BEN", "NGA")
    assert acc[0].date == "2018-09-11"
    assert acc[0].goldstein == pytest.approx(-2.0)


def test_hedged_doer_has_a_lower_confidence(code):
    hedged, plain = code(["A Turkish convoy was attacked by drones believed to have been launched by Syrian forces.",
                          "Syrian forces attacked a Turkish convoy."])
    h = [e for e in hedged if e.cameo_code == "190" and e.source_country == "SYR"]
    p = [e for e in plain if e.cameo_code == "190" and e.source_country == "SYR"]
    assert h and p
    assert h[0].confidence < p[0].confidence


def test_origin_doer_is_the_places_state(code):
    (events,) = code(["Rockets were launched at Turkey from Idlib."])
    fire = [e for e in events if e.cameo_code == "194"]
    assert [(e.source_country, e.target_country) for e in fire] == [("SYR", "TUR")]
