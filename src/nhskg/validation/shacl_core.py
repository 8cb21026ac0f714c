"""SHACL core constraints compiled to SPARQL and run on Oxigraph: the validation of a graph at scale.

pyshacl walks every focus node in Python over rdflib (at 100k triples: 30-40 s, at a million: minutes).
Here each constraint of each shape becomes one SPARQL query over all its focus nodes at once — the
shape's targets joined to the path, the constraint a FILTER, GROUP BY or EXISTS — answered by Oxigraph.
It covers the core constraints ``shapes/`` uses (cardinality, class, datatype, node kind, ``sh:in``,
pattern, lengths, ranges, ``sh:lessThan``, ``sh:hasValue``, ``sh:or``/``sh:not``/qualified value shapes
of simple shapes, predicate, inverse, alternative and sequence paths) and raises ``Unsupported`` for
anything else, so the caller can fall back to pyshacl rather than validate less. Each result carries what
pyshacl's would (focus, path, value, source shape, component, severity, the shape's ``sh:message``):
``tests/test_validation.py`` checks the two engines give the same report on every fixture of
``shapes/tests/`` and on the built graph.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from .shacl_sparql import _target_patterns, to_rdflib


class Unsupported(Exception):
    """A shape uses a construct this compiler does not translate (pyshacl validates it instead)."""


@dataclass(frozen=True)
class CoreResult:
    focus: object
    path: object | None  # the sh:path node in the shapes graph
    value: object | None
    shape: object  # the shape holding the constraint (a property shape's node, or the node shape)
    component: URIRef
    severity: URIRef
    messages: tuple


#: The constraint parameters handled here; any other sh: parameter on a shape is Unsupported.
_KNOWN = {SH.path, SH.property, SH.name, SH.description, SH.message, SH.severity, SH.deactivated, SH.targetClass,
          SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.sparql, SH.prefixes, SH.order, SH.group,
          SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.flags,
          SH.minLength, SH.maxLength, SH.minExclusive, SH.minInclusive, SH.maxExclusive, SH.maxInclusive,
          SH.lessThan, SH.hasValue, SH["not"], SH["or"], SH.qualifiedValueShape, SH.qualifiedMinCount,
          SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint, RDF.type, SH.target}

_KINDS = {SH.IRI: "isIRI({0})", SH.BlankNode: "isBlank({0})", SH.Literal: "isLiteral({0})",
          SH.BlankNodeOrIRI: "(isBlank({0}) || isIRI({0}))", SH.BlankNodeOrLiteral: "(isBlank({0}) || isLiteral({0}))",
          SH.IRIOrLiteral: "(isIRI({0}) || isLiteral({0}))"}
_RANGES = {SH.minExclusive: ">", SH.minInclusive: ">=", SH.maxExclusive: "<", SH.maxInclusive: "<="}
_STRINGS = {XSD.string, RDF.langString}
_COMPONENTS = {SH["or"]: SH.OrConstraintComponent, SH["not"]: SH.NotConstraintComponent,
               SH["class"]: SH.ClassConstraintComponent, SH.datatype: SH.DatatypeConstraintComponent,
               SH.nodeKind: SH.NodeKindConstraintComponent, SH["in"]: SH.InConstraintComponent,
               SH.pattern: SH.PatternConstraintComponent, SH.minLength: SH.MinLengthConstraintComponent,
               SH.maxLength: SH.MaxLengthConstraintComponent, SH.hasValue: SH.HasValueConstraintComponent,
               SH.minExclusive: SH.MinExclusiveConstraintComponent, SH.minInclusive: SH.MinInclusiveConstraintComponent,
               SH.maxExclusive: SH.MaxExclusiveConstraintComponent, SH.maxInclusive: SH.MaxInclusiveConstraintComponent}
_ZONE = "(Z|[+-][0-9]{2}:[0-9]{2})?"
#: Well-formed lexical forms, for a datatype inside sh:or/sh:not (a shape's own sh:datatype is judged by rdflib).
_LEXICAL = {XSD.date: f"^-?[0-9]{{4,}}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]){_ZONE}$",
            XSD.gYearMonth: f"^-?[0-9]{{4,}}-(0[1-9]|1[0-2]){_ZONE}$", XSD.gYear: f"^-?[0-9]{{4,}}{_ZONE}$",
            XSD.boolean: "^(true|false|1|0)$", XSD.integer: "^[+-]?[0-9]+$",
            XSD.decimal: "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$"}


def _sparql_term(term) -> str:
    if isinstance(term, BNode):
        raise Unsupported("a blank node as a constraint's value")
    return term.n3()


def _rdflib_path(shapes: Graph, path):
    """A SHACL path as an rdflib path, for ``Graph.objects``."""
    from rdflib.paths import AlternativePath, InvPath, SequencePath

    if isinstance(path, URIRef):
        return path
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return InvPath(_rdflib_path(shapes, inverse))
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return AlternativePath(*(_rdflib_path(shapes, p) for p in Collection(shapes, alternatives)))
    if shapes.value(path, RDF.first) is not None:
        return SequencePath(*(_rdflib_path(shapes, p) for p in Collection(shapes, path)))
    raise Unsupported(f"path {path}")


def _path(shapes: Graph, path) -> str:
    """A SHACL path as a SPARQL property path."""
    if isinstance(path, URIRef):
        return f"<{path}>"
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return f"^({_path(shapes, inverse)})"
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(shapes, p) for p in Collection(shapes, alternatives)) + ")"
    if shapes.value(path, RDF.first) is not None:
        return "(" + "/".join(_path(shapes, p) for p in Collection(shapes, path)) + ")"
    raise Unsupported(f"path {path}")  # zeroOrMore etc.: not used by nhskg's shapes


class _Compiler:
    def __init__(self, shapes: Graph, store: ox.Store, data: Graph | None):
        self.shapes, self.store, self.data = shapes, store, data
        self._subclasses: dict = {}
        self.names = itertools.count()
        self.results: list[CoreResult] = []

    def subclasses(self, cls) -> str:
        """``cls`` and its subclasses in the data, as VALUES terms: one lookup, instead of a path per value."""
        if cls not in self._subclasses:
            rows = self.store.query(f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* {_sparql_term(cls)} }}")
            found = sorted({_sparql_term(to_rdflib(r["c"])) for r in rows if not isinstance(r["c"], ox.BlankNode)}
                           | {_sparql_term(cls)})
            self._subclasses[cls] = " ".join(found)
        return self._subclasses[cls]

    def var(self) -> str:
        return f"?_v{next(self.names)}"

    # -- conditions on one node (for sh:or, sh:not and qualified value shapes) -------------------------

    def conforms(self, shape, x: str) -> str:
        """A SPARQL expression true when the node ``x`` conforms to the (nested) ``shape``."""
        parts = []
        for p, o in self.shapes.predicate_objects(shape):
            if p not in _KNOWN:
                raise Unsupported(f"{p} in a nested shape")
            if p in (SH.name, SH.description, SH.message, RDF.type):
                continue
            if p == SH.property:
                parts.append(self.property_conforms(o, x))
            elif p in (SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.minLength, SH.maxLength,
                       *_RANGES, SH.hasValue):
                parts.append(f"!({self.value_violates(shape, p, o, x)})")
            elif p == SH["not"]:
                parts.append(f"!({self.conforms(o, x)})")
            elif p == SH["or"]:
                parts.append("(" + " || ".join(self.conforms(s, x) for s in Collection(self.shapes, o)) + ")")
            else:
                raise Unsupported(f"{p} in a nested shape")
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def property_conforms(self, prop, x: str) -> str:
        path = _path(self.shapes, self.shapes.value(prop, SH.path))
        parts = []
        for p, o in self.shapes.predicate_objects(prop):
            if p in (SH.path, SH.name, SH.description, SH.message, RDF.type):
                continue
            if p == SH.minCount:
                values = [self.var() for _ in range(int(o))]
                if len(values) > 3:
                    raise Unsupported("sh:minCount above 3 in a nested shape")
                if values:
                    distinct = " ".join(f"FILTER (!sameTerm({a}, {b}))" for a, b in itertools.combinations(values, 2))
                    parts.append(f"EXISTS {{ {' '.join(f'{x} {path} {v} .' for v in values)} {distinct} }}")
            elif p == SH.maxCount:
                values = [self.var() for _ in range(int(o) + 1)]
                if len(values) > 3:
                    raise Unsupported("sh:maxCount above 2 in a nested shape")
                distinct = " ".join(f"FILTER (!sameTerm({a}, {b}))" for a, b in itertools.combinations(values, 2))
                parts.append(f"NOT EXISTS {{ {' '.join(f'{x} {path} {v} .' for v in values)} {distinct} }}")
            elif p in (SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.minLength, SH.maxLength,
                       *_RANGES):
                v = self.var()
                parts.append(f"NOT EXISTS {{ {x} {path} {v} . FILTER ({self.value_violates(prop, p, o, v)}) }}")
            else:
                raise Unsupported(f"{p} in a nested property shape")
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def value_violates(self, shape, p, o, v: str) -> str:
        """A SPARQL expression true when the value ``v`` violates the constraint ``p o`` (datatype: see _datatype)."""
        if p == SH["class"]:
            t = self.var()
            return f"NOT EXISTS {{ {v} <{RDF.type}> {t} . VALUES {t} {{ {self.subclasses(o)} }} }}"
        if p == SH.datatype:
            typed = f"!(isLiteral({v}) && sameTerm(DATATYPE({v}), {_sparql_term(o)}))"
            if o in _STRINGS:
                return typed
            if o not in _LEXICAL:
                raise Unsupported(f"datatype {o} in a nested shape")
            return f"({typed} || !REGEX(STR({v}), {_sparql_term(Literal(_LEXICAL[o]))}))"
        if p == SH.nodeKind:
            if o not in _KINDS:
                raise Unsupported(f"node kind {o}")
            return "!" + _KINDS[o].format(v)
        if p == SH["in"]:
            members = list(Collection(self.shapes, o))
            return "!(" + (" || ".join(f"sameTerm({v}, {_sparql_term(m)})" for m in members) or "false") + ")"
        if p == SH.pattern:
            flags = self.shapes.value(shape, SH.flags)
            return (f"(isBlank({v}) || !REGEX(STR({v}), {_sparql_term(Literal(str(o)))}"
                    + (f", {_sparql_term(Literal(str(flags)))}" if flags is not None else "") + "))")
        if p == SH.minLength:
            return f"(isBlank({v}) || STRLEN(STR({v})) < {int(o)})"
        if p == SH.maxLength:
            return f"(isBlank({v}) || STRLEN(STR({v})) > {int(o)})"
        if p in _RANGES:
            return f"!COALESCE({v} {_RANGES[p]} {_sparql_term(o)}, false)"
        if p == SH.hasValue:
            return f"!sameTerm({v}, {_sparql_term(o)})"
        raise Unsupported(str(p))

    # -- the queries ------------------------------------------------------------------------------------

    def select(self, query: str):
        return self.store.query(query)

    def add(self, focus, path, value, shape, component, severity):
        messages = tuple(sorted(self.shapes.objects(shape, SH.message)))
        if not messages:
            raise Unsupported(f"shape {shape} has no sh:message (pyshacl writes its own)")
        self.results.append(CoreResult(focus, path, value, shape, component, severity, messages))

    def shape(self, node_shape) -> None:
        shapes = self.shapes
        if shapes.value(node_shape, SH.deactivated) == Literal(True):
            return
        nodes = sorted(shapes.objects(node_shape, SH.targetNode), key=str)  # one VALUES block, not a UNION each
        targets = [t for t in _target_patterns(shapes, node_shape) if not t.startswith(("VALUES", "?this <" + str(RDF.type)))]
        targets += [f"VALUES ?_class {{ {self.subclasses(c)} }} ?this <{RDF.type}> ?_class ."
                    for c in sorted(shapes.objects(node_shape, SH.targetClass), key=str)]
        if nodes:
            targets.append("VALUES ?this { " + " ".join(_sparql_term(n) for n in nodes) + " }")
        if not targets:
            return
        focus = "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join("{ " + t + " }" for t in targets) + " } }"
        for p, o in shapes.predicate_objects(node_shape):
            if p not in _KNOWN:
                raise Unsupported(f"{p} on {node_shape}")
        severity = shapes.value(node_shape, SH.severity) or SH.Violation
        for p, o in sorted(shapes.predicate_objects(node_shape)):  # constraints on the focus node itself
            if p in (SH["or"], SH["not"], SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern,
                     SH.minLength, SH.maxLength, *_RANGES, SH.hasValue):
                self.values(node_shape, focus, None, "?this", p, o, severity, node_level=True)
            elif p in (SH.minCount, SH.maxCount, SH.lessThan, SH.qualifiedValueShape):
                raise Unsupported(f"{p} on a node shape")
        for prop in sorted(shapes.objects(node_shape, SH.property), key=str):
            self.property(node_shape, focus, prop)

    def property(self, node_shape, focus: str, prop) -> None:
        shapes = self.shapes
        if shapes.value(prop, SH.deactivated) == Literal(True):
            return
        for p in shapes.predicates(prop):
            if p not in _KNOWN or p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
                                        SH.property, SH.sparql):
                raise Unsupported(f"{p} on property shape {prop}")
        path_node = shapes.value(prop, SH.path)
        path = _path(shapes, path_node)
        severity = shapes.value(prop, SH.severity) or SH.Violation
        for p, o in sorted(shapes.predicate_objects(prop)):
            if (p == SH.minCount and int(o) > 0) or p == SH.maxCount:
                # a focus node with no value counts 0 for sh:minCount, so its path is OPTIONAL there
                values = f"OPTIONAL {{ ?this {path} ?value }}" if p == SH.minCount else f"?this {path} ?value"
                too = "<" if p == SH.minCount else ">"
                component = SH.MinCountConstraintComponent if p == SH.minCount else SH.MaxCountConstraintComponent
                rows = self.select(f"SELECT ?this WHERE {{ {focus} {values} }} "
                                   f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {too} {int(o)})")
                for r in rows:
                    self.add(to_rdflib(r["this"]), path_node, None, prop, component, severity)
            elif p == SH.hasValue:
                rows = self.select(f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {path} {_sparql_term(o)} }} }}")
                for r in rows:
                    self.add(to_rdflib(r["this"]), path_node, None, prop, SH.HasValueConstraintComponent, severity)
            elif p == SH.lessThan:
                rows = self.select(f"SELECT ?this ?value WHERE {{ {focus} ?this {path} ?value . ?this <{o}> ?other . "
                                   f"FILTER (!COALESCE(?value < ?other, false)) }}")
                for r in rows:
                    self.add(to_rdflib(r["this"]), path_node, to_rdflib(r["value"]), prop,
                             SH.LessThanConstraintComponent, severity)
            elif p == SH.qualifiedValueShape:
                if shapes.value(prop, SH.qualifiedValueShapesDisjoint) == Literal(True):
                    raise Unsupported("sh:qualifiedValueShapesDisjoint")
                condition = self.conforms(o, "?value")
                for bound, op, component in ((SH.qualifiedMinCount, "<", SH.QualifiedMinCountConstraintComponent),
                                             (SH.qualifiedMaxCount, ">", SH.QualifiedMaxCountConstraintComponent)):
                    limit = shapes.value(prop, bound)
                    if limit is None:
                        continue
                    rows = self.select(f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {path} ?value FILTER ({condition}) }} }} "
                                       f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {op} {int(limit)})")
                    for r in rows:
                        self.add(to_rdflib(r["this"]), path_node, None, prop, component, severity)
            elif p in (SH["or"], SH["not"], SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern,
                       SH.minLength, SH.maxLength, *_RANGES):
                self.values(prop, focus, path_node, path, p, o, severity)

    def values(self, shape, focus: str, path_node, path: str, p, o, severity, node_level: bool = False) -> None:
        """One result per value node that violates the value constraint ``p o``."""
        component = _COMPONENTS[p]
        bind = "BIND (?this AS ?value)" if node_level else f"?this {path} ?value ."
        if p == SH["or"]:
            condition = "!(" + " || ".join(self.conforms(s, "?value") for s in Collection(self.shapes, o)) + ")"
        elif p == SH["not"]:
            condition = self.conforms(o, "?value")
        elif p == SH.datatype and o not in _STRINGS:
            # Oxigraph keeps a number's value, not its datatype's name ("10"^^xsd:nonNegativeInteger reads back as
            # xsd:integer): the focus nodes come from Oxigraph, their values from the rdflib graph, judged as pyshacl does
            if self.data is None or node_level:
                raise Unsupported("sh:datatype of a non-string type without the rdflib graph")
            rows = self.select(f"SELECT DISTINCT ?this WHERE {{ {focus} ?this {path} ?value }}")
            rdflib_path = _rdflib_path(self.shapes, path_node)
            for r in rows:
                this = to_rdflib(r["this"])
                bad = [value for value in self.data.objects(this, rdflib_path) if not _well_typed(value, o)]
                for value in sorted(bad):
                    self.add(this, path_node, value, shape, component, severity)
            return
        else:
            condition = self.value_violates(shape, p, o, "?value")
        rows = self.select(f"SELECT ?this ?value WHERE {{ {focus} {bind} FILTER ({condition}) }}")
        for r in rows:
            value = to_rdflib(r["value"])
            self.add(to_rdflib(r["this"]), path_node, value, shape, component, severity)


_PYTHON_TYPES = {XSD.integer: int, XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date}


def _well_typed(value, datatype) -> bool:
    """pyshacl's sh:datatype test: a literal of the datatype that rdflib reads as well-formed."""
    if not isinstance(value, Literal) or value.datatype != datatype or getattr(value, "ill_typed", None) is True:
        return False
    expected = _PYTHON_TYPES.get(datatype)
    return expected is None or isinstance(value.value, expected)


def core_results(shapes: Graph, store: ox.Store, data: Graph | None = None) -> list[CoreResult]:
    """Every result of the core constraints of ``shapes`` (SPARQL targets already materialised) over ``store``,
    which holds ``data`` (read for the values of non-string sh:datatype constraints)."""
    compiler = _Compiler(shapes, store, data)
    node_shapes = {s for s in shapes.subjects(RDF.type, SH.NodeShape)}
    node_shapes |= {s for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
                    for s in shapes.subjects(p, None)}
    for shape in sorted(node_shapes, key=str):
        compiler.shape(shape)
    return compiler.results
