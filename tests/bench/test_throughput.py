"""`detente bench throughput`: inputs repeated into distinct documents, both phases measured."""

from __future__ import annotations

import json
import math
import re
import shutil

import pytest

from detente.bench.throughput import format_report, prepare, run
from detente.config import Options
from detente.ingest import iter_inputs
from detente.records import Article


@pytest.mark.parametrize("min_words", [1, 9_000, 20_000])
def test_seeds_are_repeated_to_the_word_target_as_distinct_documents(seed_paths, tmp_path, min_words):
    folder = seed_paths[0].parent
    info = prepare(folder, tmp_path, min_words=min_words)
    raw = sum(len(p.read_text(encoding="utf-8").split()) for p in seed_paths)
    assert info["repeat"] == max(1, math.ceil(min_words / raw))
    assert info["raw_words"] == raw * info["repeat"] >= min_words
    articles = [r for r in iter_inputs([info["inputs"]], Options()) if isinstance(r, Article)]
    assert len(articles) == info["files"] == len(seed_paths) * info["repeat"]
    assert len({a.doc_id for a in articles}) == len(articles)  # every copy is its own document


def test_jsonl_lines_are_repeated_with_distinct_ids(tmp_path):
    text = "Japan and Russia agreed on Tuesday to hold another round of talks on a peace treaty. " * 3
    data = tmp_path / "articles.jsonl"
    data.write_text("".join(json.dumps({"id": f"a{i}", "text": f"{text} Item {i}."}) + "\n" for i in range(2)))
    info = prepare(data, tmp_path / "work", repeat=3)
    lines = [
        json.loads(line)
        for path in sorted((tmp_path / "work" / "inputs").rglob("*.jsonl"))
        for line in path.read_text().splitlines()
    ]
    assert info["files"] == 3 and len(lines) == 6
    assert len({r["id"] for r in lines}) == 6
    assert len({r["text"] for r in lines}) == 6


@pytest.mark.slow
def test_bench_measures_bare_spacy_and_the_pipeline_on_the_same_texts(seed_paths, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shortest = min(seed_paths, key=lambda p: p.stat().st_size)
    shutil.copy(shortest, data / shortest.name)
    figures = run(data, repeat=2, rounds=2)
    spacy, pipeline = figures["spacy"], figures["pipeline"]
    assert figures["rounds"] == 2 and len(figures["round_ratios"]) == 2
    assert "2 alternating rounds" in format_report(figures)

    assert spacy["documents"] == pipeline["documents"] == 2
    assert spacy["words"] == pipeline["words"] == figures["words"] > 500
    assert pipeline["events"] > 0 and pipeline["rejected"] == 0
    for phase in (spacy, pipeline):
        assert phase["words_per_second"] == pytest.approx(figures["words"] / phase["seconds"])
        assert phase["peak_rss_mib"] > 100  # a process holding a loaded spaCy pipeline
    assert figures["ratio"] == pytest.approx(pipeline["words_per_second"] / spacy["words_per_second"])
    assert {"ingest", "parse", "write"} <= set(pipeline["stage_seconds"])

    report = format_report(figures)
    assert "bare spaCy" in report and "detente pipeline" in report and "peak RSS" in report
    assert re.fullmatch(r"ratio: \d+\.\d{3}", report.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [([3.0], 3.0), ([5.0, 1.0, 3.0], 3.0), ([4.0, 2.0], 2.0), ([9.0, 1.0, 2.0, 8.0], 2.0)],
)
def test_each_phase_reports_its_median_round(seconds, expected):
    from detente.bench.throughput import _median_round

    runs = [{"seconds": s, "n": i} for i, s in enumerate(seconds)]
    assert _median_round(runs)["seconds"] == expected


def test_rounds_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="rounds must be at least 1"):
        run(tmp_path, rounds=0)
