"""``nhskg push`` and ``--endpoint``: the built graph on a real SPARQL 1.1 server, asked like the local one.

A real ``oxigraph`` server (PyPI ``oxigraph``) is started on 127.0.0.1 by the test and stopped by it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from live_server import project_copy, start_server
from sparql_servers import oxigraph_server

from nhskg.catalogue import bindings, find
from nhskg.query import guard
from nhskg.query.remote import RemoteTimeout, answer, count_triples, names_dataset, prepared, push, query_endpoint_for
from nhskg.query.store import open_endpoint, run_query


@pytest.fixture(scope="module")
def server(built):
    store, _ = built
    with oxigraph_server() as base:
        push(store, base + "/store")
        yield base


def test_push_puts_every_named_graph_and_the_merged_default_graph(built, server):
    store, _ = built
    remote = open_endpoint(server + "/query")
    for graph in store.named_graphs():
        assert count_triples(remote, graph.value) == len(list(store.quads_for_pattern(None, None, None, graph)))
    assert count_triples(remote, None) == len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))


def test_a_parameter_is_bound_by_a_values_block_at_the_head_of_the_where_clause():
    query = find("survey-findings")
    text = prepared(query.text, bindings(query, {}))
    assert "WHERE { VALUES (?survey) { (<https://w3id.org/nhskg/id/survey/nhsa-napc-survey-000>) }" in text
    assert "PREFIX id: <https://w3id.org/nhskg/id/>" in text  # the project's prefixes, as locally


def test_run_query_reads_a_remote_store_like_a_local_one(built, server):
    store, _ = built
    query = find("survey-findings")
    local = sorted(str(s["finding"]) for s in run_query(store, query.text, bindings(query, {})))
    remote = sorted(str(s["finding"]) for s in run_query(open_endpoint(server + "/query"), query.text, bindings(query, {})))
    assert remote == local and local


def test_the_query_endpoint_is_derived_for_known_servers():
    assert query_endpoint_for("http://h:7878/store") == "http://h:7878/query"
    assert query_endpoint_for("http://h:3030/nhskg/data") == "http://h:3030/nhskg/sparql"
    assert query_endpoint_for("http://h:8890/sparql-graph-crud-auth") == "http://h:8890/sparql"
    assert query_endpoint_for("http://h/graphs") is None


def _nhskg(root, *args):
    env = {**os.environ, "NHSKG_ROOT": str(root), "NHSKG_DIST": str(root / "dist")}
    return subprocess.run([sys.executable, "-m", "nhskg", *args], capture_output=True, text=True, env=env, timeout=300)


def test_the_commands_push_then_query_sparql_trace_and_network_against_the_server(tmp_path):
    root = project_copy(tmp_path)
    with oxigraph_server() as base:
        pushed = _nhskg(root, "push", "--endpoint", base + "/store")
        assert pushed.returncode == 0, pushed.stderr
        named = {q.graph_name for q in ox.parse(path=str(root / "dist" / "nhskg.trig"), format=ox.RdfFormat.TRIG)}
        assert f"pushed {len(named) + 1} graphs" in pushed.stdout  # every named graph, and the merge
        assert "not the same" not in pushed.stdout
        for args in (["query", "run", "survey-findings", "-p", "survey=id:survey/hsj-barometer-3", "--format", "csv"],
                     ["query", "run", "graph-statistics", "--format", "csv"],
                     ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s a nhskg:Finding }", "--format", "csv"]):
            local, remote = _nhskg(root, *args), _nhskg(root, *args, "--endpoint", base + "/query")
            assert local.returncode == 0 and remote.returncode == 0, remote.stderr
            rows = [sorted(csv.reader(io.StringIO(r.stdout))) for r in (local, remote)]
            assert rows[0] == rows[1] and len(rows[0]) > 1, args
        table = _nhskg(root, "query", "run", "surveys", "--endpoint", base + "/query")
        assert table.returncode == 0 and "(7 rows)" in table.stdout
        sentence = "Only 47% of CCGs say they are fully involved, the NHS Alliance survey found."
        local, remote = _nhskg(root, "trace", sentence), _nhskg(root, "trace", sentence, "--endpoint", base + "/query")
        assert remote.returncode == 0 and "47%" in local.stdout
        # The trace index sorts a survey's conductors (GROUP_CONCAT's order is each engine's): the same text.
        assert remote.stdout == local.stdout
        local, remote = (_nhskg(root, "network", "report", "--format", "json", *extra)
                         for extra in ([], ["--endpoint", base + "/query"]))
        assert remote.returncode == 0, remote.stderr
        assert json.loads(remote.stdout) == json.loads(local.stdout)
        refused = _nhskg(root, "sparql", "DROP ALL", "--endpoint", base + "/query")
        assert refused.returncode == 2 and "read-only" in refused.stderr
        process, served = start_server(root, "--endpoint", base + "/query")
        try:
            surveys = httpx.get(served + "/api/catalogue/surveys", headers={"Accept": "application/sparql-results+json"})
            assert surveys.status_code == 200 and len(surveys.json()["results"]["bindings"]) == 7
            page = httpx.get(served + "/doc/ccg/02Q", headers={"Accept": "text/html"})
            assert page.status_code == 200 and "NHS Bassetlaw" in page.text
        finally:
            process.terminate()
            process.wait(timeout=30)
        assert f"serving {base}/query at" in process.stderr.read()
    gone = _nhskg(root, "query", "run", "surveys", "--endpoint", base + "/query")
    assert gone.returncode == 2 and gone.stderr.count("\n") == 1 and "cannot reach the server" in gone.stderr


# --- nhskg serve --endpoint: the web app over the server's graph ---------------------------------------

SERVED_PATHS = ["/", "/organisations", "/surveys", "/people", "/documents", "/query", "/def/",
                "/doc/document/000", "/doc/finding/nhsa-napc-survey-000/feel-constricted", "/doc/ccg/02Q",
                "/doc/area-team/Q56", "/doc/survey/hsj-barometer-3", "/doc/person/michael-dixon",
                "/trace?text=47%25+of+CCGs+say+they+are+fully+involved"]
DESCRIBED = ["ccg/02Q", "area-team/Q56", "document/000", "finding/nhsa-napc-survey-000/feel-constricted",
             "survey/hsj-barometer-3", "person/michael-dixon", "organisation/napc"]


@pytest.fixture(scope="module")
def clients(built, server):
    """The web app over the local store and over the Oxigraph server holding the same graph (`serve
    --endpoint`), with the same limits."""
    from starlette.testclient import TestClient

    from nhskg.query import guard
    from nhskg.web.app import create_app

    store, dist = built
    limits = guard.Limits(seconds=30, rows=5_000)
    return (TestClient(create_app(store, dist, limits), raise_server_exceptions=False),
            TestClient(create_app(open_endpoint(server + "/query"), dist, limits), raise_server_exceptions=False))


def test_serve_from_the_endpoint_answers_every_catalogue_query_as_the_local_store(clients):
    from result_sets import result_set

    from nhskg.catalogue import catalogue

    local, remote = clients
    names = [name for name in catalogue() if "/" not in name]
    assert len(names) >= 15
    for name in names:
        answers = [c.get(f"/api/catalogue/{name}", headers={"Accept": "application/sparql-results+json"})
                   for c in (local, remote)]
        assert [a.status_code for a in answers] == [200, 200], (name, answers[1].text[:300])
        assert result_set(answers[1].content) == result_set(answers[0].content), name
    for fmt in ("csv", "tsv", "xml"):  # the server's JSON, written again by Oxigraph in the format asked for
        answers = [c.get("/api/catalogue/surveys", params={"format": fmt}) for c in (local, remote)]
        assert answers[1].status_code == 200 and answers[1].headers["content-type"] == answers[0].headers["content-type"]
        rows = [a.content.count(b"<result>") if fmt == "xml" else len(a.content.splitlines()) - 1 for a in answers]
        assert rows[1] == rows[0] == 7, fmt


def test_serve_from_the_endpoint_keeps_the_endpoint_read_only_and_limited(clients):
    local, remote = clients
    for client in (local, remote):
        refused = client.get("/sparql", params={"query": "DROP ALL"})
        assert refused.status_code in (400, 403) and "read-only" in refused.text
        many = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert many.status_code == 400 and "more than 5000 results" in many.text
    graph = [c.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s a <https://w3id.org/nhskg/def/Survey> }"},
                   headers={"Accept": "application/n-triples"}) for c in (local, remote)]
    assert graph[1].status_code == 200 and sorted(graph[1].text.splitlines()) == sorted(graph[0].text.splitlines())
    asked = [c.get("/sparql", params={"query": "ASK { ?s a <https://w3id.org/nhskg/def/Survey> }"}) for c in clients]
    assert asked[1].json() == asked[0].json() == {"head": {}, "boolean": True}
    described = [c.get("/sparql", headers={"Accept": "text/turtle"}) for c in clients]
    names = [{str(q.object) for q in ox.parse(d.content, format=ox.RdfFormat.TURTLE)
              if q.predicate.value.endswith("#name")} for d in described]
    assert names[1] == names[0] and len(names[0]) >= 14


@pytest.mark.parametrize("ref", DESCRIBED)
def test_serve_from_the_endpoint_describes_a_thing_as_the_local_store(clients, ref):
    local, remote = clients
    assert remote.get(f"/id/{ref}", follow_redirects=False).status_code == 303
    documents = [c.get(f"/doc/{ref}", headers={"Accept": "application/n-triples"}) for c in clients]
    assert documents[1].status_code == 200
    triples = [set(d.text.splitlines()) for d in documents]
    assert triples[1] == triples[0] and len(triples[0]) > 3
    assert remote.get(f"/doc/{ref}x", headers={"Accept": "text/html"}).status_code == 404


@pytest.mark.parametrize("path", SERVED_PATHS)
def test_serve_from_the_endpoint_renders_the_pages_the_local_store_renders(clients, path):
    pages = [c.get(path, headers={"Accept": "text/html"}) for c in clients]
    assert pages[1].status_code == 200, pages[1].text[:300]
    assert pages[1].text == pages[0].text


def test_serve_from_the_endpoint_traces_from_the_server_s_graph(clients):
    answers = [c.post("/api/trace", data={"text": "Only 47% of CCGs say they are fully involved, the NHS Alliance "
                                                  "survey found."}) for c in clients]
    assert answers[1].status_code == 200
    assert answers[1].json()["trace"] == answers[0].json()["trace"]
    assert answers[0].json()["trace"]["figures"][0]["verdict"] == "exact"


def test_serve_from_the_endpoint_says_when_the_server_is_gone_and_a_syntax_error_is_the_asker_s(built, clients):
    from starlette.testclient import TestClient

    from nhskg.web.app import create_app

    store, dist = built
    _, remote = clients
    wrong = remote.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert wrong.status_code == 400 and "syntax error" in wrong.text
    with oxigraph_server() as base:
        push(store, base + "/store")
        client = TestClient(create_app(open_endpoint(base + "/query"), dist), raise_server_exceptions=False)
        assert client.get("/doc/ccg/02Q", headers={"Accept": "text/html"}).status_code == 200
    for path, params in (("/sparql", {"query": "ASK {}"}), ("/doc/ccg/02Q", {}), ("/api/catalogue/surveys", {})):
        gone = client.get(path, params=params, headers={"Accept": "text/html"} if path.startswith("/doc") else {})
        assert gone.status_code == 502 and "cannot reach the server" in gone.text, (path, gone.text)
        assert base not in gone.text and "127.0.0.1" not in gone.text  # the operator's log says where, not the page


@pytest.mark.parametrize("text,named", [
    ("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", True),
    ("select * from named <urn:g> where { graph ?g { ?s ?p ?o } }", True),
    ('SELECT * WHERE { ?s ?p "from here" }', False),
    ("SELECT * WHERE { ?s <http://example.org/from> ?o } # FROM a comment", False),
    ("PREFIX ex: <urn:x#> SELECT ?from WHERE { ?from ex:from ?o }", False),
])
def test_a_query_naming_its_own_dataset_is_told_from_one_that_does_not(text, named):
    assert names_dataset(text) is named


def test_an_answer_over_the_byte_budget_is_refused_before_it_is_read_whole(server):
    remote = open_endpoint(server + "/query")
    small = guard.Limits(rows=10**9, memory_mb=1)  # 256 KB of answer
    with pytest.raises(guard.QueryRefused, match="answer is over 0.25 MB"):
        answer(remote, "SELECT * WHERE { ?s ?p ?o }", "json", limits=small)
    fits = answer(remote, "SELECT * WHERE { ?s a <https://w3id.org/nhskg/def/Survey> }", "json", limits=small).read()
    assert fits.count(b'"type":"uri"') == 7


def test_a_server_that_does_not_answer_in_time_is_a_503_not_a_502(built):
    """A slow query on the server: the CLI and the web side both say it timed out (a 503, as a local query over
    its time), not that the server failed. Its own server, stopped after: the query would run on."""
    from starlette.testclient import TestClient

    from nhskg.web.app import create_app

    store, dist = built
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with oxigraph_server() as base:
        push(store, base + "/store")
        remote = open_endpoint(base + "/query", timeout=30)
        with pytest.raises(RemoteTimeout, match="did not answer within the time limit of 1 s"):
            answer(remote, slow, limits=guard.Limits(seconds=1))
        client = TestClient(create_app(remote, dist, guard.Limits(seconds=1)), raise_server_exceptions=False)
        timed_out = client.get("/sparql", params={"query": slow})
        assert timed_out.status_code == 503 and "time limit of 1 s" in timed_out.text


def test_serve_from_the_endpoint_follows_a_new_push(built, tmp_path):
    """`serve --endpoint` reads page counts and the trace index from the server's whole graph; after a new
    `nhskg push` (here the graph twice over) the pages follow, made again in the background (review)."""
    import time

    from starlette.testclient import TestClient

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import scale_graphs

    from nhskg.query.remote import FollowedRemote
    from nhskg.query.store import load_store
    from nhskg.web.app import create_app

    store, dist = built
    twice = tmp_path / "twice.trig"
    scale_graphs.write_scaled(dist / "nhskg.trig", 2, twice)
    with oxigraph_server() as base:
        push(store, base + "/store")
        followed = FollowedRemote(open_endpoint(base + "/query"), every=0)
        client = TestClient(create_app(followed, dist), raise_server_exceptions=False)
        surveys = '<span class="count">7</span> Survey'
        assert surveys in client.get("/").text
        sentence = {"text": "Only 47% of CCGs say they are fully involved."}
        before = client.post("/api/trace", data=sentence).json()["trace"]["figures"][0]["matches"]
        push(load_store(twice), base + "/store")
        deadline = time.monotonic() + 60
        while '<span class="count">14</span> Survey' not in client.get("/").text:
            assert time.monotonic() < deadline, "the pages did not follow the push"
            time.sleep(0.2)
        assert followed.generation == 1
        after = client.post("/api/trace", data=sentence).json()["trace"]["figures"][0]["matches"]
        assert len(after) > len(before)  # the second copy's finding is in the trace index now

