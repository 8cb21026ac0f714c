"""The query engine: a built dataset (``dist/nhskg.trig``) in an in-memory Oxigraph store.

The store never builds: whoever opens it passes the file, and the command layer decides whether
``dist/`` must be rebuilt first (``release.freshness``).

Queries see every named graph through the default graph (union), and can still name a graph with
``GRAPH <https://w3id.org/nhskg/graph/document/003> { ... }``.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..errors import UserError


def load_store(trig: Path) -> ox.Store:
    """The dataset of the TriG file ``trig`` in a fresh in-memory store."""
    if not trig.exists():
        raise UserError(f"{trig}: no such file — run `nhskg build` first")
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
