"""Sector actors and CAMEO actor codes: "<state> <sector noun>", "<noun> in/from <state>",
organisations' people ("UN peacekeepers"), abbreviations, misspelt names, and the office holders
and armed groups added for states outside the G20. Every sentence is written for these tests."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from actor_test_helpers import mention_for as _mention_for

from detente.actors import group_members, lookup, resolve

D = dt.date


# (sentence, article date, text of the mention, expected CAMEO actor code)
CODE_CASES = [
    # --- "<state adjective> <sector noun>" -------------------------------------------------
    ("Israeli warplanes struck a weapons depot overnight.", D(2019, 8, 25), "Israeli warplanes", "ISRMIL"),
    ("Russian bombers flew over the Sea of Japan.", D(2019, 7, 23), "Russian bombers", "RUSMIL"),
    ("A Syrian newspaper mocked the proposal.", D(2012, 2, 3), "A Syrian newspaper", "SYRMED"),
    ("Nigerian students marched to the embassy.", D(2014, 5, 6), "Nigerian students", "NGAEDU"),
    ("A Jordanian official confirmed the exercise.", D(2011, 4, 1), "A Jordanian official", "JORGOV"),
    ("Afghan guerillas ambushed a convoy near Herat.", D(1986, 3, 1), "Afghan guerillas", "AFGREB"),
    ("Sudanese judges refused to hear the case.", D(2006, 5, 1), "Sudanese judges", "SDNJUD"),
    ("Peruvian human rights groups condemned the pardon.", D(2018, 1, 3), "Peruvian human rights groups", "PERNGO"),
    ("Somali pirates seized a tanker off the coast.", D(2010, 4, 5), "Somali pirates", "SOMCRM"),
    ("Kenyan riot police fired tear gas at the crowd.", D(2017, 10, 11), "Kenyan riot police", "KENCOP"),
    ("Congolese refugees crossed into Uganda.", D(2018, 2, 20), "Congolese refugees", "CODREF"),
    ("Kampuchean guerrillas shelled the camp.", D(1984, 12, 1), "Kampuchean guerrillas", "KHMREB"),
    # --- modifiers between the state and the noun ------------------------------------------
    ("Iraq's transitional government announced a curfew.", D(2005, 6, 1), "Iraq's transitional government", "IRQGOV"),
    ("Pakistani army officers met their Indian counterparts.", D(2004, 1, 10), "Pakistani army officers", "PAKMIL"),
    ("Egyptian intelligence officials denied the report.", D(2013, 9, 2), "Egyptian intelligence officials", "EGYSPY"),
    ("A senior Ghanaian police officer said the suspects had fled.", D(2016, 3, 3), "Ghanaian police officer", "GHACOP"),
    ("Chinese official media praised the agreement.", D(2015, 9, 4), "Chinese official media", "CHNMED"),
    ("The Iranian foreign ministry spokesman condemned the raid.", D(2012, 6, 1), "The Iranian foreign ministry spokesman", "IRNGOV"),
    ("Security forces in Bahrain dispersed the crowd.", D(2011, 3, 16), "Security forces in Bahrain", "BHRCOP"),
    ("Iraq's national security adviser flew to Tehran.", D(2019, 2, 1), "Iraq's national security adviser", "IRQGOV"),
    # --- "<noun> in|from <state or place>" -------------------------------------------------
    ("Rebels in Chad seized a border town.", D(2008, 2, 2), "Rebels in Chad", "TCDREB"),
    ("Protesters in Cairo marched on the ministry.", D(2011, 1, 28), "Protesters in Cairo", "EGYOPP"),
    ("A court in Nairobi ordered the release of the activist.", D(2020, 6, 1), "A court in Nairobi", "KENJUD"),
    ("Troops from Nepal joined the mission in Lebanon.", D(2007, 3, 1), "Troops from Nepal", "NPLMIL"),
    ("Refugees from war-torn Somalia reached the coast.", D(2009, 3, 1), "Refugees from war-torn Somalia", "SOMREF"),
    ("Opposition groups in Togo called a general strike.", D(2017, 9, 6), "Opposition groups in Togo", "TGOOPP"),
    ("Exiled dissidents from military-ruled Burma met the senator.", D(2008, 8, 6), "Exiled dissidents from military-ruled Burma", "MMROPP"),
    ("Rebels in the Central African Republic took the town.", D(2013, 3, 24), "Rebels in the Central African Republic", "CAFREB"),
    # --- "<institution> of <person>" -------------------------------------------------------
    ("The military government of President Prosper Avril suspended the constitution.", D(1989, 4, 2),
     "The military government of President Prosper Avril", "HTIGOV"),
    # --- places that name their state ------------------------------------------------------
    ("Darfur rebels attacked a police station.", D(2007, 9, 30), "Darfur rebels", "SDNREB"),
    ("Donbas separatists shelled the village.", D(2015, 1, 20), "Donbas separatists", "UKRREB"),
    ("Chechen rebels ambushed a convoy near Grozny.", D(2000, 6, 1), "Chechen rebels", "RUSREB"),
    ("Tibetan protesters gathered outside the consulate.", D(2008, 3, 20), "Tibetan protesters", "CHNOPP"),
    ("South Ossetian separatists fired on the villages.", D(2008, 8, 6), "South Ossetian separatists", "GEOREB"),
    ("Basque separatists claimed the bombing.", D(1997, 7, 14), "Basque separatists", "ESPREB"),
    # --- people named by their ethnicity who live in another state ------------------------
    ("The Albanians of southern Serbia demanded more autonomy.", D(2001, 2, 1), "Albanians of southern Serbia", "SRBCVL"),
    ("Ethnic Russians in Latvia protested the language law.", D(2004, 2, 5), "Russians in Latvia", "LVACVL"),
    # --- an international organisation's people --------------------------------------------
    ("UN peacekeepers withdrew from the buffer zone.", D(2014, 9, 15), "UN peacekeepers", "IGOUNOMIL"),
    ("NATO troops patrolled the main road.", D(2009, 5, 1), "NATO troops", "IGOWSTNATMIL"),
    ("African Union troops secured the airport.", D(2012, 8, 1), "African Union troops", "IGOAFRAFUMIL"),
    ("EU officials criticised the verdict.", D(2017, 6, 1), "EU officials", "IGOEUREEC"),
    # --- office holders and groups added for states outside the G20 -------------------------
    ("President Laurent Gbagbo addressed the nation on television.", D(2005, 11, 1), "Laurent Gbagbo", "CIVGOV"),
    ("Paul Kagame received the envoy in Kigali.", D(2012, 7, 1), "Paul Kagame", "RWAGOV"),
    ("Michel Suleiman called for national dialogue.", D(2010, 3, 1), "Michel Suleiman", "LBNGOV"),
    ("Levy Mwanawasa dissolved the cabinet.", D(2005, 5, 1), "Levy Mwanawasa", "ZMBGOV"),
    ("Idi Amin expelled the Asian minority.", D(1972, 8, 4), "Idi Amin", "UGAGOV"),
    ("Amr Moussa urged the parties to return to talks.", D(2006, 7, 20), "Amr Moussa", "IGOARBALF"),
    ("UNITA fighters attacked a diamond mine.", D(1998, 12, 1), "UNITA", "AGOREB"),
    ("UNITA won seats in the provincial assembly.", D(2008, 9, 10), "UNITA", "AGOPTY"),
    ("The Rwandan Patriotic Front advanced on the capital.", D(1994, 6, 1), "Rwandan Patriotic Front", "RWAREB"),
    ("The Rwandan Patriotic Front won the election.", D(2013, 9, 18), "Rwandan Patriotic Front", "RWAPTY"),
    ("The International Labour Organization criticised the law.", D(2015, 6, 1), "International Labour Organization", "IGOUNOILO"),
    # --- a titled person not in the data takes the one state the sentence names as an actor ---
    ("Prime Minister Tomasi Navua met the Fijian opposition leaders.", D(2001, 3, 1), "Tomasi Navua", "FJIGOV"),
    ("Judge Ana Herrera charged twelve Bolivian police officers.", D(2009, 5, 1), "Ana Herrera", "BOLJUD"),
    ("The US vice president toured the flooded areas.", D(2006, 6, 1), "The US vice president", "USAGOV"),
    ("Speaker John Boehner rejected the budget.", D(2013, 10, 1), "John Boehner", "USALEG"),
    ("Navi Pillay called for an inquiry.", D(2011, 3, 1), "Navi Pillay", "IGOUNO"),
    ("Fatou Bensouda opened a preliminary examination.", D(2015, 1, 16), "Fatou Bensouda", "IGOJUDICC"),
    ("The Transitional National Council (TNC) named a new cabinet.", D(2011, 9, 1), "TNC", "LBYREB"),
    # --- persons the text calls former office holders are elites (ELI) --------------------
    ("Prosecutors questioned former president Carlos Menem on Monday.", D(2001, 6, 7), "Carlos Menem", "ARGELI"),
    ("The ex-president Pervez Musharraf returned to Karachi.", D(2013, 3, 24), "Pervez Musharraf", "PAKELI"),
    ("Former Japanese Prime Minister Yukio Hatoyama visited Crimea.", D(2015, 3, 10), "Yukio Hatoyama", "JPNELI"),
    ("Former president Ana Quiroga Salas criticised the reform.", D(2015, 3, 10), "Ana Quiroga Salas", None),
    # ... unless they hold another office at the date
    ("Former President Vladimir Putin chaired the cabinet meeting.", D(2010, 6, 1), "Vladimir Putin", "RUSGOV"),
    # --- misspelt full names of known persons -----------------------------------------------
    ("Francois Mitterand welcomed the German chancellor.", D(1990, 1, 4), "Francois Mitterand", "FRAGOV"),
    ("President Laurent Gbago appealed for calm.", D(2003, 1, 5), "Laurent Gbago", "CIVGOV"),
]


@pytest.mark.parametrize(("text", "when", "phrase", "cameo"), CODE_CASES,
                         ids=[f"{c[2]}@{c[1]}" for c in CODE_CASES])
def test_mention_has_cameo_code(nlp, db, text, when, phrase, cameo):
    mentions = resolve(nlp(text), when, db)
    m = _mention_for(mentions, text, phrase)
    assert m is not None, f"no mention for {phrase!r}; got {[x.text for x in mentions]}"
    assert m.actor.cameo == cameo, (m.text, m.actor)
    assert 0 < m.confidence <= 1


# (sentence, date, phrase that must NOT be resolved to the given CAMEO code)
NOT_CASES = [
    # people "in" a place who are usually foreign there
    ("Russian troops in Syria fired on the town.", D(2016, 2, 1), "Syria", "SYRMIL"),
    ("Journalists in Baghdad heard the blasts.", D(2004, 4, 1), "Journalists in Baghdad", "IRQMED"),
    ("The delegation in Geneva rejected the draft.", D(2019, 9, 1), "The delegation in Geneva", "CHEGOV"),
    ("Nepal opened an embassy in Tehran last year.", D(2016, 7, 1), "an embassy in Tehran", "IRNGOV"),
    ("Jewish settlers in the West Bank blocked the road.", D(2015, 7, 1), "settlers in the West Bank", "PSECVL"),
    # "from" a place that forces leave
    ("The United States speeded up the withdrawal of troops from Haiti.", D(1995, 3, 1), "troops from Haiti", "HTIMIL"),
    ("Moscow withdrew its forces from Georgia.", D(2008, 10, 9), "forces from Georgia", "GEOMIL"),
    # an adjective modifying another noun is not an actor
    ("The Japanese official visit was postponed.", D(2018, 1, 1), "Japanese official", "JPNGOV"),
    # the abbreviation of an unknown name is not a known person with the same initials
    ("The Regional Farmers Federation (AKK) rejected the plan.", D(2019, 5, 1), "AKK", "DEUGOV"),
]


@pytest.mark.parametrize(("text", "when", "phrase", "cameo"), NOT_CASES,
                         ids=[f"not-{c[3]}-{c[2]}" for c in NOT_CASES])
def test_mention_does_not_get_code(nlp, db, text, when, phrase, cameo):
    mentions = resolve(nlp(text), when, db)
    start = text.index(phrase)
    end = start + len(phrase)
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    assert all(m.actor.cameo != cameo for m in overlapping), [(m.text, m.actor) for m in overlapping]


@pytest.mark.parametrize("text", [
    "President Tomas Navua visited Portugal on Monday.",           # a place visited
    "President Tomas Navua met the Portuguese and Brazilian leaders.",  # two states
    "Tomas Navua met the Portuguese delegation.",                  # no title
])
def test_titled_new_person_without_one_state_stays_stateless(nlp, db, text):
    m = _mention_for(resolve(nlp(text), D(2001, 3, 1), db), text, "Tomas Navua")
    assert m is not None and m.method == "new" and m.actor.country is None


def test_former_holder_named_again_keeps_elite_code(nlp, db):
    text = "Former Japanese Prime Minister Yukio Hatoyama visited Crimea. Hatoyama met officials."
    mentions = resolve(nlp(text), D(2015, 3, 10), db)
    later = [m for m in mentions if m.text == "Hatoyama"]
    assert later and later[0].actor.cameo == "JPNELI"
    assert later[0].actor.role == "former_head_of_government"


def test_abbreviation_in_brackets_is_the_name_before_it(nlp, db):
    text = "The Liberian Farmers Union (LFU) rejected the tax, and the LFU called a strike."
    mentions = resolve(nlp(text), D(2012, 3, 1), db)
    name = _mention_for(mentions, text, "Liberian Farmers Union")
    abbr = [m for m in mentions if m.text == "LFU"]
    assert name is not None and name.actor.country == "LBR"
    assert abbr and abbr[0].actor == name.actor


def test_coordinated_state_adjectives_make_a_group(nlp, db):
    text = "US and British forces entered the port city."
    m = _mention_for(resolve(nlp(text), D(2003, 3, 25), db), text, "US and British forces")
    assert m.actor.kind == "group"
    assert set(group_members(m.actor)) == {"USA:MIL", "GBR:MIL"}


def test_new_person_described_as_an_organisation_official(nlp, db):
    text = "Maria Lindqvist, the United Nations envoy, arrived in Juba on Monday."
    m = _mention_for(resolve(nlp(text), D(2014, 1, 6), db), text, "Maria Lindqvist")
    assert m.method == "new" and m.actor.cameo == "IGOUNO" and m.actor.country is None


def test_unknown_near_name_stays_unknown(nlp, db):
    text = "Jonathan Smithers visited the refugee camp."
    m = _mention_for(resolve(nlp(text), D(2014, 1, 6), db), text, "Jonathan Smithers")
    assert m is None or m.method == "new"


@pytest.mark.parametrize(("country", "role", "when", "name"), [
    ("CIV", "hos", D(2005, 6, 1), "Laurent Gbagbo"),
    ("CIV", "hos", D(2015, 6, 1), "Alassane Ouattara"),
    ("LBN", "hos", D(2010, 6, 1), "Michel Suleiman"),
    ("LBN", "hos", D(2018, 6, 1), "Michel Aoun"),
    ("LBN", "hog", D(2006, 6, 1), "Fouad Siniora"),
    ("RWA", "hos", D(1993, 6, 1), "Juvénal Habyarimana"),
    ("RWA", "hos", D(2005, 6, 1), "Paul Kagame"),
    ("FRA", "hos", D(1990, 6, 1), "François Mitterrand"),
    ("FRA", "hog", D(1987, 6, 1), "Jacques Chirac"),
    ("GBR", "hog", D(1985, 6, 1), "Margaret Thatcher"),
    ("GBR", "hog", D(1995, 6, 1), "John Major"),
    ("DEU", "hog", D(1990, 6, 1), "Helmut Kohl"),
    ("JPN", "hog", D(1990, 6, 1), "Toshiki Kaifu"),
    ("JPN", "hos", D(1985, 6, 1), "Hirohito"),
    ("ISR", "hog", D(1994, 6, 1), "Yitzhak Rabin"),
    ("ISR", "hog", D(1997, 6, 1), "Benjamin Netanyahu"),
    ("QAT", "hos", D(2000, 6, 1), "Hamad bin Khalifa Al Thani"),
    ("ZMB", "hos", D(2005, 6, 1), "Levy Mwanawasa"),
    ("HTI", "hos", D(1989, 6, 1), "Prosper Avril"),
    ("KGZ", "hos", D(2000, 6, 1), "Askar Akayev"),
    ("SRB", "hos", D(1995, 6, 1), "Slobodan Milošević"),
    ("YUG", "hos", D(1999, 6, 1), "Slobodan Milošević"),
    ("ARABLEAGUE", "secretary_general", D(2005, 6, 1), "Amr Moussa"),
    ("USA", "vice_president", D(2006, 6, 1), "Dick Cheney"),
    ("IRN", "fm", D(2008, 6, 1), "Manouchehr Mottaki"),
    ("ISR", "dm", D(2015, 6, 1), "Moshe Ya'alon"),
    ("SYR", "fm", D(2012, 6, 1), "Walid Muallem"),
    ("EGY", "fm", D(1995, 6, 1), "Amr Moussa"),
    ("USA", "vice_president", D(2012, 6, 1), "Joe Biden"),
    ("USA", "speaker", D(2020, 6, 1), "Nancy Pelosi"),
    ("UN", "secretary_general", D(1994, 6, 1), "Boutros Boutros-Ghali"),
    ("AGO", "hos", D(2000, 6, 1), "José Eduardo dos Santos"),
    ("GRC", "hog", D(1995, 6, 1), "Andreas Papandreou"),
    ("GRC", "hog", D(2010, 6, 1), "George Papandreou"),
])
def test_added_office_holder_at_date(db, country, role, when, name):
    holder = db.office_holder(country, role, when)
    assert holder is not None and holder.name == name


def test_former_holder_keeps_state_with_former_role(nlp, db):
    text = "Michel Aoun inspected the barracks."
    m = _mention_for(resolve(nlp(text), D(2024, 6, 1), db), text, "Michel Aoun")
    assert m.actor.actor_id == "person:michel_aoun"
    assert (m.actor.country, m.actor.role) == ("LBN", "former_head_of_state")


def test_no_holder_between_terms(db):
    # Lebanon had no president between Lahoud's and Suleiman's terms (Nov 2007 - May 2008)
    assert db.office_holder("LBN", "hos", D(2008, 1, 15)) is None
    # nor between Aoun's and Joseph Aoun's (Nov 2022 - Jan 2025)
    assert db.office_holder("LBN", "hos", D(2023, 6, 1)) is None


@pytest.mark.parametrize(("text", "when", "expected_id", "sector"), [
    ("RUF", D(1999, 1, 1), "SLE:ruf", "REB"),
    ("SPLA", D(1995, 1, 1), "SDN:splm", "REB"),
    ("Islamic Salvation Front", D(1992, 1, 1), "DZA:fis", "OPP"),
    ("PLO", D(1988, 1, 1), "PSE:plo", "GOV"),
    ("NPFL", D(1992, 1, 1), "LBR:npfl", "REB"),
    ("Forces for the Defence of Democracy", D(2000, 1, 1), "BDI:cndd_fdd", "REB"),
    ("CNDD-FDD", D(2010, 1, 1), "BDI:cndd_fdd_party", "PTY"),
    ("Lord's Resistance Army", D(2005, 1, 1), "UGA:lra", "REB"),
    ("KLA", D(1998, 1, 1), "SRB:kla", "REB"),
    ("Red Crescent", D(2003, 12, 30), "IFRC", "NGO"),
    ("Common Market", D(1985, 1, 1), "EEC", "IGO"),
])
def test_added_groups_and_organisations(db, text, when, expected_id, sector):
    actor = lookup(text, when, db)
    assert actor is not None and actor.actor_id == expected_id and actor.sector == sector


def test_place_adjectives_name_existing_states(db):
    adjectives = db.place_adjectives
    assert adjectives["Chechen"] == "RUS" and adjectives["Catalan"] == "ESP"
    assert all(country in db.countries for country in adjectives.values())
    # a region's adjective is never also a state's adjective ("Georgian" is Georgia's)
    assert not set(adjectives) & set(db.adjectives)


@pytest.mark.parametrize(("text", "when", "expected"), [
    ("Rangoon", D(1990, 6, 1), "MMR:GOV"),      # the capital until November 2005
    ("Alma-Ata", D(1993, 6, 1), "KAZ:GOV"),
    ("Casa Rosada", D(2019, 6, 1), "ARG:GOV"),
    ("Farnesina", D(2019, 6, 1), "ITA:foreign_ministry"),
    ("Los Pinos", D(2010, 6, 1), "MEX:GOV"),
    ("Baabda", D(2019, 6, 1), "LBN:GOV"),
])
def test_added_seats_of_government(db, text, when, expected):
    actor = lookup(text, when, db)
    assert actor is not None and actor.actor_id == expected


def test_former_capital_is_not_the_government_after_the_move(nlp, db):
    text = "Rangoon rejected the criticism."
    assert not [m for m in resolve(nlp(text), D(2010, 6, 1), db) if m.actor.actor_id == "MMR:GOV"]
    assert [m for m in resolve(nlp(text), D(1990, 6, 1), db) if m.actor.actor_id == "MMR:GOV"]


def test_armed_group_periods_do_not_overlap(db):
    """A group that changed status has one entry per period; the periods meet, never overlap."""
    by_alias: dict[str, list] = {}
    for org in db.organisations.values():
        if org.valid_from or org.valid_to:
            for alias in org.aliases:
                by_alias.setdefault(alias, []).append(org)
    for alias, orgs in by_alias.items():
        orgs = sorted(orgs, key=lambda o: o.valid_from or D.min)
        for a, b in itertools.pairwise(orgs):
            assert a.valid_to is not None and b.valid_from is not None, alias
            assert a.valid_to <= b.valid_from, alias
