"""Mention -> actor resolution on sentences written for these tests (several states and years)."""

from __future__ import annotations

import datetime as dt

import pytest
from actor_test_helpers import mention_for as _mention_for

from detente.actors import group_members, resolve

D = dt.date

# (sentence, article date, text of the mention, expected actor id)
CASES = [
    # --- full names, surnames and titles -------------------------------------------------
    ("Prime Minister Shinzo Abe flew to Moscow on Monday.", D(2016, 5, 6), "Shinzo Abe", "person:shinzo_abe"),
    ("Mr. Abe told reporters the talks had been frank.", D(2018, 5, 27), "Abe", "person:shinzo_abe"),
    ("Putin rejected the proposal on Tuesday.", D(2013, 4, 2), "Putin", "person:vladimir_putin"),
    ("Medvedev visited Kunashir, angering Tokyo.", D(2010, 11, 1), "Medvedev", "person:dmitry_medvedev"),
    ("Lavrov said the sanctions were counterproductive.", D(2015, 3, 1), "Lavrov", "person:sergey_lavrov"),
    ("Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing.", D(2019, 7, 1), "Wang Yi", "person:wang_yi"),
    ("Kishida met the Russian ambassador on Friday.", D(2016, 3, 4), "Kishida", "person:fumio_kishida"),
    ("Kishida pledged to raise defence spending.", D(2022, 12, 16), "Kishida", "person:fumio_kishida"),
    ("Kono protested the deployment of missiles on the islands.", D(2018, 2, 8), "Kono", "person:taro_kono"),
    ("Xi Jinping hosted the summit in Qingdao.", D(2018, 6, 9), "Xi Jinping", "person:xi_jinping"),
    ("Hu Jintao received the delegation.", D(2008, 5, 7), "Hu Jintao", "person:hu_jintao"),
    ("Obama imposed new sanctions on Moscow.", D(2014, 3, 17), "Obama", "person:barack_obama"),
    ("Trump threatened tariffs on Japanese cars.", D(2018, 5, 24), "Trump", "person:donald_trump"),
    ("Trump announced new tariffs on steel.", D(2025, 3, 12), "Trump", "person:donald_trump"),
    ("Biden spoke with Kishida by phone.", D(2022, 3, 1), "Biden", "person:joe_biden"),
    ("Yeltsin visited Tokyo in October 1993.", D(1993, 10, 12), "Yeltsin", "person:boris_yeltsin"),
    ("Gorbachev arrived in Japan for the first visit by a Soviet leader.", D(1991, 4, 16), "Gorbachev", "person:mikhail_gorbachev"),
    ("Merkel urged restraint after the annexation.", D(2014, 3, 3), "Merkel", "person:angela_merkel"),
    ("Macron called for a ceasefire.", D(2023, 10, 24), "Macron", "person:emmanuel_macron"),
    ("Erdogan warned Sweden over its NATO bid.", D(2022, 6, 1), "Erdogan", "person:recep_tayyip_erdogan"),
    ("Modi and Abe signed a nuclear deal.", D(2016, 11, 11), "Modi", "person:narendra_modi"),
    ("Moon Jae-in met Kim Jong Un at Panmunjom.", D(2018, 4, 27), "Moon Jae-in", "person:moon_jae_in"),
    ("Moon Jae-in met Kim Jong Un at Panmunjom.", D(2018, 4, 27), "Kim Jong Un", "person:kim_jong_un"),
    ("Blinken flew to Kyiv for talks.", D(2023, 9, 6), "Blinken", "person:antony_blinken"),
    ("Hillary Clinton criticised the vote.", D(2011, 12, 6), "Hillary Clinton", "person:hillary_clinton"),
    ("Shoigu inspected troops near the border.", D(2021, 4, 20), "Shoigu", "person:sergei_shoigu"),
    ("General Valery Gerasimov visited Tokyo.", D(2017, 12, 20), "Valery Gerasimov", "person:valery_gerasimov"),
    ("Koizumi visited Pyongyang in a surprise move.", D(2002, 9, 17), "Koizumi", "person:junichiro_koizumi"),
    ("Koizumi became the youngest defence minister.", D(2025, 11, 1), "Koizumi", "person:shinjiro_koizumi"),
    ("Bush met Putin in Slovenia.", D(2001, 6, 16), "Bush", "person:george_w_bush"),
    ("Guterres called the attack unacceptable.", D(2022, 4, 5), "Guterres", "person:antonio_guterres"),
    ("Stoltenberg said NATO would not send troops.", D(2022, 3, 1), "Stoltenberg", "person:jens_stoltenberg"),
    ("Lula visited Beijing to sign trade deals.", D(2023, 4, 14), "Lula", "person:luiz_inacio_lula_da_silva"),
    ("Zelensky addressed the Diet by video.", D(2022, 3, 23), "Zelensky", "person:volodymyr_zelensky"),
    # --- role descriptions resolved through office terms at the date ----------------------
    ("The Japanese foreign minister visited Moscow.", D(2016, 4, 15), "The Japanese foreign minister", "person:fumio_kishida"),
    ("The Japanese foreign minister visited Moscow.", D(2018, 3, 21), "The Japanese foreign minister", "person:taro_kono"),
    ("The Japanese foreign minister visited Moscow.", D(2020, 1, 10), "The Japanese foreign minister", "person:toshimitsu_motegi"),
    ("The Russian president arrived in Sochi.", D(2010, 8, 1), "The Russian president", "person:dmitry_medvedev"),
    ("The Russian president arrived in Sochi.", D(2013, 8, 1), "The Russian president", "person:vladimir_putin"),
    ("The Russian president arrived in Sochi.", D(1995, 8, 1), "The Russian president", "person:boris_yeltsin"),
    ("The Russian prime minister chaired the meeting.", D(2010, 8, 1), "The Russian prime minister", "person:vladimir_putin"),
    ("The Japanese premier called for calm.", D(2019, 6, 1), "The Japanese premier", "person:shinzo_abe"),
    ("The Japanese premier called for calm.", D(2024, 1, 5), "The Japanese premier", "person:fumio_kishida"),
    ("The Chinese premier opened the congress.", D(2015, 3, 5), "The Chinese premier", "person:li_keqiang"),
    ("The Chinese leader met his Russian counterpart.", D(2019, 6, 5), "The Chinese leader", "person:xi_jinping"),
    ("The Russian leader spoke for three hours.", D(2017, 6, 15), "The Russian leader", "person:vladimir_putin"),
    ("The Japanese leader laid a wreath.", D(2016, 12, 27), "The Japanese leader", "person:shinzo_abe"),
    ("Russia's top diplomat arrived in Tokyo.", D(2016, 4, 15), "Russia's top diplomat", "person:sergey_lavrov"),
    ("Russia's top diplomat arrived in Tokyo.", D(2003, 4, 15), "Russia's top diplomat", "person:igor_ivanov"),
    ("The US secretary of state flew to Seoul.", D(2018, 6, 14), "The US secretary of state", "person:mike_pompeo"),
    ("The US president signed the bill.", D(2010, 3, 23), "The US president", "person:barack_obama"),
    ("The British prime minister resigned.", D(2019, 5, 24), "The British prime minister", "person:theresa_may"),
    ("The German chancellor visited Beijing.", D(2019, 9, 6), "The German chancellor", "person:angela_merkel"),
    ("The German chancellor visited Beijing.", D(2022, 11, 4), "The German chancellor", "person:olaf_scholz"),
    ("The French president hosted the talks.", D(2015, 2, 7), "The French president", "person:francois_hollande"),
    ("The Indian prime minister arrived in Tokyo.", D(2014, 8, 30), "The Indian prime minister", "person:narendra_modi"),
    ("The South Korean president visited Tokyo.", D(2023, 3, 16), "The South Korean president", "person:yoon_suk_yeol"),
    ("The Turkish prime minister criticised the EU.", D(2012, 6, 1), "The Turkish prime minister", "person:recep_tayyip_erdogan"),
    ("The Japanese defence minister inspected the base.", D(2015, 6, 1), "The Japanese defence minister", "person:gen_nakatani"),
    ("Russia's defence minister inspected the Pacific Fleet.", D(2019, 6, 1), "Russia's defence minister", "person:sergei_shoigu"),
    ("The Australian foreign minister called for an inquiry.", D(2020, 4, 19), "The Australian foreign minister", "person:marise_payne"),
    ("The Brazilian president addressed the summit.", D(2020, 11, 17), "The Brazilian president", "person:jair_bolsonaro"),
    ("The Saudi king received the delegation.", D(2017, 5, 20), "The Saudi king", "person:salman_bin_abdulaziz"),
    ("The President of Russia noted the progress.", D(2018, 5, 26), "The President of Russia", "person:vladimir_putin"),
    ("The Prime Minister of Japan arrived in Sochi.", D(2016, 5, 6), "The Prime Minister of Japan", "person:shinzo_abe"),
    ("The UN secretary-general urged restraint.", D(2012, 7, 1), "The UN secretary-general", "person:ban_ki_moon"),
    # --- metonyms, states, institutions and groups ----------------------------------------
    ("Tokyo responded cautiously to the offer.", D(2018, 9, 17), "Tokyo", "JPN:GOV"),
    ("The Kremlin denied the report.", D(2019, 1, 10), "Kremlin", "RUS:GOV"),
    ("Moscow expelled two diplomats.", D(2018, 3, 30), "Moscow", "RUS:GOV"),
    ("The Kremlin rejected the ultimatum.", D(1985, 6, 1), "Kremlin", "SUN:GOV"),
    ("Washington imposed sanctions on the company.", D(2019, 5, 15), "Washington", "USA:GOV"),
    ("The White House said the call was productive.", D(2021, 7, 1), "White House", "USA:GOV"),
    ("Beijing protested the visit.", D(2016, 8, 1), "Beijing", "CHN:GOV"),
    ("Seoul recalled its ambassador.", D(2019, 8, 2), "Seoul", "KOR:GOV"),
    ("Pyongyang fired two missiles.", D(2017, 8, 29), "Pyongyang", "PRK:GOV"),
    ("Kyiv rejected the proposal.", D(2023, 2, 1), "Kyiv", "UKR:GOV"),
    ("Downing Street declined to comment.", D(2018, 3, 14), "Downing Street", "GBR:GOV"),
    ("The Pentagon announced a new aid package.", D(2023, 5, 1), "Pentagon", "USA:defence_ministry"),
    ("The State Department criticised the vote.", D(2016, 6, 1), "State Department", "USA:foreign_ministry"),
    ("Brussels approved the sanctions package.", D(2022, 6, 3), "Brussels", "EU"),
    ("The Diet passed the security bills.", D(2015, 9, 19), "Diet", "JPN:parliament"),
    ("The Duma ratified the treaty.", D(2010, 12, 24), "Duma", "RUS:lower_house"),
    ("Gazprom cut gas supplies to Ukraine.", D(2009, 1, 7), "Gazprom", "RUS:gazprom"),
    ("The Self-Defense Forces joined the drill.", D(2017, 11, 1), "Self-Defense Forces", "JPN:MIL"),
    ("The People's Liberation Army held exercises.", D(2022, 8, 4), "People's Liberation Army", "CHN:MIL"),
    ("NATO suspended cooperation with Russia.", D(2014, 4, 1), "NATO", "NATO"),
    ("The UN Security Council met on Friday.", D(2017, 9, 15), "UN Security Council", "UNSC"),
    ("The IAEA inspectors left the country.", D(2009, 4, 16), "IAEA", "IAEA"),
    ("ASEAN foreign ministers met in Manila.", D(2017, 8, 5), "ASEAN", "ASEAN"),
    ("The Russian Foreign Ministry summoned the envoy.", D(2018, 3, 26), "The Russian Foreign Ministry", "RUS:foreign_ministry"),
    ("Japanese businesspersons toured the islands.", D(2018, 6, 28), "Japanese businesspersons", "JPN:BUS"),
    ("Japan's media were disappointed with the summit.", D(2018, 6, 1), "Japan's media", "JPN:MED"),
    ("Russian officials denied the claim.", D(2016, 5, 1), "Russian officials", "RUS:GOV"),
    ("The Japanese government lodged a protest.", D(2016, 11, 1), "The Japanese government", "JPN:GOV"),
    ("The Chinese military held drills near Taiwan.", D(2022, 8, 5), "The Chinese military", "CHN:MIL"),
    ("Japan lodged a protest with Russia.", D(2016, 11, 1), "Japan", "JPN"),
    ("Japan lodged a protest with Russia.", D(2016, 11, 1), "Russia", "RUS"),
    ("The Soviet Union seized the islands in 1945.", D(2016, 1, 1), "Soviet Union", "SUN"),
    ("Russians queued to vote.", D(2018, 3, 18), "Russians", "RUS"),
    # --- more states and offices ------------------------------------------------------------
    ("Chinese Foreign Minister Wang Yi warned Tokyo against interference.", D(2021,5,1), "Wang Yi", "person:wang_yi"),
    ("Chinese Foreign Minister Wang Yi warned Tokyo against interference.", D(2021,5,1), "Tokyo", "JPN:GOV"),
    ("Seoul and Tokyo agreed to restore intelligence sharing.", D(2023,3,16), "Seoul", "KOR:GOV"),
    ("The Indonesian president met Xi on the sidelines.", D(2016,9,4), "The Indonesian president", "person:joko_widodo"),
    ("Canada's prime minister apologised for the remarks.", D(2019,1,1), "Canada's prime minister", "person:justin_trudeau"),
    ("Mexican President Andres Manuel Lopez Obrador criticised the tariffs.", D(2019,6,1), "Andres Manuel Lopez Obrador", "person:andres_manuel_lopez_obrador"),
    ("The Saudi crown prince met Biden in Jeddah.", D(2022,7,15), "Biden", "person:joe_biden"),
    ("Ankara summoned the Swedish ambassador.", D(2023,1,21), "Ankara", "TUR:GOV"),
    ("Turkish Foreign Minister Mevlut Cavusoglu flew to Moscow.", D(2017,1,1), "Mevlut Cavusoglu", "person:mevlut_cavusoglu"),
    ("The Australian prime minister announced the submarine deal.", D(2021,9,16), "The Australian prime minister", "person:scott_morrison"),
    ("Tehran rejected the European proposal.", D(2019,7,1), "Tehran", "IRN:GOV"),
    ("The Israeli prime minister addressed Congress.", D(2015,3,3), "The Israeli prime minister", "person:benjamin_netanyahu"),
    ("The Israeli prime minister addressed Congress.", D(2015,3,3), "Congress", "USA:parliament"),
    ("Mr. Putin and Mr. Xi signed a joint statement.", D(2019,6,5), "Xi", "person:xi_jinping"),
    ("The French foreign minister visited Tokyo.", D(2013,6,1), "The French foreign minister", "person:laurent_fabius"),
    ("Japan's defense minister, Itsunori Onodera, met his Russian counterpart.", D(2018,7,31), "Itsunori Onodera", "person:itsunori_onodera"),
    ("Berlin said it would send more tanks.", D(2023,3,1), "Berlin", "DEU:GOV"),
    ("Berlin said it would send more tanks.", D(2023,3,1), "it", "DEU:GOV"),
    ("The Italian prime minister resigned after losing the referendum.", D(2016,12,7), "The Italian prime minister", "person:matteo_renzi"),
    ("British Foreign Secretary Boris Johnson visited Moscow.", D(2017,12,22), "Boris Johnson", "person:boris_johnson"),
    ("The South African president hosted the BRICS summit.", D(2023,8,22), "The South African president", "person:cyril_ramaphosa"),
    ("The Japanese emperor visited Beijing.", D(1992,10,23), "The Japanese emperor", "person:akihito"),
    ("North Korean leader Kim Jong Un met Putin in Vladivostok.", D(2019,4,25), "Kim Jong Un", "person:kim_jong_un"),
    ("The Kremlin spokesman Dmitry Peskov denied the claim.", D(2020,9,1), "Dmitry Peskov", "person:dmitry_peskov"),
    ("Abe's government approved the budget.", D(2015,1,14), "Abe's government", "JPN:GOV"),
    ("The Chinese embassy in Tokyo lodged a complaint.", D(2020,1,1), "The Chinese embassy", "CHN:embassy"),
    ("Ukrainian President Petro Poroshenko signed the decree.", D(2015,1,1), "Petro Poroshenko", "person:petro_poroshenko"),
    ("The Brazilian foreign minister attended the G20.", D(2019,6,28), "The Brazilian foreign minister", "person:ernesto_araujo"),
    ("The Argentine president met the IMF chief.", D(2018,6,1), "The Argentine president", "person:mauricio_macri"),
    ("Riyadh cut oil production.", D(2020,4,1), "Riyadh", "SAU:GOV"),
    ("The Merkel government protested the annexation.", D(2014, 3, 18), "The Merkel government", "DEU:GOV"),
    ("The talks stalled when the Russian side rejected the draft.", D(2019, 1, 22), "the Russian side", "RUS:GOV"),
    # --- new actors from context -----------------------------------------------------------
    ("The head of Japan's Self-Defense Forces, Admiral Tetsuo Kanemura, will visit Russia.", D(2018, 9, 17), "Tetsuo Kanemura", "person:tetsuo_kanemura"),
]


@pytest.mark.parametrize(("text", "when", "phrase", "expected"), CASES,
                         ids=[f"{c[2]}@{c[1]}" for c in CASES])
def test_mention_resolves_to_actor(nlp, db, text, when, phrase, expected):
    mentions = resolve(nlp(text), when, db)
    m = _mention_for(mentions, text, phrase)
    assert m is not None, f"no mention for {phrase!r}; got {[x.text for x in mentions]}"
    assert m.actor.actor_id == expected, (m.text, m.actor)
    assert 0 < m.confidence <= 1
    assert m.sentence_index == 0


def test_mention_fields_are_complete(nlp, db):
    text = "Japanese Prime Minister Shinzo Abe met Russian President Vladimir Putin in Sochi."
    mentions = resolve(nlp(text), D(2016, 5, 6), db)
    abe = _mention_for(mentions, text, "Shinzo Abe")
    assert text[abe.start:abe.end] == abe.text
    assert (abe.actor.country, abe.actor.sector, abe.actor.role, abe.actor.cameo, abe.actor.kind) == (
        "JPN", "GOV", "head_of_government", "JPNGOV", "person")
    assert abe.method == "role"
    assert not any(m.text == "Sochi" for m in mentions)  # a place, not an actor


def test_new_actor_takes_state_and_sector_from_apposition(nlp, db):
    text = "The head of Japan's Self-Defense Forces, Admiral Tetsuo Kanemura, will visit Russia."
    m = _mention_for(resolve(nlp(text), D(2018, 9, 17), db), text, "Tetsuo Kanemura")
    assert (m.actor.country, m.actor.sector, m.actor.kind, m.method) == ("JPN", "MIL", "person", "new")
    assert m.actor.cameo == "JPNMIL"


def test_new_actor_with_title_and_state_adjective(nlp, db):
    text = "Mongolian President Khaltmaagiin Battulga also attended the forum."
    m = _mention_for(resolve(nlp(text), D(2018, 9, 12), db), text, "Battulga")
    assert (m.actor.country, m.actor.sector, m.actor.role) == ("MNG", "GOV", "head_of_state")


def test_surname_coreference_reuses_new_actor(nlp, db):
    text = ("Admiral Tetsuo Kanemura, chief of Japan's Self-Defense Forces, arrived on Monday. "
            "Kanemura met Russian officers the next day.")
    mentions = resolve(nlp(text), D(2019, 1, 1), db)
    first = _mention_for(mentions, text, "Tetsuo Kanemura")
    later = [m for m in mentions if m.text == "Kanemura"]
    assert later and later[0].actor == first.actor
    assert later[0].method == "coref" and later[0].sentence_index == 1


def test_title_coreference_to_the_last_holder(nlp, db):
    text = ("Shinzo Abe arrived in Moscow on Friday. The Prime Minister said the talks would "
            "be difficult.")
    mentions = resolve(nlp(text), D(2018, 5, 25), db)
    m = _mention_for(mentions, text, "The Prime Minister")
    assert m.actor.actor_id == "person:shinzo_abe" and m.method == "coref"


def test_two_leaders_is_a_group_of_both(nlp, db):
    text = ("Shinzo Abe met Vladimir Putin in Vladivostok. The two leaders agreed on a road map.")
    mentions = resolve(nlp(text), D(2018, 9, 10), db)
    m = _mention_for(mentions, text, "The two leaders")
    assert m.actor.kind == "group"
    assert set(group_members(m.actor)) == {"person:shinzo_abe", "person:vladimir_putin"}


def test_both_countries_is_a_group_of_states(nlp, db):
    text = "Japan and Russia signed eight documents. Both countries hailed the progress."
    m = _mention_for(resolve(nlp(text), D(2016, 12, 16), db), text, "Both countries")
    assert m.actor.kind == "group" and set(group_members(m.actor)) == {"JPN", "RUS"}


def test_pronoun_with_unambiguous_antecedent(nlp, db):
    text = "Putin spoke for an hour. He said the islands would stay Russian."
    mentions = resolve(nlp(text), D(2018, 9, 12), db)
    he = [m for m in mentions if m.text == "He"]
    assert he and he[0].actor.actor_id == "person:vladimir_putin" and he[0].method == "pronoun"


def test_its_refers_to_the_subject(nlp, db):
    text = "Tokyo responded by repeating its position on the dispute."
    mentions = resolve(nlp(text), D(2018, 9, 17), db)
    its = [m for m in mentions if m.text == "its"]
    assert its and its[0].actor.actor_id == "JPN:GOV"


def test_ambiguous_pronoun_is_left_alone(nlp, db):
    text = "Abe met Putin and Xi in Vladivostok. He said the talks were useful."
    mentions = resolve(nlp(text), D(2018, 9, 12), db)
    assert not [m for m in mentions if m.text == "He"]


def test_capital_used_as_a_place_is_not_an_actor(nlp, db):
    text = "The two ministers held talks in Moscow on Friday."
    mentions = resolve(nlp(text), D(2018, 3, 21), db)
    assert not [m for m in mentions if m.text == "Moscow"]


def test_former_office_is_not_resolved_to_the_current_holder(nlp, db):
    text = "A former Japanese prime minister criticised the deal."
    mentions = resolve(nlp(text), D(2018, 3, 21), db)
    assert not [m for m in mentions if m.actor.actor_id == "person:shinzo_abe"]


def test_resolution_accuracy_floor(nlp, db):
    """The measured accuracy over CASES (reported in the issue note); floors only move up."""
    right = 0
    for text, when, phrase, expected in CASES:
        m = _mention_for(resolve(nlp(text), when, db), text, phrase)
        right += bool(m and m.actor.actor_id == expected)
    assert right / len(CASES) >= 0.95


def test_other_ministers_are_the_government_not_the_foreign_minister(nlp, db):
    text = "Lavrov arrived on Monday. Japan's finance minister said the yen was stable."
    mentions = resolve(nlp(text), D(2016, 4, 15), db)
    m = _mention_for(mentions, text, "finance minister")
    assert m is not None and m.actor.actor_id == "JPN:GOV"
    assert not [x for x in mentions if x.sentence_index == 1 and x.actor.kind == "person"]


def test_capital_as_actor_is_a_metonym(nlp, db):
    text = "Tokyo protested, and the Kremlin said nothing."
    mentions = {m.text: m for m in resolve(nlp(text), D(2019, 2, 1), db)}
    assert mentions["Tokyo"].method == mentions["Kremlin"].method == "metonym"
    assert mentions["Tokyo"].actor.cameo == "JPNGOV"


def test_eu_foreign_policy_chief(nlp, db):
    text = "The EU foreign policy chief met Lavrov."
    m = _mention_for(resolve(nlp(text), D(2016, 4, 1), db), text, "EU foreign policy chief")
    assert m is not None and m.actor.actor_id == "person:federica_mogherini"
