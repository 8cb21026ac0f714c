"""Comparing SPARQL JSON results from different engines as sets of rows.

Engines may order rows differently where the query leaves it open, write a number's lexical form in
their own way, name blank nodes as they like, and concatenate a ``GROUP_CONCAT`` group in any order (the
SPARQL 1.1 specification leaves that order undefined) and write a ``GROUP_CONCAT`` of nothing as ``""``
(Virtuoso, as the specification's empty concatenation) or leave it unbound (Oxigraph), so a row is
compared by its RDF terms with those freedoms taken out: an empty plain literal counts as unbound.
"""

from __future__ import annotations

import json
from collections import Counter

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger",
                             "positiveInteger", "short", "byte")}


def _term(term: dict) -> tuple:
    kind, value = term["type"], term["value"]
    if kind == "bnode":
        return ("bnode",)
    if kind == "uri":
        return ("uri", value)
    datatype, lang = term.get("datatype"), term.get("xml:lang")
    if datatype == XSD + "string":
        datatype = None
    if datatype in NUMERIC:
        return ("number", round(float(value), 9))
    if datatype == XSD + "boolean":
        return ("boolean", value in ("true", "1"))
    if "; " in value:  # a GROUP_CONCAT: its order is the engine's
        value = "; ".join(sorted(value.split("; ")))
    return ("literal", value, datatype, lang)


def result_set(answer: bytes | str | dict) -> Counter:
    """The rows of a SPARQL JSON result (or the boolean of an ASK), as a multiset of term tuples."""
    data = json.loads(answer) if isinstance(answer, (bytes, str)) else answer
    if "boolean" in data:
        return Counter([data["boolean"]])
    return Counter(tuple(sorted((var, _term(term)) for var, term in row.items() if not _empty(term)))
                   for row in data["results"]["bindings"])


def _empty(term: dict) -> bool:
    return term["type"] in ("literal", "typed-literal") and term["value"] == "" and not term.get("xml:lang") \
        and term.get("datatype") in (None, XSD + "string")
