"""Extraction rules beyond single patterns: who the unnamed doers are, whose pronoun it is,
planned cooperation as intent, joint exercises, protest purposes. Sentences written for
these tests."""

from __future__ import annotations

import pytest

# (text, CAMEO code, source country, target country or None when no target is expected)
CASES = [
    # people named by the group they belong to or the place they are at
    ("Prisoners rioted at a jail in Kenya's capital Nairobi on Monday.", "145", "KEN", None),
    (("Some 20,000 workers affiliated with the Polish trade union stopped work on Monday over a "
     "new labour law."), "143", "POL", None),
    ("Militants loyal to the Libyan warlord attacked the Tunisian border post.", "190", "LBY", "TUN"),
    ("Dockers in Chile refused work on Monday to protest at Peru's port plan.", "143", "CHL", "PER"),
    # possessive pronouns: of the reported clause's subject -> the speaker; of an object -> the doer
    ("The Chinese government said its troops had withdrawn from Nepal.", "0874", "CHN", "NPL"),
    (("The World Health Organization reiterated its demand that Egypt ease restrictions on "
     "Sudanese doctors."), "1051", "IGO", "EGY"),
    # material cooperation still to come is an intent to cooperate (visits keep their code)
    ("Finland will give Kenya a grant of 50 million euros over three years.", "0331", "FIN", "KEN"),
    ("Norway will send food aid to Sudan next month.", "0333", "NOR", "SDN"),
    ("The Ivorian court decided to allow Malian traders to enter the country.", "080", "CIV", None),
    ("Japan will visit Russia next month.", "042", "JPN", "RUS"),
    # exercises of two states together are military cooperation
    ("Greek and Italian warships on Monday launched five days of war games in the Aegean Sea.",
     "062", "GRC", "ITA"),
    ("Greek and Italian warships on Monday launched five days of war games in the Aegean Sea.",
     "062", "ITA", "GRC"),
    ("China held military drills near Taiwan.", "150", "CHN", "TWN"),
    # the purpose of a protest act is its target, not a second complaint
    ("A Kenyan senator started a hunger strike yesterday to protest Uganda's decision.", "142", "KEN", "UGA"),
    ("Thousands of students throughout Peru staged mass demonstrations on Saturday to demand reforms.",
     "141", "PER", None),
    # an attempt is the act, not a plan; CAMEO codes an attempted assassination apart (185)
    ("Rebels from Chad tried to assassinate the Sudanese president.", "185", "TCD", "SDN"),
    # a verb conjoined to a passive one shares its passive subject, not its agent
    ("The Serbian minister was indicted by the United Nations tribunal and will resign.", "0831", "SRB", None),
    # a that-clause hung on the verb completes its object noun
    (("The International Labour Office (ILO) reiterated its demand today that Egypt ease "
     "restrictions on Sudanese workers."), "1051", "IGO", "EGY"),
    # the modifiers of what a deployment is of
    ("The first deployment of Indian peacekeeping troops arrived in Lebanon on Monday.", "074", "IND", "LBN"),
    # offering or pledging support is an intent to provide it; providing it is aid
    ("The American general offered further military support to Lebanon.", "0332", "USA", "LBN"),
    ("Japan pledged economic support to Sri Lanka.", "0331", "JPN", "LKA"),
    ("Chile provided support to Bolivia during the floods.", "070", "CHL", "BOL"),
    # an attack on named victims by an unnamed doer is coded from where it happened
    ("There were 12 Turkish soldiers killed in Syria today.", "190", "SYR", "TUR"),
    ("Two British soldiers were killed by a roadside bomb outside the Afghan city of Kandahar.",
     "183", "AFG", "GBR"),
    ("Five Iraqi civilians were wounded near the Syrian border town of Qaim.", "182", "SYR", "IRQ"),
    # "were engaged in": the passive subject is the doer of the event noun
    ("Turkish forces were engaged in ethnic cleansing in Syria against the Kurdish population.",
     "203", "TUR", None),
    # a threat is addressed to the one whose conduct is its condition
    ("Turkey threatened to halt the negotiations if Greece goes ahead with the drilling.", "134", "TUR", "GRC"),
    ("Syria threatened to launch a new offensive unless Israel withdrew its troops.", "138", "SYR", "ISR"),
    ("The European Union may halt its mediation between Serbia and Kosovo if the talks fail.",
     "135", "IGO", "SRB"),
    ("The United Nations announced on Monday that it will withdraw its inspectors from Iraq.",
     "136", "IGO", "IRQ"),
    # a conditional cooperative act announced by its doer is a (conditional) intent
    ("Rebel leaders from Mali said they would meet the Algerian mediator if he guaranteed their safety.",
     "036", "MLI", "DZA"),
    # a stated refusal of a cooperative act is a rejection
    ("Jordan says it will not accept any more Syrian refugees if the fighting spreads.", "122", "JOR", "SYR"),
    # unnamed protesters are the people of the place, not its state
    ("Up to 200 ethnic Serbs demonstrated on Tuesday in Croatia.", "141", "HRV", "HRV"),
    # an appeal marked by "for ... to"
    ("Norway lobbied hard for Sweden to join the alliance.", "020", "NOR", "SWE"),
]


def _country(country, cameo) -> str | None:
    return country or (cameo[:3] if cameo else None)


@pytest.fixture(scope="module")
def coded_cases(code):
    return code([c[0] for c in CASES])


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[1]}-{c[0][:40]}" for c in CASES])
def test_extraction_rule(index, coded_cases):
    text, code_, source, target = CASES[index]
    events = [e for e in coded_cases[index] if e.cameo_code == code_
              and e.modality in ("asserted", "planned")]
    got = {(_country(e.source_country, e.source_cameo), _country(e.target_country, e.target_cameo))
           for e in events}
    if target is None:
        assert source in {s for s, _ in got}, f"{text}: {got}"
    else:
        assert (source, target) in got, f"{text}: {got} ({[e.cameo_code for e in coded_cases[index]]})"


@pytest.mark.parametrize("text,absent", [
    ("A Kenyan senator started a hunger strike yesterday to protest Uganda's decision.", "114"),
    ("The Ivorian court decided to allow Malian traders to enter the country.", "035"),
    ("Greek and Italian warships on Monday launched five days of war games in the Aegean Sea.", "150"),
    ("The first deployment of Indian peacekeeping troops arrived in Lebanon on Monday.", "154"),
    ("Thousands of students throughout Peru staged mass demonstrations on Saturday to demand reforms.", "100"),
])
def test_rule_replaces_the_plain_code(code, text, absent):
    (events,) = code([text])
    assert absent not in {e.cameo_code for e in events}, text


def test_bomb_victims_are_the_target(code):
    (events,) = code(["Three Kenyan soldiers were killed by a roadside bomb in Somalia."])
    assert "KEN" in {e.target_country for e in events if e.cameo_code == "183"}
