"""The dataset description (VoID + DCAT): licence and rights per part, attribution, sources, counts, build
time, version.

Each named graph is a ``void:subset`` with its ``void:triples``, its own ``dcterms:license`` and
``dcterms:rightsHolder``: the ontology, curated annotations, check results and statistics are CC BY 4.0 (the
curators); the registers are Open Government Licence v3.0 (Crown copyright); each verbatim text
(``graph/text/NNN``) is its publisher's copyright with no licence at all, only a ``dcterms:rights``
statement. Each dump says which licences apply to what it holds; ``nhskg-open.trig`` holds no verbatim text.
The class partitions (``void:classPartition`` with ``void:class`` and ``void:entities``) and the subsets'
sizes are the triples of the statistics graph (``build.statistics``), so the two descriptions agree.
"""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, TIME, VOID, XSD

from .. import __version__, vocab
from ..build.statistics import count_statistics, statistics_graph
from ..build.shared import CC_BY, OGL, ONS_ATTRIBUTION, REGISTER_ATTRIBUTION
from ..vocab import NHSKG

#: Every dump: its media type and whether it holds the verbatim texts.
DUMPS = {"nhskg.trig": ("application/trig", True), "nhskg-open.trig": ("application/trig", False),
         "nhskg.nq": ("application/n-quads", True), "nhskg.ttl": ("text/turtle", True),
         "nhskg.nt": ("application/n-triples", True), "nhskg.jsonld": ("application/ld+json", True)}
DUMPS_BASE = vocab.BASE + "dumps/"

CURATED_RIGHTS = "Curated by the nhskg curators; licensed under CC BY 4.0 (attribute: nhskg curators)."
REGISTER_RIGHTS = "Crown copyright; licensed under the Open Government Licence v3.0."
MIXED_RIGHTS = ("Holds parts under different terms; each named graph (void:subset) carries its own licence: "
                "curated annotations, ontology and check results CC BY 4.0; register data Open Government "
                "Licence v3.0; the verbatim source texts (graph/text/*) the copyright of their publishers, "
                "all rights reserved, not licensed for reuse. Use nhskg-open.trig where you may not "
                "redistribute the texts.")
OPEN_RIGHTS = ("Holds no verbatim source text: curated annotations, ontology and check results CC BY 4.0; "
               "register data Open Government Licence v3.0.")


DCAT_VERSION = URIRef("http://www.w3.org/ns/dcat#version")
#: England, the area the bodies served (ONS statistical geography E92000001)
ENGLAND = URIRef("http://statistics.data.gov.uk/id/statistical-geography/E92000001")


def vocabularies(ds: Dataset) -> list[str]:
    """The namespace of every property and class the data uses (void:vocabulary)."""
    terms = {q[1] for q in ds.quads((None, None, None, None))} | {q[2] for q in ds.quads((None, RDF.type, None, None))}
    return sorted({str(t)[: max(str(t).rfind("#"), str(t).rfind("/")) + 1] for t in terms if isinstance(t, URIRef)})


def coverage(g: Graph, d: URIRef, ds: Dataset) -> None:
    """dcterms:temporal from the earliest to the latest date the data states (fieldwork, publication,
    register dates); dcterms:spatial England."""
    dates = sorted({str(q[2]) for p in (NHSKG.fieldworkPeriod, vocab.SCHEMA.datePublished, TIME.inXSDDate)
                    for q in ds.quads((None, p, None, None))})
    if dates:
        period = URIRef(str(d) + "#temporal")
        g.add((d, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        for prop, value in ((DCAT.startDate, dates[0]), (DCAT.endDate, dates[-1])):
            kind = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
            g.add((period, prop, Literal(value, datatype=kind)))
    g.add((d, DCTERMS.spatial, ENGLAND))
    g.add((ENGLAND, RDFS.label, Literal("England")))


def dump_iri(name: str) -> URIRef:
    return URIRef(DUMPS_BASE + name)


def _graph_rights(ds: Dataset, name: str) -> tuple[URIRef | None, list[URIRef], str]:
    """(licence or None, rights holders, rights statement) of one named graph."""
    if vocab.is_text_graph(name):
        doc = next(iter({s for s, _, _ in ds.graph(URIRef(name))}))
        holders = sorted(o for q in ds.quads((doc, DCTERMS.rightsHolder, None, None)) for o in [q[2]])
        rights = next((str(q[2]) for q in ds.quads((doc, DCTERMS.rights, None, None))), "")
        return None, holders, rights
    if URIRef(name) == vocab.REGISTERS_GRAPH:
        return OGL, [vocab.CROWN], REGISTER_RIGHTS
    return CC_BY, [vocab.CURATORS], CURATED_RIGHTS


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
        "five news reports and press releases of 2011-2013) and the survey claims those texts make, each "
        "claim anchored by W3C Web Annotation selectors to the exact words of its verbatim source.")))
    g.add((d, DCTERMS.rights, Literal(MIXED_RIGHTS)))
    for text in sorted({ONS_ATTRIBUTION, *REGISTER_ATTRIBUTION.values()}):
        g.add((d, NHSKG.attribution, Literal(text)))
    g.add((d, OWL.versionInfo, Literal(__version__)))  # a version is a literal: dcterms:hasVersion takes a resource
    g.add((d, DCAT_VERSION, Literal(__version__)))
    g.add((d, DCTERMS.publisher, vocab.CURATORS))
    if built:
        g.add((d, DCTERMS.issued, Literal(built[:10], datatype=XSD.date)))
    coverage(g, d, ds)
    g.add((d, NHSKG.buildTool, Literal(f"nhskg {__version__}")))
    if built:
        g.add((d, DCTERMS.modified, Literal(built, datatype=XSD.dateTime)))
    g.add((d, VOID.uriSpace, Literal(str(vocab.ID))))
    for namespace in vocabularies(ds):
        g.add((d, VOID.vocabulary, URIRef(namespace)))
    g.add((d, VOID.triples, Literal(stats["triples"], datatype=XSD.integer)))
    g.add((d, VOID.entities, Literal(len({q[0] for q in ds.quads((None, None, None, None))
                                          if isinstance(q[0], URIRef)}), datatype=XSD.integer)))
    for agent, label in ((vocab.CURATORS, "nhskg curators"),
                         (vocab.CROWN, "Crown copyright (Office for National Statistics; NHS Organisation Data Service)")):
        g.add((agent, RDF.type, PROV.Agent))
        g.add((agent, RDFS.label, Literal(label)))
    for name, (media, with_texts) in DUMPS.items():
        dist = dump_iri(name)
        g.add((d, VOID.dataDump, dist))
        g.add((d, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, RDFS.label, Literal(name)))
        g.add((dist, DCAT.downloadURL, dist))
        g.add((dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{media}")))
        g.add((dist, DCTERMS.rights, Literal(MIXED_RIGHTS if with_texts else OPEN_RIGHTS)))
        for licence in (CC_BY, OGL):  # each covers the parts named in the rights statement
            g.add((dist, DCTERMS.license, licence))
        for text in sorted({ONS_ATTRIBUTION, *REGISTER_ATTRIBUTION.values()}):  # the dumps carry register data
            g.add((dist, NHSKG.attribution, Literal(text)))
    for graph_name, count in stats["graphs"].items():
        subset = URIRef(graph_name)
        g.add((d, VOID.subset, subset))
        g.add((subset, RDF.type, VOID.Dataset))
        g.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
        g.add((subset, RDFS.label, Literal(graph_name.rsplit("/graph/", 1)[-1])))
        licence, holders, rights = _graph_rights(ds, graph_name)
        if licence is not None:
            g.add((subset, DCTERMS.license, licence))
        for holder in holders:
            g.add((subset, DCTERMS.rightsHolder, holder))
            for label in ds.quads((holder, RDFS.label, None, None)):
                g.add((holder, RDFS.label, label[2]))
        g.add((subset, DCTERMS.rights, Literal(rights)))
    # The class partitions and the subsets' sizes, the very triples of graph/statistics (one count, the same
    # IRIs); that graph describes the others, so here it is a subset like them, sized above.
    held = ds.graph(vocab.STATISTICS_GRAPH)
    for triple in held if len(held) else statistics_graph(count_statistics(ds.quads((None, None, None, None)))):
        g.add(triple)
    registers = ds.graph(vocab.REGISTERS_GRAPH)
    for s in sorted(set(registers.subjects(RDF.type, DCAT.Distribution))):  # described here too: void.ttl stands alone
        g.add((d, DCTERMS.source, s))
        g.add((d, PROV.wasDerivedFrom, s))
        for p in (RDF.type, RDFS.label, DCTERMS.license, DCTERMS.rightsHolder, NHSKG.attribution):
            for o in registers.objects(s, p):
                g.add((s, p, o))
    for doc in sorted({q[0] for q in ds.quads((None, NHSKG.verbatimText, None, None))}):
        g.add((d, DCTERMS.source, doc))
        g.add((d, PROV.wasDerivedFrom, doc))
        g.add((doc, RDF.type, PROV.Entity))  # a reference: the full description is in the dataset
        g.add((doc, RDFS.label, next(ds.quads((doc, RDFS.label, None, None)))[2]))
        for p in (DCTERMS.rightsHolder, DCTERMS.rights):
            for q in ds.quads((doc, p, None, None)):
                g.add((doc, p, q[2]))
    return g
