"""`nhskg validate` at scale splits the shapes between two processes (``validation.workers``), which may not
change a byte of the report: checked against one process on every fixture of ``shapes/tests/`` and on the
built graph, in every format, and when the child dies or a shape or constraint fails."""

from __future__ import annotations

import os

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from nhskg import paths
from nhskg.errors import UserError
from nhskg.validation import workers as workers_module
from nhskg.validation.shapes import (
    canonical_turtle,
    format_json,
    format_text,
    load_shapes,
    validate_files,
)

SHAPES = load_shapes()
FIXTURES = sorted((paths.SHAPES_DIR / "tests").glob("*.ttl"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "nhskg", "build", "--out", str(out)], check=True, capture_output=True)
    return out


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
