"""A bounded load test of the dashboard's API on loopback (a benchmark, not a timed test).

``load_test(db, duration=30, clients=4)`` starts ``detente serve`` for ``db`` in a child process
on a free 127.0.0.1 port, lets ``clients`` threads request the main API endpoints round-robin
for ``duration`` seconds, stops the server and returns, per endpoint and overall, the number of
requests, requests per second, p50/p99 latency in milliseconds and the number of errors
(any status other than 200, or a failed connection). :func:`format_load_test` prints it.
"""

from __future__ import annotations

import logging
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import DetenteError
from ..store import open_store
from . import queries as q

log = logging.getLogger(__name__)

_SERVER = (
    "import sys, uvicorn; from detente.web.app import create_app; "
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
)


def default_endpoints(db_path: str | Path) -> list[str]:
    """The main API endpoints, with a real dyad and search word from the store."""
    with open_store(db_path, read_only=True) as store:
        top = q.dyads(store, limit=1)
        words = store.query("SELECT sentence FROM event_mentions LIMIT 1")
    dyad = f"{top[0]['a']}-{top[0]['b']}" if top else "JPN-RUS"
    word = next((w for w in (words[0]["sentence"].split() if words else []) if len(w) > 4 and w.isalpha()), "treaty")
    return [
        "/api/summary",
        "/api/events?limit=50",
        f"/api/timeline?dyad={dyad}&limit=100",
        f"/api/index?dyad={dyad}&by=month",
        "/api/network",
        "/api/stances?limit=50",
        f"/api/search?q={word}",
        "/api/documents?limit=50",
    ]


def _percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    i = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[i]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_test(
    db_path: str | Path,
    *,
    duration: float = 30.0,
    clients: int = 4,
    endpoints: Sequence[str] | None = None,
    startup_timeout: float = 30.0,
) -> dict[str, Any]:
    """Run the load test; see the module docstring."""
    import httpx

    db_path = Path(db_path)
    if not db_path.exists():
        raise DetenteError(f"{db_path}: no such database; run `detente analyze` first")
    endpoints = list(endpoints or default_endpoints(db_path))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", _SERVER, str(db_path), str(port)])
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise DetenteError("the dashboard server did not start")
            time.sleep(0.1)
        samples: dict[str, list[float]] = {e: [] for e in endpoints}
        errors: dict[str, int] = {e: 0 for e in endpoints}
        lock = threading.Lock()
        stop_at = time.monotonic() + duration

        def worker(offset: int) -> None:
            i = offset
            with httpx.Client(base_url=base, timeout=30) as client:
                while time.monotonic() < stop_at:
                    url = endpoints[i % len(endpoints)]
                    i += 1
                    t0 = time.perf_counter()
                    try:
                        ok = client.get(url).status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    ms = (time.perf_counter() - t0) * 1000
                    with lock:
                        samples[url].append(ms)
                        if not ok:
                            errors[url] += 1

        started = time.monotonic()
        threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
    rows = []
    for url in endpoints:
        lat = samples[url]
        rows.append({
            "endpoint": url, "requests": len(lat), "rps": round(len(lat) / elapsed, 1),
            "p50_ms": round(statistics.median(lat), 1) if lat else None,
            "p99_ms": round(_percentile(lat, 99), 1) if lat else None, "errors": errors[url],
        })
    everything = [x for url in endpoints for x in samples[url]]
    total = {
        "endpoint": "ALL", "requests": len(everything), "rps": round(len(everything) / elapsed, 1),
        "p50_ms": round(statistics.median(everything), 1) if everything else None,
        "p99_ms": round(_percentile(everything, 99), 1) if everything else None,
        "errors": sum(errors.values()),
    }
    return {"db": str(db_path), "duration_s": round(elapsed, 1), "clients": clients, "endpoints": rows, "total": total}


def format_load_test(result: dict[str, Any]) -> str:
    """A plain-text table of :func:`load_test` results."""
    from ..output import to_table

    head = f"load test: {result['clients']} clients, {result['duration_s']} s, database {result['db']}\n"
    return head + to_table(result["endpoints"] + [result["total"]],
                           ["endpoint", "requests", "rps", "p50_ms", "p99_ms", "errors"])


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m detente.web.loadtest DB [SECONDS] [CLIENTS]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m detente.web.loadtest DB [SECONDS] [CLIENTS]", file=sys.stderr)
        return 2
    result = load_test(args[0], duration=float(args[1]) if len(args) > 1 else 30.0,
                       clients=int(args[2]) if len(args) > 2 else 4)
    print(format_load_test(result), end="")
    return 1 if result["total"]["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
