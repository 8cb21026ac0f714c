"""The query engine: the one module that decides which store answers.

``open_store`` opens ``dist/store/`` (the on-disk Oxigraph store ``nhskg build`` writes) read-only when
it is current — its stamp names the TriG beside it, by size and time, and this pyoxigraph's version —
so a command pays for its query, not for a reload; otherwise it loads ``dist/nhskg.trig`` into an
in-memory store (a small graph, an output folder without a store, a stale or unreadable store). Both
hold the same dataset. ``open_endpoint`` puts any SPARQL 1.1 server in the store's place (``--endpoint``).
Nothing else in the package knows which engine answers.

The default graph is the RDF merge of the named graphs — each distinct triple once, as the README and
VoID count them — and ``GRAPH <https://w3id.org/nhskg/graph/document/003> { ... }`` still reaches one
named graph. (Oxigraph's "default graph as union" option would repeat a triple held in two graphs.)

The store never builds: whoever opens it passes the file, and the command layer decides whether
``dist/`` must be rebuilt first (``release.freshness``).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from .. import paths
from ..errors import UserError


#: ``open_store(…, engine="auto")``: a TriG up to this size (about a million triples) is loaded into memory,
#: where each query runs 1–4× faster than on RocksDB, for a process that answers many (``nhskg serve``).
MEMORY_UP_TO_BYTES = 128 * 2**20
ENGINES = ("disk", "memory", "auto")


def open_store(trig: Path, engine: str = "disk") -> ox.Store:
    """The dataset of the built TriG ``trig``.

    ``disk`` (a command that asks once): the on-disk store when current, else the TriG loaded in memory;
    ``memory``: the TriG in memory; ``auto`` (a server): in memory up to ``MEMORY_UP_TO_BYTES`` of TriG,
    else as ``disk``."""
    if engine not in ENGINES:
        raise UserError(f"store engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if engine == "auto":
        engine = "memory" if trig.exists() and trig.stat().st_size <= MEMORY_UP_TO_BYTES else "disk"
    disk = current_store(trig) if engine == "disk" else None
    if disk is not None:
        try:
            return ox.Store.read_only(str(disk))
        except (OSError, RuntimeError):  # RocksDB reports corruption as RuntimeError
            pass  # unreadable (another RocksDB, a broken copy): the TriG is the truth
    return load_store(trig)


class ReopeningStore:
    """The store of ``trig`` for a process that lives across rebuilds (``nhskg serve``).

    ``current_pair()`` answers the store opened last, with its companion. At most every ``every`` seconds it looks at the TriG (a
    ``stat``); once a rebuild has replaced it — and, for the on-disk engine, once the new store beside it is
    current, since the build writes the TriG first — it opens the new one in a background thread, makes its
    companion there (``attach``: the server's renderer, whose counts read the whole graph), and swaps the two
    in together, so no request waits for a load or sees a half-built dataset. A TriG that fails to open is
    not tried again until it changes. ``hold``: a context held while an on-disk store is opened and read in
    that thread (the server's ``guard.GATE.reading``: no fork while a thread is inside RocksDB, whose state is
    shared by the process); an in-memory load is not held, since it can take many seconds and a child never
    reads the store being loaded."""

    def __init__(self, trig: Path, engine: str = "auto", every: float = 2.0,
                 hold: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext):
        self.trig, self.engine, self.every, self.hold = trig, engine, every, hold
        self._seen, self._failed = _signature(trig), None
        self._prepare: Callable[[ox.Store], object] | None = None
        self._disk = self._disk_store_current()  # before opening: the file open_store will take
        self._pair: tuple[ox.Store, object] = (open_store(trig, engine), None)
        self.generation = 0
        self._checked = time.monotonic()
        self._opening: threading.Thread | None = None
        self._lock = threading.Lock()

    def attach(self, prepare: Callable[[ox.Store], object]) -> None:
        """Make ``prepare(store)`` now for the current store, and in the loader thread for each new one."""
        self._prepare = prepare
        self._pair = (self._pair[0], prepare(self._pair[0]))

    def current_pair(self) -> tuple[ox.Store, object]:
        """The newest store and its companion (``attach``), swapped together; starts a reopen when the TriG was
        rebuilt since."""
        now = time.monotonic()
        if now - self._checked >= self.every:
            with self._lock:
                self._checked = now
                if self._opening is None or not self._opening.is_alive():
                    signature = _signature(self.trig)
                    if signature not in (self._seen, self._failed, None) and self._ready():
                        self._opening = threading.Thread(target=self._reopen, args=(signature,), daemon=True)
                        self._opening.start()
        return self._pair

    def serving(self) -> Path | None:
        """The TriG when the store answering now is the on-disk store of the file there now (no rebuild since),
        else None: the answers built from that store (``nhskg.answers``) are then the very bytes it would give.
        (An in-memory store answers the same solutions but may join a GROUP_CONCAT's values in another order.)"""
        current = self._seen is not None and self._seen == _signature(self.trig)
        return self.trig if current and self._disk else None

    def _on_disk(self) -> bool:
        if self.engine != "auto":
            return self.engine == "disk"
        try:
            return self.trig.stat().st_size > MEMORY_UP_TO_BYTES
        except OSError:
            return False

    def _disk_store_current(self) -> bool:
        return self._on_disk() and current_store(self.trig) is not None

    def _ready(self) -> bool:
        return not self._on_disk() or current_store(self.trig) is not None

    def _reopen(self, signature) -> None:
        hold = self.hold if self._on_disk() else contextlib.nullcontext
        try:
            with hold():
                disk = self._disk_store_current()
                store = open_store(self.trig, self.engine)
                companion = self._prepare(store) if self._prepare else None
        except Exception:  # noqa: BLE001 — a rebuild caught half-way or a bad file: keep serving the old store
            self._failed = signature
            return
        self._pair, self._seen, self._disk, self.generation = (store, companion), signature, disk, self.generation + 1


def _signature(trig: Path) -> tuple[int, int] | None:
    try:
        stat = trig.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def open_endpoint(url: str, timeout: float = 60.0, merge_graph: str | None = None):
    """A SPARQL 1.1 server at ``url`` (its query endpoint) as the store: ``query`` and ``run_query`` work alike.

    ``merge_graph``: the server graph holding the merged default graph, when it is not the server's own."""
    from .remote import RemoteStore

    return RemoteStore(url, timeout, merge_graph)


def current_store(trig: Path) -> Path | None:
    """The on-disk store beside ``trig`` (``store/``) if it was loaded from this very file, else None."""
    disk = paths.store_dir(trig.parent)
    try:
        current = (disk / paths.STORE_STAMP).read_text(encoding="utf-8") == paths.store_stamp(trig, ox.__version__)
    except OSError:
        return None
    return disk if current else None


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
    """The default graph as the RDF merge of the named graphs (one SPARQL update: twice as fast as a Python loop)."""
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def run_query(store: ox.Store, text: str, substitutions: dict | None = None):
    """Run SPARQL on the merged default graph; a syntax error names its line and column."""
    try:
        return store.query(text, substitutions=substitutions or None)
    except SyntaxError as exc:
        raise UserError(f"SPARQL syntax error: {exc}") from None
