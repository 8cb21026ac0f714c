"""The shapes' constraints run by shape, in this process or split with a forked one, merged in one order.

Each node shape — its compiled core constraints (``shacl_core``) and its SPARQL constraints (``shacl_sparql``)
— reads the data and writes nothing another shape reads (the only writes, the focus-node scratch graph of
``FocusNodes.exact``, stay in the process that makes them), so shapes can run in any order and in any
process. At a million triples the queries take ~10 s of one core: a second process, forked once the data is
loaded so it shares the in-memory store page for page (copy-on-write, no reload, no pickling of the
store), roughly halves that on two free cores. Both processes claim the next shape from a shared counter
(the costliest first, so neither is left with a long one at the end), and the results are put back in the
order of a serial run — by node shape, then by SPARQL constraint — so the report is the same byte for byte
whoever ran what. Whatever the child did not hand back (it failed, or was killed) the parent runs itself,
in order, so an error is raised as a serial run raises it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import SH

from ..trace_index import collector_paused
from .data import Literals
from .shacl_core import CoreResult, compiler, node_shapes
from .shacl_sparql import FocusNodes, SparqlResult, run_constraints

#: From this many triples of data two processes run the shapes; under it a fork (~20-50 ms, and the child's
#: own caches) costs more than it saves: the built graph (~13k triples) validates in well under a second.
PARALLEL_FROM = 200_000


#: Overrides ``default_workers`` (1 or 2), for measuring one against the other; the report is the same.
WORKERS_VARIABLE = "NHSKG_VALIDATION_WORKERS"


def default_workers(triples: int) -> int:
    """How many processes validate ``triples`` triples: 2 from ``PARALLEL_FROM`` when this process may use two
    cores (its CPU affinity) and the machine leaves one free (a 1-minute load average, this process's own
    work included, under cores - 0.5), else 1. Two processes spend ~15% more CPU (each reads some
    predicates' subjects again, and the fork copies pages): on a core another program keeps busy they only
    take turns, measured no faster. ``NHSKG_VALIDATION_WORKERS`` (1 or 2) decides instead."""
    chosen = os.environ.get(WORKERS_VARIABLE, "").strip()
    if chosen in ("1", "2"):
        return int(chosen) if _can_fork() else 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:  # no load average on this system
        busy = 0.0
    return 2 if triples >= PARALLEL_FROM and cores >= 2 and busy < cores - 0.5 and _can_fork() else 1


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_shapes(shapes: Graph, core: Graph, pairs: list, store: ox.Store, literals: Literals | None,
               workers: int = 1) -> tuple[list[CoreResult], list[SparqlResult]]:
    """The core results of every node shape of ``core`` and the results of the SPARQL constraints ``pairs``
    ((shape, constraint), from ``split_sparql(shapes)``), in a serial run's order, over ``store``.

    ``workers``: 1 runs here; 2 forks one child that shares the work. ``Unsupported`` (a construct the
    compiler does not know) and ``UserError`` (a SPARQL constraint that does not parse) are raised as a
    serial run raises them."""
    ordered = node_shapes(core)
    by_shape: dict = {}
    for index, (shape, _) in enumerate(pairs):
        by_shape.setdefault(shape, []).append(index)
    units = list(dict.fromkeys([*ordered, *by_shape]))  # each shape once: its core and its SPARQL constraints
    with collector_paused():  # millions of short-lived terms, no cycles: the collector's passes are waste
        done = _run(shapes, core, pairs, store, literals, units, by_shape, set(ordered), workers)
    found = [r for shape in ordered for r in done[shape][0]]
    sparql = [r for index in range(len(pairs)) for r in done[pairs[index][0]][1][index]]
    return found, sparql


def _run(shapes, core, pairs, store, literals, units, by_shape, compiled, workers) -> dict:
    focus = FocusNodes(core, store)
    results_of = compiler(core, store, literals, focus)

    def one(shape) -> tuple[list, dict]:
        own = results_of(shape) if shape in compiled else []
        return own, {i: run_constraints(shapes, [pairs[i]], store, focus) for i in by_shape.get(shape, ())}

    try:
        done: dict = {}
        if workers > 1 and len(units) > 1 and _can_fork():
            done = _shared(_costliest_first(core, units, by_shape), one)
        for shape in units:  # what the child did not hand back, and everything in a serial run, in order
            if shape not in done:
                done[shape] = one(shape)
        return done
    finally:
        focus.drop()


def _shared(units: list, one: Callable) -> dict:
    """``one(unit)`` for each of ``units``, claimed in turn by this process and one forked child. Returns what
    both finished; a unit that failed here, or that the child did not hand back, is left out."""
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)
    receive, send = context.Pipe(duplex=False)

    def claim():
        while True:
            with counter.get_lock():
                index = counter.value
                counter.value += 1
            if index >= len(units):
                return
            yield units[index]

    def child() -> None:
        finished = {}
        # a unit that fails here is left out: the parent runs it again and raises what it raises
        with contextlib.suppress(BaseException):
            for unit in claim():
                finished[unit] = one(unit)
        send.send(finished)

    process = context.Process(target=child, daemon=True)
    process.start()
    send.close()
    done: dict = {}
    try:
        for unit in claim():
            done[unit] = one(unit)
    except Exception:  # noqa: BLE001 — left out, so the caller runs it again in order and raises it there
        with counter.get_lock():
            counter.value = len(units)  # the child stops claiming
    try:
        done.update(receive.recv())
    except (EOFError, OSError):
        pass  # the child died without a word: the caller runs its units
    process.join()
    receive.close()
    return done


def _costliest_first(core: Graph, units: list, by_shape: dict) -> list:
    """``units`` ordered by a rough cost, highest first: a SPARQL-based target scans the whole graph, then the
    more constraints, the more queries. (Only the pace depends on this order, never the report.)"""
    def cost(shape) -> tuple:
        constraints = sum(1 for _ in core.objects(shape, SH.property)) + 2 * len(by_shape.get(shape, ()))
        return (-any(core.objects(shape, SH.target)), -constraints, str(shape))
    return sorted(units, key=cost)
