"""The ontology data: CAMEO codes, Goldstein weights, PLOVER crosswalk, quad classes."""

from __future__ import annotations

import pytest

from detente.errors import ConfigError
from detente.events import load_ontology
from detente.events import ontology as ontology_module


@pytest.fixture(scope="module")
def ont():
    return load_ontology()


def test_every_cameo_root_and_base_code_is_listed(ont):
    roots = [c for c in ont.names if len(c) == 2]
    assert roots == [f"{n:02d}" for n in range(1, 21)]
    assert sum(1 for c in ont.names if len(c) == 3) == 147  # CAMEO 1.1b3 base codes
    assert sum(1 for c in ont.names if len(c) == 4) == 145


@pytest.mark.parametrize("code,name_part", [
    ("042", "visit"), ("043", "Host"), ("057", "agreement"), ("0841", "release"),
    ("163", "sanctions"), ("174", "deport"), ("195", "aerial"), ("2042", "nuclear"),
])
def test_names(ont, code, name_part):
    assert name_part.lower() in ont.name(code).lower()


@pytest.mark.parametrize("code,value", [
    ("010", 0.0), ("036", 4.0), ("040", 1.0), ("042", 1.9), ("043", 2.8), ("046", 7.0),
    ("057", 8.0), ("0841", 7.0), ("111", -2.0), ("120", -4.0), ("138", -7.0), ("163", -8.0),
    ("173", -5.0), ("190", -10.0), ("0874", 10.0),
])
def test_goldstein_values(ont, code, value):
    assert ont.goldstein(code) == value


def test_goldstein_covers_every_code_within_range(ont):
    for code in ont.names:
        if len(code) >= 3:
            assert -10.0 <= ont.goldstein(code) <= 10.0


@pytest.mark.parametrize("code,quad", [("019", 1), ("057", 1), ("061", 2), ("0874", 2), ("090", 3),
                                       ("141", 3), ("150", 4), ("163", 4), ("204", 4)])
def test_quad_classes(ont, code, quad):
    assert ont.quad_class(code) == quad


@pytest.mark.parametrize("code,ptype,mode", [
    ("042", "CONSULT", "visit"), ("043", "CONSULT", "host"), ("046", "CONSULT", None),
    ("057", "AGREE", None), ("036", "AGREE", None), ("0253", "REQUEST", None),
    ("1053", "REQUEST", "demand"), ("111", "ACCUSE", None), ("090", "ACCUSE", "investigate"),
    ("125", "REJECT", None), ("1312", "THREATEN", "restrict"), ("141", "PROTEST", "demo"),
    ("154", "MOBILIZE", "troops"), ("163", "SANCTION", "economic"), ("173", "COERCE", "arrest"),
    ("0841", "CONCEDE", "release"), ("0874", "RETREAT", "surrender"), ("195", "ASSAULT", "aerial"),
])
def test_plover_crosswalk(ont, code, ptype, mode):
    assert ont.plover(code) == (ptype, mode)


def test_every_code_has_a_plover_type(ont):
    for code in ont.names:
        if len(code) >= 3:
            ptype, mode = ont.plover(code)
            assert ptype in ont.plover_types
            assert mode is None or mode in ont.plover_types[ptype]


@pytest.mark.parametrize("old,new", [("DEMAND", ("REQUEST", "demand")), ("DISAPPROVE", ("ACCUSE", None)),
                                     ("INVESTIGATE", ("ACCUSE", "investigate")), ("FIGHT", ("ASSAULT", None)),
                                     ("AGREE", ("AGREE", None))])
def test_plover_05_names_map_to_current(ont, old, new):
    assert ont.modernise_plover(old) == new


def test_bad_goldstein_row_names_file_and_line(tmp_path, ont):
    bad = tmp_path / "goldstein.tsv"
    bad.write_text("# comment\ncode\tgoldstein\n010\t0.0\n011\tlots\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        ontology_module._load_goldstein(bad, ont.names)
    assert "goldstein.tsv:4" in str(err.value)


def test_unknown_cameo_code_is_rejected(tmp_path):
    bad = tmp_path / "cameo_codes.tsv"
    bad.write_text("code\tlevel\tname\n01\troot\tStatement\n099\tbase\tNo such code\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        ontology_module._load_names(bad)
    assert "cameo_codes.tsv:3" in str(err.value)
