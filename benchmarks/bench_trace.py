"""Benchmark: the fact-checker's trace on the labelled set in tests/trace_cases.py.

Prints precision, recall and the confusion of verdicts of `nhskg trace`, against a baseline in the
same run that matches a figure to the finding with the nearest value alone (what a trace without
context would do), and the time per traced input.
Run with `make bench` (or `.venv/bin/python benchmarks/bench_trace.py`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from trace_cases import all_cases, evaluate, hand_written_cases  # noqa: E402

from nhskg.query.store import load_store  # noqa: E402
from nhskg.release.freshness import fresh_trig  # noqa: E402
from nhskg.trace.index import load_index  # noqa: E402
from nhskg.trace.matcher import Match, TracedFigure, Tracer  # noqa: E402


class NumberOnly(Tracer):
    """Baseline: the finding of the same unit whose value is nearest, whatever the words say."""

    def trace_figure(self, figure, text, neighbours=None):
        kinds = self._kind(figure, text)
        pool = [f for f in self.index.values() if f.unit in kinds]
        if not pool:
            return TracedFigure(figure, "no-match")
        best = min(pool, key=lambda f: (abs(f.value - figure.value), f.iri))
        verdict = "exact" if best.value == figure.value else "approximate"
        return TracedFigure(figure, verdict, [Match(best, 1.0, 0.0, verdict)])


def report(name: str, tracer: Tracer, cases) -> None:
    start = time.perf_counter()
    result = evaluate(tracer, cases)
    elapsed = time.perf_counter() - start
    print(f"{name}: precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"verdicts {result['verdict_accuracy']:.3f}  (tp {result['tp']}, fp {result['fp']}, fn {result['fn']} "
          f"over {result['cases']} labelled figures; {1000 * elapsed / result['cases']:.1f} ms per input)")
    return result


def main() -> None:
    index = load_index(load_store(fresh_trig()))
    tracer = Tracer(index)
    cases = all_cases(index)
    ours = report("nhskg trace, all cases         ", tracer, cases)
    report("baseline, number only, all     ", NumberOnly(index), cases)
    report("nhskg trace, hand-written only ", tracer, hand_written_cases())
    report("baseline, hand-written only    ", NumberOnly(index), hand_written_cases())
    print("confusion of verdicts (expected -> traced: count):")
    for (expected, traced), count in sorted(ours["confusion"].items()):
        print(f"  {expected:>12} -> {traced:<13} {count}")
    print(f"misses ({len(ours['misses'])}):")
    for _text, words, expected, predicted in ours["misses"]:
        print(f"  “{words}” expected {expected}, traced {predicted}")


if __name__ == "__main__":
    main()
