"""A bounded load test of `nhskg serve` on 127.0.0.1: concurrent clients, catalogue queries and page loads.

Starts the server on a free local port, runs a fixed number of requests from N client threads (stopping
early at a time limit), prints throughput and latency percentiles per kind of request, and exits non-zero
if any request failed. Baseline in the same run: the same catalogue queries run in process through the
guarded query path, with no HTTP, to show what the server adds.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from live_server import project_copy, start_server  # noqa: E402

from nhskg.catalogue import bindings, catalogue  # noqa: E402
from nhskg.query import guard  # noqa: E402
from nhskg.query.store import load_store  # noqa: E402
from nhskg.release.freshness import fresh_trig  # noqa: E402

PAGES = ["/", "/organisations", "/doc/ccg/02Q", "/doc/document/000", "/doc/survey/hsj-barometer-3",
         "/doc/finding/nhsa-napc-survey-000/feel-constricted", "/doc/ccg/02Q.ttl", "/id/area-team/Q56"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def requests_to_make(total: int) -> list[tuple[str, str]]:
    queries = [f"/api/catalogue/{name}" for name, q in catalogue().items() if "/" not in name
               and all(p.default for p in q.params)]
    mix = [("query", q) for q in queries] + [("page", p) for p in PAGES]
    return [mix[i % len(mix)] for i in range(total)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=120, help="stop sending new requests after this long")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        process, base = start_server(project_copy(Path(folder)))
        try:
            plan = requests_to_make(args.requests)
            deadline = time.monotonic() + args.seconds
            results: list[tuple[str, float, int]] = []

            def worker(items):
                with httpx.Client(base_url=base, timeout=60, follow_redirects=True) as client:
                    for kind, path in items:
                        if time.monotonic() > deadline:
                            return
                        started = time.perf_counter()
                        status = client.get(path, headers={"Accept": "application/sparql-results+json, text/html"}).status_code
                        results.append((kind, time.perf_counter() - started, status, path))

            started = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(args.clients) as pool:
                list(pool.map(worker, [plan[i::args.clients] for i in range(args.clients)]))
            elapsed = time.perf_counter() - started
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
    errors = [r for r in results if r[2] != 200]
    print(f"nhskg serve: {len(results)} requests from {args.clients} clients in {elapsed:.1f} s = "
          f"{len(results) / elapsed:.0f} requests/s; errors {len(errors)}")
    for kind in ("query", "page"):
        times = [r[1] * 1000 for r in results if r[0] == kind]
        if times:
            print(f"  {kind:5}: {len(times)} requests, median {statistics.median(times):.0f} ms, "
                  f"p95 {percentile(times, 0.95):.0f} ms, p99 {percentile(times, 0.99):.0f} ms")
    store = load_store(fresh_trig())
    texts = [catalogue()[path.rsplit("/", 1)[1]] for kind, path in requests_to_make(200) if kind == "query"]
    started = time.perf_counter()
    for query in texts:
        guard.run(store, query.text, substitutions=bindings(query, {})).read()
    per_query = (time.perf_counter() - started) / len(texts) * 1000
    print(f"baseline, the same catalogue queries in process (guarded, one at a time): {per_query:.1f} ms per query")
    if errors:
        sys.exit(f"{len(errors)} requests failed, e.g. {errors[:3]}")


if __name__ == "__main__":
    main()
