"""`nhskg validate` at scale takes shortcuts that may not change a byte of the report: Oxigraph's own loader
for data without blank nodes (``data._load_natively``), and the shapes split between two processes
(``workers``). Each is checked against the plain path on every fixture of ``shapes/tests/`` and on the
built graph: the same store, the same literals as written, the same report in every format."""

from __future__ import annotations

import os

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from nhskg import paths
from nhskg.errors import UserError
from nhskg.validation import data as data_module
from nhskg.validation import workers as workers_module
from nhskg.validation.shapes import canonical_turtle, format_json, format_text, load_shapes, validate_files

SHAPES = load_shapes()
FIXTURES = sorted((paths.SHAPES_DIR / "tests").glob("*.ttl"))


def _contents(loaded) -> tuple:
    store, literals, read = loaded
    written = {(p, s, lit) for p, subjects in literals.by_predicate.items() for s, lits in subjects.items() for lit in lits}
    return set(store), written, read


def _has_blank_node(files) -> bool:
    return any(type(q.subject) is ox.BlankNode or type(q.object) is ox.BlankNode
               for path in files for q in ox.parse(path=str(path), format=data_module.OX_FORMATS[path.suffix]))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "nhskg", "build", "--out", str(out)], check=True, capture_output=True)
    return out


def _loads(files: list) -> tuple:
    formats = [data_module.OX_FORMATS[path.suffix.lower()] for path in files]
    return (data_module._load_natively(files, formats, 1),
            data_module._load_by_quad(files, formats, 1))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_oxigraphs_loader_gives_the_store_of_reading_quad_by_quad(fixture):
    native, by_quad = _loads([fixture, paths.ONTOLOGY])
    if _has_blank_node([fixture]):
        assert native is None  # left to the reader, which names each file's blank nodes apart
    else:
        assert _contents(native) == _contents(by_quad)


def test_oxigraphs_loader_gives_the_same_store_on_the_built_dump(built):
    native, by_quad = _loads([built / "nhskg.trig", paths.ONTOLOGY])
    assert native is not None, "the built graph has no blank node: it is loaded by Oxigraph"
    assert _contents(native) == _contents(by_quad) and native[2] > 10_000


def test_literals_rdflib_rewrites_are_stored_as_rdflib_reads_them(tmp_path):
    """"01" and "1" are one integer to rdflib, and "2013-04-01Z" a date without its zone: after Oxigraph's load
    the store holds them as the quad-by-quad reader puts them, strings and other nodes of the pair untouched."""
    data = tmp_path / "rewritten.trig"
    data.write_text("""@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://example.org/g> { <http://example.org/a> <http://example.org/p> "01"^^xsd:integer, "1"^^xsd:integer,
    "2013-04-01Z"^^xsd:date, "x", <http://example.org/b>, "5"^^xsd:nonNegativeInteger .
  <http://example.org/c> <http://example.org/p> "1"^^xsd:integer, "1.50"^^xsd:decimal . }
<http://example.org/h> { <http://example.org/a> <http://example.org/p> "1"^^xsd:boolean . }
""", encoding="utf-8")
    native, by_quad = _loads([data])
    assert native is not None and _contents(native) == _contents(by_quad)


def _outputs(report, turtle: bool = False) -> tuple:
    """The report as text and JSON, and as Turtle when asked (rdflib's canonical blank-node naming takes minutes
    on the hundreds of results of every fixture at once)."""
    return format_text(report), format_json(report), canonical_turtle(report.graph) if turtle else None


@pytest.fixture(scope="module")
def fixtures_one_worker():
    return _outputs(validate_files(FIXTURES, SHAPES, also=(paths.ONTOLOGY,), workers=1))


def test_two_workers_give_the_report_of_one_on_every_fixture(fixtures_one_worker):
    """Every fixture at once (their results together: both conforming and failing shapes), byte for byte."""
    assert _outputs(validate_files(FIXTURES, SHAPES, also=(paths.ONTOLOGY,), workers=2)) == fixtures_one_worker
    assert "VIOLATIONS" in fixtures_one_worker[0]


def test_two_workers_give_the_report_of_one_on_the_built_dump(built):
    files = [built / "nhskg.trig"]
    one = _outputs(validate_files(files, SHAPES, also=(paths.ONTOLOGY,), workers=1), turtle=True)
    assert _outputs(validate_files(files, SHAPES, also=(paths.ONTOLOGY,), workers=2), turtle=True) == one
    assert "conforms: 0 violations" in one[0]


def test_a_child_that_dies_leaves_its_shapes_to_the_parent(monkeypatch, fixtures_one_worker):
    parent = os.getpid()
    run = workers_module.run_constraints

    def dying(*args, **kwargs):
        if os.getpid() != parent:
            os._exit(3)  # killed mid-way, nothing handed back
        return run(*args, **kwargs)
    monkeypatch.setattr(workers_module, "run_constraints", dying)
    assert _outputs(validate_files(FIXTURES, SHAPES, also=(paths.ONTOLOGY,), workers=2)) == fixtures_one_worker


def test_a_shape_the_compiler_does_not_know_is_left_to_pyshacl_with_two_workers():
    shapes = Graph() + SHAPES
    shapes.add((URIRef("https://w3id.org/nhskg/shapes/FindingShape"), SH.closed, Literal(True)))
    fixture = [paths.SHAPES_DIR / "tests" / "FindingShape.valid.ttl"]
    one = validate_files(fixture, shapes, also=(paths.ONTOLOGY,), workers=1)
    assert _outputs(validate_files(fixture, shapes, also=(paths.ONTOLOGY,), workers=2), turtle=True) == _outputs(one, turtle=True)
    assert any(r.component == "sh:ClosedConstraintComponent" for r in one.results)


def test_a_sparql_constraint_that_does_not_parse_is_the_same_user_error_with_two_workers():
    shapes = Graph() + SHAPES
    constraint = next(shapes.objects(URIRef("https://w3id.org/nhskg/shapes/GranularityShape"), SH.sparql))
    shapes.set((constraint, SH.select, Literal("SELECT $this WHERE { $this ?p }")))
    fixture = [paths.SHAPES_DIR / "tests" / "GranularityShape.invalid.ttl"]
    messages = []
    for workers in (1, 2):
        with pytest.raises(UserError) as raised:
            validate_files(fixture, shapes, also=(paths.ONTOLOGY,), workers=workers)
        messages.append(str(raised.value))
    assert messages[0] == messages[1] and "GranularityShape" in messages[0]


def test_two_workers_only_from_a_size_and_two_cores():
    assert workers_module.default_workers(1_000) == 1
    assert workers_module.default_workers(workers_module.PARALLEL_FROM) in (1, 2)


def test_the_number_of_workers_can_be_chosen(monkeypatch):
    monkeypatch.setenv(workers_module.WORKERS_VARIABLE, "2")
    assert workers_module.default_workers(10) == 2
    monkeypatch.setenv(workers_module.WORKERS_VARIABLE, "1")
    assert workers_module.default_workers(10**7) == 1
    monkeypatch.setenv(workers_module.WORKERS_VARIABLE, "many")  # not a choice: the default decides
    assert workers_module.default_workers(10) == 1
