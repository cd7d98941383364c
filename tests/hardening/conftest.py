"""Fixtures of the hardening tests (issue 9); the bad-input corpus itself is built at test
time by :mod:`hardening_corpus`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hardening_corpus import Case, build_bad_corpus


@pytest.fixture(scope="module")
def make_bad_corpus(tmp_path_factory) -> Iterator[Callable[[str], tuple[Path, list[Case]]]]:
    """``make_bad_corpus(name)`` builds a fresh corpus folder: ``(folder, cases)``.

    The 50 MB file of each corpus is deleted when the module is done, so repeated test runs
    do not pile up temporary gigabytes.
    """
    built: list[Case] = []

    def make(name: str) -> tuple[Path, list[Case]]:
        root = tmp_path_factory.mktemp(name) / "corpus"
        cases = build_bad_corpus(root)
        built.extend(cases)
        return root, cases

    yield make
    for case in built:
        if case.name == "fifty_mb":
            case.path.unlink(missing_ok=True)
