"""The catalogue's rules, pinned case by case: how a query header is read, and how a parameter value is bound as
an RDF term of its declared type (just inside and just outside what each type accepts). Parameters are bound
through Oxigraph's substitutions, so a value that passes here stands in the query as a term, never as text."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from nhskg.catalogue import Param, Query, bindings, catalogue, find, read_query, term
from nhskg.errors import UserError

XSD = "http://www.w3.org/2001/XMLSchema#"


def _param(kind: str, default: str | None = None, name: str = "p") -> Param:
    return Param(name, kind, default, "what it is")


@pytest.mark.parametrize("kind,value,expected", [
    ("integer", "42", ox.Literal("42", datatype=ox.NamedNode(XSD + "integer"))),
    ("integer", "-7", ox.Literal("-7", datatype=ox.NamedNode(XSD + "integer"))),
    ("integer", "+7", ox.Literal("+7", datatype=ox.NamedNode(XSD + "integer"))),
    ("decimal", "3", ox.Literal("3", datatype=ox.NamedNode(XSD + "decimal"))),
    ("decimal", "-33.3", ox.Literal("-33.3", datatype=ox.NamedNode(XSD + "decimal"))),
    ("date", "2013-04-01", ox.Literal("2013-04-01", datatype=ox.NamedNode(XSD + "date"))),
    ("boolean", "true", ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))),
    ("boolean", "false", ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean"))),
    ("string", "Over a third", ox.Literal("Over a third")),
    ("string", "42", ox.Literal("42")),  # a string stays a plain string, whatever it looks like
    ("iri", "https://w3id.org/nhskg/id/survey/hsj-barometer-3", ox.NamedNode("https://w3id.org/nhskg/id/survey/hsj-barometer-3")),
    ("iri", "id:survey/hsj-barometer-3", ox.NamedNode("https://w3id.org/nhskg/id/survey/hsj-barometer-3")),
], ids=lambda v: str(v))
def test_a_value_is_bound_as_a_term_of_its_type(kind, value, expected):
    assert term(_param(kind), value) == expected


@pytest.mark.parametrize("kind,value", [
    ("integer", "4.2"), ("integer", "42 "), ("integer", "x42"), ("integer", ""), ("integer", "4 2"),
    ("decimal", "3."), ("decimal", ".5"), ("decimal", "1e3"), ("decimal", "3.3.3"),
    ("date", "2013-4-01"), ("date", "13-04-01"), ("date", "2013-04-01T00:00"),
    ("boolean", "True"), ("boolean", "yes"), ("boolean", "1"), ("boolean", "truex"),
    ("iri", "not an iri"), ("iri", "<https://example.org/x>"),
], ids=lambda v: str(v))
def test_a_value_outside_its_type_is_refused_naming_the_parameter(kind, value):
    with pytest.raises(UserError, match=rf"^parameter p: .* is not a{'n' if kind == 'iri' else ''} {'IRI' if kind == 'iri' else kind}$"):
        term(_param(kind), value)


def _query(*params: Param) -> Query:
    from pathlib import Path

    return Query("q", Path("q.rq"), "t", "d", "SELECT * WHERE {}", list(params))


def test_bindings_take_given_values_then_defaults():
    query = _query(_param("integer", "5", name="n"), _param("string", "x", name="s"))
    assert bindings(query, {"n": "7"}) == {ox.Variable("n"): ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")),
                                           ox.Variable("s"): ox.Literal("x")}
    assert bindings(query, {}) == {ox.Variable("n"): ox.Literal("5", datatype=ox.NamedNode(XSD + "integer")),
                                   ox.Variable("s"): ox.Literal("x")}
    assert bindings(_query(), {}) == {}


@pytest.mark.parametrize("params,given,message", [
    ([], {"n": "1"}, "^q has no parameter 'n' \\(it has: none\\)$"),
    ([_param("integer", "5", name="b"), _param("integer", "5", name="a")], {"c": "1"},
     "^q has no parameter 'c' \\(it has: a, b\\)$"),
    ([_param("integer", None, name="n")], {},
     "^q needs parameter n \\(integer: what it is\\) — give it with -p n=VALUE$"),
    ([_param("integer", "5", name="n")], {"n": "five"}, "^parameter n: 'five' is not a integer$"),
], ids=["unknown-none", "unknown-some", "missing-required", "wrong-type"])
def test_bindings_refuse_unknown_missing_and_mistyped_parameters(params, given, message):
    with pytest.raises(UserError, match=message):
        bindings(_query(*params), given)


HEADER = "# title: Findings\n# description: Every finding.\n"


@pytest.mark.parametrize("header,expected", [
    ("# param: survey iri id:survey/x — the survey\n", [Param("survey", "iri", "id:survey/x", "the survey")]),
    ("# param: survey iri - — the survey\n", [Param("survey", "iri", None, "the survey")]),
    ("#param:  n integer 5 -- how many \n", [Param("n", "integer", "5", "how many")]),
    ("# param: a string x — first\n# param: b boolean true — second\n",
     [Param("a", "string", "x", "first"), Param("b", "boolean", "true", "second")]),
], ids=["default", "required", "spacing-and-dashes", "two"])
def test_a_header_is_read_into_title_description_and_parameters(tmp_path, header, expected):
    names = " ".join(f"?{p.name}" for p in expected)
    path = tmp_path / "findings.rq"
    path.write_text(HEADER + header + f"SELECT {names} WHERE {{ }}\n", encoding="utf-8")
    query = read_query(path)
    assert (query.name, query.title, query.description, query.params, query.kind) == (
        "findings", "Findings", "Every finding.", expected, "query")


def test_header_lines_after_the_query_starts_are_not_read(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text(HEADER + "SELECT ?x WHERE { }\n# param: late string x — not a header line\n", encoding="utf-8")
    assert read_query(path).params == []


@pytest.mark.parametrize("text,line,message", [
    ("# description: d\nSELECT ?x WHERE { }\n", 1, "the header needs '# title: ...'"),
    ("# title: t\nSELECT ?x WHERE { }\n", 1, "the header needs '# description: ...'"),
    ("# title: \n# description: d\nSELECT ?x WHERE { }\n", 1, "the header needs '# title: ...'"),
    (HEADER + "# param: n number 5 — how many\nSELECT ?n WHERE { }\n", 3, "write '# param: NAME TYPE DEFAULT"),
    (HEADER + "# param: n integer — how many\nSELECT ?n WHERE { }\n", 3, "write '# param: NAME TYPE DEFAULT"),
    (HEADER + "# param: n integer 5 — how many\nSELECT ?x WHERE { ?x ?p ?n }\n", 1, "parameter n must be projected"),
    (HEADER + "# param: n integer 5 — how many\nSELECT ?nn WHERE { ?nn ?p ?n }\n", 1, "parameter n must be projected"),
    (HEADER + "# param: n integer 5 — how many\nselect ?x where { ?x ?p ?n }\n", 1, "parameter n must be projected"),
    (HEADER + "# param: n integer 5 — how many\nSELECT ?x\n  ?y\nWHERE { ?x ?y ?n }\n", 1, "parameter n must be projected"),
], ids=["no-title", "no-description", "empty-title", "unknown-type", "no-default", "not-projected", "prefix-only",
        "lower-case", "over-lines"])
def test_a_bad_header_fails_at_its_line(tmp_path, text, line, message):
    path = tmp_path / "bad.rq"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=rf"bad\.rq:{line}: {message}"):
        read_query(path)


def test_a_parameter_projected_with_a_dollar_counts(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text(HEADER + "# param: n integer 5 — how many\nselect $n where { }\n", encoding="utf-8")
    assert [p.name for p in read_query(path).params] == ["n"]


def test_checks_are_named_under_checks_and_find_suggests_the_nearest(tmp_path):
    (tmp_path / "checks").mkdir()
    (tmp_path / "surveys.rq").write_text(HEADER + "SELECT ?x WHERE { }\n", encoding="utf-8")
    (tmp_path / "checks" / "dangling.rq").write_text(HEADER + "SELECT ?x WHERE { }\n", encoding="utf-8")
    found = catalogue(tmp_path)
    assert list(found) == ["surveys", "checks/dangling"]
    assert [q.kind for q in found.values()] == ["query", "check"]
    assert find("surveys", found) is found["surveys"]
    with pytest.raises(UserError, match=r"^no query called 'survey' — did you mean surveys\?$"):
        find("survey", found)
    with pytest.raises(UserError, match=r"^no query called 'zzz' — `nhskg query list` shows them all$"):
        find("zzz", found)


def test_the_project_catalogue_reads_every_file():
    queries = catalogue()
    assert all(q.title and q.description and q.text for q in queries.values())
    assert any(name.startswith("checks/") for name in queries) and any(not n.startswith("checks/") for n in queries)


@pytest.mark.parametrize("name,message", [
    ("survey", "did you mean survey-d, survey-c, survey-b\\?"),  # the three nearest of four
    ("dangle", "did you mean checks/dangling\\?"),  # near enough at 0.48 (difflib's ratio; 0.4 is the floor)
    ("zzz", "`nhskg query list` shows them all"),
])
def test_find_suggests_at_most_the_three_nearest(tmp_path, name, message):
    (tmp_path / "checks").mkdir()
    for stem in ("survey-a", "survey-b", "survey-c", "survey-d", "checks/dangling"):
        (tmp_path / f"{stem}.rq").write_text(HEADER + "SELECT ?x WHERE { }\n", encoding="utf-8")
    with pytest.raises(UserError, match=rf"^no query called '{name}' — {message}$"):
        find(name, catalogue(tmp_path))


def test_find_reads_the_project_catalogue_by_default():
    assert find("surveys").path == catalogue()["surveys"].path


def test_an_error_in_a_project_query_names_it_from_the_project_root(tmp_path, monkeypatch):
    from nhskg import paths

    monkeypatch.setattr(paths, "ROOT", tmp_path)
    (tmp_path / "queries").mkdir()
    path = tmp_path / "queries" / "bad.rq"
    path.write_text("# title: t\nSELECT ?x WHERE { }\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"^queries/bad\.rq:1: the header needs '# description: \.\.\.'$"):
        read_query(path)
