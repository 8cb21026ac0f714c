"""Synthetic graphs with the built graph's shape, at any size: ``dist/nhskg.trig`` replicated with fresh IRIs.

Copy 0 is the built graph itself. Copy k (k ≥ 1) renames every instance IRI under ``/id/`` (documents,
surveys, findings, annotations and their hash IRIs, people, organisations, register entries …) to
``/id/r{k}/…``, every named graph ``/graph/X`` to ``/graph/r{k}/X``, every text a document is read from
(``oa:hasSource``) ``/texts/X`` to ``/texts/r{k}/X`` and every blank node, and keeps the
shared vocabulary: the ontology (its named graph appears once) and the SKOS concepts (topics, units,
measures, value bases, roles …), so k copies are k times the surveys, findings, evidence spans, quotations,
people and registers, all speaking the same vocabulary — as the graph will grow. Literals (labels, exact
words, offsets, values) are kept, so each copy's evidence spans point into its own copy of the texts.

The statistics graph (``graph/statistics``, VoID counts of the other named graphs) is not copied: it would
describe one copy. The copies are counted as they are written (``nhskg.build.statistics``, the build's own
counter, one pass, no quad kept) and their statistics written last, so ``graph-statistics`` answers for the
scaled graph as it does for the built one. Deterministic: the same base file and size give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from nhskg.build.statistics import StatisticsCounter, oxigraph_quads

ID = "https://w3id.org/nhskg/id/"
GRAPH = "https://w3id.org/nhskg/graph/"
TEXTS = "https://w3id.org/nhskg/texts/"
ONTOLOGY_GRAPH = GRAPH + "ontology"
STATISTICS_GRAPH = GRAPH + "statistics"
SKOS = "http://www.w3.org/2004/02/skos/core#"


def _base(trig: Path) -> tuple[list[ox.Quad], set[str]]:
    quads = [q for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG) if q.graph_name.value != STATISTICS_GRAPH]
    concept_kinds = {q.subject.value[len(ID):].split("/")[0] for q in quads
                     if q.predicate.value.endswith("#type") and q.object.value in (SKOS + "Concept", SKOS + "ConceptScheme")
                     and isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(ID)}
    return quads, concept_kinds


def copies_for(triples: int, trig: Path) -> int:
    """How many copies of the built graph make about ``triples`` triples."""
    quads, _ = _base(trig)
    ontology = sum(1 for q in quads if q.graph_name.value == ONTOLOGY_GRAPH)
    return max(1, round((triples - ontology) / (len(quads) - ontology)))


def copies(trig: Path, count: int) -> Iterator[list[ox.Quad]]:
    """The quads of each of ``count`` copies of the dataset in ``trig``, one list a copy (no statistics graph)."""
    quads, concept_kinds = _base(trig)
    for k in range(count):
        cache: dict = {}

        def fresh(term, k=k, cache=cache):
            if k == 0 or isinstance(term, (ox.Literal, ox.DefaultGraph)):
                return term
            found = cache.get(term)
            if found is None:
                if isinstance(term, ox.BlankNode):
                    found = ox.BlankNode(f"{term.value}r{k}")
                elif term.value.startswith(ID) and term.value[len(ID):].split("/")[0].split("#")[0] not in concept_kinds:
                    found = ox.NamedNode(f"{ID}r{k}/{term.value[len(ID):]}")
                elif term.value.startswith(GRAPH):
                    found = ox.NamedNode(f"{GRAPH}r{k}/{term.value[len(GRAPH):]}")
                elif term.value.startswith(TEXTS):  # each copy's documents are read from its own texts
                    found = ox.NamedNode(f"{TEXTS}r{k}/{term.value[len(TEXTS):]}")
                else:
                    found = term
                cache[term] = found
            return found

        yield [ox.Quad(fresh(q.subject), q.predicate, fresh(q.object), fresh(q.graph_name))
               for q in quads if k == 0 or q.graph_name.value != ONTOLOGY_GRAPH]


def write_scaled(trig: Path, count: int, out: Path) -> int:
    """Write ``count`` copies of the dataset in ``trig`` as TriG to ``out`` (atomically), then the statistics
    of what was written; the quads written."""
    tmp = out.with_name(f".{out.name}.tmp")
    written = 0
    counter = StatisticsCounter()  # one copy at a time: the copies are never held together
    with open(tmp, "wb") as handle:
        for batch in copies(trig, count):
            counter.add(batch)
            handle.write(ox.serialize(batch, format=ox.RdfFormat.TRIG))
            written += len(batch)
        statistics = oxigraph_quads(counter.result())
        handle.write(ox.serialize(statistics, format=ox.RdfFormat.TRIG))
        written += len(statistics)
    tmp.replace(out)
    return written
