"""Content of the packaged actor data, the user override file, and malformed-file errors."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from importlib import resources

import pytest

from detente.actors import load_actor_db, lookup
from detente.actors.data import ROLE_CODES, fold
from detente.errors import ConfigError

D = dt.date

#: The 193 UN member states (ISO 3166-1 alpha-3), listed independently of the data file.
UN_MEMBERS = [
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR",
    "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR",
    "BFA", "BDI", "CPV", "KHM", "CMR", "CAN", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG",
    "COD", "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "DNK", "DJI", "DMA", "DOM", "ECU", "EGY",
    "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO", "DEU",
    "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND", "IDN",
    "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "KWT", "KGZ",
    "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS", "MDV",
    "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MDA", "MCO", "MNG", "MNE", "MAR", "MOZ",
    "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "PRK", "MKD", "NOR", "OMN",
    "PAK", "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "ROU", "RUS",
    "RWA", "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP",
    "SVK", "SVN", "SLB", "SOM", "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR",
    "TJK", "TZA", "THA", "TLS", "TGO", "TON", "TTO", "TUN", "TUR", "TKM", "TUV", "UGA", "UKR",
    "ARE", "GBR", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB", "ZWE",
]
G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
       "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"]


@pytest.fixture(scope="module")
def db():
    return load_actor_db()


def test_all_un_members_present(db):
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    members = {c.iso3 for c in db.countries.values() if c.status == "un_member"}
    assert members == set(UN_MEMBERS)


@pytest.mark.parametrize(("cid", "valid_to"), [
    ("SUN", D(1991, 12, 26)), ("YUG", D(2006, 6, 3)), ("CSK", D(1992, 12, 31)),
    ("DDR", D(1990, 10, 3)), ("FRG", D(1990, 10, 3)), ("RUS-EMP", D(1917, 9, 14)),
    ("JPN-EMP", D(1947, 5, 3)),
])
def test_historical_states_have_end_dates(db, cid, valid_to):
    c = db.countries[cid]
    assert c.status == "historical" and c.valid_to == valid_to
    assert c.valid_from is not None and c.valid_from < c.valid_to


def test_every_state_has_names_adjectives_and_a_capital(db):
    for c in db.countries.values():
        assert c.name and c.adjectives, c.id
        if c.status == "un_member":
            assert c.capitals, c.id
            assert c.leader in ("head_of_state", "head_of_government")


@pytest.mark.parametrize(("word", "country"), [
    ("Japanese", "JPN"), ("Russian", "RUS"), ("Russo", "RUS"), ("Sino", "CHN"), ("Soviet", "SUN"),
    ("American", "USA"), ("British", "GBR"), ("South Korean", "KOR"), ("North Korean", "PRK"),
    ("Chinese", "CHN"), ("Ukrainian", "UKR"), ("Saudi", "SAU"), ("Emirati", "ARE"),
])
def test_adjectives_and_combining_forms(db, word, country):
    assert db.adjectives[word] == country


def test_office_terms_do_not_overlap_and_are_ordered(db):
    by_office = defaultdict(list)
    for t in db.terms:
        assert t.end is None or t.start < t.end, t
        by_office[(t.office, t.role)].append(t)
    for terms in by_office.values():
        terms.sort(key=lambda t: t.start)
        for a, b in itertools.pairwise(terms):
            assert a.end is not None and a.end <= b.start, (a, b)


@pytest.mark.parametrize("country", G20)
@pytest.mark.parametrize("role", ["head_of_state", "head_of_government", "foreign_minister",
                                  "defence_minister"])
def test_g20_offices_are_covered_2000_2025(db, country, role):
    """At least one holder of each office in every year 2000-2025 (mid-year)."""
    for year in range(2000, 2026):
        when = D(year, 7, 15)
        holder = db.office_holder(country, role, when)
        if holder is None and (country, role, year) in _KNOWN_GAPS:
            continue
        assert holder is not None, (country, role, year)
        # the British monarch is also head of state of Canada and Australia
        assert holder.country == country or (role == "head_of_state" and holder.country == "GBR")


#: Offices vacant or held by a short-lived interim at mid-year (not listed in the data).
_KNOWN_GAPS = {("ARG", "defence_minister", 2002), ("KOR", "defence_minister", 2025),
               ("ITA", "foreign_minister", 2002)}


@pytest.mark.parametrize(("country", "role", "when", "name"), [
    ("JPN", "fm", D(2016, 5, 3), "Fumio Kishida"),
    ("JPN", "fm", D(2018, 6, 14), "Taro Kono"),
    ("RUS", "hos", D(2010, 6, 1), "Dmitry Medvedev"),
    ("RUS", "hos", D(2013, 6, 1), "Vladimir Putin"),
    ("RUS", "hog", D(2010, 6, 1), "Vladimir Putin"),
    ("RUS", "fm", D(2016, 5, 3), "Sergey Lavrov"),
    ("USA", "hos", D(2018, 9, 17), "Donald Trump"),
    ("USA", "hog", D(2014, 2, 12), "Barack Obama"),  # the president heads the government
    ("CHN", "hos", D(2014, 2, 12), "Xi Jinping"),
    ("GBR", "hog", D(2022, 10, 1), "Liz Truss"),
    ("TUR", "hog", D(2020, 1, 1), "Recep Tayyip Erdoğan"),  # office abolished in 2018
    ("DEU", "hog", D(2010, 1, 1), "Angela Merkel"),
    ("IND", "hog", D(2010, 1, 1), "Manmohan Singh"),
    ("JPN", "hos", D(2020, 1, 1), "Naruhito"),
    ("UN", "secretary_general", D(2010, 1, 1), "Ban Ki-moon"),
])
def test_office_holder_at_date(db, country, role, when, name):
    assert db.office_holder(country, role, when).name == name


def test_counts_are_reported(db):
    counts = db.counts()
    assert counts["un_members"] == 193
    assert counts["office_terms"] >= 500
    assert counts["persons"] >= 400
    assert counts["actors"] == len(db.actors)
    assert set(ROLE_CODES.values()) <= {t.role for t in db.terms}


def test_igo_codes(db):
    codes = {oid: db.actors[oid].cameo for oid in ("UN", "UNSC", "NATO", "EU", "IAEA", "ASEAN")}
    assert codes == {"UN": "IGOUNO", "UNSC": "IGOUNO", "NATO": "IGOWSTNAT", "EU": "IGOEUREEC",
                     "IAEA": "IGOUNOIAE", "ASEAN": "IGOSEAASN"}
    for oid in ("G7", "G20", "SCO", "APEC", "BRICS", "WTO", "IMF", "OPEC", "AU", "OSCE"):
        a = db.actors[oid]
        assert a.kind == "igo" and a.cameo.startswith("IGO"), oid


def test_every_data_file_has_a_version_and_format_header():
    folder = resources.files("detente") / "data" / "actors"
    names = [p.name for p in folder.iterdir() if p.name.endswith((".tsv", ".yaml"))]
    assert len(names) >= 6
    for name in names:
        head = (folder / name).read_text(encoding="utf-8").splitlines()[:4]
        assert head[0].startswith("# detente actor data"), name
        assert any(line.startswith("# version:") for line in head), name


@pytest.mark.parametrize(("text", "when", "expected"), [
    ("the Japanese foreign minister", D(2016, 6, 1), "person:fumio_kishida"),
    ("the Japanese foreign minister", D(2018, 6, 1), "person:taro_kono"),
    ("the Russian president", D(2010, 6, 1), "person:dmitry_medvedev"),
    ("the Russian president", D(2013, 6, 1), "person:vladimir_putin"),
    ("Russia's top diplomat", D(2018, 6, 1), "person:sergey_lavrov"),
    ("President of Russia", D(2018, 6, 1), "person:vladimir_putin"),
    ("Mr. Abe", D(2018, 6, 1), "person:shinzo_abe"),
    ("Tokyo", D(2018, 6, 1), "JPN:GOV"),
    ("the Kremlin", D(2018, 6, 1), "RUS:GOV"),
    ("the Kremlin", D(1980, 6, 1), "SUN:GOV"),
    ("Kyiv", D(2023, 6, 1), "UKR:GOV"),
    ("Kiev", D(2014, 6, 1), "UKR:GOV"),
    ("Foggy Bottom", D(2018, 6, 1), "USA:foreign_ministry"),
    ("Nagatacho", D(2018, 6, 1), "JPN:GOV"),
    ("Japanese businesspersons", D(2018, 6, 1), "JPN:BUS"),
    ("Japan's media", D(2018, 6, 1), "JPN:MED"),
    ("the Bundestag", D(2018, 6, 1), "DEU:parliament"),
    ("Rosneft", D(2018, 6, 1), "RUS:rosneft"),
    ("G20", D(2018, 6, 1), "G20"),
    ("U.N. Security Council", D(2018, 6, 1), "UNSC"),
    ("Soviet Union", D(1980, 6, 1), "SUN"),
])
def test_lookup(db, text, when, expected):
    actor = lookup(text, when, db)
    assert actor is not None and actor.actor_id == expected


def test_lookup_unknown_is_none(db):
    assert lookup("the Atlantean foreign minister", D(2018, 1, 1), db) is None
    assert lookup("", None, db) is None


# --------------------------------------------------------------------------- user file


def test_user_file_adds_and_overrides(tmp_path, db):
    user = tmp_path / "actors.yaml"
    user.write_text(
        "version: 1\n"
        "office_terms:\n"
        "  - {office: JPN, role: chief_of_staff_sdf, start: 2014-10-14, end: 2019-04-01,\n"
        "     name: Katsutoshi Kawano, aliases: [Admiral Kawano]}\n"
        "organisations:\n"
        "  - {id: RUS:gazprom, name: Gazprom PJSC}\n"
        "  - {id: JPN:jogmec, name: JOGMEC, country: JPN, sector: GOV, role: state_agency,\n"
        "     aliases: [JOGMEC]}\n"
        "metonyms:\n"
        "  - {term: Ichigaya Heights, target: JPN:defence_ministry}\n",
        encoding="utf-8")
    custom = load_actor_db(user)
    kawano = lookup("Kawano", D(2018, 9, 1), custom)
    assert kawano is not None and kawano.actor_id == "person:katsutoshi_kawano"
    assert (kawano.country, kawano.role) == ("JPN", "chief_of_staff_sdf")
    assert custom.actors["RUS:gazprom"].name == "Gazprom PJSC"
    assert custom.actors["RUS:gazprom"].sector == "BUS"  # fields it does not name are kept
    assert lookup("JOGMEC", None, custom).actor_id == "JPN:jogmec"
    assert lookup("Ichigaya Heights", None, custom).actor_id == "JPN:defence_ministry"
    # the packaged data is untouched
    assert lookup("Kawano", D(2018, 9, 1), db) is None
    assert db.actors["RUS:gazprom"].name == "Gazprom"
    assert load_actor_db() is db


def test_user_term_replaces_packaged_term(tmp_path):
    user = tmp_path / "actors.yaml"
    user.write_text("version: 1\noffice_terms:\n"
                    "  - {office: JPN, role: fm, start: 2017-08-03, end: 2019-09-11, "
                    "name: Test Minister}\n", encoding="utf-8")
    custom = load_actor_db(user)
    assert custom.office_holder("JPN", "fm", D(2018, 6, 1)).name == "Test Minister"


@pytest.mark.parametrize(("body", "line", "problem"), [
    ("version: 1\noffice_terms:\n  - {office: JPN, role: fm, start: 2017-13-45, name: X}\n",
     3, "ISO date"),
    ("version: 1\norganisations:\n  - {id: X1, name: X}\n  - {id: X2, name: Y, sector: ZZZ}\n",
     4, "sector"),
    ("version: 1\nbogus: []\n", 1, "unknown section"),
    ("version: 1\noffice_terms:\n  - {office: JPN, role: fm, start: 2018-01-01, name: A B}\n",
     3, "overlaps"),
    ("version: 1\noffice_terms:\n  - {office: ATLANTIS, role: fm, start: 2018-01-01, name: A}\n",
     3, "unknown office"),
    ("version: 1\norganisations:\n  - {id: X1, name: [unclosed\n", 3, "YAML"),
    ("organisations: []\n", 1, "version"),
])
def test_malformed_user_file_names_file_and_line(tmp_path, body, line, problem):
    user = tmp_path / "bad.yaml"
    user.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_actor_db(user)
    assert err.value.file == str(user)
    assert err.value.line == line
    assert problem in str(err.value)
    assert f"{user}:{line}:" in str(err.value)


def test_fold_is_case_accent_and_article_insensitive():
    assert fold("The Élysée") == fold("elysee") == "elysee"


# --------------------------------------------------------------------------- TSV validation


@pytest.mark.parametrize(("body", "line", "problem"), [
    ("# version: 1\noffice\trole\tstart\tend\tname\nJPN\tfm\t2018-02-30\t\tA B\n", 3, "ISO date"),
    ("# version: 1\noffice\trole\tstart\tend\tname\nJPN\tfm\t2018-02-01\t2017-01-01\tA B\n", 3,
     "not after start"),
    ("# version: 1\noffice\trole\tstart\tend\tname\nJPN\tFM!\t2018-02-01\t\tA B\n", 3, "snake_case"),
    ("# version: 1\noffice\trole\tstart\tend\tname\nJPN\tfm\t2018-02-01\t\tA B\tx\ty\tz\n", 3,
     "cells"),
    ("# version: 1\noffice\trole\tname\n", 2, "header lacks"),
    ("office\trole\tstart\tend\tname\n", 1, "version"),
])
def test_malformed_tsv_names_file_and_line(body, line, problem):
    from detente.actors.data import ActorDB, _add_term, _read_tsv

    with pytest.raises(ConfigError) as err:
        _, rows = _read_tsv(body, "terms.tsv", ("office", "role", "start", "end", "name"))
        for n, row in rows:
            _add_term(ActorDB(), row, "terms.tsv", n)
    assert (err.value.file, err.value.line) == ("terms.tsv", line)
    assert problem in str(err.value)


def test_lookup_never_raises_on_arbitrary_text(db):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=40), st.one_of(st.none(), st.dates()))
    def check(text, when):
        actor = lookup(text, when, db)
        assert actor is None or actor.actor_id

    check()
