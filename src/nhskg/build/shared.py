"""Curated records shared across documents -> triples: documents, organisations, people, topics,
survey series and curatorial judgements; and the registers' organisations and relations."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCMITYPE, DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, TIME, XSD

from .. import vocab
from ..vocab import NHSKG, ORG, SCHEMA
from .claims import DocumentEmitter
from .context import Context
from .evidence import typed_date
from .registers import Registers

ORG_CLASSES = {
    "professional-body": NHSKG.ProfessionalBody, "membership-body": NHSKG.MembershipBody,
    "coalition": NHSKG.Coalition, "publisher": NHSKG.Publisher, "company": NHSKG.Company,
    "national-body": NHSKG.NationalBody, "sha-cluster": NHSKG.SHACluster,
    "pct-cluster": NHSKG.PCTCluster, "commissioning-support-service": NHSKG.CommissioningSupportService,
}
REGISTER_CLASSES = {
    "ccg": NHSKG.ClinicalCommissioningGroup, "area-team": NHSKG.AreaTeam,
    "region": NHSKG.CommissioningRegion, "pct": NHSKG.PrimaryCareTrust, "sha": NHSKG.StrategicHealthAuthority,
}
#: (child kind, parent kind) -> the direct property and the role of the qualified relation.
LINKS = {
    ("ccg", "area-team"): (NHSKG.areaTeam, "ccg-within-area-team"),
    ("area-team", "region"): (NHSKG.commissioningRegion, "area-team-within-region"),
    ("pct", "sha"): (NHSKG.strategicHealthAuthority, "pct-within-sha"),
}
#: The ONS statistical-geography IRIs of the areas register bodies served (E38 CCG, E39 area team, E40
#: region, E16/E17 PCT, E18 SHA): linked by schema:areaServed, since a geography is not the body (owl:sameAs
#: would merge them, and skos:exactMatch would make both SKOS concepts).
ONS_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"
OGL = URIRef("http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")
REGISTER_ATTRIBUTION = {
    "eccg_2016-02.csv": "Contains public sector information licensed under the Open Government Licence v3.0",
}
#: The one body behind the names NHS Commissioning Board and NHS England, whose units area teams and regions are.
NHS_ENGLAND = vocab.organisation("nhs-commissioning-board")
ONS_ATTRIBUTION = "Contains National Statistics data © Crown copyright and database right 2013"


def rights_holders(ctx: Context, rec) -> list[URIRef]:
    """Who holds the copyright in a source text: the issuers of a press release, else its publisher."""
    refs = rec.get("issuers", []) or ([rec["publisher"]] if rec["publisher"] else [])
    return [ctx.resolve(rec, "issuers" if rec.get("issuers") else "publisher", ref) for ref in refs]


def text_rights(ctx: Context, rec) -> str:
    """The rights statement of a source text, naming its holders."""
    holders = [ctx.organisations[r.rsplit("/", 1)[-1]]["label"] for r in map(str, rights_holders(ctx, rec))]
    who = " and ".join(holders) if holders else "its publisher (not identified)"
    return (f"The verbatim text is the copyright of {who}, all rights reserved. nhskg includes it only as the "
            "evidence its annotations point into; it is not licensed under CC BY 4.0, and the open dumps leave it out.")


def documents(ctx: Context, ds_graph, text_graph) -> None:
    """Each source document's description, in the document's own graph, and its verbatim text, alone in
    the document's text graph (the publisher's copyright, with its own rights)."""
    for doc_id, source in ctx.sources.items():
        rec, g = source.record, ds_graph(doc_id)
        d = vocab.document(doc_id)
        kind = {"news-report": (NHSKG.NewsReport, SCHEMA.NewsArticle),
                "press-release": (NHSKG.PressRelease, SCHEMA.Article)}.get(rec["kind"])
        if kind is None:
            raise rec.error("kind", f"{rec['kind']!r} is not news-report or press-release")
        for cls in kind:
            g.add((d, RDF.type, cls))
        g.add((d, RDFS.label, Literal(rec["title"] or f"Source document {doc_id} (title not identified)")))
        if rec["title"]:
            g.add((d, SCHEMA.headline, Literal(rec["title"])))
        g.add((d, NHSKG.titleBasis, vocab.concept("basis", rec["title_basis"])))
        if rec["publisher"]:
            g.add((d, SCHEMA.publisher, ctx.resolve(rec, "publisher")))
        for ref in rec.get("issuers", []):
            g.add((d, NHSKG.issuedBy, ctx.resolve(rec, "issuers", ref)))
        if rec["url"]:
            g.add((d, SCHEMA.url, Literal(rec["url"], datatype=XSD.anyURI)))
        if rec["date"]:
            g.add((d, SCHEMA.datePublished, typed_date(rec, "date")))
        g.add((d, NHSKG.dateBasis, vocab.concept("basis", rec["date_basis"])))
        if rec["date_note"]:
            g.add((d, NHSKG.dateNote, Literal(rec["date_note"])))
        g.add((d, DCTERMS.identifier, Literal(rec["file"])))
        g.add((d, DCTERMS.format, Literal("text/plain; charset=utf-8")))
        checksum = vocab.thing("checksum", doc_id, "sha256")
        g.add((d, vocab.SPDX.checksum, checksum))
        g.add((checksum, RDF.type, vocab.SPDX.Checksum))
        g.add((checksum, RDFS.label, Literal(f"SHA-256 of {rec['file']}")))
        g.add((checksum, vocab.SPDX.algorithm, vocab.SPDX.checksumAlgorithm_sha256))
        g.add((checksum, vocab.SPDX.checksumValue, Literal(source.sha256, datatype=XSD.hexBinary)))
        g.add((d, NHSKG.characterCount, Literal(len(source.text), datatype=XSD.nonNegativeInteger)))
        text = vocab.text(doc_id)  # served and shipped as dist/texts/NNN.txt: a client re-checks offsets on it
        g.add((d, DCTERMS.hasFormat, text))
        g.add((text, RDF.type, DCMITYPE.Text))
        g.add((text, RDFS.label, Literal(f"{rec['file']} as plain text (UTF-8)")))
        g.add((text, DCTERMS.isFormatOf, d))
        g.add((text, DCTERMS.format, Literal("text/plain; charset=utf-8")))
        g.add((text, vocab.SPDX.checksum, checksum))
        for holder in rights_holders(ctx, rec):
            g.add((d, DCTERMS.rightsHolder, holder))
        g.add((d, DCTERMS.rights, Literal(text_rights(ctx, rec))))
        text_graph(doc_id).add((d, NHSKG.verbatimText, Literal(source.text)))
        if rec["date_words"]:
            emitter = DocumentEmitter(ctx, doc_id, g)
            emitter.annotate(d, emitter.spans(rec, "date_words"), "date", vocab.OA.describing)


def organisations(ctx: Context, g: Graph) -> None:
    for slug, rec in ctx.organisations.items():
        if rec["kind"] not in ORG_CLASSES:
            raise rec.error("kind", f"{rec['kind']!r} is not one of {', '.join(sorted(ORG_CLASSES))}")
        if rec["register"]:  # the same body as a register's: one IRI, the further class and name added to it
            o = ctx.resolve(rec, "register")
            g.add((o, RDF.type, ORG_CLASSES[rec["kind"]]))
            g.add((o, SKOS.altLabel, Literal(rec["label"])))
            if rec["note"]:
                g.add((o, RDFS.comment, Literal(rec["note"])))
            continue
        o = vocab.organisation(slug)
        g.add((o, RDF.type, ORG_CLASSES[rec["kind"]]))
        g.add((o, RDFS.label, Literal(rec["label"])))
        g.add((o, SKOS.prefLabel, Literal(rec["label"])))
        for alt in rec.get("alt_labels", []):
            g.add((o, SKOS.altLabel, Literal(alt)))
        g.add((o, NHSKG.identifierBasis, vocab.concept("basis", "not-from-register")))
        if rec["note"]:
            g.add((o, RDFS.comment, Literal(rec["note"])))
        for ref in rec.get("members", []):
            member = ctx.resolve(rec, "members", ref)
            m = vocab.thing("membership", ref.split(":", 1)[1], slug, "member")
            g.add((o, ORG.hasMember, member))
            g.add((m, RDF.type, ORG.Membership))
            g.add((m, RDFS.label, Literal(f"{ref.split(':', 1)[1]} is a member of {rec['label']}")))
            g.add((m, ORG.member, member))
            g.add((m, ORG.organization, o))
            g.add((m, ORG.role, vocab.concept("role", "member")))
        if rec["operating_name"]:
            _names(rec, o, g)


def _names(rec, o: URIRef, g: Graph) -> None:
    """One body, two names: the registered name and an operating name, each a name node with its dates."""
    for name, start, note in ((rec["label"], None, "The body's statutory name."),
                              (rec["operating_name"], rec["operating_name_from"], rec["operating_name_note"])):
        n = vocab.thing("name", rec["id"], vocab.slugify(name))
        g.add((o, NHSKG.hasName, n))
        g.add((n, RDF.type, NHSKG.OrganisationName))
        g.add((n, RDFS.label, Literal(name)))
        g.add((n, SCHEMA.name, Literal(name)))
        if start:
            g.add((n, SCHEMA.startDate, typed_date(rec, "operating_name_from")))
        g.add((n, RDFS.comment, Literal(note)))


def people(ctx: Context, g: Graph) -> None:
    for slug, rec in ctx.people.items():
        p = vocab.person(slug)
        for cls in (SCHEMA.Person, FOAF.Person, PROV.Agent):
            g.add((p, RDF.type, cls))
        g.add((p, RDFS.label, Literal(rec["name"])))
        g.add((p, SCHEMA.name, Literal(rec["name"])))
        if rec["honorific"]:
            g.add((p, SCHEMA.honorificPrefix, Literal(rec["honorific"])))


def topics_and_series(ctx: Context, g: Graph) -> None:
    scheme = vocab.scheme("topics")
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, RDFS.label, Literal("Topics of survey findings on NHS commissioning")))
    g.add((scheme, SKOS.prefLabel, Literal("Topics of survey findings on NHS commissioning")))
    for slug, rec in ctx.topics.items():
        t = vocab.topic(slug)
        g.add((t, RDF.type, SKOS.Concept))
        g.add((t, SKOS.inScheme, scheme))
        g.add((t, SKOS.prefLabel, Literal(rec["label"])))
        g.add((t, RDFS.label, Literal(rec["label"])))
        g.add((t, SKOS.definition, Literal(rec["definition"])))
        if rec["broader"]:
            if rec["broader"] not in ctx.topics:
                raise rec.error("broader", f"no topic {rec['broader']!r}")
            g.add((t, SKOS.broader, vocab.topic(rec["broader"])))
        else:
            g.add((t, SKOS.topConceptOf, scheme))
    for slug, rec in ctx.series.items():
        s = vocab.thing("series", slug)
        g.add((s, RDF.type, NHSKG.SurveySeries))
        g.add((s, RDFS.label, Literal(rec["label"])))
        for ref in rec["conductors"]:
            g.add((s, NHSKG.conductedBy, ctx.resolve(rec, "conductors", ref)))
        if rec["note"]:
            g.add((s, RDFS.comment, Literal(rec["note"])))


def judgements(ctx: Context, g: Graph) -> None:
    curators = vocab.CURATORS
    g.add((curators, RDF.type, PROV.Agent))
    g.add((curators, RDFS.label, Literal("nhskg curators")))
    for rec in ctx.judgements:
        j = vocab.thing("judgement", rec["id"])
        g.add((j, RDF.type, NHSKG.CuratorialJudgement))
        g.add((j, RDFS.label, Literal(f"{rec['kind']}: {', '.join(rec['subjects'])}")))
        g.add((j, NHSKG.judgementKind, vocab.concept("judgement-kind", rec["kind"])))
        g.add((j, NHSKG.confidence, vocab.concept("confidence", rec["confidence"])))
        g.add((j, NHSKG.rationale, Literal(rec["rationale"])))
        g.add((j, PROV.wasAttributedTo, curators))
        for ref in rec["subjects"]:
            g.add((j, NHSKG.judgementSubject, ctx.resolve(rec, "subjects", ref)))


def _interval_from(g: Graph, day: str) -> URIRef:
    """An OWL-Time interval beginning on ``day`` with no known end."""
    interval, instant = vocab.thing("interval", f"from-{day}"), vocab.thing("instant", day)
    g.add((interval, RDF.type, TIME.Interval))
    g.add((interval, RDFS.label, Literal(f"from {day}")))
    g.add((interval, TIME.hasBeginning, instant))
    g.add((instant, RDF.type, TIME.Instant))
    g.add((instant, RDFS.label, Literal(day)))
    g.add((instant, TIME.inXSDDate, Literal(day, datatype=XSD.date)))
    return interval


def registers(reg: Registers, g: Graph) -> None:
    """Register organisations keyed by ODS code (regions by ONS), and their time-stamped relations."""
    files = sorted({o.source for o in reg.orgs.values()} | {link.source for link in reg.links} | {"eccg_2016-02.csv", "at.csv"})
    for name in files:
        r = vocab.thing("register", name)
        g.add((r, RDF.type, DCAT.Distribution))
        g.add((r, RDFS.label, Literal(name)))
        g.add((r, DCTERMS.license, OGL))
        g.add((r, DCTERMS.rightsHolder, vocab.CROWN))
        g.add((r, NHSKG.attribution, Literal(REGISTER_ATTRIBUTION.get(name, ONS_ATTRIBUTION))))
    g.add((vocab.CROWN, RDF.type, PROV.Agent))
    g.add((vocab.CROWN, RDFS.label, Literal("Crown copyright (Office for National Statistics; NHS Organisation Data Service)")))
    for name in files:  # provenance on the record (the registers graph), not on the bodies it describes
        g.add((vocab.REGISTERS_GRAPH, PROV.wasDerivedFrom, vocab.thing("register", name)))
    for (kind, key), org in sorted(reg.orgs.items()):
        o = vocab.thing(kind, key)
        g.add((o, RDF.type, REGISTER_CLASSES[kind]))
        g.add((o, RDFS.label, Literal(org.name)))
        g.add((o, SKOS.prefLabel, Literal(org.name)))
        g.add((o, NHSKG.onsCode, Literal(org.ons)))
        g.add((o, SCHEMA.areaServed, URIRef(ONS_GEOGRAPHY + org.ons)))  # the body's area, not the body
        if org.ods:
            g.add((o, NHSKG.odsCode, Literal(org.ods)))
        g.add((o, NHSKG.identifierBasis, vocab.concept("basis", "register")))
        if kind in ("area-team", "region"):  # the units of the NHS Commissioning Board (NHS England)
            g.add((o, ORG.unitOf, NHS_ENGLAND))
        if org.opened:
            g.add((o, SCHEMA.foundingDate, Literal(org.opened, datatype=XSD.date)))
        if org.closed:
            g.add((o, SCHEMA.dissolutionDate, Literal(org.closed, datatype=XSD.date)))
    for link in reg.links:
        prop, role = LINKS[(link.child[0], link.parent[0])]
        child, parent = vocab.thing(*link.child), vocab.thing(*link.parent)
        g.add((child, prop, parent))
        m = vocab.thing("relation", *link.child, *link.parent)
        g.add((m, RDF.type, NHSKG.SubOrganizationRelation))
        g.add((m, RDFS.label, Literal(f"{reg.orgs[link.child].name} within {reg.orgs[link.parent].name}")))
        g.add((m, NHSKG.subOrganization, child))
        g.add((m, NHSKG.parentOrganization, parent))
        g.add((m, DCTERMS.type, vocab.concept("role", role)))
        if len(link.as_at) == 10:  # the April 2013 structure held from that day; its end is in no register
            g.add((m, TIME.hasTime, _interval_from(g, link.as_at)))
        else:  # a register of a year: the relation is known to hold in it, not from or until when
            g.add((m, NHSKG.asAt, Literal(link.as_at, datatype=XSD.gYear)))
        g.add((m, PROV.wasDerivedFrom, vocab.thing("register", link.source)))
