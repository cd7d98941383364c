"""Load benchmark of the dashboard's JSON API on loopback (issue 9, part 6).

``run(db, seconds=30, clients=4)`` serves ``db`` with uvicorn on a free ``127.0.0.1`` port in a
child process, lets ``clients`` concurrent clients (httpx) request the main API endpoints
round-robin for ``seconds`` seconds, stops the server and returns the figures: per endpoint
and overall, requests, requests/s, p50 and p99 latency (ms) and errors (any status but 200,
or a failed connection). It always stops by itself: the clients stop at the deadline and the
server is terminated. Nothing leaves the machine (loopback only).

The measuring itself lives in :mod:`detente.web.loadtest` (next to the app it measures); this
module is the benchmark entry point::

    python -m detente.bench.load --db detente.duckdb --seconds 30 --clients 4
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import DetenteError

#: Bounds on a run, so a typo cannot start an hour-long or thousand-client test.
MAX_SECONDS = 600.0
MAX_CLIENTS = 64


def run(db_path: str | Path, seconds: float = 30.0, clients: int = 4,
        endpoints: Sequence[str] | None = None) -> dict[str, Any]:
    """Run the load test against ``db_path``; see the module docstring for the figures."""
    from ..web.loadtest import load_test

    if not 0 < seconds <= MAX_SECONDS:
        raise DetenteError(f"seconds must be between 0 and {MAX_SECONDS:g}, got {seconds}")
    if not 1 <= clients <= MAX_CLIENTS:
        raise DetenteError(f"clients must be between 1 and {MAX_CLIENTS}, got {clients}")
    return load_test(db_path, duration=seconds, clients=clients, endpoints=endpoints)


def format_report(figures: dict[str, Any]) -> str:
    """The figures of :func:`run` as a plain-text table (one row per endpoint, then ALL)."""
    from ..web.loadtest import format_load_test

    return format_load_test(figures)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: prints the report; exit status 1 when any request failed."""
    parser = argparse.ArgumentParser(prog="python -m detente.bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("detente.duckdb"), help="detente database (read only)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the clients run")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    args = parser.parse_args(argv)
    try:
        figures = run(args.db, seconds=args.seconds, clients=args.clients)
    except DetenteError as exc:
        print(f"detente: error: {exc}", file=sys.stderr)
        return 3
    print(format_report(figures), end="")
    return 1 if figures["total"]["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
