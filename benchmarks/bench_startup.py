"""Start-up of the ``nhskg`` command: wall time per command, and the import time ``python -X importtime`` reports.

Baseline in the same run: importing every command module up front, as the CLI did before its subcommands
were loaded lazily. Targets on the project's 2-core machine: ``nhskg --help`` <= 0.15 s, ``nhskg query run
surveys`` <= 0.4 s and a one-sentence ``nhskg trace`` <= 0.3 s (dist/ built beforehand, so no rebuild is timed).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "nhskg --help": ["--help"],
    "nhskg query run surveys": ["query", "run", "surveys"],
    "nhskg trace (one sentence)": ["trace", "47% of CCGs say they are fully involved"],
}
TARGETS = {"nhskg --help": 0.15, "nhskg query run surveys": 0.4, "nhskg trace (one sentence)": 0.3}
EAGER = ("import nhskg.release.commands, nhskg.validation.commands, nhskg.build.commands, nhskg.query.commands, "
         "nhskg.trace.commands, nhskg.network.commands, nhskg.network.plots, nhskg.release.pipeline, "
         "nhskg.validation.shapes")


def _wall(argv: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return times


def _import_seconds(argv: list[str]) -> tuple[float, list[tuple[float, str]]]:
    """Total import time and the heaviest top-level packages, from ``-X importtime`` (microseconds)."""
    err = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True, text=True).stderr
    top: dict[str, float] = {}
    for line in err.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if match and len(match.group(3)) <= 1:  # a top-level import (cumulative includes its children)
            top[match.group(4)] = top.get(match.group(4), 0) + int(match.group(2)) / 1e6
    return sum(top.values()), sorted(((s, n) for n, s in top.items()), reverse=True)[:4]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "nhskg", "build"], capture_output=True, check=True)  # dist/ current
    nhskg = [sys.executable, "-m", "nhskg"]
    baseline = statistics.median(_wall([sys.executable, "-c", EAGER], args.repeat))
    print(f"baseline, every command module imported up front: median {baseline:.3f} s")
    for name, argv in COMMANDS.items():
        times = _wall([*nhskg, *argv], args.repeat)
        imports, heaviest = _import_seconds(["-m", "nhskg", *argv])
        median = statistics.median(times)
        verdict = "meets" if median <= TARGETS[name] else "MISSES"
        print(f"{name}: median {median:.3f} s over {args.repeat} runs ({verdict} the {TARGETS[name]} s target; "
              f"{baseline / median:.1f}x faster than the baseline); imports {imports:.3f} s, heaviest: "
              + ", ".join(f"{n} {s:.3f} s" for s, n in heaviest))


if __name__ == "__main__":
    main()
