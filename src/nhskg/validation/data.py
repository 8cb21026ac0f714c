"""The data under validation: its RDF merge in Oxigraph, and its typed literals as the files wrote them.

Oxigraph keeps a literal's value, not its spelling: ``"10"^^xsd:nonNegativeInteger`` reads back as an
``xsd:integer`` and ``"56.0"`` as ``"56"``. pyshacl judges ``sh:datatype`` on the written literal and a report
shows the value as written, so beside the store this keeps every literal whose datatype is not a string, by
predicate and subject (``Literals``): about one triple in ten (108,267 of 998,242 quads at a million), where
an rdflib graph of the whole data cost ~50 s and 1.1 GB more.

``load_files`` parses RDF files once (pyoxigraph's parsers) into both; ``Literals.from_graph`` gives the same
view of an rdflib graph already in memory. ``report_context`` fetches, for the few nodes a report names, what
its text needs (labels, values, evidence) as a small rdflib graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from ..errors import UserError
from ..trace_index import collector_paused
from ..vocab import OA
from .shacl_sparql import to_rdflib

#: The extensions read straight into Oxigraph (JSON-LD is left to rdflib: its contexts are resolved differently).
OX_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
              ".nq": ox.RdfFormat.N_QUADS, ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML}
_STRING_TYPES = {str(XSD.string), str(RDF.langString)}


def key(term) -> str:
    """A subject as a dictionary key the same for an rdflib and an Oxigraph term: ``<iri>`` or ``_:id``."""
    return term.n3() if hasattr(term, "n3") else str(term)


class Literals:
    """The data's literals of non-string datatypes as written: predicate IRI → subject key → literals."""

    def __init__(self, convert: Callable = lambda literal: literal):
        self.by_predicate: dict[str, dict[str, list]] = {}
        self._convert = convert
        self._memo: dict = {}
        self._as_read: dict = {}

    def add(self, subject_key: str, predicate: str, literal) -> None:
        self.by_predicate.setdefault(predicate, {}).setdefault(subject_key, []).append(literal)

    def rdflib(self, literal) -> Literal:
        """The literal as rdflib reads it (a file's literals are converted once each, when asked for)."""
        found = self._memo.get(literal)
        if found is None:
            found = self._memo[literal] = self._convert(literal)
        return found

    def as_read(self, literal: ox.Literal) -> ox.Literal:
        """A file's literal as rdflib would have read it: rdflib rewrites a valid literal in its canonical form
        ("01" as "1", "2013-04-01Z"^^xsd:date as "2013-04-01"), which can make two values one, and pyshacl
        counts the values rdflib holds. Each distinct literal is converted once."""
        found = self._as_read.get(literal)
        if found is None:
            read = self.rdflib(literal)
            found = self._as_read[literal] = (literal if str(read) == literal.value else
                                              ox.Literal(str(read), datatype=literal.datatype))
        return found

    def of(self, subject, predicate: str) -> list[Literal]:
        """The literals of ``subject``'s ``predicate`` as written, each once."""
        return list(dict.fromkeys(self.rdflib(lit) for lit in self.by_predicate.get(predicate, {}).get(key(subject), ())))

    @classmethod
    def from_graph(cls, graph: Graph) -> Literals:
        found = cls()
        for s, p, o in graph:
            if isinstance(o, Literal) and o.language is None and o.datatype is not None and str(o.datatype) not in _STRING_TYPES:
                found.add(key(s), str(p), o)
        return found


def _quads(path: Path, fmt) -> Iterable[ox.Quad]:
    try:
        # a file's relative IRIs resolve against the file, as rdflib resolves them
        yield from ox.parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not an RDF file") from None
    except (SyntaxError, ValueError) as exc:
        raise UserError(f"{path}: cannot be read as {fmt.name}: {' '.join(str(exc).split())}") from None


def load_files(files: list[Path], count: int | None = None) -> tuple[ox.Store, Literals, int]:
    """The RDF merge of ``files`` (every named graph's triples in the default graph, each once) in a new in-memory
    store, their non-string literals as written, and the number of triples read from the first ``count`` files
    (all by default). Files ``OX_FORMATS`` does not know raise ``KeyError`` (the caller reads them with rdflib).

    Each quad is read once, here, into both. (Oxigraph's own loader in a thread, the named graphs merged by a
    SPARQL update, with the literals read beside it, was measured at a million triples on 2026-11-28: 0.4 s
    less wall at best, 0.9 s more CPU and 240 MB more memory, so not kept.)"""
    formats = [OX_FORMATS[path.suffix.lower()] for path in files]
    store = ox.Store()
    literals = Literals(to_rdflib)
    read = 0
    several = len(files) > 1
    count = len(files) if count is None else count
    default = ox.DefaultGraph()

    def triples():
        nonlocal read
        for index, (path, fmt) in enumerate(zip(files, formats)):
            for quad in _quads(path, fmt):
                s, p, o = quad.subject, quad.predicate, quad.object
                if several:  # each file's blank nodes are its own, as in an RDF merge
                    if type(s) is ox.BlankNode:
                        s = ox.BlankNode(f"f{index}x{s.value}")
                    if type(o) is ox.BlankNode:
                        o = ox.BlankNode(f"f{index}x{o.value}")
                if type(o) is ox.Literal and o.language is None and o.datatype.value not in _STRING_TYPES:
                    literals.add(str(s), p.value, o)
                    o = literals.as_read(o)
                read += index < count
                yield ox.Quad(s, p, o, default)

    with collector_paused():  # a million short-lived terms and no cycles: the collector's passes are waste
        store.extend(triples())  # extend, not bulk_extend: a third faster for an in-memory store
    return store, literals, read


def report_context(store: ox.Store, literals: Literals, nodes: Iterable) -> Graph:
    """What a report says of ``nodes`` (rdflib terms): their own triples, non-string literals as written, and
    the annotations that stand on them (body → target → selector's exact words, source → document).

    Read by index lookups (``quads_for_pattern``), which also reach blank nodes a SPARQL text cannot name."""
    context = Graph()
    default = ox.DefaultGraph()

    def out(subject, predicate=None):
        return (q for q in store.quads_for_pattern(subject, predicate, None, default))

    def add(quad, *, as_written=True):
        o = quad.object
        if as_written and type(o) is ox.Literal and o.language is None and o.datatype.value not in _STRING_TYPES:
            return  # its literals as written are added from ``literals``
        context.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(o)))

    has_body, has_target, has_selector = (ox.NamedNode(str(p)) for p in (OA.hasBody, OA.hasTarget, OA.hasSelector))
    exact, has_source, is_format_of = (ox.NamedNode(str(p)) for p in (OA.exact, OA.hasSource, DCTERMS.isFormatOf))
    for node in {_to_oxigraph(n) for n in nodes}:
        for quad in out(node):
            add(quad)
        for predicate, subjects in literals.by_predicate.items():
            for literal in subjects.get(str(node), ()):
                context.add((to_rdflib(node), URIRef(predicate), literals.rdflib(literal)))
        targets = [node]
        for body in store.quads_for_pattern(None, has_body, node, default):
            add(body)
            for target in out(body.subject, has_target):
                add(target)
                targets.append(target.object)
        for target in targets:
            for selector in out(target, has_selector):
                add(selector)
                for words in out(selector.object, exact):
                    add(words, as_written=False)
            for source in out(target, has_source):
                add(source)
                for document in out(source.object, is_format_of):
                    add(document)
    return context


def _to_oxigraph(term):
    """An rdflib IRI or blank node as an Oxigraph term."""
    return ox.BlankNode(str(term)) if isinstance(term, BNode) else ox.NamedNode(str(term))
