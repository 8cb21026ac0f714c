"""The mutation score of the rules: run mutmut (``--run``) and print the kill rate per module.

`make mutation` calls this with ``--run``: a fresh ``mutants/``, then ``mutmut run`` over the modules
``[tool.mutmut] only_mutate`` names, timed. Without ``--run`` it reads the results of the last run from
``mutants/**/*.meta``. A mutant counts as killed when a test failed or timed out with it; one no test reaches
counts as surviving. Survivors listed in tests/mutation_equivalents.md (judged equivalent: no test could
tell them apart from the original) are shown apart, and a second rate leaves them out.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
EQUIVALENTS = ROOT / "tests" / "mutation_equivalents.md"
#: mutmut's exit codes (mutmut/stats.py): a failing test (1), a pytest internal error (3) or a timeout kills
KILLED = {1, 3, 36, 24, -24, 152, 255}
SURVIVED = {0}
NO_TESTS = {5, 33}


def equivalents() -> set[str]:
    """The mutant names listed (in backticks) in tests/mutation_equivalents.md."""
    if not EQUIVALENTS.exists():
        return set()
    return set(re.findall(r"`([\w.ǁ]+__mutmut_\d+)`", EQUIVALENTS.read_text(encoding="utf-8")))


def results() -> dict[str, dict[str, int | None]]:
    """Exit code by mutant name, per source file (``src/nhskg/figures.py``)."""
    out = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        source = meta.relative_to(MUTANTS).as_posix()[: -len(".meta")]
        out[source] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return out


def report(elapsed: float | None = None) -> int:
    by_file = results()
    if not by_file:
        print("no results in mutants/: run `make mutation`", file=sys.stderr)
        return 1
    judged = equivalents()
    header = f"{'module':<34} {'mutants':>7} {'killed':>6} {'survived':>8} {'no test':>7} {'other':>5} {'kill rate':>9} {'w/o equiv':>9}"
    print(header)
    print("-" * len(header))
    totals: Counter = Counter()
    survivors = []
    for source, codes in by_file.items():
        c: Counter = Counter()
        for name, code in codes.items():
            if code in KILLED:
                c["killed"] += 1
            elif code in SURVIVED or code in NO_TESTS:
                c["equivalent" if name in judged else ("survived" if code in SURVIVED else "no test")] += 1
                if name not in judged:
                    survivors.append((source, name, "survived" if code in SURVIVED else "no test"))
            else:
                c["other"] += 1  # not checked, suspicious, segfault: neither killed nor surviving
        c["total"] = len(codes)
        totals.update(c)
        print(_row(source, c))
    print("-" * len(header))
    print(_row("all", totals))
    if judged:
        print(f"\n{totals['equivalent']} survivors judged equivalent (tests/mutation_equivalents.md) count as "
              "survived in 'kill rate' and are left out of 'w/o equiv'")
    if survivors:
        print(f"\n{len(survivors)} survivors not judged equivalent (`mutmut show NAME` in mutants/'s parent shows one):")
        for source, name, status in survivors:
            print(f"  {status:<8} {name}")
    if elapsed is not None:
        print(f"\nmutmut run took {elapsed / 60:.1f} minutes")
    return 0


def _row(label: str, c: Counter) -> str:
    checked = c["killed"] + c["survived"] + c["no test"] + c["equivalent"]
    rate = f"{100 * c['killed'] / checked:.1f}%" if checked else "-"
    without = checked - c["equivalent"]
    rate_without = f"{100 * c['killed'] / without:.1f}%" if without else "-"
    return (f"{label:<34} {c['total']:>7} {c['killed']:>6} {c['survived'] + c['equivalent']:>8} {c['no test']:>7} "
            f"{c['other']:>5} {rate:>9} {rate_without:>9}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", action="store_true", help="run mutmut afresh first (removes mutants/)")
    parser.add_argument("--max-children", type=int, default=None, help="mutants tested at once (default: mutmut's)")
    args = parser.parse_args()
    elapsed = None
    if args.run:
        shutil.rmtree(MUTANTS, ignore_errors=True)
        command = [sys.executable, "-m", "mutmut", "run"]
        if args.max_children:
            command += ["--max-children", str(args.max_children)]
        started = time.monotonic()
        done = subprocess.run(command, cwd=ROOT)
        elapsed = time.monotonic() - started
        if done.returncode != 0:
            print(f"mutmut run failed (exit {done.returncode})", file=sys.stderr)
            return done.returncode
    return report(elapsed)


if __name__ == "__main__":
    sys.exit(main())
