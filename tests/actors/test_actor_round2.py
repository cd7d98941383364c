"""Object and possessive pronouns, ethnic and religious groups, regions of large states and
persons of organisations named in apposition, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from actor_test_helpers import mention_for as _mention_for

from detente.actors import place_claimant, place_country, resolve
from detente.actors.data import apply_user_file
from detente.errors import ConfigError

D = dt.date
WHEN = D(2016, 9, 2)


def _pronoun(mentions, text: str, pronoun: str, nth: int):
    start = [m.start() for m in re.finditer(rf"\b{pronoun}\b", text)][nth]
    found = [m for m in mentions if m.start == start and m.method == "pronoun"]
    return found[0].actor.actor_id if found else None


# --------------------------------------------------------------------------- object pronouns

# (sentence, pronoun, nth occurrence, expected actor id or None = left unresolved)
OBJECT_PRONOUNS = [
    # the object is never the subject of its own clause
    ("Abe met Putin and thanked him for the dinner.", "him", 0, "person:vladimir_putin"),
    ("Merkel praised Obama and promised to support him.", "him", 0, "person:barack_obama"),
    ("Russia accused Japan of hostility and warned it against sanctions.", "it", 0, "JPN"),
    # the controller of "to call" is Putin, so "him" is the other person
    ("Abe asked Putin to call him.", "him", 0, "person:shinzo_abe"),
    # a subordinate clause's subject is excluded; the main clause's subject is not
    ("Putin said Abe would meet him in Vladivostok.", "him", 0, "person:vladimir_putin"),
    ("Kishida said Lavrov had assured him of progress.", "him", 0, "person:fumio_kishida"),
    # a relative clause's subject is its head noun
    ("Abe thanked Putin, who had invited him.", "him", 0, "person:shinzo_abe"),
    # the previous sentence, when it names one other fitting actor
    ("Lavrov met Kishida. Lavrov told him that Moscow was ready.", "him", 0,
     "person:fumio_kishida"),
    # an "it" of a governing clause's subject ("... fired at it")
    ("Israel said a mortar bomb was fired at it overnight.", "it", 0, "ISR"),
    # the object of the verb controlling the pronoun's clause
    ("A spokeswoman said that Obama called Abe, asking him not to come.", "him", 0,
     "person:shinzo_abe"),
    ("Trump criticised Merkel, accusing her of weakness.", "her", 0, "person:angela_merkel"),
    # "them": a coordination of actors, or a state's people of a sector
    ("Both Japan and Russia admit the dispute, and there were talks between them.", "them", 0,
     "group:JPN+RUS"),
    ("Japanese businesspeople met Putin, who thanked them for coming.", "them", 0, "JPN:BUS"),
    # negative cases: no other candidate, or several
    ("Abe met him in Tokyo on Monday.", "him", 0, None),
    ("Abe met Putin and Obama and thanked him for the talks.", "him", 0, None),
    ("Japan signed the treaty with Russia and ratified it in May.", "it", 0, None),
]


@pytest.mark.parametrize(("text", "pronoun", "nth", "expected"), OBJECT_PRONOUNS,
                         ids=[c[0][:40] for c in OBJECT_PRONOUNS])
def test_object_pronoun_is_not_its_own_clause_subject(nlp, db, text, pronoun, nth, expected):
    assert _pronoun(resolve(nlp(text), WHEN, db), text, pronoun, nth) == expected


# --------------------------------------------------------------------------- possessives of acts

POSSESSIVES = [
    (("The Obama administration has kept a firm stance toward Russia since its annexation of "
      "the peninsula."), "its", 0, "RUS"),
    ("The United States imposed sanctions on Russia over its seizure of the port.", "its", 0,
     "RUS"),
    ("Japan protested to China over its incursion into the waters.", "its", 0, "CHN"),
    ("Abe thanked Putin for his visit to Nagato.", "his", 0, "person:vladimir_putin"),
    # an actor named inside the subject does not stand between it and the pronoun
    ("Japan, which Russia accuses of hostility, defended its deployment of missiles.", "its", 0,
     "JPN"),
    # the subject's own act
    ("Russia expanded its presence after its annexation of the peninsula.", "its", 1, "RUS"),
    # negative: coordinated candidates make it ambiguous
    ("Abe told Putin and Xi about his visit.", "his", 0, None),
    # negative: not an act ("its allies"), another actor in between: left unresolved
    ("The Obama administration has kept a firm stance toward Russia together with its allies.",
     "its", 0, None),
]


@pytest.mark.parametrize(("text", "pronoun", "nth", "expected"), POSSESSIVES,
                         ids=[c[0][:40] for c in POSSESSIVES])
def test_possessive_before_an_act_is_the_nearest_fitting_actor(nlp, db, text, pronoun, nth,
                                                              expected):
    assert _pronoun(resolve(nlp(text), WHEN, db), text, pronoun, nth) == expected


def test_event_nouns_are_data(db):
    nouns = db.roles.get("event_nouns")
    assert isinstance(nouns, list) and {"annexation", "invasion", "visit"} <= set(nouns)
    assert all(n == n.lower() for n in nouns)


# --------------------------------------------------------------------------- ethnic and religious

# (sentence, date, phrase, actor id, ISO3 country or None, sector, CAMEO code)
IDENTITY = [
    ("Kurdish fighters seized the town.", D(2015, 6, 1), "Kurdish fighters",
     "identity:kurds:REB", None, "REB", "KURREB"),
    ("Iraqi Kurds voted in a referendum.", D(2017, 9, 25), "Iraqi Kurds",
     "IRQ:identity:kurds", "IRQ", None, "IRQKUR"),
    ("Turkey's Kurds marched through the city.", D(2016, 3, 21), "Turkey's Kurds",
     "TUR:identity:kurds", "TUR", None, "TURKUR"),
    ("Sunni militants in Iraq attacked a checkpoint.", D(2014, 6, 10), "Sunni militants",
     "IRQ:identity:sunnis:REB", "IRQ", "REB", "IRQMUSSUNREB"),
    ("Shiite militias shelled the outskirts.", D(2016, 1, 5), "Shiite militias",
     "identity:shias:REB", None, "REB", "MUSSHIREB"),
    ("Bosnian Serbs shelled the city again.", D(1994, 2, 5), "Bosnian Serbs",
     "BIH:identity:bosnian_serbs", "BIH", None, "BIHSRB"),
    ("Turkish Cypriots voted on the plan.", D(2004, 4, 24), "Turkish Cypriots",
     "CYP:identity:turkish_cypriots", "CYP", None, "CYPTUR"),
    ("Ethnic Turks staged a rally.", D(1989, 5, 20), "Ethnic Turks",
     "identity:ethnic_tur", None, None, None),
    ("Up to a hundred ethnic Albanians demonstrated on Sunday in Serbia.", D(2004, 3, 20),
     "ethnic Albanians", "SRB:identity:ethnic_alb", "SRB", None, "SRBALB"),
    ("Hutu extremists attacked the camp.", D(1994, 4, 10), "Hutu extremists",
     "identity:hutu:RAD", None, "RAD", "HUTRAD"),
    ("Coptic Christians were attacked near the church.", D(2017, 5, 26), "Coptic Christians",
     "identity:copts", None, None, "CHRCPT"),
    ("Kurds rallied in the square.", D(2015, 6, 1), "Kurds", "identity:kurds", None, None,
     "KUR"),
    # a religious code that is also a state's code (MUS, Mauritius) is not written without
    # a state: it would read as that state
    ("Muslim leaders condemned the attack.", D(2015, 1, 8), "Muslim leaders",
     "identity:muslims", None, None, None),
    ("Jewish settlers in the West Bank clashed with police.", D(2015, 7, 31),
     "Jewish settlers", "PSE:identity:jews:CVL", "PSE", "CVL", "PSEJEWCVL"),
]


@pytest.mark.parametrize(("text", "when", "phrase", "expected", "country", "sector", "cameo"),
                         IDENTITY, ids=[c[2] for c in IDENTITY])
def test_ethnic_and_religious_groups(nlp, db, text, when, phrase, expected, country, sector,
                                     cameo):
    m = _mention_for(resolve(nlp(text), when, db), text, phrase)
    assert m is not None, phrase
    assert (m.actor.actor_id, m.actor.country, m.actor.sector, m.actor.cameo) == (
        expected, country, sector, cameo)


@pytest.mark.parametrize(("text", "word"), [
    ("The Kurdish language was banned in schools.", "Kurdish"),
    ("Officials visited a Sunni mosque in the capital.", "Sunni"),
    ("The Muslim world watched the vote.", "Muslim"),
    ("Christian Democrats won the vote.", "Christian"),
    ("Kurds and Arabs rallied in Syria and Iraq.", None),
])
def test_identity_words_that_name_no_group_or_no_state(nlp, db, text, word):
    mentions = resolve(nlp(text), D(2015, 6, 1), db)
    if word is not None:
        assert not any(":identity:" in m.actor.actor_id or m.actor.actor_id.startswith(
            "identity:") for m in mentions if word in m.text), mentions
    else:
        # "in Syria and Iraq": not one state, so the Kurds keep none
        m = _mention_for(mentions, text, "Kurds")
        assert m is not None and m.actor.country is None


def test_they_refers_to_an_identity_group_and_it_does_not(nlp, db):
    text = "The Kurds said they would hold the line. It was a long night."
    mentions = resolve(nlp(text), D(2015, 6, 1), db)
    they = [m for m in mentions if m.text == "they"]
    assert they and they[0].actor.actor_id == "identity:kurds"
    assert not any(m.text == "It" for m in mentions)


def test_identity_group_data_is_valid(db):
    groups = db.identity_groups
    assert len(groups) >= 50
    kinds = {g.kind for g in groups.values()}
    assert kinds == {"ethnic", "religious"}
    for g in groups.values():
        assert g.code.isalpha() and g.code.isupper() and len(g.code) in {3, 6}, g
        assert g.code_source in {"cameo", "petrarch", "detente"}, g
        assert g.state is None or g.state in db.countries, g
        assert g.nouns or g.adjectives, g
    assert groups["bosnian_serbs"].state == "BIH" and groups["bosnian_serbs"].code == "SRB"
    assert groups["kurds"].code == "KUR"
    assert groups["sunnis"].code.startswith("MUS") and groups["copts"].code.startswith("CHR")


def test_identity_word_table_names_one_group_per_word(db):
    seen: dict[str, str] = {}
    for g in db.identity_groups.values():
        for w in (*g.nouns, *g.adjectives):
            assert seen.setdefault(w, g.id) == g.id, w


@pytest.mark.parametrize(("row", "message"), [
    ("Bad Id\tethnic\tKUR\tcameo\t\tKurds\tKurdish", "snake_case"),
    ("kurds_b\ttribal\tKUR\tcameo\t\tKurdz\tKurdic", "kind"),
    ("kurds_b\tethnic\tkur\tcameo\t\tKurdz\tKurdic", "code"),
    ("kurds_b\tethnic\tKUR\tguess\t\tKurdz\tKurdic", "code_source"),
    ("kurds_b\tethnic\tKUR\tcameo\tXXX\tKurdz\tKurdic", "unknown state"),
    ("kurds_b\tethnic\tKUR\tcameo\t\tKurds\tKurdic", "already names"),
])
def test_identity_group_validation_names_file_and_line(monkeypatch, row, message):
    from detente.actors import data

    real = data._packaged_text

    def fake(name: str):
        text, file = real(name)
        if name == "identity_groups.tsv":
            text = text + row + "\n"
        return text, file

    monkeypatch.setattr(data, "_packaged_text", fake)
    with pytest.raises(ConfigError) as err:
        data._load_packaged()
    assert message in str(err.value)
    assert err.value.file == "detente/data/actors/identity_groups.tsv"
    assert err.value.line is not None and err.value.line > 50


def test_user_file_copy_keeps_identity_groups(db, tmp_path: Path):
    f = tmp_path / "actors.yaml"
    f.write_text("version: 1\nplaces:\n  - {name: Atlantis City, country: GRC}\n",
                 encoding="utf-8")
    new = apply_user_file(db, f)
    assert new.identity_groups == db.identity_groups


# --------------------------------------------------------------------------- places

@pytest.mark.parametrize(("place", "iso3"), [
    ("Alaska", "USA"), ("Texas", "USA"), ("New Mexico", "USA"), ("West Virginia", "USA"),
    ("Ontario", "CAN"), ("British Columbia", "CAN"), ("Nunavut", "CAN"),
    ("Primorye", "RUS"), ("Primorsky Krai", "RUS"), ("Sakhalin", "RUS"), ("Kuril Islands", "RUS"),
    ("Iturup", "RUS"), ("Chukotka", "RUS"), ("Tatarstan", "RUS"),
    ("Sichuan", "CHN"), ("Guangdong", "CHN"), ("Inner Mongolia", "CHN"),
    ("Kerala", "IND"), ("Uttar Pradesh", "IND"), ("Jammu and Kashmir", "IND"),
    ("Hokkaido", "JPN"), ("Yamaguchi", "JPN"), ("Ishikawa Prefecture", "JPN"),
    ("Kagoshima", "JPN"), ("Okinawa Prefecture", "JPN"),
])
def test_regions_of_large_states(db, place, iso3):
    assert place_country(place, D(2020, 1, 1), db) == iso3


def test_disputed_islands_are_coded_by_the_administering_state(db):
    # Japan's name for the southern Kurils is coded like the Russian one
    for name in ("Northern Territories", "Southern Kurils", "Kunashir", "Shikotan", "Habomai"):
        assert place_country(name, D(2018, 1, 1), db) == "RUS", name
        assert place_claimant(name, db) == "JPN", name
    text = (Path(__file__).resolve().parents[2] / "src/detente/data/actors/places.tsv").read_text(
        encoding="utf-8")
    assert "administered by Russia" in text


@pytest.mark.parametrize("name", ["Hokkaido", "Sakhalin", "Vladivostok", "Atlantis", ""])
def test_undisputed_places_have_no_claimant(db, name):
    assert place_claimant(name, db) is None


def test_user_place_claimant_must_be_a_state(db, tmp_path: Path):
    f = tmp_path / "actors.yaml"
    f.write_text("version: 1\nplaces:\n  - {name: Isla Test, country: ARG, claimed_by: XYZ}\n",
                 encoding="utf-8")
    with pytest.raises(ConfigError, match="claimant"):
        apply_user_file(db, f)


@pytest.mark.parametrize("name", ["Georgia", "Washington", "Virginia", "Punjab", "Ishikawa",
                                  "Miyazaki"])
def test_ambiguous_region_names_are_not_places(db, name):
    assert name not in db.places


# --------------------------------------------------------------------------- organisations

# (sentence, name, country, sector, CAMEO code)
ORG_PERSONS = [
    ("John Harker, a spokesman for the UN refugee agency, said the camps were full.",
     "John Harker", None, "IGO", "IGOUNOREFHCR"),
    ("Marta Lind, a spokeswoman for NATO, denied the report.", "Marta Lind", None, "IGO",
     "IGOWSTNAT"),
    ("Daniel Cole, a spokesman for the Red Cross, said aid had arrived.", "Daniel Cole", None,
     "NGO", "NGOHLHIRC"),
    ("Ivan Sorokin, a spokesman for Gazprom, said supplies would resume.", "Ivan Sorokin",
     "RUS", "BUS", "RUSBUS"),
]


@pytest.mark.parametrize(("text", "name", "country", "sector", "cameo"), ORG_PERSONS,
                         ids=[c[1] for c in ORG_PERSONS])
def test_person_with_an_organisation_in_apposition(nlp, db, text, name, country, sector, cameo):
    m = _mention_for(resolve(nlp(text), D(2016, 3, 1), db), text, name)
    assert m is not None and m.method == "new"
    assert (m.actor.country, m.actor.sector, m.actor.cameo) == (country, sector, cameo)


def test_person_of_an_unnamed_company_gets_no_organisation(nlp, db):
    text = "Tom Hale, a spokesman for the company, declined to comment."
    m = _mention_for(resolve(nlp(text), D(2016, 3, 1), db), text, "Tom Hale")
    assert m is not None and m.actor.cameo is None and m.actor.country is None
