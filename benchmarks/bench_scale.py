"""Benchmark: the catalogue at scale — rdflib, in-memory pyoxigraph and the on-disk store, side by side.

For each size (default 10k, 100k, 1M triples) it writes a synthetic graph with the built graph's shape
(``scale_graphs``: ``dist/nhskg.trig`` replicated with fresh IRIs, deterministic) under
``benchmarks/.scale/``, then measures each engine in its own process, one after the other:

- **rdflib**: ``Dataset(default_union=True)`` parsing the TriG, queries with ``initBindings`` (skipped
  above 1M: it takes minutes and gigabytes);
- **memory**: ``nhskg.query.store.load_store`` — the TriG into an in-memory Oxigraph store, the default
  graph made the RDF merge of the named graphs (the path every command took before ``dist/store/``);
- **disk**: ``nhskg.release.ondisk.write_store`` builds the RocksDB store once (its time is shown as
  "build"), then a fresh process opens it read-only (``open_store``) and queries it;
- **answers**: ``nhskg.answers.write_answers`` evaluates each catalogue query once on that store, as ``nhskg
  build`` does (its time is shown), then a fresh process answers each from ``answers/`` as ``nhskg query run``
  does (``materialised``: the manifest and the answer's digest checked; ``materialised_answer``: parsed and
  written as JSON — work the other engines' times do not include, since they only read the solutions).

Per engine: load/open time; every catalogue query's median and p95 (parameters from their defaults;
results read to the end); the trace of a ~2,000-character article (reading the trace index by SPARQL and
from ``trace-index.jsonl``, which the driver writes beside the TriG as ``nhskg build`` does, checked equal;
then tracing); peak resident memory of the process and its growth per triple. Ratios are rdflib / engine.
Per size, once: ``nhskg validate``'s engine over the merged graph (the TriG read into rdflib first, timed
apart). Above ``RDFLIB_MAX`` triples rdflib and the validation are skipped, above ``MEMORY_MAX`` the
in-memory store: 10M runs on the on-disk store alone, and the output says what was skipped and why.
Run with ``make bench-scale`` or ``.venv/bin/python benchmarks/bench_scale.py [--sizes 10k,100k,1M,10M] [--runs 5]
[--no-validate]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

ENGINES = ("rdflib", "memory", "disk", "answers")
RDFLIB_MAX = 1_100_000
#: Above this the TriG is not loaded in memory (about 0.6 KB a triple and seconds per 100k triples to load;
#: `open_store` opens dist/store/ above ~1M anyway).
MEMORY_MAX = 3_000_000
#: Above this the validation is timed with the Oxigraph engine alone (pyshacl took 945 s at 1M).
PYSHACL_MAX = 200_000
#: Triples of one copy of the built graph, for deciding what to skip before the copies are written.
BASE_TRIPLES = 13_000
SKIP = {
    "rdflib": (RDFLIB_MAX, f"above RDFLIB_MAX ({RDFLIB_MAX:,} triples): parsing takes minutes and ~1.7 KB a triple"),
    "memory": (MEMORY_MAX, (f"above MEMORY_MAX ({MEMORY_MAX:,} triples): ~0.6 KB a triple and minutes to load; "
                            "commands open dist/store/ at this size")),
    "validate": (MEMORY_MAX, (f"above MEMORY_MAX ({MEMORY_MAX:,} triples): `nhskg validate` loads the data into an "
                              "in-memory store (~0.7 KB a triple) and takes about 35 s a million triples")),
}


def _size(text: str) -> int:
    text = text.lower()
    return int(float(text[:-1]) * {"k": 1_000, "m": 1_000_000}[text[-1]]) if text[-1] in "km" else int(text)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _article() -> str:
    from nhskg import paths

    source = sorted(paths.SOURCES_DIR.glob("00*.txt"))[0].read_text(encoding="utf-8")
    start = source.find("\n\n") + 2 if source.find("\n\n") < 1000 else 0
    return source[start:start + 2000]


# ---------------------------------------------------------------- worker: one engine, one graph, one process


class _OverTime(BaseException):
    """A query still running at the time limit (rdflib: pure Python, so an alarm can stop it). Not an
    Exception: rdflib catches and logs those inside its literal conversion, where the alarm may land."""


def _alarm(signum, frame):
    raise _OverTime


def worker(engine: str, trig: Path, store_dir: Path, runs: int, budget: float, limit: float = 0,
           only: frozenset = frozenset()) -> dict:
    import signal

    import pyoxigraph as ox

    from nhskg.catalogue import bindings, catalogue

    queries = {name: q for name, q in catalogue().items() if q.kind == "query" and (not only or name in only)}
    base_rss = _current_rss_mb()
    out: dict = {"engine": engine, "queries": {}}
    start = time.perf_counter()
    if engine == "answers":
        pass  # below
    elif engine == "rdflib":
        from rdflib import Dataset, Literal, URIRef

        ds = Dataset(default_union=True)
        ds.parse(str(trig), format="trig")
        out["open"] = time.perf_counter() - start

        def to_rdflib(term):
            if isinstance(term, ox.NamedNode):
                return URIRef(term.value)
            return Literal(term.value, lang=term.language, datatype=None if term.language else URIRef(term.datatype.value))

        def run(q):
            subs = {k.value: to_rdflib(v) for k, v in bindings(q, {}).items()}
            if limit:  # a query over the limit is recorded as "over LIMIT", a lower bound for the ratio
                signal.signal(signal.SIGALRM, _alarm)
                signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                return sum(1 for _ in ds.query(q.text, initBindings=subs))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        store = None
    else:
        from nhskg.query.store import load_store, open_store, run_query

        if engine == "memory":
            store = load_store(trig)
        else:
            store = open_store(trig)
            assert "Store" in type(store).__name__
        out["open"] = time.perf_counter() - start

        def run(q):
            return sum(1 for _ in run_query(store, q.text, bindings(q, {})))
    if engine == "answers":
        from nhskg.answers import materialised
        from nhskg.query import guard
        from nhskg.query.results import materialised_answer

        store, out["open"] = None, None  # nothing to open: each answer is read when asked

        def run(q):  # noqa: F811 — this engine's own
            found = materialised(trig, q, bindings(q, {}))
            if found is None:
                raise RuntimeError("no current materialised answer")
            materialised_answer(found, "json", guard.Limits(rows=10**8)).read()
            return found.rows
    out["load_rss_mb"] = _current_rss_mb() - base_rss
    for name, q in queries.items():
        times, rows, error = [], None, None
        try:
            warm = engine != "rdflib"
            for i in range(runs + (1 if warm else 0)):
                t0 = time.perf_counter()
                rows = run(q)
                elapsed = time.perf_counter() - t0
                if not (warm and i == 0):
                    times.append(elapsed)
                if sum(times) + (elapsed if warm and i == 0 else 0) > budget and times:
                    break  # a slow query: fewer runs, said in the table by n
        except _OverTime:
            error = f"over {limit:g} s: stopped"
            times.append(limit)  # runs done before it stay: the table takes the least as the lower bound
        except Exception as exc:  # noqa: BLE001 — a failing query is a figure of the benchmark
            error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:80] if str(exc) else ''}"
        out["queries"][name] = {"times": times, "rows": rows, "error": error}
    timed = {n: statistics.median(r["times"]) for n, r in out["queries"].items() if r["times"] and not r["error"]}
    if store is not None and timed:
        # What `nhskg query run` and /sparql pay for the slowest query: the forked, limited child, serialised as
        # CSV (the engine's time above, plus the fork and the serialisation; once evaluated, not twice)
        from nhskg.query import guard

        slowest = max(timed, key=timed.get)
        q, times = queries[slowest], []
        for _ in range(3):
            t0 = time.perf_counter()
            guard.run(store, q.text, "csv", substitutions=bindings(q, {}),
                      limits=guard.Limits(seconds=600, rows=10**6, memory_mb=16_000)).read()
            times.append(time.perf_counter() - t0)
        out["guard"] = {"query": slowest, "time": statistics.median(times)}
    if store is not None:
        from nhskg.trace.index import load_index, materialised_index
        from nhskg.trace.matcher import Tracer

        article = _article()
        t0 = time.perf_counter()
        index = load_index(store)
        out["trace_index"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        written = materialised_index(trig)  # what `nhskg trace` reads: trace-index.jsonl beside the TriG
        if written is not None:
            out["trace_index_file"] = time.perf_counter() - t0
            out["trace_index_same"] = written == index
        tracer, times = Tracer(index), []
        for _ in range(3):
            t0 = time.perf_counter()
            tracer.trace(article)
            times.append(time.perf_counter() - t0)
        out["trace"] = statistics.median(times)
        out["trace_chars"] = len(article)
    out["peak_rss_mb"] = _rss_mb()
    out["base_rss_mb"] = base_rss
    return out


def build_worker(trig: Path, store: Path) -> dict:
    from nhskg.query.store import current_store
    from nhskg.release.ondisk import write_store, write_trace_index

    t0 = time.perf_counter()
    write_store(trig, store)
    out = {"build": time.perf_counter() - t0}
    assert current_store(trig) == store
    t0 = time.perf_counter()
    write_trace_index(trig, store)
    out["build_index"] = time.perf_counter() - t0
    out.update(answers_worker(trig, store))
    return out


def answers_worker(trig: Path, store: Path) -> dict:
    from nhskg import paths
    from nhskg.answers import write_answers

    t0 = time.perf_counter()
    write_answers(trig, store, paths.answers_dir(trig.parent))
    return {"build_answers": time.perf_counter() - t0}


def validate_worker(trig: Path) -> dict:
    """`nhskg validate FILE`'s path over the merged graph, as a user gets it: the TriG and the ontology read
    straight into Oxigraph (no rdflib graph of the data),
    the core constraints compiled to SPARQL and the SPARQL ones (in two processes from
    ``workers.PARALLEL_FROM`` triples on two cores), the text report — timed from the file, wall and CPU
    (the forked process's included), with the peak memory of this process so far. Up to PYSHACL_MAX
    triples, also `--engine pyshacl` (the TriG read into rdflib first, timed apart), and whether every
    result is the same."""
    from dataclasses import asdict

    import pyoxigraph as ox
    from rdflib import Graph

    from nhskg import paths
    from nhskg.validation.shacl_sparql import to_rdflib
    from nhskg.validation.shapes import (
        format_text,
        load_shapes,
        validate_files,
        validate_graph,
    )
    from nhskg.validation.workers import default_workers

    def results(report) -> list:
        return sorted(sorted((k, str(v)) for k, v in asdict(r).items()) for r in report.results)

    def cpu() -> float:  # this process and the children it waited for (the forked worker)
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    shapes = load_shapes()
    start, cpu_start = time.perf_counter(), cpu()
    report = validate_files([trig], shapes, also=(paths.ONTOLOGY,))  # as `nhskg validate FILE`, reading included
    format_text(report)
    out = {"oxigraph": time.perf_counter() - start, "oxigraph_cpu": cpu() - cpu_start,
           "workers": default_workers(report.triples),
           "triples": report.triples, "peak_rss_mb": _rss_mb(),
           "oxigraph_report": (report.conforms, report.count("violation"), report.count("warning")),
           "conforms": report.conforms, "violations": report.count("violation"), "warnings": report.count("warning")}
    if report.triples > PYSHACL_MAX:
        out["pyshacl_skipped"] = f"above PYSHACL_MAX ({PYSHACL_MAX:,} triples): it takes minutes"
        return out
    start = time.perf_counter()
    data = Graph()
    for quad in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG):  # the merge: each triple once
        data.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    data.parse(paths.ONTOLOGY)
    out["read"] = time.perf_counter() - start
    start = time.perf_counter()
    theirs = validate_graph(data, shapes, engine="pyshacl")
    out["pyshacl"] = time.perf_counter() - start
    out["pyshacl_report"] = (theirs.conforms, theirs.count("violation"), theirs.count("warning"))
    out["same_results"] = results(theirs) == results(report)
    return out


def validation_line(v: dict) -> str:
    if "failed" in v:
        return f"validation failed: {v['failed']}"
    same = v.get("same_results", v.get("pyshacl_report") == v["oxigraph_report"])
    pyshacl = (f"{_ms(v['pyshacl'])}" + ("" if same else " (A DIFFERENT REPORT)")
               + f" (reading the TriG into rdflib first: {_ms(v['read'])}, not counted)"
               if "pyshacl" in v else f"skipped, {v['pyshacl_skipped']}")
    return (f"validation (`nhskg validate FILE` over the merge of {v['triples']:,} triples with the ontology, read "
            f"straight into Oxigraph; core constraints compiled to SPARQL; {v.get('workers', 1)} process(es)): "
            f"{_ms(v['oxigraph'])} ({v.get('oxigraph_cpu', 0):.1f} s CPU), reading included; with --engine pyshacl: {pyshacl}; "
            f"{'conforms' if v['conforms'] else 'does not conform'}, {v['violations']} violations, "
            f"{v['warnings']} warnings; peak RSS {v['peak_rss_mb']:.0f} MB")


# ---------------------------------------------------------------- driver


def _spawn(*args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent / "src"), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], capture_output=True, text=True, env=env)
    if done.returncode:
        return {"failed": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 0.01:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _ratio(a: float | None, b: float | None) -> str:
    if not a or not b:
        return "—"
    return f"{a / b:.0f}×" if a / b >= 10 else f"{a / b:.1f}×"


def _answers_current(trig: Path) -> bool:
    from nhskg.answers import materialised
    from nhskg.catalogue import bindings, catalogue

    return all(materialised(trig, q, bindings(q, {})) is not None for q in catalogue().values() if q.kind == "query")


def table(size_label: str, triples: int, results: dict) -> str:
    engines = [e for e in ENGINES if e in results and "failed" not in results[e]]
    # rdflib against each Oxigraph engine; and the on-disk store's live evaluation against the materialised answer
    pairs = [(a, b) for a, b in (("rdflib", "memory"), ("rdflib", "disk"), ("disk", "answers"))]
    head = f"| {size_label} ({triples:,} triples) | " + " | ".join(engines) + " | " + " | ".join(
        f"{a}/{b}" for a, b in pairs) + " |"
    lines = [head, "|" + "---|" * (len(engines) + 1 + len(pairs))]
    blank = " |" * len(pairs)

    def number(value):
        return value if isinstance(value, float) else None

    def row(label, values):
        med = {e: values.get(e) for e in engines}
        cells = [v if isinstance(v, str) else _ms(v) for v in (med[e] for e in engines)]
        r = [_ratio(number(med.get(a)), number(med.get(b))) for a, b in pairs]
        lines.append(f"| {label} | " + " | ".join(cells) + " | " + " | ".join(r) + " |")

    row("load / open", {e: results[e]["open"] for e in engines})
    for key, label in (("build", "build dist/store/ (bulk load + merge)"),
                       ("build_index", "build trace-index.jsonl (read from dist/store/)"),
                       ("build_answers", "build answers/ (each catalogue query once on dist/store/)")):
        owner = "answers" if key == "build_answers" else "disk"
        if owner in results and key in results[owner]:
            lines.append(f"| {label} | " + " | ".join(
                _ms(results[owner][key]) if e == owner else "" for e in engines) + " |" + blank)
    names = sorted({n for e in engines for n in results[e]["queries"]})
    for name in names:
        values, cells = {}, []
        for e in engines:
            q = results[e]["queries"].get(name, {"error": "not run", "times": [], "rows": None})
            values[e] = q["error"].split(":")[0] if q["error"] else statistics.median(q["times"])
            cells.append(q["error"].split(":")[0] if q["error"] else
                         f"{_ms(statistics.median(q['times']))} / {_ms(_p95(q['times']))}"
                         + ("" if len(q["times"]) > 2 else f" (n={len(q['times'])})"))
        r = [_ratio(number(values.get(a)), number(values.get(b))) for a, b in pairs]
        over = "rdflib" in engines and (results["rdflib"]["queries"][name]["error"] or "").startswith("over ")
        if over:  # rdflib stopped at the limit: the ratio is at least limit / engine
            r[:2] = [("≥" + _ratio(min(results["rdflib"]["queries"][name]["times"]), values.get(e)))
                     if isinstance(values.get(e), float) else "—" for e in ("memory", "disk")]
        rows = {results[e]["queries"][name]["rows"] for e in engines if name in results[e]["queries"]
                and results[e]["queries"][name]["rows"] is not None and not results[e]["queries"][name]["error"]}
        lines.append(f"| {name} (rows {'/'.join(map(str, sorted(rows)))}) | " + " | ".join(cells) + " | "
                     + " | ".join(r) + " |")
    guarded = {e: results[e]["guard"] for e in engines if "guard" in results[e]}
    if guarded:
        lines.append("| the slowest query through the guard, as CSV (`nhskg query run --live`, /sparql) | " + " | ".join(
            f"{guarded[e]['query']}: {_ms(guarded[e]['time'])}" if e in guarded else "" for e in engines) + " |" + blank)
    row("trace: read index by SPARQL", {e: results[e].get("trace_index") for e in engines})
    row("trace: read trace-index.jsonl (what `nhskg trace` reads)", {e: results[e].get("trace_index_file") for e in engines})
    row(f"trace: a {results[engines[-1]].get('trace_chars', 2000)}-character article",
        {e: results[e].get("trace") for e in engines})
    lines.append("| peak memory (RSS) | " + " | ".join(f"{results[e]['peak_rss_mb']:.0f} MB" for e in engines) + " |" + blank)
    lines.append("| memory per triple (growth after load) | " + " | ".join(
        f"{max(results[e]['load_rss_mb'], 0) * 2**20 / triples:.0f} B" if e != "answers" else "—"
        for e in engines) + " |" + blank)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1M", help="Comma-separated triple counts (10k, 100k, 1M, 10M).")
    parser.add_argument("--runs", type=int, default=5, help="Timed runs per query (after one warm-up on Oxigraph).")
    parser.add_argument("--budget", type=float, default=30.0, help="Seconds one query may take over all its runs.")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--no-validate", action="store_true", help="Do not time the validation.")
    parser.add_argument("--rdflib-limit", type=float, default=600.0,
                        help="Seconds an rdflib query may run before it is stopped and shown as a lower bound (0: none).")
    parser.add_argument("--queries", default="", help="Comma-separated catalogue query names (default: all).")
    parser.add_argument("--reuse-store", action="store_true",
                        help="Use the scaled TriG, and its current on-disk store and trace index, as they are (not "
                             "rebuilt after a rebuild of dist/, so no build time is shown).")
    parser.add_argument("--worker", nargs=3, metavar=("ENGINE", "TRIG", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        engine, trig, store = args.worker
        if engine == "build":
            print(json.dumps(build_worker(Path(trig), Path(store))))
            return
        if engine == "build-answers":
            print(json.dumps(answers_worker(Path(trig), Path(store))))
            return
        if engine == "validate":
            print(json.dumps(validate_worker(Path(trig))))
            return
        only = frozenset(filter(None, args.queries.split(",")))
        print(json.dumps(worker(engine, Path(trig), Path(store), args.runs, args.budget, args.rdflib_limit, only)))
        return

    from nhskg import paths
    from nhskg.release.freshness import fresh_trig

    base = fresh_trig()
    paths.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    import scale_graphs

    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; Python {platform.python_version()}; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    everything = {}
    for label in args.sizes.split(","):
        copies = scale_graphs.copies_for(_size(label), base)
        folder = paths.BENCH_DIR / f"x{copies}"
        folder.mkdir(exist_ok=True)
        trig = folder / "nhskg.trig"
        if not trig.exists() or (trig.stat().st_mtime < base.stat().st_mtime and not args.reuse_store):
            t0 = time.perf_counter()
            scale_graphs.write_scaled(base, copies, trig)
            print(f"{label}: wrote {copies} copies in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        import pyoxigraph as ox

        results: dict = {}
        engines = args.engines.split(",")
        estimate = copies * BASE_TRIPLES
        skipped = {engine: why for engine, (limit, why) in SKIP.items() if engine in engines and estimate > limit}
        builds = {}
        from nhskg.query.store import current_store
        from nhskg.trace.index import materialised_index

        if {"disk", "answers"} & set(engines) and args.reuse_store and current_store(trig) and materialised_index(trig) is not None:
            print(f"{label}: reusing the current on-disk store and trace index (--reuse-store)", file=sys.stderr)
            if "answers" in engines and not _answers_current(trig):
                print(f"{label}: materialising the answers …", file=sys.stderr)
                builds = _spawn("--worker", "build-answers", str(trig), str(paths.store_dir(folder)))
                if "failed" in builds:
                    raise SystemExit(f"{label}: materialising the answers failed: {builds['failed']}")
        elif {"disk", "answers"} & set(engines):  # the store, then the trace index from it, as `nhskg build` writes them
            print(f"{label}: building the on-disk store and the trace index …", file=sys.stderr)
            builds = _spawn("--worker", "build", str(trig), str(paths.store_dir(folder)))  # keeps this process small
            if "failed" in builds:
                raise SystemExit(f"{label}: building the store failed: {builds['failed']}")
        for engine in engines:
            if engine in skipped:
                continue
            print(f"{label}: {engine} …", file=sys.stderr)
            results[engine] = _spawn("--runs", str(args.runs), "--budget", str(args.budget), "--rdflib-limit",
                                     str(args.rdflib_limit), "--queries", args.queries, "--worker", engine, str(trig), str(paths.store_dir(folder)))
            if engine in ("disk", "answers") and "failed" not in results[engine]:
                results[engine].update(builds)
            if "failed" in results[engine]:
                print(f"{label}: {engine} failed: {results[engine]['failed']}", file=sys.stderr)
        if "disk" in engines:  # the merge: the on-disk store's default graph (a Python set of 10M triples would not fit)
            from nhskg.query.store import open_store

            disk = open_store(trig)
            triples = int(next(iter(disk.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
            del disk
        else:
            triples = len({str(q.triple) for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)})
        validation = None
        if "validate" not in skipped and not args.no_validate:
            print(f"{label}: validation …", file=sys.stderr)
            validation = _spawn("--worker", "validate", str(trig), str(paths.store_dir(folder)))
        everything[label] = {"triples": triples, "copies": copies, "results": results, "validation": validation,
                             "skipped": skipped}
        print(f"\n{table(label, triples, results)}\n", flush=True)
        print(validation_line(validation) if validation else "validation: not run (--no-validate)"
              if args.no_validate else "", flush=True)
        for engine in results:
            if results[engine].get("trace_index_same") is False:
                print(f"NOT THE SAME at {label}: {engine}: trace-index.jsonl differs from the index read by SPARQL", flush=True)
        for engine, why in skipped.items():
            print(f"skipped at {label}: {engine} — {why}", flush=True)
        print(flush=True)
    out = paths.BENCH_DIR / f"results-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(everything, indent=1))
    print(f"figures: {paths.shown(out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
