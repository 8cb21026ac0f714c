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
from rdflib.namespace import RDF, RDFS, SH

from ..errors import UserError


class Unsupported(Exception):
    """A shape uses a construct the SPARQL compiler does not translate (pyshacl validates it instead)."""


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
    """An in-memory Oxigraph store holding ``graph``, its blank nodes under their rdflib names (``Store.load``
    renames them: a blank focus node then matched nothing in the rdflib graph, for labels, evidence, datatypes)."""
    store = ox.Store()
    store.extend(ox.Quad(_to_oxigraph(s), _to_oxigraph(p), _to_oxigraph(o)) for s, p, o in graph)
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


class FocusNodes:
    """Each shape's focus nodes: as a set (selected once, for the checks done in Python) and as a graph pattern
    binding ?this (for the checks done in SPARQL).

    Joining a shape's targets into each of its constraint queries used to re-evaluate them every time,
    ``SELECT DISTINCT`` and all: a SPARQL target's scan of the whole graph, and hundreds of thousands of IRIs
    pasted into ``VALUES`` blocks (queries of a megabyte at a million triples). Now a class target is read
    straight from the index; ``pattern`` may bind a node more than once (a node of two subclasses), which the
    compiler's DISTINCT queries and counts of distinct values absorb; ``exact`` binds each node once (for
    SPARQL constraints, whose solutions are results), from a scratch named graph outside the default graph
    the constraints read, which ``drop`` removes."""

    GRAPH = "urn:nhskg:validation:focus"
    OF = "urn:nhskg:validation:focusOf"

    def __init__(self, shapes: Graph, store: ox.Store):
        self.shapes, self.store = shapes, store
        self._nodes: dict = {}
        self._exact: dict = {}
        self._subclasses: dict = {}

    def subclasses(self, cls) -> str:
        """``cls`` and its subclasses in the data, as VALUES terms: one lookup, instead of a path per value."""
        return " ".join(_term(c) for c in self._classes(cls))

    def _classes(self, cls) -> list:
        if cls not in self._subclasses:
            rows = self.store.query(f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* {_term(cls)} }}")
            self._subclasses[cls] = sorted({to_rdflib(r["c"]) for r in rows if not isinstance(r["c"], ox.BlankNode)} | {cls},
                                           key=_term)
        return self._subclasses[cls]

    def _sparql_targets(self, shape) -> list[str]:
        found = []
        for target in sorted(self.shapes.objects(shape, SH.target), key=str):
            if (target, RDF.type, SH.SPARQLTarget) not in self.shapes or self.shapes.value(target, SH.select) is None:
                raise Unsupported(f"sh:target {target} of {shape}: only SPARQL-based targets are known")
            found.append(_prefixes(self.shapes, target) + "\n" + str(self.shapes.value(target, SH.select)))
        return found

    def nodes(self, shape) -> set:
        """The focus nodes of ``shape`` (Oxigraph terms)."""
        if shape not in self._nodes:
            shapes, store, default = self.shapes, self.store, ox.DefaultGraph()
            found = {_to_oxigraph(n) for n in shapes.objects(shape, SH.targetNode)}
            for cls in shapes.objects(shape, SH.targetClass):
                for c in self._classes(cls):
                    found.update(q.subject for q in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)),
                                                                           ox.NamedNode(str(c)), default))
            for p in shapes.objects(shape, SH.targetSubjectsOf):
                found.update(q.subject for q in store.quads_for_pattern(None, ox.NamedNode(str(p)), None, default))
            for p in shapes.objects(shape, SH.targetObjectsOf):
                found.update(q.object for q in store.quads_for_pattern(None, ox.NamedNode(str(p)), None, default))
            for query in self._sparql_targets(shape):
                found.update(row["this"] for row in store.query(query))
            self._nodes[shape] = found
        return self._nodes[shape]

    def pattern(self, shape) -> str | None:
        """A pattern binding ?this to each focus node of ``shape``, perhaps more than once; None when it has no target."""
        shapes = self.shapes
        if any(shapes.objects(shape, SH.target)):  # a SPARQL target is evaluated once, not in every query
            return self.exact(shape)
        targets = [f"VALUES ?_class {{ {self.subclasses(c)} }} ?this <{RDF.type}> ?_class ."
                   for c in sorted(shapes.objects(shape, SH.targetClass), key=str)]
        nodes = sorted(shapes.objects(shape, SH.targetNode), key=str)  # one VALUES block, not a UNION each
        if nodes:
            targets.append("VALUES ?this { " + " ".join(_term(n) for n in nodes) + " }")
        targets += [f"?this <{p}> ?_target_object ." for p in shapes.objects(shape, SH.targetSubjectsOf)]
        targets += [f"?_target_subject <{p}> ?this ." for p in shapes.objects(shape, SH.targetObjectsOf)]
        if len(targets) < 2:
            return targets[0] if targets else None
        return " UNION ".join("{ " + t + " }" for t in targets)

    def exact(self, shape) -> str | None:
        """A pattern binding ?this to each focus node of ``shape`` once (from the scratch graph); None when none."""
        if shape not in self._exact:
            nodes = self.nodes(shape)
            if any(isinstance(node, ox.Literal) for node in nodes):
                raise Unsupported(f"a literal target node of {shape} with a SPARQL constraint")
            if not self.targeted(shape):
                self._exact[shape] = None
            else:
                name, of, graph = ox.NamedNode(f"urn:nhskg:validation:shape:{len(self._exact)}"), ox.NamedNode(self.OF), ox.NamedNode(self.GRAPH)
                self.store.extend(ox.Quad(node, of, name, graph) for node in nodes)
                self._exact[shape] = f"GRAPH <{self.GRAPH}> {{ ?this <{self.OF}> {name} }}"
        return self._exact[shape]

    def targeted(self, shape) -> bool:
        """Whether ``shape`` declares a target at all."""
        return any(any(self.shapes.objects(shape, p)) for p in _TARGETS)

    def drop(self) -> None:
        if self._exact:
            self.store.update(f"DROP SILENT GRAPH <{self.GRAPH}>")


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


def _to_oxigraph(term):
    """An rdflib term as an Oxigraph term."""
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return ox.NamedNode(str(term))


def _term(term) -> str:
    if isinstance(term, BNode):
        raise Unsupported("a blank node as a constraint's value or a target node")
    return term.n3()


def run_constraints(shapes: Graph, pairs, store: ox.Store, focus: FocusNodes | None = None) -> list[SparqlResult]:
    """Every SPARQL constraint once over all its targets; each solution is a result. With ``focus``, the targets
    are its focus nodes (the shapes' SPARQL-based targets too), read from the store instead of re-evaluated."""
    results = []
    for shape, constraint in pairs:
        if shapes.value(constraint, SH.deactivated) == Literal(True):
            continue
        if focus is not None:
            pattern = focus.exact(shape)
            targets = [pattern] if pattern is not None else []
        else:
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
