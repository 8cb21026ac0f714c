"""The SPARQL 1.1 Service Description of the endpoint (what ``GET /sparql`` with no query returns)."""

from __future__ import annotations

import pyoxigraph as ox

from ..iris import BASE, PREFIXES
from ..query.guard import GRAPH_FORMATS

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def description(store: ox.Store, endpoint: str, fmt: str = "turtle") -> bytes:
    """An ``sd:Service`` for ``endpoint``: language, result formats, the default dataset and its named graphs."""
    sd = lambda name: ox.NamedNode(SD + name)  # noqa: E731 — a local shorthand for the vocabulary
    service, dataset, default = ox.NamedNode(endpoint), ox.BlankNode("dataset"), ox.BlankNode("default")
    triples = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, sd("Graph")),
        ox.Triple(default, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
                  ox.NamedNode(BASE + "id/dataset/nhskg")),
    ]
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle",
                 "N-Triples", "JSON-LD", "RDF_XML"):
        triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + name)))
    for number, graph in enumerate(sorted(store.named_graphs(), key=str)):
        entry = ox.BlankNode(f"named{number}")
        triples += [ox.Triple(dataset, sd("namedGraph"), entry), ox.Triple(entry, RDF_TYPE, sd("NamedGraph")),
                    ox.Triple(entry, sd("name"), graph)]
    return ox.serialize(triples, format=GRAPH_FORMATS[fmt],
                        prefixes={"sd": SD, **PREFIXES} if fmt == "turtle" else None)
