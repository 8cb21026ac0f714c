"""Namespaces and IRI minting: one place decides every IRI.

IRIs follow the UK public-sector URI pattern: things under ``/id/{type}/{reference}``, ontology terms
under ``/def/``, documents about things under ``/doc/``. Organisations in a register are keyed by their
ODS code (commissioning regions, which have none in the 2013 files, by their ONS code).
"""

from __future__ import annotations

import re

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, QB, RDFS, SKOS, TIME, VOID, XSD

BASE = "https://w3id.org/nhskg/"
NHSKG = Namespace(BASE + "def/")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
SDMXA = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
CC = Namespace("http://creativecommons.org/ns#")

#: Prefixes bound in every serialisation, so dumps read the same everywhere.
PREFIXES: dict[str, Namespace] = {
    "nhskg": NHSKG, "id": ID, "org": ORG, "oa": OA, "schema": SCHEMA, "prov": Namespace(str(PROV)),
    "qb": Namespace(str(QB)), "skos": Namespace(str(SKOS)), "dcterms": Namespace(str(DCTERMS)),
    "dcat": Namespace(str(DCAT)), "void": Namespace(str(VOID)), "foaf": Namespace(str(FOAF)),
    "owl": Namespace(str(OWL)), "rdfs": Namespace(str(RDFS)), "xsd": Namespace(str(XSD)),
    "time": Namespace(str(TIME)), "sdmx-attribute": SDMXA, "cc": CC,
    "vann": Namespace("http://purl.org/vocab/vann/"),
}

ONTOLOGY_IRI = URIRef(BASE + "def/")
ONTOLOGY_GRAPH = GRAPH["ontology"]
REGISTERS_GRAPH = GRAPH["registers"]
CURATION_GRAPH = GRAPH["curation"]
CHECKS_GRAPH = GRAPH["checks"]
DATASET = ID["dataset/nhskg"]
CURATORS = ID["agent/nhskg-curators"]

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

#: Register kinds and the path segment their IRIs live under.
REGISTER_KINDS = {
    "ccg": "ccg", "pct": "pct", "sha": "sha", "area-team": "area-team", "region": "region",
}


def _segment(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"not a usable IRI reference: {value!r} (letters, digits, '.', '_', '-' only)")
    return value


def thing(kind: str, *refs: str) -> URIRef:
    """The IRI of a thing of ``kind`` (e.g. ``thing('ccg', '02Q')`` -> ``/id/ccg/02Q``)."""
    return ID["/".join([_segment(kind), *(_segment(r) for r in refs)])]


def graph_for_document(doc_id: str) -> URIRef:
    """The named graph holding what document ``doc_id`` says."""
    return GRAPH["document/" + _segment(doc_id)]


def document(doc_id: str) -> URIRef:
    return thing("document", doc_id)


def organisation(slug: str) -> URIRef:
    return thing("organisation", slug)


def person(slug: str) -> URIRef:
    return thing("person", slug)


def survey(slug: str) -> URIRef:
    return thing("survey", slug)


def finding(survey_id: str, finding_id: str) -> URIRef:
    return thing("finding", survey_id, finding_id)


def question(survey_id: str, question_id: str) -> URIRef:
    return thing("question", survey_id, question_id)


def topic(slug: str) -> URIRef:
    return thing("topic", slug)


def concept(scheme: str, slug: str) -> URIRef:
    """A concept in one of the project's small controlled lists (units, qualifiers, roles ...)."""
    return thing(scheme, slug)


def scheme(slug: str) -> URIRef:
    return thing("scheme", slug)


def annotation(doc_id: str, record_id: str) -> URIRef:
    return thing("annotation", doc_id, record_id)


def curie(iri: str) -> str:
    """A short name for an IRI by the project's prefixes ("nhskg:value", "id:ccg/02Q"), else <iri>."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return f"<{iri}>"


_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", re.I)


def expand_iri(value: str) -> str | None:
    """A full IRI from a full one or a short form like ``id:finding/...``; None if it is not an IRI.

    The check matters: an IRI that passes can stand in a SPARQL query as ``<iri>``."""
    prefix, sep, rest = value.partition(":")
    if sep and prefix in PREFIXES and not rest.startswith("//"):
        value = str(PREFIXES[prefix]) + rest
    return value if _IRI.match(value) else None


def sparql_prefixes() -> str:
    """PREFIX declarations for every project prefix, to start a SPARQL query with."""
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in sorted(PREFIXES.items()))


def slugify(text: str) -> str:
    """A readable IRI reference from free text ('Clinical IM&T lead' -> 'clinical-im-t-lead')."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make an IRI reference from {text!r}")
    return slug
