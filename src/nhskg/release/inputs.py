"""What a build reads, as a record: every input file with its size and modification time.

The release writes this record (``dist/inputs.json``) from a snapshot taken *before* the build reads
anything, so an edit made while a build runs is still seen as newer; ``freshness`` compares the record
with the files as they are now, so a removed or renamed input counts as a change, and a clock that put
a file in the future cannot make every later command rebuild.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import paths

RECORD = "inputs.json"


def _wanted(path: Path, folder: Path) -> bool:
    """Editor swap files, dotfiles and byte-code are not inputs."""
    inside = path.relative_to(folder).parts
    return path.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in inside)


def snapshot() -> dict[str, list[int]]:
    """Every input file (shown path) with [size, mtime_ns]: the ontology, shapes, graph/, queries/ and
    the build side's code."""
    folders = [paths.ONTOLOGY.parent, paths.SHAPES_DIR, paths.GRAPH_DIR, paths.QUERIES_DIR, *paths.BUILD_CODE_DIRS]
    files = [f for folder in folders if folder.is_dir() for f in folder.rglob("*") if _wanted(f, folder)]
    files += [f for f in paths.BUILD_CODE_FILES if f.is_file()]
    return {paths.shown(f): [f.stat().st_size, f.stat().st_mtime_ns] for f in sorted(set(files))}


def record(inputs: dict[str, list[int]]) -> bytes:
    return (json.dumps(inputs, indent=0, sort_keys=True) + "\n").encode()


def read_record(dist_dir: Path | None = None) -> dict[str, list[int]] | None:
    path = paths.dist_file(RECORD, dist_dir)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
