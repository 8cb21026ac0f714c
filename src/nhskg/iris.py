"""The project's prefixes as plain strings, and the IRI helpers every side needs.

No rdflib here: the use side (query, trace, network, web) shortens and expands IRIs and writes SPARQL
prefixes without paying for rdflib's import. ``vocab`` makes rdflib namespaces from these strings.
"""

from __future__ import annotations

import re

BASE = "https://w3id.org/nhskg/"

#: Prefixes bound in every serialisation and SPARQL query, in the order the dumps bind them.
PREFIXES: dict[str, str] = {
    "nhskg": BASE + "def/", "id": BASE + "id/", "org": "http://www.w3.org/ns/org#",
    "oa": "http://www.w3.org/ns/oa#", "schema": "https://schema.org/", "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/", "dcat": "http://www.w3.org/ns/dcat#", "void": "http://rdfs.org/ns/void#",
    "foaf": "http://xmlns.com/foaf/0.1/", "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "time": "http://www.w3.org/2006/time#", "sdmx-attribute": "http://purl.org/linked-data/sdmx/2009/attribute#",
    "cc": "http://creativecommons.org/ns#", "vann": "http://purl.org/vocab/vann/", "spdx": "http://spdx.org/rdf/terms#",
}


def curie(iri: str) -> str:
    """A short name for an IRI by the project's prefixes ("nhskg:value", "id:ccg/02Q"), else <iri>."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", re.I)


def expand_iri(value: str) -> str | None:
    """A full IRI from a full one or a short form like ``id:finding/...``; None if it is not an IRI.

    The check matters: an IRI that passes can stand in a SPARQL query as ``<iri>``."""
    prefix, sep, rest = value.partition(":")
    if sep and prefix in PREFIXES and not rest.startswith("//"):
        value = PREFIXES[prefix] + rest
    return value if _IRI.match(value) else None


def sparql_prefixes() -> str:
    """PREFIX declarations for every project prefix, to start a SPARQL query with."""
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in sorted(PREFIXES.items()))
