"""Every shape has a conforming and a non-conforming fixture under shapes/tests/, named after it
(`FindingShape.valid.ttl`, `FindingShape.invalid.ttl`, `FindingShape.invalid-no-unit.ttl`).

A non-conforming fixture says what must fire in header comments, one line per expected result:
    # expect: severity=violation path=nhskg:unit
    # expect: severity=warning path=-            (a node-level or SPARQL result has no path)
    # expect: severity=violation path=^oa:hasBody  (an inverse path)
    # expect: severity=violation path=- constraint="percentage range"  (which constraint, by its sh:name)
Only results of the fixture's own shape count, so a fixture need not satisfy every other shape.
The ontology is loaded with each fixture, so class hierarchies work as in the built graph.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from nhskg import paths, vocab
from nhskg.validation.shapes import load_shapes, validate_graph

FIXTURE_DIR = paths.SHAPES_DIR / "tests"
SHAPES = load_shapes()
SHAPES_NS = "https://w3id.org/nhskg/shapes/"
NODE_SHAPES = sorted(str(s).removeprefix(SHAPES_NS) for s in SHAPES.subjects(RDF.type, SH.NodeShape)
                     if isinstance(s, URIRef))
_NAME = re.compile(r"^(?P<shape>\w+)\.(?P<kind>valid|invalid)(?:-[\w-]+)?\.ttl$")
FIXTURES = sorted(p for p in FIXTURE_DIR.glob("*.ttl"))
ONTOLOGY = Graph().parse(paths.ONTOLOGY)


def _expectations(path: Path) -> list[tuple[str, str, str | None]]:
    found = re.findall(r'^# expect: severity=(\w+) path=(\S+)(?: constraint="([^"]+)")?\s*$',
                       path.read_text(encoding="utf-8"), re.M)
    return [(severity, path_, constraint or None) for severity, path_, constraint in found]


_NAMESPACES = {**{p: str(ns) for p, ns in vocab.PREFIXES.items()}, "rdf": str(RDF)}


def _expand(path: str) -> str | None:
    """A path as validate reports it, from short names: "nhskg:unit", "^oa:hasBody", "(rdfs:label|skos:prefLabel)"."""
    if path == "-":
        return None
    return re.sub(r"([a-z][\w-]*):(\w+)", lambda m: _NAMESPACES[m.group(1)] + m.group(2), path)


def _results_of(shape: str, path: Path):
    data = Graph()
    data += ONTOLOGY
    data.parse(path, format="turtle")
    report = validate_graph(data, SHAPES)
    return [r for r in report.results if r.shape == f"nhskgsh:{shape}"]


def test_fixture_names_are_valid_and_name_a_shape():
    for path in FIXTURES:
        match = _NAME.match(path.name)
        assert match, f"{path.name}: name fixtures SHAPE.valid.ttl or SHAPE.invalid[-what].ttl"
        assert match["shape"] in NODE_SHAPES, f"{path.name}: no shape nhskgsh:{match['shape']}"


@pytest.mark.parametrize("shape", NODE_SHAPES)
def test_every_shape_has_a_valid_and_an_invalid_fixture(shape):
    kinds = {_NAME.match(p.name)["kind"] for p in FIXTURES if _NAME.match(p.name) and _NAME.match(p.name)["shape"] == shape}
    assert kinds == {"valid", "invalid"}, f"nhskgsh:{shape} needs {shape}.valid.ttl and {shape}.invalid.ttl"


def test_fixture_count_cannot_shrink_silently():
    assert len(FIXTURES) >= 2 * len(NODE_SHAPES) >= 70


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fixture(path):
    match = _NAME.match(path.name)
    shape = match["shape"]
    results = _results_of(shape, path)
    if match["kind"] == "valid":
        assert not results, [f"{r.severity} {r.path}: {r.message}" for r in results]
        return
    expected = _expectations(path)
    assert expected, f"{path.name}: say what must fire with '# expect: severity=... path=...' lines"
    fired = {(r.severity, r.path, r.constraint) for r in results}
    for severity, curie, constraint in expected:
        assert any(s == severity and p == _expand(curie) and constraint in (None, c) for s, p, c in fired), \
            f"expected {severity} on {curie} ({constraint or 'any constraint'}) from nhskgsh:{shape}; fired: {sorted(fired, key=str)}"


def test_every_constraint_is_named_described_and_explained():
    """Each node shape, property shape and SPARQL constraint has sh:name and sh:description, and each
    constraint a message a curator understands."""
    constraints = set(SHAPES.objects(None, SH.property)) | set(SHAPES.objects(None, SH.sparql))
    lacking = []
    for node in set(SHAPES.subjects(RDF.type, SH.NodeShape)) | constraints:
        needs = [SH.name, SH.description] + ([SH.message] if node in constraints else [])
        missing = [str(p).rsplit("#", 1)[-1] for p in needs if SHAPES.value(node, p) is None]
        if missing:
            owner = SHAPES.value(predicate=SH.property, object=node) or SHAPES.value(predicate=SH.sparql, object=node)
            lacking.append((str(SHAPES.value(node, SH.path) or node), str(owner), missing))
    assert not lacking, sorted(lacking)
