"""The statistics graph (``graph/statistics``): VoID counts of the other named graphs, counted once by the build.

``queries/graph-statistics.rq`` used to count every triple of every named graph and every ``rdf:type`` at
query time: over 500 ms at a million triples however the query was written, because it reads the whole
graph. The counts change only when the data does, so the build counts them once and the query reads them.

What it holds, in VoID (http://rdfs.org/ns/void#), with the IRIs ``void.ttl`` uses::

    <id/dataset/nhskg> a void:Dataset ; void:subset <graph/X>, … ; void:classPartition <…/class/nhskg.Finding>, … .
    <graph/X> a void:Dataset ; void:triples 1421 ; schema:position 3 .
    <id/dataset/nhskg/class/nhskg.Finding> a void:Dataset ; rdfs:label "instances of nhskg:Finding" ;
        void:class nhskg:Finding ; void:entities 82 ; schema:position 17 .

``void:triples``: the triples of one named graph (a triple asserted in two graphs counts in each).
``void:entities`` of a class partition: the distinct instances of the class in the merge of the named
graphs, by asserted ``rdf:type`` only (no subclass inference), as the query counted before.
``schema:position``: the subset's place among the subsets by IRI, the partition's among the partitions by
class IRI — the order the query lists them in. Sorting rows by IRI costs a dictionary lookup per comparison
on the on-disk store (at 10M, 9,706 rows: 0.55 s of a 0.7 s query); by an integer, nothing (0.15 s).

The graph does not describe itself: it names no ``void:subset`` for ``graph/statistics``, and its own triples
(the ``void:Dataset`` typings above) count in no partition — a count that counted itself would change as it
was written. ``void.ttl``, outside the dataset, carries the same triples and the statistics graph's own size.
Nothing in it varies but the counts (no build time), so the same inputs give the same bytes.

``StatisticsCounter`` reads a stream of quads, rdflib 4-tuples or pyoxigraph ``Quad``s, so the build and
``benchmarks/scale_graphs.py`` (which writes copies of the graph up to 10M triples) count alike.
``queries/checks/stale-statistics.rq`` recounts them.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, VOID, XSD

from .. import vocab
from ..iris import curie

_TYPE = str(RDF.type)
_POSITION = vocab.SCHEMA.position
_STATISTICS = str(vocab.STATISTICS_GRAPH)
_RDFLIB_DEFAULT = "urn:x-rdflib:default"  # rdflib's name for a Dataset's default graph
_LOCAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Statistics:
    """Triples per named graph and distinct instances per class (IRIs as strings, sorted)."""

    graphs: dict[str, int]
    classes: dict[str, int]


class StatisticsCounter:
    """Counts a stream of quads given in parts (``add`` may be called many times), in one pass.

    The stream must hold each quad once, as a parse of a dump or a store does: a quad given twice counts twice
    in its graph's triples (keeping every quad to drop repeats would cost gigabytes at 10M). Quads of the
    statistics graph and of the default graph are passed over. Memory: the set of typed instances per class
    (about 0.2 KB an instance), not the quads."""

    def __init__(self) -> None:
        self._graphs: Counter[str] = Counter()
        self._instances: dict[str, set] = {}

    def add(self, quads: Iterable) -> None:
        """Count ``quads``: rdflib ``(s, p, o, graph)`` tuples (``Dataset.quads``) or pyoxigraph ``Quad``s."""
        graphs, instances = self._graphs, self._instances
        for quad in quads:
            if isinstance(quad, tuple):  # rdflib: the terms are str subclasses; a graph is its identifier
                s, p, o, g = quad
                if isinstance(g, Graph):  # older rdflib gives the graph itself
                    g = g.identifier
                if not isinstance(g, URIRef):  # a triple of no named graph
                    continue
                name = str(g)
                cls = str(o) if isinstance(o, URIRef) else None
                predicate = str(p)
            else:  # pyoxigraph, told by class name: counting rdflib quads need not import it
                graph = quad.graph_name
                if graph.__class__.__name__ == "DefaultGraph":
                    continue
                name, s, predicate, o = graph.value, quad.subject, quad.predicate.value, quad.object
                cls = o.value if o.__class__.__name__ == "NamedNode" else None
            if name == _STATISTICS or name == _RDFLIB_DEFAULT:
                continue
            graphs[name] += 1
            if predicate == _TYPE and cls is not None:  # a class that is no IRI cannot be named by void:class
                found = instances.get(cls)
                if found is None:
                    found = instances[cls] = set()
                found.add(s)

    def result(self) -> Statistics:
        """The counts so far."""
        return Statistics(graphs={g: n for g, n in sorted(self._graphs.items()) if n},
                          classes={c: len(i) for c, i in sorted(self._instances.items())})


def count_statistics(quads: Iterable) -> Statistics:
    """The statistics of a stream of quads (see ``StatisticsCounter``)."""
    counter = StatisticsCounter()
    counter.add(quads)
    return counter.result()


def partition_iri(class_iri: str) -> URIRef:
    """The class partition of ``class_iri`` in the dataset: ``…/id/dataset/nhskg/class/nhskg.Finding``.

    Readable where the class has a project prefix (no prefix holds a '.', so prefix and local name part
    unambiguously), else a digest of the IRI: one IRI per class whatever the build."""
    short = curie(class_iri)
    prefix, _, local = short.partition(":")
    if not short.startswith("<") and _LOCAL.match(local):
        return URIRef(f"{vocab.DATASET}/class/{prefix}.{local}")
    return URIRef(f"{vocab.DATASET}/class/iri.{hashlib.sha256(class_iri.encode()).hexdigest()[:16]}")


def statistics_graph(stats: Statistics) -> Graph:
    """The statistics as a VoID graph (the content of ``graph/statistics``)."""
    g = Graph()
    d = vocab.DATASET
    g.add((d, RDF.type, VOID.Dataset))
    for position, (name, count) in enumerate(stats.graphs.items(), start=1):  # sorted by IRI
        subset = URIRef(name)
        g.add((d, VOID.subset, subset))
        g.add((subset, RDF.type, VOID.Dataset))
        g.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
        g.add((subset, _POSITION, Literal(position, datatype=XSD.integer)))
    for position, (cls, count) in enumerate(stats.classes.items(), start=1):
        partition = partition_iri(cls)
        g.add((d, VOID.classPartition, partition))
        g.add((partition, RDF.type, VOID.Dataset))
        g.add((partition, RDFS.label, Literal(f"instances of {curie(cls)}")))
        g.add((partition, VOID["class"], URIRef(cls)))
        g.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
        g.add((partition, _POSITION, Literal(position, datatype=XSD.integer)))
    return g


def oxigraph_quads(stats: Statistics) -> list:
    """The statistics graph as pyoxigraph quads in the statistics graph, in sorted order (for writers that
    stream quads, such as ``benchmarks/scale_graphs.py``)."""
    import pyoxigraph as ox

    def term(t):
        if isinstance(t, URIRef):
            return ox.NamedNode(str(t))
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype))) if t.datatype else ox.Literal(str(t))

    graph = ox.NamedNode(_STATISTICS)
    return [ox.Quad(term(s), term(p), term(o), graph) for s, p, o in sorted(statistics_graph(stats))]


def with_statistics(ds: Dataset) -> Dataset:
    """``ds`` with the statistics of its other named graphs as the named graph ``statistics`` (replacing
    any there). Call it last: it counts what the dataset holds now."""
    stats = count_statistics(ds.quads((None, None, None, None)))
    graph = ds.graph(vocab.STATISTICS_GRAPH)
    graph.remove((None, None, None))
    for triple in statistics_graph(stats):
        graph.add(triple)
    return ds
