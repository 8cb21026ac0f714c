"""Benchmark: validating the full built graph against shapes/.

Prints the time of `nhskg validate`'s engine (core constraints compiled to SPARQL, SPARQL constraints and
targets, all on Oxigraph) against a baseline in the same run: pyshacl alone with the same shapes.
Run with `make bench` (or `.venv/bin/python benchmarks/bench_validate.py [--repeat N]`).
"""

from __future__ import annotations

import argparse
import statistics
import time

from pyshacl import validate as pyshacl_validate

from nhskg.build.dataset import build_dataset, union_graph
from nhskg.build.statistics import with_statistics
from nhskg.validation.checks import with_check_results
from nhskg.validation.shapes import load_shapes, validate_graph


def _time(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of the nhskg engine (the baseline runs once)")
    args = parser.parse_args()
    data, shapes = union_graph(with_statistics(with_check_results(build_dataset()))), load_shapes()
    ours = _time(lambda: validate_graph(data, shapes), args.repeat)
    baseline = _time(lambda: pyshacl_validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                              allow_warnings=True), 1)
    print(f"graph: {len(data)} triples; shapes: {len(shapes)} triples")
    print(f"nhskg validate (core and SHACL-SPARQL on Oxigraph): median {statistics.median(ours):.2f} s "
          f"over {args.repeat} runs (min {min(ours):.2f} s)")
    print(f"baseline, pyshacl alone:                        {baseline[0]:.2f} s")
    print(f"speed-up: {baseline[0] / statistics.median(ours):.1f}x")


if __name__ == "__main__":
    main()
