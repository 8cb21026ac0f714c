"""Curated inputs and registers -> one rdflib Dataset of named graphs (in memory).

Named graphs: the ontology, the registers, the shared curation (organisations, people, topics,
judgements), one graph per source document (what the curators say it says), and one per document holding
only its verbatim text (``graph/text/NNN``: the publisher's copyright, so the open dumps can leave it out). ``sorted_graph`` and ``union_graph`` fill a graph in
sorted triple order, so whatever serialises it iterates deterministically, whatever the hash seed. The
check results (named graph ``checks``) are added by ``validation.checks.with_check_results``, and
``release`` writes ``dist/``.
"""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from .. import paths, vocab
from ..errors import UserError, one_line
from ..vocab import NHSKG
from . import shared
from .claims import DocumentEmitter
from .context import Context, load_context


def bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in vocab.PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def build_dataset(ctx: Context | None = None) -> Dataset:
    """Build every named graph from the curated inputs; raises a ``UserError`` on a bad input."""
    ctx = ctx or load_context()
    ds = Dataset()
    bind_prefixes(ds)
    ontology = ds.graph(vocab.ONTOLOGY_GRAPH)
    try:
        ontology.parse(paths.ONTOLOGY, format="turtle")
    except vocab.RDF_PARSE_ERRORS as exc:
        raise UserError(f"{paths.ONTOLOGY}: cannot be read as Turtle: {one_line(exc)}") from None
    shared.registers(ctx.registers, ds.graph(vocab.REGISTERS_GRAPH))
    curation = ds.graph(vocab.CURATION_GRAPH)
    shared.organisations(ctx, curation)
    shared.people(ctx, curation)
    shared.topics_and_series(ctx, curation)
    shared.judgements(ctx, curation)
    shared.documents(ctx, lambda doc_id: ds.graph(vocab.graph_for_document(doc_id)),
                     lambda doc_id: ds.graph(vocab.graph_for_text(doc_id)))
    for doc_id in ctx.documents:
        DocumentEmitter(ctx, doc_id, ds.graph(vocab.graph_for_document(doc_id))).emit()
    return ds


def check_vocabulary(ds: Dataset) -> None:
    """Every ``nhskg:`` term and controlled-list concept the data uses must be declared in the ontology."""
    ontology = ds.graph(vocab.ONTOLOGY_GRAPH)
    declared = set(ontology.subjects())
    used: set[URIRef] = set()
    controlled = ("unit", "measure", "value-basis", "qualifier", "fit", "basis", "judgement-kind",
                  "confidence", "operation", "check-kind", "severity")
    data = (q for q in ds.quads((None, None, None, None)) if q[3] != vocab.ONTOLOGY_GRAPH)
    for _, p, o, _ in data:
        for term in (p, o) if p != RDF.type else (o,):
            if isinstance(term, URIRef) and (
                    str(term).startswith(str(NHSKG))
                    or any(str(term).startswith(str(vocab.ID[c + "/"])) for c in controlled)):
                used.add(term)
    missing = sorted(str(t) for t in used - declared)
    if missing:
        raise UserError(f"{paths.ONTOLOGY}: terms used by the data but not declared: {', '.join(missing)} "
                        "— declare each with rdfs:label and skos:definition")


def sorted_graph(triples) -> Graph:
    """A graph filled in sorted triple order, so serialisers iterate deterministically."""
    graph = Graph()
    bind_prefixes(graph)
    for triple in sorted(set(triples)):
        graph.add(triple)
    return graph


def union_graph(ds: Dataset) -> Graph:
    """Every named graph's triples as one graph, filled in sorted order (see ``sorted_graph``)."""
    return sorted_graph(q[:3] for q in ds.quads((None, None, None, None)))


