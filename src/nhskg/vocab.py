"""Namespaces as rdflib terms, and IRI minting: one place decides every IRI.

IRIs follow the UK public-sector URI pattern: things under ``/id/{type}/{reference}``, ontology terms
under ``/def/``, documents about things under ``/doc/``. Organisations in a register are keyed by their
ODS code (commissioning regions, which have none in the 2013 files, by their ONS code). The prefixes
themselves are plain strings in ``iris``, which the use side reads without importing rdflib.
"""

from __future__ import annotations

import re
from xml.sax import SAXException

from rdflib import Namespace, URIRef
from rdflib.exceptions import ParserError

from . import iris
from .iris import BASE

NHSKG = Namespace(iris.PREFIXES["nhskg"])
ID = Namespace(iris.PREFIXES["id"])
GRAPH = Namespace(BASE + "graph/")
ORG = Namespace(iris.PREFIXES["org"])
OA = Namespace(iris.PREFIXES["oa"])
SCHEMA = Namespace(iris.PREFIXES["schema"])
SDMXA = Namespace(iris.PREFIXES["sdmx-attribute"])
CC = Namespace(iris.PREFIXES["cc"])
SPDX = Namespace(iris.PREFIXES["spdx"])

#: What rdflib's parsers raise for a file that is not valid RDF (Turtle's BadSyntax is a SyntaxError, JSON-LD's
#: errors are ValueErrors, RDF/XML's SAXExceptions): the user's to fix. Anything else is a bug and must
#: show its traceback.
RDF_PARSE_ERRORS = (SyntaxError, ValueError, ParserError, SAXException)

#: Prefixes bound in every serialisation, so dumps read the same everywhere.
PREFIXES: dict[str, Namespace] = {prefix: Namespace(namespace) for prefix, namespace in iris.PREFIXES.items()}

ONTOLOGY_IRI = URIRef(BASE + "def/")
ONTOLOGY_GRAPH = GRAPH["ontology"]
REGISTERS_GRAPH = GRAPH["registers"]
CURATION_GRAPH = GRAPH["curation"]
CHECKS_GRAPH = GRAPH["checks"]
#: VoID counts of the other named graphs, made by the build (``build.statistics``); it does not describe itself.
STATISTICS_GRAPH = GRAPH["statistics"]
DATASET = ID["dataset/nhskg"]
CURATORS = ID["agent/nhskg-curators"]
#: The holder of Crown copyright in the ONS and ODS registers (Open Government Licence v3.0).
CROWN = ID["agent/crown-copyright"]

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


def graph_for_text(doc_id: str) -> URIRef:
    """The named graph holding only document ``doc_id``'s verbatim text: the publisher's copyright, kept
    apart so it carries its own rights and the open dumps can leave it out."""
    return GRAPH["text/" + _segment(doc_id)]


def is_text_graph(name: str) -> bool:
    return str(name).startswith(str(GRAPH["text/"]))


def document(doc_id: str) -> URIRef:
    return thing("document", doc_id)


def text(doc_id: str) -> URIRef:
    """The plain-text rendition of a source document (its verbatim UTF-8 bytes), which annotations target
    and the release writes to ``dist/texts/NNN.txt``."""
    return URIRef(f"{BASE}texts/{doc_id}.txt")


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


def slugify(text: str) -> str:
    """A readable IRI reference from free text ('Clinical IM&T lead' -> 'clinical-im-t-lead')."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make an IRI reference from {text!r}")
    return slug
