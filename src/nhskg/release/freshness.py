"""One rule for every command that reads the built graph: build first when ``dist/`` is not of its inputs.

``dist/inputs.json`` records every input file as the build found it (``inputs``); dist/ is current when
the files are exactly those, no more, no fewer, unchanged. The check reads file sizes and times only (no
rdflib, no parsing), so a command that reads a current dist/ pays nothing for it; a stale or missing
dist/ is said in one line on stderr and built.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import paths
from ..errors import UserError
from . import inputs

#: The graph every reading command opens.
TRIG = paths.TRIG


def stale_reason(dist_dir: Path | None = None) -> str | None:
    """Why ``dist/`` must be rebuilt before it is read (missing, or which input changed); None if current."""
    trig = paths.dist_file(TRIG, dist_dir)
    if not trig.exists():
        return f"{paths.shown(trig)} is missing"
    built = inputs.read_record(dist_dir)
    if built is None:
        return f"{paths.shown(trig)} has no record of the inputs it was built from"
    now = inputs.snapshot()
    changed = sorted(name for name in now if name in built and built[name] != now[name])
    added = sorted(set(now) - set(built))
    removed = sorted(set(built) - set(now))
    if not (changed or added or removed):
        return None
    first, how = ((changed[0], "changed") if changed else (added[0], "was added") if added else (removed[0], "was removed"))
    count = len(changed) + len(added) + len(removed)
    more = f" and {count - 1} more" if count > 1 else ""
    return f"{first}{more} {how} since {paths.shown(trig)} was built"


def fresh_trig(dist_dir: Path | None = None) -> Path:
    """The path of the built TriG, building ``dist/`` first (with a notice on stderr) when it is stale.

    A TriG with no record of inputs beside it was not written by ``nhskg build`` (a graph copied or generated
    into the folder ``NHSKG_DIST`` names): it is refused, never rebuilt over — a build would replace it and
    everything beside it with the project's own graph."""
    reason = stale_reason(dist_dir)
    trig = paths.dist_file(TRIG, dist_dir)
    # the project's own dist/ is the build's to replace (an old or interrupted build, a corrupt record): only
    # another folder (NHSKG_DIST) with a TriG and no record at all is refused (review)
    foreign = trig.parent.resolve() != paths.DEFAULT_DIST_DIR.resolve()
    if reason and foreign and trig.exists() and not paths.dist_file(inputs.RECORD, dist_dir).exists():
        raise UserError(f"{paths.shown(trig)} was not written by `nhskg build` (no {inputs.RECORD} beside it), so it "
                        f"is not rebuilt over: point NHSKG_DIST at the folder `nhskg build` writes (default dist/), "
                        f"or run `nhskg build` there yourself to replace what that folder holds")
    if reason:
        print(f"nhskg: {reason}: building it first", file=sys.stderr)
        from .pipeline import run_build

        run_build(dist_dir)
    return paths.dist_file(TRIG, dist_dir)
