"""The query engine: the built dataset in an in-memory Oxigraph store.

Queries see every named graph through the default graph (union), and can still name a graph with
``GRAPH <https://w3id.org/nhskg/graph/document/003> { ... }``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox

from . import paths
from .errors import UserError


def load_store(trig: Path | None = None) -> ox.Store:
    """The dataset of ``dist/nhskg.trig`` (built first when it is missing) in a fresh store."""
    trig = trig or paths.dist_file("nhskg.trig")
    if not trig.exists():
        if trig != paths.dist_file("nhskg.trig"):
            raise UserError(f"{trig}: no such file")
        from .build import run_build

        print("dist/nhskg.trig is missing: building it first", file=sys.stderr)
        run_build()
    store = ox.Store()
    try:
        store.load(path=str(trig), format=ox.RdfFormat.TRIG)
    except (SyntaxError, ValueError) as exc:
        raise UserError(f"{trig}: cannot be read as TriG: {exc}") from None
    return store


def run_query(store: ox.Store, text: str, substitutions: dict | None = None):
    """Run SPARQL over the union of the named graphs; a syntax error names its line and column."""
    try:
        return store.query(text, use_default_graph_as_union=True, substitutions=substitutions or None)
    except SyntaxError as exc:
        raise UserError(f"SPARQL syntax error: {exc}") from None
