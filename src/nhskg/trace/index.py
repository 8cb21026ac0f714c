"""The trace index — every finding with what a fact-checker needs to match and trace it — for trace.

``index_for`` reads ``dist/trace-index.jsonl``, written by ``nhskg build``, when its stamp says it is of
this TriG, and otherwise reads the graph by SPARQL (``load_index``: a remote server, a graph built
without the file, a file stale or altered). Both give the same index; ``nhskg.trace_index`` holds the
queries, the records and the file's format, shared with the release that writes it.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .. import paths
from ..query.store import open_store, run_query
from ..trace_index import Evidence, FindingInfo, read_file, read_index

__all__ = ["Evidence", "FindingInfo", "index_for", "load_index", "materialised_index"]


def load_index(store: ox.Store) -> dict[str, FindingInfo]:
    """Every finding by IRI, read from ``store`` (or a remote endpoint) by SPARQL."""
    return read_index(lambda text: run_query(store, text))


def materialised_index(trig: Path) -> dict[str, FindingInfo] | None:
    """The index ``nhskg build`` wrote beside ``trig``, if it was read from this very file; else None."""
    return read_file(trig, *paths.trace_index_files(trig.parent))


def index_for(trig: Path, store: ox.Store | None = None) -> dict[str, FindingInfo]:
    """The index of the built TriG ``trig``: its file when current, else read by SPARQL from ``store`` (one the
    caller already holds open on ``trig``, as the server does) or from the store of ``trig``."""
    index = materialised_index(trig)
    if index is not None:
        return index
    return load_index(store if store is not None else open_store(trig))
