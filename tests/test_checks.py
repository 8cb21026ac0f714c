"""`nhskg check` on the seed graph: the inconsistencies a careful reader of the texts finds, as a table
and as RDF the built graph carries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from distribution_graph import distribution_graph
from rdflib.namespace import RDF

from nhskg import paths, vocab
from nhskg.build.dataset import union_graph
from nhskg.validation.checks import run_checks
from nhskg.vocab import NHSKG

F = "https://w3id.org/nhskg/id/finding/"
Q = "https://w3id.org/nhskg/id/question/"

#: Worked out by reading the texts: (kind, something the result concerns, words its message has).
EXPECTED = [
    ("distribution", Q + "nhsa-napc-survey-000/authorisation-confidence", "sum to 99% (rounding)"),  # 17+43+24+15
    ("distribution", Q + "ehi-pc-survey-2012/commissioning-support-plans", "sum to 99% (rounding)"),  # 44+23+29+3
    ("distribution", Q + "hsj-barometer-3/service-change-leadership", "sum to 88%"),  # 51+30+7
    ("distribution", Q + "nhsa-napc-survey-000/constricted-by-offer", "sum to 81%"),  # 46+35
    ("distribution", Q + "nhsa-napc-survey-000/style-of-working", "sum to 81%"),  # 44+19+18
    ("distribution", Q + "coalition-support-survey-2012/reason-for-pct-cluster-offering", "sum to 46.7%"),  # 20+26.7
    ("granularity", F + "coalition-support-survey-2012/dissatisfied-with-offer", "smallest base that gives 70.7% is 41"),
    ("granularity", F + "coalition-support-survey-2012/pct-cluster-good-relationships", "smallest base that gives 26.7% is 15"),
    ("verbal-fit", F + "nhsa-napc-survey-000/not-involved", "“Over a third” for 32%: stretched"),
    ("verbal-fit", F + "ehi-pc-survey-2012/already-working-with-other-ccgs", "“Nearly half” for 44%: stretched"),
    ("verbal-fit", F + "nhsa-napc-survey-000/feel-constricted", "004 says “half” for 46% reported in 000: stretched"),
    ("derived", F + "hsj-barometer-2/area-team-good-january", "68 - (-5) = 73"),
    ("derived", F + "ehi-pc-survey-2012/working-with-other-ccgs-within-12-months", "100 - 44 = 56"),
    ("derived", F + "nhsa-napc-survey-000/authorisation-confident-or-very", "17 + 43 = 60"),
    ("derived", F + "nhsa-napc-survey-000/resources-fully-or-fairly-confident", "4 + 27 = 31"),
    ("worded-differently", F + "nhsa-napc-survey-000/feel-constricted", "“half”"),
    ("worded-differently", F + "nhsa-napc-survey-000/not-involved", "“A third”"),
]


@pytest.fixture(scope="module")
def results(dataset):
    return run_checks(union_graph(dataset))


@pytest.mark.parametrize("kind,concerns,words", EXPECTED, ids=[f"{k}:{c.rsplit('/', 1)[-1]}" for k, c, _ in EXPECTED])
def test_expected_check_result(results, kind, concerns, words):
    assert any(r.kind == kind and concerns in r.concerns and words in r.message for r in results), \
        [r.message for r in results if r.kind == kind]


def test_no_unexpected_check_results(results):
    assert len(results) == len(EXPECTED), [r.message for r in results]


def test_check_results_are_in_the_built_graph_for_sparql(dataset):
    checks = dataset.graph(vocab.CHECKS_GRAPH)
    assert len(set(checks.subjects(RDF.type, NHSKG.CheckResult))) == len(EXPECTED)
    about_70_7 = [c for c in checks.subjects(NHSKG.concerns, vocab.finding("coalition-support-survey-2012", "dissatisfied-with-offer"))]
    assert len(about_70_7) == 1
    assert checks.value(about_70_7[0], NHSKG.checkKind) == vocab.concept("check-kind", "granularity")


@pytest.mark.parametrize("fmt", ["table", "json", "turtle"])
def test_check_cli(fmt):
    result = subprocess.run([sys.executable, "-m", "nhskg", "check", "--format", fmt], capture_output=True, text=True,
                            cwd=paths.ROOT)
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        assert len(json.loads(result.stdout)) == len(EXPECTED)
    elif fmt == "table":
        assert f"({len(EXPECTED)} results" in result.stdout
    else:
        assert "nhskg:CheckResult" in result.stdout


def test_the_table_has_a_row_per_result_and_counts_each_kind(results):
    from nhskg.validation.checks import table

    lines = table(results).splitlines()
    assert lines[:2] == ["kind                 severity message", "-" * 20 + " " + "-" * 8 + " " + "-" * 60]
    assert len(lines) == len(EXPECTED) + 3
    assert "granularity          warning  70.7% of 95 respondents is 67.2 people; the smallest base that gives 70.7% " \
           "is 41 (29 of 41)" in lines
    assert any(line.startswith("derived              info     ") for line in lines)
    assert lines[-1] == "(17 results: distribution 6, granularity 2, verbal-fit 3, derived 4, worded-differently 2)"


def test_each_result_in_rdf_names_its_kind_severity_message_and_what_it_concerns(results):
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS

    from nhskg.validation.checks import as_rdf

    g = as_rdf(results)
    assert len(set(g.subjects(RDF.type, NHSKG.CheckResult))) == len(EXPECTED)
    # one pinned whole: the IRI is the kind and a digest of what it concerns, so it never moves
    node = URIRef("https://w3id.org/nhskg/id/check/granularity/b8fe73a6a1ad")
    message = "70.7% of 95 respondents is 67.2 people; the smallest base that gives 70.7% is 41 (29 of 41)"
    assert set(g.predicate_objects(node)) == {
        (RDF.type, NHSKG.CheckResult),
        (RDFS.label, Literal("impossible for the number of respondents: " + message)),
        (NHSKG.checkKind, URIRef("https://w3id.org/nhskg/id/check-kind/granularity")),
        (NHSKG.severity, URIRef("https://w3id.org/nhskg/id/severity/warning")),
        (NHSKG.message, Literal(message)),
        (NHSKG.concerns, URIRef(F + "coalition-support-survey-2012/dissatisfied-with-offer")),
    }
    derived = URIRef("https://w3id.org/nhskg/id/check/derived/c0cd487a89f7")
    assert g.value(derived, NHSKG.severity) == URIRef("https://w3id.org/nhskg/id/severity/info")
    assert set(g.objects(derived, NHSKG.concerns)) == {
        URIRef(F + "ehi-pc-survey-2012/working-with-other-ccgs-within-12-months"),
        URIRef(F + "ehi-pc-survey-2012/already-working-with-other-ccgs")}
    turtle = g.serialize(format="turtle")
    assert "@prefix nhskg: <https://w3id.org/nhskg/def/> ." in turtle and "a nhskg:CheckResult" in turtle


def test_the_built_graph_carries_the_results_in_the_checks_graph(dataset):
    from nhskg.build.dataset import union_graph

    checks = dataset.graph(vocab.CHECKS_GRAPH)
    assert len(checks) > 0 and set(checks) <= set(union_graph(dataset))
    others = [g for g in dataset.graphs() if g.identifier != vocab.CHECKS_GRAPH]
    assert not any((None, RDF.type, NHSKG.CheckResult) in g for g in others)


@pytest.mark.parametrize("kind,message", [
    ("distribution", "3 options of “Which statement describes who is responsible for leading major service change?” "
                     "sum to 88% (12 points the text does not report)"),
    ("verbal-fit", "000 says “Over a third” for 32%: stretched"),
    ("verbal-fit", "004 says “half” for 46% reported in 000: stretched"),
    ("worded-differently", "004 says “half”, 000 says “46%”"),
    ("worded-differently", "004 says “A third”, 000 says “32%”"),
], ids=["distribution", "verbal-fit", "verbal-fit-across", "worded-half", "worded-third"])
def test_whole_messages(results, kind, message):
    assert message in [r.message for r in results if r.kind == kind]


@pytest.mark.parametrize("values,message", [
    (["50", "50"], None),
    (["50", "51"], "2 options of “Q?” sum to 101% (rounding)"),
    (["50", "49"], "2 options of “Q?” sum to 99% (rounding)"),
    (["50", "48.9"], "2 options of “Q?” sum to 98.9% (1.1 points the text does not report)"),
    (["50", "51.5"], "2 options of “Q?” sum to 101.5% (1.5 points more than every respondent)"),
    (["60", "50"], "2 options of “Q?” sum to 110% (10 points more than every respondent)"),
    (["100"], None),  # one option is no distribution
], ids=["100", "101", "99", "98.9", "101.5", "110", "one-option"])
def test_a_distribution_off_100_just_inside_on_and_outside_rounding(values, message):
    from nhskg.validation.checks import distributions
    from nhskg.validation.shacl_sparql import to_oxigraph

    found = [r.message for r in distributions(to_oxigraph(distribution_graph(values, label="Q?")))]
    assert found == ([message] if message else [])
