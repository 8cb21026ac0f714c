"""The dataset description (VoID + DCAT): licence, attribution, sources, counts, build time, version."""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, VOID, XSD

from .. import __version__, vocab
from ..build.shared import ONS_ATTRIBUTION, REGISTER_ATTRIBUTION
from ..vocab import NHSKG

CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")
DUMPS = {"nhskg.trig": "application/trig", "nhskg.ttl": "text/turtle", "nhskg.nt": "application/n-triples",
         "nhskg.jsonld": "application/ld+json"}


def describe(ds: Dataset, stats: dict, built: str | None) -> Graph:
    """A VoID/DCAT description of the built dataset, its subsets (named graphs) and its dumps."""
    g = Graph()
    for prefix, ns in vocab.PREFIXES.items():
        g.bind(prefix, ns)
    d = vocab.DATASET
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, RDF.type, DCAT.Dataset))
    g.add((d, DCTERMS.title, Literal("nhskg: NHS commissioning bodies and survey claims about them")))
    g.add((d, DCTERMS.description, Literal(
        "NHS commissioning bodies in England (CCGs, PCTs, SHAs, area teams, regions and the bodies named in "
        "five news reports and press releases of 2012-2013) and the survey claims those texts make, each "
        "claim anchored by W3C Web Annotation selectors to the exact words of its verbatim source.")))
    g.add((d, DCTERMS.license, CC_BY))
    g.add((d, DCTERMS.rights, Literal(
        "Curated annotations: CC BY 4.0. Register data: Open Government Licence v3.0. The verbatim source "
        "texts remain the copyright of their publishers and are included as evidence for the annotations.")))
    for text in sorted({ONS_ATTRIBUTION, *REGISTER_ATTRIBUTION.values()}):
        g.add((d, NHSKG.attribution, Literal(text)))
    g.add((d, DCTERMS.hasVersion, Literal(__version__)))
    g.add((d, NHSKG.buildTool, Literal(f"nhskg {__version__}")))
    if built:
        g.add((d, DCTERMS.modified, Literal(built, datatype=XSD.dateTime)))
    g.add((d, VOID.uriSpace, Literal(str(vocab.ID))))
    g.add((d, VOID.vocabulary, URIRef(str(NHSKG))))
    g.add((d, VOID.triples, Literal(stats["triples"], datatype=XSD.integer)))
    g.add((d, VOID.entities, Literal(len({q[0] for q in ds.quads((None, None, None, None))
                                          if isinstance(q[0], URIRef)}), datatype=XSD.integer)))
    for name, media in DUMPS.items():
        dist = URIRef(f"{vocab.BASE}dist/{name}")
        g.add((d, VOID.dataDump, dist))
        g.add((d, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.mediaType, Literal(media)))
        g.add((dist, DCTERMS.license, CC_BY))
        for text in sorted({ONS_ATTRIBUTION, *REGISTER_ATTRIBUTION.values()}):  # the dumps carry register data
            g.add((dist, NHSKG.attribution, Literal(text)))
    for graph_name, count in stats["graphs"].items():
        subset = URIRef(graph_name)
        g.add((d, VOID.subset, subset))
        g.add((subset, RDF.type, VOID.Dataset))
        g.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
        g.add((subset, RDFS.label, Literal(graph_name.rsplit("/graph/", 1)[-1])))
    registers = ds.graph(vocab.REGISTERS_GRAPH)
    for s in sorted(set(registers.subjects(RDF.type, DCAT.Distribution))):  # described here too: void.ttl stands alone
        g.add((d, DCTERMS.source, s))
        g.add((d, PROV.wasDerivedFrom, s))
        for p in (RDF.type, RDFS.label, DCTERMS.license, NHSKG.attribution):
            for o in registers.objects(s, p):
                g.add((s, p, o))
    for doc in sorted({q[0] for q in ds.quads((None, NHSKG.sha256, None, None))}):
        g.add((d, DCTERMS.source, doc))
        g.add((d, PROV.wasDerivedFrom, doc))
        g.add((doc, RDF.type, PROV.Entity))  # a reference: the full description is in the dataset
        g.add((doc, RDFS.label, next(ds.quads((doc, RDFS.label, None, None)))[2]))
    return g
