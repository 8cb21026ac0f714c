"""Validate a graph against ``shapes/``: core constraints compiled to SPARQL (``shacl_core``, or pyshacl), SPARQL
ones (``shacl_sparql``), all on Oxigraph.

The report a curator reads names the focus node with its label, the path, the message, the value, and
where the node has evidence, the document and the quoted words, so they can go straight to the source.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as pyshacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS

from .. import paths
from ..errors import UserError, one_line
from ..figures import smallest_base
from ..iris import curie
from ..vocab import NHSKG, OA, RDF_PARSE_ERRORS, SCHEMA
from .data import OX_FORMATS, Literals, load_files, report_context
from .shacl_sparql import (
    Unsupported,
    materialise_sparql_targets,
    run_constraints,
    split_sparql,
    to_oxigraph,
)
from .workers import default_workers, run_shapes

SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}


@dataclass
class Result:
    """One validation result, with what a curator needs to find its source."""

    severity: str
    focus: str
    label: str | None
    path: str | None
    message: str
    value: str | None
    shape: str
    component: str
    evidence: list[dict] = field(default_factory=list)
    constraint: str | None = None  # the sh:name of the property shape or SPARQL constraint that fired
    path_label: str | None = None  # the path in short names, for people


@dataclass
class Report:
    results: list[Result]
    graph: Graph
    triples: int | None = None  # the triples of the data (its RDF merge), when ``validate_files`` read it

    @property
    def conforms(self) -> bool:
        return not any(r.severity == "violation" for r in self.results)

    def count(self, severity: str) -> int:
        return sum(r.severity == severity for r in self.results)


def load_shapes(shapes_dir: Path | None = None) -> Graph:
    """Every shapes file, as one shapes graph."""
    shapes = Graph()
    files = sorted((shapes_dir or paths.SHAPES_DIR).glob("*.ttl"))
    if not files:
        raise UserError(f"{shapes_dir or paths.SHAPES_DIR}: no shapes (*.ttl) — a graph cannot be validated against nothing")
    for path in files:
        try:
            shapes.parse(path, format="turtle")
        except RDF_PARSE_ERRORS as exc:
            raise UserError(f"{path}: cannot be read as Turtle: {one_line(exc)}") from None
    return shapes


def read_rdf(files: list[Path]) -> Graph:
    """The union of the triples of the given RDF files (format by extension)."""
    from rdflib import Dataset

    data = Graph()
    for path in files:
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise UserError(f"{path}: unknown RDF format — use .ttl, .trig, .nt, .nq or .jsonld")
        try:
            target = Dataset() if fmt in ("trig", "nquads") else Graph()
            target.parse(path, format=fmt)
        except FileNotFoundError:
            raise UserError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise UserError(f"{path}: is a folder, not an RDF file") from None
        except RDF_PARSE_ERRORS as exc:  # the user needs the file and the reason
            raise UserError(f"{path}: cannot be read as {fmt}: {one_line(exc)}") from None
        quads = target.quads((None, None, None, None)) if fmt in ("trig", "nquads") else ((*t, None) for t in target)
        for s, p, o, _ in quads:
            data.add((s, p, o))
    return data


#: Who checks the core constraints: pyshacl, or Oxigraph running them compiled to SPARQL (``shacl_core``: the
#: same report, checked on every fixture and the built graph; a construct it does not compile falls back to pyshacl).
ENGINES = ("pyshacl", "oxigraph")


def validate_graph(data: Graph, shapes: Graph | None = None, engine: str = "oxigraph",
                   store: ox.Store | None = None, workers: int | None = None) -> Report:
    """Validate ``data``; the report's graph is a standard sh:ValidationReport.

    ``store``: ``data`` already in Oxigraph (a caller that has it saves the copy; scratch triples are added to
    a named graph of it while validating, and removed). ``workers``: processes running the shapes (None:
    ``workers.default_workers``; the report is the same for any number)."""
    _check_engine(engine)
    store = store if store is not None else to_oxigraph(data)
    return _validate(shapes if shapes is not None else load_shapes(), store, Literals.from_graph(data), engine,
                     lambda: data, lambda nodes: data, workers)


def validate_files(files: list[Path], shapes: Graph | None = None, engine: str = "oxigraph",
                   also: tuple[Path, ...] = (), workers: int | None = None) -> Report:
    """Validate the RDF merge of ``files`` and ``also`` (``also``: files added to the data, such as the
    ontology, that do not count as data to validate); a file that cannot be read is a ``UserError`` naming it.

    With the Oxigraph engine the files are parsed once, straight into Oxigraph (``data.load_files``): no rdflib
    graph of the data is made, only one of what the report says of the nodes it names. pyshacl, JSON-LD
    files, and a shape the compiler does not know read the files into rdflib as ``read_rdf`` does.
    ``workers``: as for ``validate_graph``."""
    _check_engine(engine)
    shapes = shapes if shapes is not None else load_shapes()
    everything = [*files, *also]
    if engine == "pyshacl" or any(path.suffix.lower() not in OX_FORMATS for path in everything):
        return validate_graph(_read_checked(files, also), shapes, engine)
    store, literals, read = load_files(everything, count=len(files))
    if read == 0:
        raise UserError(f"{', '.join(map(str, files))}: no triples to validate")
    triples = len(store)
    report = _validate(shapes, store, literals, engine, lambda: _read_checked(files, also),
                       lambda nodes: report_context(store, literals, nodes), workers)
    report.triples = triples
    return report


def _read_checked(files: list[Path], also: tuple[Path, ...]) -> Graph:
    data = read_rdf(list(files))
    if len(data) == 0:
        raise UserError(f"{', '.join(map(str, files))}: no triples to validate")
    for path in also:
        data += read_rdf([path])
    return data


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise UserError(f"validation engine {engine!r}: choose one of {', '.join(ENGINES)}")


def _validate(shapes: Graph, store: ox.Store, literals: Literals, engine: str, data: Callable[[], Graph],
              context: Callable[[set], Graph], workers: int | None = None) -> Report:
    """The report: the core constraints compiled to SPARQL (or pyshacl, on ``data()``, the rdflib graph of the
    data, made only then), the SPARQL constraints on ``store``; ``context(focus nodes)`` what the text needs."""
    core, pairs = split_sparql(shapes)
    report_graph = sparql = None
    if engine == "oxigraph":
        # each shape's focus nodes are selected once for its core and SPARQL constraints (``FocusNodes``)
        workers = default_workers(len(store)) if workers is None else workers
        try:
            found, sparql = run_shapes(shapes, core, pairs, store, literals, workers)
            report_graph = _core_report(found, core, literals)
        except Unsupported:  # a shape the compiler does not know: pyshacl validates the core constraints
            report_graph = None
    if report_graph is None:
        materialise_sparql_targets(core, store)
        _, report_graph, _ = pyshacl_validate(data(), shacl_graph=core, inference="none", advanced=True,
                                              allow_warnings=True)
        sparql = run_constraints(shapes, pairs, store)
    report_node = report_graph.value(predicate=RDF.type, object=SH.ValidationReport)
    for found in sparql:
        node = BNode()
        report_graph.add((report_node, SH.result, node))
        for p, o in ((RDF.type, SH.ValidationResult), (SH.focusNode, found.focus), (SH.resultSeverity, found.severity),
                     (SH.sourceShape, found.shape), (SH.sourceConstraint, found.constraint),
                     (SH.sourceConstraintComponent, SH.SPARQLConstraintComponent),
                     (SH.resultMessage, Literal(found.message)), (SH.value, found.value)):
            if o is not None:
                report_graph.add((node, p, o))
    nodes = list(report_graph.objects(report_node, SH.result))
    described = context({report_graph.value(node, SH.focusNode) for node in nodes})
    results = [_result(report_graph, node, described, shapes) for node in nodes]
    results.sort(key=lambda r: (list(SEVERITIES.values()).index(r.severity), r.shape, r.focus, r.path or "", r.message,
                                r.component, r.value or ""))
    report_graph.set((report_node, SH.conforms, Literal(not any(r.severity == "violation" for r in results))))
    return Report(results, report_graph)


def _copy_node(source: Graph, node, target: Graph) -> None:
    """``node`` and, if blank, everything it leads to (a path's lists and inverse paths) into ``target``."""
    if not isinstance(node, BNode):
        return
    for p, o in source.predicate_objects(node):
        target.add((node, p, o))
        _copy_node(source, o, target)


def _as_written(literals: Literals, focus, path, value):
    """A literal as the data writes it ("56.0", where Oxigraph gives the value back as "56")."""
    if isinstance(value, Literal) and isinstance(path, URIRef):
        for written in literals.of(focus, str(path)):
            if written.datatype == value.datatype and written.eq(value):
                return written
    return value


def _core_report(found: list, core: Graph, literals: Literals) -> Graph:
    """The core constraints' results as a sh:ValidationReport graph."""
    report = Graph()
    report_node = BNode()
    report.add((report_node, RDF.type, SH.ValidationReport))
    for r in found:
        node = BNode()
        report.add((report_node, SH.result, node))
        for p, o in ((RDF.type, SH.ValidationResult), (SH.focusNode, r.focus), (SH.resultPath, r.path),
                     (SH.value, _as_written(literals, r.focus, r.path, r.value)), (SH.sourceShape, r.shape),
                     (SH.sourceConstraintComponent, r.component), (SH.resultSeverity, r.severity)):
            if o is not None:
                report.add((node, p, o))
        for message in r.messages:
            report.add((node, SH.resultMessage, message))
        _copy_node(core, r.path, report)
    return report


def _label(data: Graph, node) -> str | None:
    """The node's name: of several (a fixture's two labels), the first in order, so the choice depends on neither
    the engine nor the order the triples were read in."""
    for prop in (RDFS.label, SKOS.prefLabel, SCHEMA.name, OA.exact):
        values = sorted(str(value) for value in data.objects(node, prop))
        if values:
            return values[0]
    return None


def evidence_of(data: Graph, node) -> list[dict]:
    """Where the node stands in the source texts: the document and the quoted words of each annotation."""
    targets = [data.value(a, OA.hasTarget) for a in data.subjects(OA.hasBody, node)]
    if (node, RDF.type, OA.SpecificResource) in data:
        targets.append(node)
    found = []
    for target in targets:
        for selector in data.objects(target, OA.hasSelector):
            if data.value(selector, OA.exact) is not None:
                source = data.value(target, OA.hasSource)
                document = data.value(source, DCTERMS.isFormatOf) or source  # the text's document
                found.append({"document": str(document), "exact": str(data.value(selector, OA.exact))})
    return sorted(found, key=lambda e: (e["document"], e["exact"]))


def _name(shapes_or_report: Graph, node) -> str:
    return shapes_or_report.namespace_manager.normalizeUri(node) if isinstance(node, URIRef) else str(node)


def path_text(graph: Graph, path, name=str) -> str:
    """A SHACL property path as SPARQL-like text: ``iri``, ``^iri``, ``(a|b)``, ``a/b``, each IRI written by
    ``name`` (full IRIs for programs, ``iris.curie`` for people)."""
    if isinstance(path, URIRef):
        return name(str(path))
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + path_text(graph, inverse, name)
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(path_text(graph, p, name) for p in Collection(graph, alternatives)) + ")"
    if graph.value(path, RDF.first) is not None:
        return "/".join(path_text(graph, p, name) for p in Collection(graph, path))
    return str(path)


def _result(report: Graph, node, data: Graph, shapes: Graph) -> Result:
    focus = report.value(node, SH.focusNode)
    shape = report.value(node, SH.sourceShape)
    source = report.value(node, SH.sourceConstraint)
    constraint = shapes.value(source, SH.name) if source is not None else None
    if constraint is None and isinstance(shape, BNode):
        constraint = shapes.value(shape, SH.name)
    if isinstance(shape, BNode):  # a property shape: name it by the node shape that holds it
        shape = shapes.value(predicate=SH.property, object=shape) or shape
    message = " ".join(str(m) for m in report.objects(node, SH.resultMessage))
    path = report.value(node, SH.resultPath)
    value = report.value(node, SH.value)
    if shape == URIRef("https://w3id.org/nhskg/shapes/GranularityShape"):
        message += _smallest_base_note(data, focus)
    return Result(
        severity=SEVERITIES.get(report.value(node, SH.resultSeverity), "violation"),
        focus=str(focus), label=_label(data, focus), path=path_text(report, path) if path is not None else None,
        message=message, value=str(value) if value is not None else None, shape=_name(shapes, shape),
        component=_name(shapes, report.value(node, SH.sourceConstraintComponent)), evidence=evidence_of(data, focus),
        constraint=str(constraint) if constraint is not None else None,
        path_label=path_text(report, path, curie) if path is not None else None)


def _smallest_base_note(data: Graph, finding) -> str:
    """SHACL-SPARQL cannot enumerate candidate bases, so the smallest base that fits is added here."""
    try:
        value = Decimal(str(data.value(finding, NHSKG.value)))
        places = int(data.value(finding, NHSKG.decimalPlaces))
    except (InvalidOperation, TypeError, ValueError):
        return ""
    base, count = smallest_base(value, places)
    return f" The smallest base that gives {value}% is {base} ({count} of {base})."


def format_text(report: Report) -> str:
    lines = []
    for severity in SEVERITIES.values():
        group = [r for r in report.results if r.severity == severity]
        if not group:
            continue
        lines.append(f"{severity.upper()}S ({len(group)})")
        for r in group:
            lines.append(f"- {r.label or r.focus}  <{r.focus}>")
            lines.append(f"  {r.shape}{' · ' + r.path_label if r.path_label else ''}: {r.message}")
            if r.value is not None:
                lines.append(f"  value: {r.value}")
            for e in r.evidence[:3]:
                lines.append(f"  evidence: {e['document'].rsplit('/', 1)[-1]}: “{e['exact']}”")
        lines.append("")
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(f"{verdict}: {report.count('violation')} violations, {report.count('warning')} warnings, "
                 f"{report.count('info')} infos")
    return "\n".join(lines)


def canonical_turtle(graph: Graph) -> str:
    """The report as Turtle with blank nodes named canonically, so the same results give the same text."""
    from rdflib.compare import to_canonical_graph

    canonical = Graph()
    for prefix, namespace in graph.namespaces():
        canonical.bind(prefix, namespace)
    for triple in sorted(to_canonical_graph(graph)):
        canonical.add(triple)
    return canonical.serialize(format="turtle")


def format_json(report: Report) -> str:
    return json.dumps({"conforms": report.conforms,
                       "counts": {s: report.count(s) for s in SEVERITIES.values()},
                       "results": [r.__dict__ for r in report.results]}, indent=1, ensure_ascii=False)
