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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD

from .data import Literals
from .shacl_sparql import FocusNodes, Unsupported, to_rdflib

__all__ = ["CoreResult", "Unsupported", "compiler", "core_results", "node_shapes"]


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
    def __init__(self, shapes: Graph, store: ox.Store, literals: Literals | None, focus: FocusNodes):
        self.shapes, self.store, self.literals, self.focus = shapes, store, literals, focus
        self.names = itertools.count()
        self.results: list[CoreResult] = []
        self._ends: dict = {}

    def subclasses(self, cls) -> str:
        return self.focus.subclasses(cls)

    def var(self) -> str:
        return f"?_v{next(self.names)}"

    def walk(self, path, s: str, o: str) -> str:
        """A graph pattern joining ``s`` to each ``o`` the SHACL ``path`` reaches.

        A sequence is spelt as triple patterns joined by fresh variables, not as a property path: Oxigraph
        evaluated ``?this (oa:hasSource/dcterms:isFormatOf) ?v`` inside NOT EXISTS in 7.5 s at a million
        triples, the joins in a fraction of that. (Row counts may repeat a value: the queries are DISTINCT.)"""
        shapes = self.shapes
        if isinstance(path, URIRef):
            return f"{s} <{path}> {o} ."
        inverse = shapes.value(path, SH.inversePath)
        if inverse is not None:
            return self.walk(inverse, o, s)
        alternatives = shapes.value(path, SH.alternativePath)
        if alternatives is not None:
            branches = list(Collection(shapes, alternatives))
            if all(isinstance(b, URIRef) or isinstance(shapes.value(b, SH.inversePath), URIRef) for b in branches):
                return f"{s} {_path(shapes, path)} {o} ."  # a property path of single steps is fast
            return " UNION ".join("{ " + self.walk(b, s, o) + " }" for b in branches)
        if shapes.value(path, RDF.first) is not None:
            steps = list(Collection(shapes, path))
            nodes = [s, *(self.var() for _ in steps[1:]), o]
            return " ".join(self.walk(step, a, b) for step, a, b in zip(steps, nodes, nodes[1:]))
        raise Unsupported(f"path {path}")  # zeroOrMore etc.: not used by nhskg's shapes

    def steps(self, path) -> list[tuple[str, bool]] | None:
        """``path`` as single steps, each (predicate, forward), when it is one or an alternative of them."""
        if isinstance(path, URIRef):
            return [(str(path), True)]
        inverse = self.shapes.value(path, SH.inversePath)
        if isinstance(inverse, URIRef):
            return [(str(inverse), False)]
        alternatives = self.shapes.value(path, SH.alternativePath)
        if alternatives is not None:
            steps = [self.steps(p) for p in Collection(self.shapes, alternatives)]
            if all(steps):
                return [step for found in steps for step in found]
        return None

    def ends(self, predicate: str, forward: bool) -> tuple[set, set]:
        """The nodes with a value by ``predicate`` (subjects; or objects, not ``forward``), and those with more than
        one: the store holds each triple once, so these are counts of distinct values."""
        if (predicate, forward) not in self._ends:
            quads = self.store.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.DefaultGraph())
            nodes = [q.subject for q in quads] if forward else [q.object for q in quads]
            present = set(nodes)
            several = set() if len(present) == len(nodes) else {n for n, c in Counter(nodes).items() if c > 1}
            self._ends[(predicate, forward)] = (present, several)
        return self._ends[(predicate, forward)]

    def absent(self, path, value: str) -> str:
        """A filter keeping the focus nodes from which ``path`` reaches no ``value``.

        NOT EXISTS for a single step (one index lookup a node); MINUS for a longer path, whose inner joins
        Oxigraph orders badly when it re-evaluates them for each node (4 s for a two-step path at a million
        triples), while MINUS evaluates them once and subtracts."""
        shapes = self.shapes
        if isinstance(path, URIRef) or isinstance(shapes.value(path, SH.inversePath), URIRef):
            return f"FILTER NOT EXISTS {{ {self.walk(path, '?this', value)} }}"
        alternatives = shapes.value(path, SH.alternativePath)
        if alternatives is not None and all(isinstance(b, URIRef) or isinstance(shapes.value(b, SH.inversePath), URIRef)
                                            for b in Collection(shapes, alternatives)):
            return f"FILTER NOT EXISTS {{ {self.walk(path, '?this', value)} }}"
        return f"MINUS {{ {self.walk(path, '?this', value)} }}"

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
        path = self.shapes.value(prop, SH.path)
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
                    parts.append(f"EXISTS {{ {' '.join(self.walk(path, x, v) for v in values)} {distinct} }}")
            elif p == SH.maxCount:
                values = [self.var() for _ in range(int(o) + 1)]
                if len(values) > 3:
                    raise Unsupported("sh:maxCount above 2 in a nested shape")
                distinct = " ".join(f"FILTER (!sameTerm({a}, {b}))" for a, b in itertools.combinations(values, 2))
                parts.append(f"NOT EXISTS {{ {' '.join(self.walk(path, x, v) for v in values)} {distinct} }}")
            elif p in (SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.minLength, SH.maxLength,
                       *_RANGES):
                v = self.var()
                parts.append(f"NOT EXISTS {{ {self.walk(path, x, v)} FILTER ({self.value_violates(prop, p, o, v)}) }}")
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
        if not self.focus.targeted(node_shape):
            return
        focus = _Target(node_shape, self.focus)
        for p, o in shapes.predicate_objects(node_shape):
            if p not in _KNOWN:
                raise Unsupported(f"{p} on {node_shape}")
        severity = shapes.value(node_shape, SH.severity) or SH.Violation
        own = []  # constraints on the focus node itself
        for p, o in sorted(shapes.predicate_objects(node_shape)):
            if p in _VALUE_CONSTRAINTS:
                own.append((p, o))
            elif p in (SH.minCount, SH.maxCount, SH.lessThan, SH.qualifiedValueShape):
                raise Unsupported(f"{p} on a node shape")
        if own:
            self.values(node_shape, focus, None, None, own, severity)
        for prop in sorted(shapes.objects(node_shape, SH.property), key=str):
            self.property(node_shape, focus, prop)

    def property(self, node_shape, focus: _Target, prop) -> None:
        shapes = self.shapes
        if shapes.value(prop, SH.deactivated) == Literal(True):
            return
        for p in shapes.predicates(prop):
            if p not in _KNOWN or p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
                                        SH.property, SH.sparql, SH.target):
                raise Unsupported(f"{p} on property shape {prop}")
        path_node = shapes.value(prop, SH.path)
        path = path_node
        severity = shapes.value(prop, SH.severity) or SH.Violation
        values = []
        for p, o in sorted(shapes.predicate_objects(prop)):
            if p == SH.minCount and int(o) > 0:
                self.count(prop, focus, path_node, path, int(o), SH.MinCountConstraintComponent, severity)
            elif p == SH.maxCount:
                self.count(prop, focus, path_node, path, int(o), SH.MaxCountConstraintComponent, severity)
            elif p == SH.hasValue:
                rows = self.select(f"SELECT DISTINCT ?this WHERE {{ {focus} {self.absent(path, _sparql_term(o))} }}")
                for r in rows:
                    self.add(to_rdflib(r["this"]), path_node, None, prop, SH.HasValueConstraintComponent, severity)
            elif p == SH.lessThan:
                rows = self.select(f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {self.walk(path, '?this', '?value')} ?this <{o}> ?other . "
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
                    rows = self.select(f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ {self.walk(path, '?this', '?value')} FILTER ({condition}) }} }} "
                                       f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {op} {int(limit)})")
                    for r in rows:
                        self.add(to_rdflib(r["this"]), path_node, None, prop, component, severity)
            elif p in _VALUE_CONSTRAINTS:
                values.append((p, o))
        if values:
            self.values(prop, focus, path_node, path, values, severity)

    def count(self, prop, focus: _Target, path_node, path, limit: int, component, severity) -> None:
        """sh:minCount / sh:maxCount: the focus nodes with too few or too many distinct values."""
        steps = self.steps(path)
        minimum = component == SH.MinCountConstraintComponent
        if steps and ((minimum and limit == 1) or (not minimum and limit <= 1 and len(steps) == 1)):
            # counted in Python from the predicates' index, once per predicate for all shapes: a query per
            # constraint cost 0.1-0.3 s each at a million triples, ~250 of them
            if minimum:  # set operations, in C: no loop over the focus nodes in Python
                bad = focus.nodes.difference(*(self.ends(*step)[0] for step in steps))
            else:
                present, several = self.ends(*steps[0])
                bad = focus.nodes & (present if limit == 0 else several)
            for node in sorted(bad, key=str):
                self.add(to_rdflib(node), path_node, None, prop, component, severity)
            return
        if component == SH.MinCountConstraintComponent and limit == 1:  # the common case, without grouping
            query = f"SELECT DISTINCT ?this WHERE {{ {focus} {self.absent(path, '?value')} }}"
        elif component == SH.MaxCountConstraintComponent and limit == 0:
            query = f"SELECT DISTINCT ?this WHERE {{ {focus} {self.walk(path, '?this', '?value')} }}"
        elif component == SH.MaxCountConstraintComponent and limit == 1:  # two different values, without grouping
            query = (f"SELECT DISTINCT ?this WHERE {{ {focus} {self.walk(path, '?this', '?value')} "
                     f"{self.walk(path, '?this', '?other')} FILTER (!sameTerm(?value, ?other)) }}")
        else:
            # a focus node with no value counts 0 for sh:minCount, so its path is OPTIONAL there
            values = self.walk(path, "?this", "?value")
            values = f"OPTIONAL {{ {values} }}" if component == SH.MinCountConstraintComponent else values
            too = "<" if component == SH.MinCountConstraintComponent else ">"
            query = f"SELECT ?this WHERE {{ {focus} {values} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {too} {limit})"
        for r in self.select(query):
            self.add(to_rdflib(r["this"]), path_node, None, prop, component, severity)

    def values(self, shape, focus: _Target, path_node, path, constraints: list, severity) -> None:
        """One result per value node that violates one of the value ``constraints`` (``(p, o)`` pairs), all of a
        shape's judged in one query over its values (``path`` None: the focus node itself is the value)."""
        conditions = []
        for p, o in constraints:
            if p == SH.datatype and o not in _STRINGS:
                if path is None:
                    raise Unsupported("sh:datatype of a non-string type on a node shape")
                conditions.append((p, self.non_literal(shape, focus, path_node, o, severity)))
            elif p == SH["or"]:
                conditions.append((p, "!(" + " || ".join(self.conforms(s, "?value") for s in Collection(self.shapes, o)) + ")"))
            elif p == SH["not"]:
                conditions.append((p, self.conforms(o, "?value")))
            else:
                conditions.append((p, self.value_violates(shape, p, o, "?value")))
        bind = "BIND (?this AS ?value)" if path is None else self.walk(path, "?this", "?value")
        # an error in one condition leaves its ?_c unbound, which fails it alone, as its own FILTER would
        binds = " ".join(f"BIND (({c}) AS ?_c{i})" for i, (_, c) in enumerate(conditions))
        found: list[list] = [[] for _ in conditions]
        flags = " ".join(f"?_c{i}" for i in range(len(conditions)))
        rows = self.select(f"SELECT DISTINCT ?this ?value {flags} WHERE {{ {focus} {bind} {binds} "
                           f"FILTER ({' || '.join(f'?_c{i}' for i in range(len(conditions)))}) }}")
        for r in rows:
            for i in range(len(conditions)):
                flag = r[f"_c{i}"]
                if flag is not None and flag.value == "true":
                    found[i].append((to_rdflib(r["this"]), to_rdflib(r["value"])))
        for (p, _), hits in zip(constraints, found):
            for this, value in sorted(hits, key=lambda hit: (str(hit[0]), str(hit[1]))):
                self.add(this, path_node, value, shape, _COMPONENTS[p], severity)

    def non_literal(self, shape, focus: _Target, path_node, datatype, severity) -> str:
        """A non-string sh:datatype: the condition for values that are no typed literal (IRIs, blank nodes,
        strings, tagged strings: judged by the store), and the typed literals judged as written, here.

        Oxigraph keeps a number's value, not its datatype's name ("10"^^xsd:nonNegativeInteger reads back as
        xsd:integer), so the typed literals are judged as pyshacl judges them, on ``Literals``: each distinct
        literal once, then the few bad ones kept where their subject is a focus node of the shape."""
        if self.literals is None:
            raise Unsupported("sh:datatype of a non-string type without the literals as written")
        judged: dict = {}
        bad = []
        for subject, written in ((subject, written) for predicate in self.literal_steps(path_node)
                                 for subject, written in self.literals.by_predicate.get(predicate, {}).items()):
            for raw in written:
                ok = judged.get(raw)
                if ok is None:
                    ok = judged[raw] = _well_typed(self.literals.rdflib(raw), datatype)
                if not ok:
                    bad.append((subject, self.literals.rdflib(raw)))
        if bad:
            members = {str(node): node for node in focus.nodes}
            for subject, value in sorted(set(bad), key=lambda b: (b[0], str(b[1]))):
                if subject in members:
                    self.add(to_rdflib(members[subject]), path_node, value, shape, SH.DatatypeConstraintComponent, severity)
        return "(!isLiteral(?value) || LANG(?value) != \"\" || sameTerm(DATATYPE(?value), <http://www.w3.org/2001/XMLSchema#string>))"

    def literal_steps(self, path) -> list[str]:
        """The predicates by which ``path`` reaches a literal straight from the focus node: the IRI itself, each
        of an alternative path's; none for an inverse path (its values are subjects, never literals)."""
        if isinstance(path, URIRef):
            return [str(path)]
        if self.shapes.value(path, SH.inversePath) is not None:
            return []
        alternatives = self.shapes.value(path, SH.alternativePath)
        if alternatives is not None:
            return [step for p in Collection(self.shapes, alternatives) for step in self.literal_steps(p)]
        raise Unsupported(f"sh:datatype of a non-string type on the path {path}")


class _Target:
    """A node shape's focus nodes, for the compiler: ``nodes`` (a set of Oxigraph terms) for the checks done in
    Python, and, written into a query, the pattern binding ?this (made when a query first needs it: a shape
    whose checks are all done in Python never pays for it)."""

    def __init__(self, shape, focus: FocusNodes):
        self.shape, self._focus = shape, focus

    @property
    def nodes(self) -> set:
        return self._focus.nodes(self.shape)

    def __format__(self, spec: str) -> str:
        return self._focus.pattern(self.shape) or ""


_VALUE_CONSTRAINTS = (SH["or"], SH["not"], SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.minLength,
                      SH.maxLength, *_RANGES, SH.hasValue)
_PYTHON_TYPES = {XSD.integer: int, XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date}


def _well_typed(value, datatype) -> bool:
    """pyshacl's sh:datatype test: a literal of the datatype that rdflib reads as well-formed."""
    if not isinstance(value, Literal) or value.datatype != datatype or getattr(value, "ill_typed", None) is True:
        return False
    expected = _PYTHON_TYPES.get(datatype)
    return expected is None or isinstance(value.value, expected)


def node_shapes(shapes: Graph) -> list:
    """The node shapes of ``shapes`` (declared, or holding a target), in the order their results are reported."""
    found = {s for s in shapes.subjects(RDF.type, SH.NodeShape)}
    found |= {s for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
              for s in shapes.subjects(p, None)}
    return sorted(found, key=str)


def compiler(shapes: Graph, store: ox.Store, literals: Literals | None, focus: FocusNodes) -> Callable[[object], list]:
    """A function giving the core results of one node shape (``validation.workers`` runs shapes in any order and
    process); its caches — each predicate's subjects, the focus nodes — serve every shape it is given."""
    compiled = _Compiler(shapes, store, literals, focus)

    def results_of(shape) -> list[CoreResult]:
        start = len(compiled.results)
        compiled.shape(shape)
        return compiled.results[start:]
    return results_of


def core_results(shapes: Graph, store: ox.Store, data: Graph | Literals | None = None,
                 focus: FocusNodes | None = None) -> list[CoreResult]:
    """Every result of the core constraints of ``shapes`` over ``store``, which holds the data; ``data`` gives
    its non-string literals as written (an rdflib graph of it, or ``Literals``), for sh:datatype.

    ``focus``: the shapes' focus nodes (a caller that runs the SPARQL constraints after shares them); else
    they are selected here and dropped at the end."""
    literals = Literals.from_graph(data) if isinstance(data, Graph) else data
    own = focus is None
    focus = focus if focus is not None else FocusNodes(shapes, store)
    results_of = compiler(shapes, store, literals, focus)
    try:
        return [result for shape in node_shapes(shapes) for result in results_of(shape)]
    finally:
        if own:
            focus.drop()
