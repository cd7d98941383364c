"""Benchmarks measure in a fresh process: results come back, failures and deaths are named."""

from __future__ import annotations

import os

import pytest

from detente.bench.child import run_in_child


def _square(n: int) -> dict:
    return {"n": n * n, "pid": os.getpid()}


def _fail(message: str) -> None:
    raise ValueError(message)


def _die(code: int) -> None:
    os._exit(code)


def test_result_comes_back_from_another_process():
    result = run_in_child(_square, (7,), name="square")
    assert result["n"] == 49 and result["pid"] != os.getpid()


def test_failure_is_raised_with_its_name_and_reason():
    with pytest.raises(RuntimeError, match=r"phase x failed: ValueError: bad input"):
        run_in_child(_fail, ("bad input",), name="phase x")


def test_a_process_that_dies_silently_does_not_hang_the_bench():
    with pytest.raises(RuntimeError, match="exit code 3"):
        run_in_child(_die, (3,), name="dying")
