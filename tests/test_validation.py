"""Validating the seed graph: it conforms; the warnings it raises on the real texts are the ones
expected, each for a stated reason; every class it uses has a shape; and evaluating SPARQL constraints
on Oxigraph gives what pyshacl gives."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict
from decimal import Decimal

import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from nhskg import paths, vocab
from nhskg.build.dataset import union_graph
from nhskg.figures import smallest_base
from nhskg.validation import shapes as shapes_module
from nhskg.validation.shacl_core import Unsupported, core_results
from nhskg.validation.shacl_sparql import (
    materialise_sparql_targets,
    split_sparql,
    to_oxigraph,
)
from nhskg.validation.shapes import load_shapes, validate_files, validate_graph

SHAPES = load_shapes()
F = "https://w3id.org/nhskg/id/"

#: (shape, focus node) of every warning the seed graph raises, and why it is expected.
EXPECTED_WARNINGS = {
    ("GranularityShape", F + "finding/coalition-support-survey-2012/dissatisfied-with-offer"):
        "003: 70.7% of 95 respondents is 67.2 people; the release must have used another base (41 is the smallest).",
    ("GranularityShape", F + "finding/coalition-support-survey-2012/pct-cluster-good-relationships"):
        "003: 26.7% of 95 is 25.4 people; 4 of 15 gives 26.7%, so it is likely a share of a sub-group.",
    ("ResponseDistributionWarningShape", F + "question/coalition-support-survey-2012/reason-for-pct-cluster-offering"):
        "003 reports two reasons (20%, 26.7%) out of more; the rest are not given.",
    ("ResponseDistributionWarningShape", F + "question/ehi-pc-survey-2012/commissioning-support-plans"):
        "002: 44 + 23 + 29 + 3 = 99, rounding.",
    ("ResponseDistributionWarningShape", F + "question/hsj-barometer-3/service-change-leadership"):
        "001: 51 + 30 + 7 = 88; the other 12% are not reported.",
    ("ResponseDistributionWarningShape", F + "question/nhsa-napc-survey-000/authorisation-confidence"):
        "000: 17 + 43 + 24 + 15 = 99, rounding.",
    ("ResponseDistributionWarningShape", F + "question/nhsa-napc-survey-000/constricted-by-offer"):
        "000: 46% constricted, 35% not; the other 19% are not reported.",
    ("ResponseDistributionWarningShape", F + "question/nhsa-napc-survey-000/style-of-working"):
        "000: centralist 44, prescriptive 19, about right 18 = 81; the rest are not reported.",
    ("VerbalQualifierShape", F + "verbal-figure/000/lead-over-a-third"):
        "000's lead says 'Over a third' for 32%: the words stretch the number.",
    ("VerbalQualifierShape", F + "verbal-figure/002/nearly-half-working-with-other-ccgs"):
        "002 says 'Nearly half' for 44%: six points short is not nearly.",
    ("VerbalQualifierShape", F + "verbal-figure/004/half-restricted-vs-000"):
        "004's 'half felt restricted' is 000's 46% of the same survey.",
    ("SurveyConductorShape", F + "survey/ccg-leaders-survey-004"):
        "004 never says who ran its survey; a judgement links it to 000's NHS Alliance and NAPC survey.",
}


@pytest.fixture(scope="module")
def seed_report(dataset):
    return validate_graph(union_graph(dataset), SHAPES)


def test_seed_graph_conforms(seed_report):
    violations = [f"{r.shape} {r.focus} {r.path}: {r.message}" for r in seed_report.results if r.severity == "violation"]
    assert seed_report.conforms and not violations, violations


def test_seed_graph_raises_exactly_the_expected_warnings(seed_report):
    found = {(r.shape.removeprefix("nhskgsh:"), r.focus) for r in seed_report.results if r.severity == "warning"}
    assert found == set(EXPECTED_WARNINGS), {"unexpected": found - set(EXPECTED_WARNINGS),
                                             "missing": set(EXPECTED_WARNINGS) - found}


def test_granularity_warning_names_nearest_values_and_smallest_base(seed_report):
    [result] = [r for r in seed_report.results if r.focus.endswith("dissatisfied-with-offer")]
    assert "70.5% (67 of 95)" in result.message and "71.6% (68 of 95)" in result.message
    assert "The smallest base that gives 70.7% is 41 (29 of 41)" in result.message
    assert result.evidence[0]["exact"].startswith("A further 70.7%")


@pytest.mark.parametrize("percent,places,base", [("70.7", 1, 41), ("26.7", 1, 15), ("50", 0, 2), ("33.3", 1, 3),
                                                 ("12.6", 1, 87), ("47", 0, 15)])
def test_smallest_base(percent, places, base):
    # worked by hand: 29/41 = 70.73, 4/15 = 26.67, 1/2, 1/3 = 33.33, 11/87 = 12.64, 7/15 = 46.67
    assert smallest_base(Decimal(percent), places)[0] == base


def test_every_typed_node_is_the_target_of_some_shape(dataset):
    """Each node of the data (outside the ontology) falls under some shape through one of its classes."""
    ontology = dataset.graph(vocab.ONTOLOGY_GRAPH)
    targeted = set(SHAPES.objects(None, SH.targetClass))
    types: dict = {}
    for s, _, o, g in dataset.quads((None, RDF.type, None, None)):
        if g != vocab.ONTOLOGY_GRAPH:
            types.setdefault(s, set()).add(o)
    uncovered = set()
    for classes in types.values():
        supers = {sup for cls in classes for sup in ontology.transitive_objects(cls, RDFS.subClassOf)}
        if not (classes | supers) & targeted:
            uncovered |= classes
    assert not uncovered, sorted(str(c) for c in uncovered)


def test_sparql_on_oxigraph_agrees_with_pyshacl(dataset):
    """The same SPARQL-constraint results as pyshacl's own engine, on one document's graph."""
    data = Graph()
    for name in (vocab.ONTOLOGY_GRAPH, vocab.CURATION_GRAPH, vocab.graph_for_document("003"),
                 vocab.graph_for_document("000")):
        data += dataset.graph(name)
    ours = {(r.shape, r.focus) for r in validate_graph(data, SHAPES).results if r.component == "sh:SPARQLConstraintComponent"}
    _, report, _ = pyshacl_validate(data, shacl_graph=SHAPES, inference="none", advanced=True, allow_warnings=True)
    theirs = set()
    for result in report.objects(None, SH.result):
        if report.value(result, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent:
            shape = report.value(result, SH.sourceShape)
            theirs.add((SHAPES.namespace_manager.normalizeUri(shape), str(report.value(result, SH.focusNode))))
    assert ours == theirs
    assert ours, "the comparison needs some SPARQL results to compare"


def _report(report) -> list[dict]:
    return sorted(({k: str(v) for k, v in asdict(r).items()} for r in report.results), key=lambda r: sorted(r.items()))


FIXTURES = sorted((paths.SHAPES_DIR / "tests").glob("*.ttl"))


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(paths.ONTOLOGY)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_core_constraints_on_oxigraph_give_pyshacls_report(fixture, ontology):
    """Every result — focus, path, value, shape, component, severity, message — the same from both engines."""
    data = Graph()
    data += ontology
    data.parse(fixture, format="turtle")
    core, _ = split_sparql(SHAPES)
    store = to_oxigraph(data)
    materialise_sparql_targets(core, store)
    core_results(core, store, data)  # compiles every shape: no fallback to pyshacl hides a difference
    assert _report(validate_graph(data, SHAPES, engine="oxigraph")) == _report(validate_graph(data, SHAPES, engine="pyshacl"))


def test_both_engines_give_the_same_report_on_the_built_graph(union):
    ours = validate_graph(union, SHAPES, engine="oxigraph")
    assert ours.count("warning") == len(EXPECTED_WARNINGS)
    assert _report(ours) == _report(validate_graph(union, SHAPES, engine="pyshacl"))


def _nothing_from_rdflib(monkeypatch) -> None:
    """validate_files may not read the data into rdflib, nor hand anything to pyshacl."""
    def refuse(*args, **kwargs):
        raise AssertionError("the Oxigraph path fell back to rdflib or pyshacl")
    monkeypatch.setattr(shapes_module, "pyshacl_validate", refuse)
    monkeypatch.setattr(shapes_module, "read_rdf", refuse)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_files_read_straight_into_oxigraph_give_pyshacls_report(fixture, ontology, monkeypatch):
    """`nhskg validate FILE`'s path — the files parsed into Oxigraph, no rdflib graph of the data — gives
    pyshacl's report: every result's focus, label, path, value as written, shape, message and evidence."""
    data = Graph()
    data += ontology
    data.parse(fixture, format="turtle")
    theirs = _report(validate_graph(data, SHAPES, engine="pyshacl"))
    _nothing_from_rdflib(monkeypatch)
    assert _report(validate_files([fixture], SHAPES, also=(paths.ONTOLOGY,))) == theirs


def test_files_give_pyshacls_report_on_the_built_dump(built, ontology, monkeypatch):
    data = shapes_module.read_rdf([built / "nhskg.trig"])
    data += ontology
    theirs = _report(validate_graph(data, SHAPES, engine="pyshacl"))
    _nothing_from_rdflib(monkeypatch)
    ours = validate_files([built / "nhskg.trig"], SHAPES, also=(paths.ONTOLOGY,))
    assert _report(ours) == theirs and ours.count("warning") == len(EXPECTED_WARNINGS)


def test_files_judge_literals_as_written_on_blank_nodes(tmp_path, ontology, monkeypatch):
    """Oxigraph reads "5"^^xsd:int back as an xsd:integer and drops a blank node's label: the datatypes are
    judged on the literals as written, and the blank focus nodes found by index, as pyshacl does."""
    fixture = tmp_path / "instants.ttl"
    fixture.write_text("""@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
[] a time:Instant ; time:inXSDDate "2013-02-30"^^xsd:date .
[] a time:Instant ; time:inXSDDate "5"^^xsd:int .
[] a time:Instant ; time:inXSDDate "2013-04-01"^^xsd:date .
<https://w3id.org/nhskg/id/instant/x> a time:Instant ; time:inXSDDate "2013-04-01"^^xsd:date, "2013-04-01Z"^^xsd:date .
""", encoding="utf-8")
    data = Graph()
    data += ontology
    data.parse(fixture, format="turtle")

    def anonymous(report):  # blank nodes are named differently by each parser
        return sorted((r["severity"], r["shape"], r["component"], r["value"], r["focus"].startswith("http"))
                      for r in _report(report))
    theirs = anonymous(validate_graph(data, SHAPES, engine="pyshacl"))
    assert anonymous(validate_graph(data, SHAPES, engine="oxigraph")) == theirs
    _nothing_from_rdflib(monkeypatch)
    ours = anonymous(validate_files([fixture], SHAPES, also=(paths.ONTOLOGY,)))
    assert ours == theirs
    assert sum(r[2] == "sh:DatatypeConstraintComponent" for r in ours) == 2, ours


def test_a_shape_the_compiler_does_not_know_is_left_to_pyshacl(ontology):
    shapes = Graph() + SHAPES
    closed = URIRef("https://w3id.org/nhskg/shapes/FindingShape")
    shapes.add((closed, SH.closed, Literal(True)))  # sh:closed: not compiled to SPARQL
    data = Graph()
    data += ontology
    data.parse(paths.SHAPES_DIR / "tests" / "FindingShape.valid.ttl", format="turtle")
    with pytest.raises(Unsupported):
        core_results(split_sparql(shapes)[0], to_oxigraph(data), data)
    report = validate_graph(data, shapes, engine="oxigraph")
    assert _report(report) == _report(validate_graph(data, shapes, engine="pyshacl"))
    assert any(r.component == "sh:ClosedConstraintComponent" for r in report.results)


def _validate_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nhskg", "validate", *args], capture_output=True, text=True,
                          cwd=paths.ROOT)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "nhskg", "build", "--out", str(out)], check=True, capture_output=True)
    return out


def test_validate_cli_on_the_built_dump_exits_0_and_reports_json(built):
    result = _validate_cli(str(built / "nhskg.trig"), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["conforms"] and report["counts"]["warning"] == len(EXPECTED_WARNINGS)


def test_validate_cli_turtle_is_a_validation_report_and_repeats(built):
    result = _validate_cli(str(built / "nhskg.trig"), "--format", "turtle")
    report = Graph().parse(data=result.stdout, format="turtle")
    assert len(list(report.subjects(RDF.type, SH.ValidationReport))) == 1
    assert len(list(report.subjects(RDF.type, SH.ValidationResult))) == len(EXPECTED_WARNINGS)
    assert _validate_cli(str(built / "nhskg.trig"), "--format", "turtle").stdout == result.stdout


def test_validate_cli_exits_1_on_violations_with_evidence(built):
    bad = paths.SHAPES_DIR / "tests" / "FindingShape.invalid.ttl"
    result = _validate_cli(str(bad))
    assert result.returncode == 1
    assert "VIOLATIONS" in result.stdout and "nhskg:survey" in result.stdout


@pytest.mark.parametrize("args,message", [(["/no/such/file.ttl"], "no such file"), (["README.md"], "unknown RDF format")])
def test_validate_cli_exits_2_on_unreadable_input(args, message):
    result = _validate_cli(*args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_validate_cli_exits_2_on_bad_turtle(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    result = _validate_cli(str(bad))
    assert result.returncode == 2 and "bad.ttl" in result.stderr and "Traceback" not in result.stderr


def test_build_refuses_a_graph_that_does_not_conform(tmp_path):
    import shutil
    root = tmp_path / "project"
    for folder in ("graph", "ontology", "shapes"):
        shutil.copytree(paths.ROOT / folder, root / folder)
    shapes = root / "shapes" / "claims.ttl"
    text = shapes.read_text(encoding="utf-8")
    # a stricter contract the seed graph cannot meet: every survey must state its fieldwork
    text += ("\nnhskgsh:StrictShape a sh:NodeShape ; sh:targetClass nhskg:Survey ;"
             " sh:property [ sh:path nhskg:fieldworkPeriod ; sh:minCount 1 ] .\n")
    shapes.write_text(text, encoding="utf-8")
    env = {**__import__("os").environ, "NHSKG_ROOT": str(root), "NHSKG_DIST": str(root / "dist")}
    result = subprocess.run([sys.executable, "-m", "nhskg", "build"], capture_output=True, text=True, env=env)
    assert result.returncode == 2 and "does not conform" in result.stderr
    assert not (root / "dist").exists()


def test_every_property_the_graph_uses_is_constrained_by_a_shape(dataset):
    """Datatypes, cardinalities or classes are declared for every predicate of the data (rdf:type aside)."""
    from rdflib.namespace import SH

    paths_ = set()
    for path in SHAPES.objects(None, SH.path):
        paths_ |= {path} if isinstance(path, URIRef) else {
            t for t in SHAPES.transitive_objects(path, None) if isinstance(t, URIRef)}
    used = {p for _, p, _, g in dataset.quads((None, None, None, None)) if g != vocab.ONTOLOGY_GRAPH}
    missing = sorted(str(p) for p in used - paths_ - {RDF.type})
    assert not missing, missing
