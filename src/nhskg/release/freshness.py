"""One rule for every command that reads the built graph: build first when ``dist/`` is older than its inputs.

The inputs are the ontology, the shapes, the curated files, sources and registers, the query catalogue,
and the code of the build side itself. The check only looks at file times (no rdflib, no parsing), so a
command that reads a current ``dist/`` pays nothing for it; when ``dist/`` is stale or missing it says so
in one line on stderr and builds it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import paths

#: The graph every reading command opens.
TRIG = "nhskg.trig"


def _inputs() -> list[Path]:
    folders = [paths.ONTOLOGY.parent, paths.SHAPES_DIR, paths.GRAPH_DIR, paths.QUERIES_DIR, *paths.BUILD_CODE_DIRS]
    files = [f for folder in folders if folder.is_dir() for f in folder.rglob("*") if f.is_file()]
    return files + [f for f in paths.BUILD_CODE_FILES if f.is_file()]


def stale_reason(dist_dir: Path | None = None) -> str | None:
    """Why ``dist/`` must be rebuilt before it is read (missing, or which input is newer); None if current."""
    trig = paths.dist_file(TRIG, dist_dir)
    if not trig.exists():
        return f"{paths.shown(trig)} is missing"
    built = trig.stat().st_mtime
    newer = [f for f in _inputs() if f.stat().st_mtime > built]
    if not newer:
        return None
    newest = max(newer, key=lambda f: f.stat().st_mtime)
    more = f" and {len(newer) - 1} more" if len(newer) > 1 else ""
    return f"{paths.shown(newest)}{more} changed since {paths.shown(trig)} was built"


def fresh_trig(dist_dir: Path | None = None) -> Path:
    """The path of the built TriG, building ``dist/`` first (with a notice on stderr) when it is stale."""
    reason = stale_reason(dist_dir)
    if reason:
        print(f"nhskg: {reason}: building it first", file=sys.stderr)
        from .pipeline import run_build

        run_build(dist_dir)
    return paths.dist_file(TRIG, dist_dir)
