"""SHACL-SPARQL constraints and SPARQL-based targets, evaluated on pyoxigraph.

pyshacl runs a SPARQL constraint once per focus node through rdflib's SPARQL engine; on this graph that
took over 15 s of a 20 s validation. Here each constraint runs *once*, on Oxigraph, with ``$this`` left
free and joined to the shape's targets — the same solutions the SHACL spec's pre-binding gives for the
constraints nhskg writes (``$this`` selected, no ``$PATH``). pyshacl keeps every core constraint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from ..errors import UserError


@dataclass(frozen=True)
class SparqlResult:
    """One solution of a SPARQL constraint: a validation result."""

    shape: URIRef
    constraint: object
    severity: URIRef
    focus: object
    value: object | None
    message: str


def to_oxigraph(graph: Graph) -> ox.Store:
    """An in-memory Oxigraph store holding ``graph``."""
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def to_rdflib(term):
    """An Oxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _prefixes(shapes: Graph, node) -> str:
    lines = []
    for declaring in shapes.objects(node, SH.prefixes):
        for decl in shapes.objects(declaring, SH.declare):
            lines.append(f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>")
    return "\n".join(sorted(set(lines)))


def _target_patterns(shapes: Graph, shape) -> list[str]:
    """One graph pattern per target declaration of ``shape``, each binding ?this."""
    patterns = [f"?this <{RDF.type}>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{c}> ."
                for c in shapes.objects(shape, SH.targetClass)]
    patterns += [f"VALUES ?this {{ <{n}> }}" for n in shapes.objects(shape, SH.targetNode)]
    patterns += [f"?this <{p}> ?_target_object ." for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"?_target_subject <{p}> ?this ." for p in shapes.objects(shape, SH.targetObjectsOf)]
    return patterns  # implicit class targets (a shape that is also a class) are not used by nhskg


def _bind_targets(query: str, targets: list[str]) -> str:
    """``query`` with $this free and joined to the union of the target patterns."""
    query = query.replace("$this", "?this")
    union = " UNION ".join("{ " + t + " }" for t in targets)
    opening = re.search(r"\bWHERE\s*\{", query, re.IGNORECASE)
    if opening is None:
        raise UserError(f"a SPARQL constraint has no WHERE clause: {query[:60]}")
    return query[:opening.end()] + f"\n  {union}\n" + query[opening.end():]


def _message(template: str, solution: dict) -> str:
    def fill(match: re.Match) -> str:
        term = solution.get(match.group(1))
        return str(term) if term is not None else ""
    return re.sub(r"\{[?$](\w+)\}", fill, template)


def _severity(shapes: Graph, shape) -> URIRef:
    return shapes.value(shape, SH.severity) or SH.Violation


def split_sparql(shapes: Graph) -> tuple[Graph, list[tuple[URIRef, object]]]:
    """A copy of ``shapes`` without SPARQL constraints (for pyshacl), and the (shape, constraint) pairs."""
    core = Graph()
    for triple in shapes:
        core.add(triple)
    pairs = sorted(shapes.subject_objects(SH.sparql), key=lambda pair: (str(pair[0]), str(pair[1])))
    for shape, constraint in pairs:
        core.remove((shape, SH.sparql, constraint))
    return core, pairs


def materialise_sparql_targets(core: Graph, store: ox.Store) -> None:
    """Replace each SPARQL-based target by the explicit sh:targetNode list it selects (SHACL-AF)."""
    for shape, target in sorted(core.subject_objects(SH.target), key=lambda pair: str(pair[0])):
        if (target, RDF.type, SH.SPARQLTarget) not in core:
            continue
        query = _prefixes(core, target) + "\n" + str(core.value(target, SH.select))
        for solution in store.query(query):
            core.add((shape, SH.targetNode, to_rdflib(solution["this"])))
        core.remove((shape, SH.target, target))


def run_constraints(shapes: Graph, pairs, store: ox.Store) -> list[SparqlResult]:
    """Every SPARQL constraint once over all its targets; each solution is a result."""
    results = []
    for shape, constraint in pairs:
        if shapes.value(constraint, SH.deactivated) == Literal(True):
            continue
        targets = _target_patterns(shapes, shape)
        if not targets:
            continue
        query = _prefixes(shapes, constraint) + "\n" + _bind_targets(str(shapes.value(constraint, SH.select)), targets)
        try:
            solutions = store.query(query)
        except SyntaxError as exc:
            raise UserError(f"shape {shape}: its SPARQL constraint does not parse: {exc}") from None
        template = str(shapes.value(constraint, SH.message) or shapes.value(shape, SH.message) or "")
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            row = {name: to_rdflib(solution[name]) for name in names if solution[name] is not None}
            results.append(SparqlResult(shape, constraint, _severity(shapes, shape), row["this"],
                                        row.get("value"), _message(template, row)))
    return results
