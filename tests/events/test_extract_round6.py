"""Extraction rules of the sixth round: a commitment not to cooperate is a refusal, an
attempted assassination is coded apart, pressure undergone from someone is that someone's
demand, the subject the parser gives an infinitive complement is the verb's object, media
doing something else than giving opinions are actors, armed forces arriving somewhere are
deployed, not visiting. Sentences written for these tests."""

from __future__ import annotations

import pytest


def side(ev, which: str) -> str:
    """Country-level code of one side: ISO3 country, else the first letters of the CAMEO code."""
    country = getattr(ev, f"{which}_country")
    cameo = getattr(ev, f"{which}_cameo")
    return country or (cameo[:3] if cameo else "-")


# (text, full CAMEO code, source country, target country)
PRESENT = [
    # a vow or promise not to do a cooperative act is a refusal to do it (the reject map)
    ("The Greek government vowed not to return the disputed island to Turkey.", "1243", "GRC", "TUR"),
    ("Bolivia promised not to hand over the refugees to Peru.", "1243", "BOL", "PER"),
    # ... while the promise to do it stays an intent, and a promise of restraint is no threat
    ("Bolivia promised to hand over the refugees to Peru.", "0353", "BOL", "PER"),
    ("Chile pledged not to attack Peru.", "030", "CHL", "PER"),
    # trying or attempting to assassinate someone (verb or noun) is CAMEO 185
    ("Rebels from Chad tried to assassinate the Sudanese president.", "185", "TCD", "SDN"),
    ("Agents of Israel attempted to assassinate an Iranian scientist.", "185", "ISR", "IRN"),
    ("Syrian agents made an attempt to assassinate a Lebanese minister.", "185", "SYR", "LBN"),
    # ... the assassination itself stays 186, and an attempt at another act is that act
    ("Agents of Israel assassinated an Iranian scientist.", "186", "ISR", "IRN"),
    ("The Syrian army tried to seize the Lebanese border post.", "1711", "SYR", "LBN"),
    # pressure, calls or criticism undergone "from" someone are that someone's act on the subject
    ("Kenya faces pressure from the United States to help Somalia.", "103", "USA", "KEN"),
    ("Serbia is under strong pressure from Russia to reject the plan.", "100", "RUS", "SRB"),
    ("Kenya received calls from Britain to release the prisoners.", "0253", "GBR", "KEN"),
    ("Israel came under criticism from Egypt over the raids.", "111", "EGY", "ISR"),
    # the subject the parser gives an infinitive complement is the object of the verb
    ("The Iranian court ordered a British newspaper to close.", "1721", "IRN", "GBR"),
    ("The Iranian court ordered the British embassy to close.", "100", "IRN", "GBR"),
    # media doing something other than giving an opinion act like anyone else
    ("A Danish newspaper apologised to Iran for the cartoons.", "055", "DNK", "IRN"),
    # armed forces arriving somewhere are deployed there; peacekeepers provide peacekeeping
    ("Indian soldiers arrived in Sri Lanka on Monday.", "154", "IND", "LKA"),
    ("Russian warships arrived in Cuba on Monday.", "154", "RUS", "CUB"),
    ("Indian peacekeeping troops arrived in Lebanon on Monday.", "074", "IND", "LBN"),
    ("A first batch of Nepalese peacekeeping troops arrived in Haiti on Monday.", "074", "NPL", "HTI"),
    ("A group of Chinese soldiers arrived in Nepal on Monday.", "154", "CHN", "NPL"),
    # ... people still visit
    ("The Indian foreign minister arrived in Sri Lanka on Monday.", "042", "IND", "LKA"),
    ("A group of Chinese tourists arrived in Nepal on Monday.", "042", "CHN", "NPL"),
]

# (text, CAMEO code that must not come out, source country or None for any)
ABSENT = [
    ("The Greek government vowed not to return the disputed island to Turkey.", "0353", None),
    ("Chile pledged not to attack Peru.", "138", None),
    ("Rebels from Chad tried to assassinate the Sudanese president.", "186", None),
    ("Syrian agents made an attempt to assassinate a Lebanese minister.", "1383", None),
    # the demanded act is not reported as an act of the one pressed
    ("Kenya faces pressure from the United States to help Somalia.", "070", "KEN"),
    # opinions of media stay commentary
    ("The Indian newspaper criticised Pakistan.", "111", None),
    ("Pakistan was criticised by the Indian media.", "111", None),
    ("The Indian newspaper urged Pakistan to release the fishermen.", "0253", None),
    # arrivals of armed forces are no visits
    ("Indian soldiers arrived in Sri Lanka on Monday.", "042", None),
    ("A first batch of Nepalese peacekeeping troops arrived in Haiti on Monday.", "042", None),
    ("The Indian foreign minister arrived in Sri Lanka on Monday.", "154", None),
]


@pytest.mark.parametrize("index", range(len(PRESENT)), ids=[f"{c[1]}-{c[0][:40]}" for c in PRESENT])
def test_round6_event_found(index, coded_present, assert_found):
    assert_found(PRESENT[index], coded_present[index])


@pytest.mark.parametrize("index", range(len(ABSENT)), ids=[f"no{c[1]}-{c[0][:40]}" for c in ABSENT])
def test_round6_event_absent(index, coded_absent, assert_absent):
    assert_absent(ABSENT[index], coded_absent[index])


def test_media_act_is_kept(code):
    # "violated" is an act of the newspaper, not commentary (before: dropped as an opinion)
    (events,) = code(["A Turkish newspaper violated the ban on reporting."])
    assert {e.cameo_code for e in events if side(e, "source") == "TUR"} == {"128"}


def test_pressure_without_a_doer_is_no_demand(code):
    # nobody named as the one pressing: no demand is invented
    (events,) = code(["Kenya faces pressure to help Somalia."])
    assert not [e for e in events if e.cameo_root == "10"]


def test_noun_of_no_act_is_not_undergone(code):
    (events,) = code(["Kenya faces a difficult choice in Somalia."])
    assert not events
