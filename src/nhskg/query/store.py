"""The query engine: a built dataset (``dist/nhskg.trig``) in an in-memory Oxigraph store.

The default graph is the RDF merge of the named graphs — each distinct triple once, as the README and
VoID count them — and ``GRAPH <https://w3id.org/nhskg/graph/document/003> { ... }`` still reaches one
named graph. (Oxigraph's "default graph as union" option would repeat a triple held in two graphs.)

The store never builds: whoever opens it passes the file, and the command layer decides whether
``dist/`` must be rebuilt first (``release.freshness``).
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
    _merge_into_default_graph(store)
    return store


def store_from_trig(data: bytes) -> ox.Store:
    """A store of TriG bytes (an in-memory build, in tests and benchmarks), set up like ``load_store``."""
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TRIG)
    _merge_into_default_graph(store)
    return store


def _merge_into_default_graph(store: ox.Store) -> None:
    default = ox.DefaultGraph()
    store.extend([ox.Quad(q.subject, q.predicate, q.object, default)
                  for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != default])


def run_query(store: ox.Store, text: str, substitutions: dict | None = None):
    """Run SPARQL on the merged default graph; a syntax error names its line and column."""
    try:
        return store.query(text, substitutions=substitutions or None)
    except SyntaxError as exc:
        raise UserError(f"SPARQL syntax error: {exc}") from None
