"""``detente bench merge``: synthetic stores merged sliced and unbounded, memory and split."""

from __future__ import annotations

import json

from click.testing import CliRunner

from detente.bench.merge import build_store, format_report, largest_partition, run
from detente.cli import main


def test_run_measures_both_merges_and_the_split():
    figures = run([3000], slice_limit=300)
    (row,) = figures["sizes"]
    assert row["mentions"] >= 3000
    assert row["largest_partition"] > 300, "the store must have partitions to slice"
    assert row["sliced"]["events"] > row["unbounded"]["events"], "slices keep some reports apart"
    assert 0 < row["split_by_slices"] < row["multi_mention_events"]
    for merge in (row["sliced"], row["unbounded"]):
        assert merge["peak_rss_mib"] > merge["merge_mib"] > 0
    report = format_report(figures)
    assert "slice limit 300 mentions" in report
    assert f"{row['split_by_slices']}/{row['multi_mention_events']}" in report
    assert report.splitlines()[-1].startswith("sliced peak: ")


def test_largest_partition_counts_mentions(tmp_path):
    path = tmp_path / "s.duckdb"
    total = build_store(path, 500)
    assert 0 < largest_partition(path) < total


def test_cli_writes_json_and_rejects_bad_sizes(tmp_path):
    out = tmp_path / "merge.json"
    result = CliRunner().invoke(main, ["bench", "merge", "--sizes", "800", "--slice-limit", "100",
                                       "--no-unbounded", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "sliced peak:" in result.output
    figures = json.loads(out.read_text())
    assert figures["slice_limit"] == 100 and "unbounded" not in figures["sizes"][0]
    bad = CliRunner().invoke(main, ["bench", "merge", "--sizes", "ten"])
    assert bad.exit_code == 2 and "not a list of numbers" in bad.output
