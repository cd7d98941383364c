"""Run one measurement in a fresh process, so it reports its own peak memory and time."""

from __future__ import annotations

import multiprocessing
import queue as queue_module
from collections.abc import Callable
from typing import Any


def _report(function: Callable[..., Any], args: tuple, queue) -> None:
    try:
        queue.put(("ok", function(*args)))
    except BaseException as exc:  # report anything, including Ctrl-C, to the parent
        queue.put(("error", f"{type(exc).__name__}: {exc}"))
        raise


def run_in_child(function: Callable[..., Any], args: tuple, *, name: str) -> Any:
    """``function(*args)`` in a freshly spawned process; its (picklable) result.

    ``function`` must be importable (a module-level function). Raises RuntimeError naming
    ``name`` when it fails, or when the process dies without a word (killed, out of memory).
    """
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    process = ctx.Process(target=_report, args=(function, args, queue), name=f"bench-{name}")
    process.start()
    try:
        while True:
            try:
                status, payload = queue.get(timeout=1.0)
                break
            except queue_module.Empty:
                if not process.is_alive():
                    status, payload = "error", f"the process ended with exit code {process.exitcode}"
                    break
    finally:
        process.join()
    if status != "ok":
        raise RuntimeError(f"{name} failed: {payload}")
    return payload
