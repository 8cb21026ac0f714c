"""One test per catalogue query: it runs on the seed graph and answers what the texts say.
Plus the command line: list, show, run, sparql, formats, and the errors a user can make."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal

import pyoxigraph as ox
import pytest
from query_expectations import EXPECTATIONS

from nhskg import paths
from nhskg.catalogue import catalogue
from nhskg.query.results import run_catalogue_query

QUERIES = catalogue()
MIN_QUERIES = 19


@pytest.fixture(scope="module")
def store(canonical):
    from nhskg.query.store import store_from_trig

    return store_from_trig(canonical)


def _plain(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value.endswith(("#integer", "#decimal", "#nonNegativeInteger",
                                                                       "#positiveInteger", "#double", "#float")):
        return Decimal(term.value)
    return term.value


def rows_of(solutions) -> list[dict]:
    names = [v.value for v in solutions.variables]
    return [{n: _plain(s[n]) for n in names} for s in solutions]


def test_catalogue_cannot_shrink_silently():
    assert len(QUERIES) >= MIN_QUERIES


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_has_hand_written_expectations(name):
    assert name in EXPECTATIONS, f"write what {name} must answer in tests/query_expectations.py"


CASES = [(name, i) for name in sorted(QUERIES) for i in range(len(EXPECTATIONS.get(name, [])))]


@pytest.mark.parametrize("name,case", CASES, ids=[f"{n}#{i}" for n, i in CASES])
def test_query_answers_what_the_texts_say(store, name, case):
    params, check = EXPECTATIONS[name][case]
    check(rows_of(run_catalogue_query(QUERIES[name], params, store)))


@pytest.mark.parametrize("name", sorted(n for n in QUERIES if n.startswith("checks/")))
def test_check_returns_no_rows_on_the_sound_graph(store, name):
    rows = rows_of(run_catalogue_query(QUERIES[name], {}, store))
    assert rows == [], rows[:3]


CHECK_CASES = sorted(n for n in QUERIES if n.startswith("checks/"))


@pytest.mark.parametrize("name", CHECK_CASES)
def test_check_finds_what_it_looks_for_in_a_broken_graph(canonical, name):
    """Each check has a small broken graph (tests/query_expectations.py CHECK_BREAKERS) it must catch."""
    from query_expectations import CHECK_BREAKERS

    from nhskg.query.store import store_from_trig

    assert name in CHECK_BREAKERS, f"give {name} a broken graph in CHECK_BREAKERS"
    store = store_from_trig(canonical)
    # TriG (Turtle is TriG of the default graph alone): a break may lie in a named graph
    store.load(CHECK_BREAKERS[name].encode(), format=ox.RdfFormat.TRIG)
    assert rows_of(run_catalogue_query(QUERIES[name], {}, store)), f"{name} misses the break it exists to find"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nhskg", *args], capture_output=True, text=True, cwd=paths.ROOT)


@pytest.fixture(scope="module")
def built():
    subprocess.run([sys.executable, "-m", "nhskg", "build"], check=True, capture_output=True, cwd=paths.ROOT)


def test_query_list_and_show(built):
    listing = _cli("query", "list")
    assert listing.returncode == 0 and "surveys" in listing.stdout and "Every survey" in listing.stdout
    shown = _cli("query", "show", "survey-findings")
    assert "-p survey=<iri>" in shown.stdout and "SELECT" in shown.stdout


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml", "table"])
def test_query_run_formats_are_readable(built, fmt):
    result = _cli("query", "run", "surveys", "--format", fmt)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    if fmt == "json":
        assert len(json.loads(out)["results"]["bindings"]) == 7
    elif fmt == "xml":
        ns = "{http://www.w3.org/2005/sparql-results#}"
        assert len(ET.fromstring(out).find(f"{ns}results").findall(f"{ns}result")) == 7
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(out)))) == 7
    elif fmt == "tsv":
        assert out.splitlines()[0].startswith("?survey\t") and len(out.strip().splitlines()) == 8
    else:
        assert "(7 rows)" in out


def test_sparql_ad_hoc_and_from_file(built, tmp_path):
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/nhskg/def/ClinicalCommissioningGroup> }"
    result = _cli("sparql", text, "--format", "csv")
    assert result.stdout.splitlines()[1] == "211"
    path = tmp_path / "q.rq"
    path.write_text(text, encoding="utf-8")
    assert _cli("sparql", str(path), "--format", "csv").stdout.splitlines()[1] == "211"


@pytest.mark.parametrize("args,message", [
    (["sparql", "SELECT ?x WHERE {\n ?x ?y \n}"], "error at 3:"),
    (["query", "run", "survey"], "did you mean surveys"),
    (["query", "run", "survey-findings", "-p", "nope=1"], "has no parameter 'nope'"),
    (["query", "run", "survey-findings", "-p", "survey=not an iri"], "is not an IRI"),
    (["query", "run", "survey-findings", "-p", "survey"], "write -p NAME=VALUE"),
    (["query", "run", "people-quoted", "--max-rows", "5"], "people-quoted has more than 5 results: raise the limit "
                                                           "(--max-rows 50)"),
    (["sparql", "SELECT * { ?s ?p ?o }", "--max-rows", "5"], "more than 5 results: add LIMIT 5"),
])
def test_query_errors_are_one_clear_line(built, args, message):
    result = _cli(*args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("value, note", [
    ("id:survey/hsj-barometr-3", "did you mean id:survey/hsj-barometer-3"),
    ("id:survey/zzz", "IRIs start id:survey/"),
    ("id:nowhere/x", "names nothing in the graph"),
], ids=["typo", "no-near-name", "unknown-folder"])
def test_an_iri_parameter_that_names_nothing_gets_a_note(built, value, note):
    result = _cli("query", "run", "survey-findings", "-p", f"survey={value}", "--format", "csv")
    assert result.returncode == 0 and result.stdout.strip().count("\n") == 0  # the header only: SPARQL's answer
    assert note in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_an_iri_parameter_in_the_graph_gets_no_note(built):
    result = _cli("query", "run", "survey-findings", "-p", "survey=id:survey/hsj-barometer-3", "--format", "csv")
    assert result.returncode == 0 and result.stderr == "" and result.stdout.count("\n") > 5


def test_missing_required_parameter_says_which(tmp_path):
    from nhskg.catalogue import bindings, read_query
    from nhskg.errors import UserError

    path = tmp_path / "needs.rq"
    path.write_text("# title: t\n# description: d\n# param: topic iri - — the topic\n"
                    "SELECT ?topic WHERE { ?f <https://w3id.org/nhskg/def/topic> ?topic }\n", encoding="utf-8")
    with pytest.raises(UserError, match="needs parameter topic"):
        bindings(read_query(path), {})


def test_a_parameter_must_be_projected(tmp_path):
    from nhskg.catalogue import read_query
    from nhskg.errors import UserError

    path = tmp_path / "hidden.rq"
    path.write_text("# title: t\n# description: d\n# param: topic iri - — the topic\n"
                    "SELECT ?f WHERE { ?f <https://w3id.org/nhskg/def/topic> ?topic }\n", encoding="utf-8")
    with pytest.raises(UserError, match="must be projected"):
        read_query(path)
