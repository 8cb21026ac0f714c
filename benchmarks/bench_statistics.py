"""Benchmark: ``graph-statistics`` before and after the build counted, side by side, on one scaled graph.

Before: the query as it was (``LIVE_COMMIT``, counting every triple and ``rdf:type`` at query time) over the
scaled graph without its statistics graph — the graph it ran on. After: the catalogue's query, reading
``graph/statistics``, over the scaled graph. Also ``checks/stale-statistics``, which recounts. Each engine
(in-memory Oxigraph, the on-disk store) in its own process holds both graphs and runs the queries in turn,
so a busy machine slows both alike; medians and p95 of ``--runs`` runs after one warm-up, rows read to the
end, and whether both answer the same rows.

Run after ``bench_scale.py`` wrote the scaled graph: ``.venv/bin/python benchmarks/bench_statistics.py
[--size 1M] [--runs 15]``; it writes the graph without statistics and its store under ``before/`` beside it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: the last commit whose graph-statistics counted at query time
LIVE_COMMIT = "20da10c"
STATISTICS = "https://w3id.org/nhskg/graph/statistics"


def _rows(store, text: str) -> list:
    return [tuple(str(t) for t in s) for s in store.query(text)]


def worker(engine: str, before: Path, after: Path, runs: int) -> dict:
    from nhskg.catalogue import catalogue
    from nhskg.query.store import load_store, open_store

    live = subprocess.run(["git", "-C", str(HERE.parent), "show", f"{LIVE_COMMIT}:queries/graph-statistics.rq"],
                          capture_output=True, text=True, check=True).stdout
    found = catalogue()
    open_ = load_store if engine == "memory" else open_store
    stores = {"before": open_(before), "after": open_(after)}
    cases = {"before": ("before", live), "after": ("after", found["graph-statistics"].text),
             "check": ("after", found["checks/stale-statistics"].text)}
    answers = {name: _rows(stores[graph], text) for name, (graph, text) in cases.items()}  # the warm-up
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):  # in turn: a slow moment of the machine falls on each alike
        for name, (graph, text) in cases.items():
            t0 = time.perf_counter()
            _rows(stores[graph], text)
            times[name].append(time.perf_counter() - t0)
    return {"times": times, "rows": {n: len(a) for n, a in answers.items()},
            "same": answers["before"] == answers["after"], "stale": answers["check"][:3]}


def _without_statistics(trig: Path, folder: Path) -> Path:
    import pyoxigraph as ox

    from nhskg.release.ondisk import write_store

    out = folder / "nhskg.trig"
    if not out.exists() or out.stat().st_mtime < trig.stat().st_mtime:
        folder.mkdir(exist_ok=True)
        quads = (q for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG) if q.graph_name.value != STATISTICS)
        with open(out, "wb") as handle:
            ox.serialize(quads, handle, format=ox.RdfFormat.TRIG)
        write_store(out, folder / "store")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1M", help="The scaled graph bench_scale.py wrote (10k, 100k, 1M, 10M).")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--engines", default="memory,disk")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        engine, before, after = args.worker
        print(json.dumps(worker(engine, Path(before), Path(after), args.runs)))
        return
    import bench_scale
    import scale_graphs

    from nhskg import paths
    from nhskg.query.store import current_store
    from nhskg.release.freshness import fresh_trig

    folder = paths.BENCH_DIR / f"x{scale_graphs.copies_for(bench_scale._size(args.size), fresh_trig())}"
    after = folder / "nhskg.trig"
    if not after.exists() or current_store(after) is None:
        raise SystemExit(f"{paths.shown(after)}: no current scaled graph and store — run bench_scale.py --sizes {args.size}")
    before = _without_statistics(after, folder / "before")
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {paths.shown(after)}; {args.runs} runs each, in turn")
    print("| engine | before: live count | after: graph/statistics | checks/stale-statistics | same rows |")
    print("|---|---|---|---|---|")
    for engine in args.engines.split(","):
        done = subprocess.run([sys.executable, __file__, "--runs", str(args.runs), "--worker", engine, str(before),
                               str(after)], capture_output=True, text=True, check=True)
        out = json.loads(done.stdout.strip().splitlines()[-1])
        cells = [f"{bench_scale._ms(statistics.median(t))} / {bench_scale._ms(bench_scale._p95(t))}"
                 for t in (out["times"][n] for n in ("before", "after", "check"))]
        same = f"{out['same']} ({out['rows']['after']} rows; check {out['rows']['check']} rows)"
        print(f"| {engine} | " + " | ".join(cells) + f" | {same} |", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
