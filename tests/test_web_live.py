"""`nhskg serve` as users meet it: a real server on 127.0.0.1, started and stopped here, spoken to by real
clients — SPARQLWrapper, rdflib's SPARQLStore, httpx following redirects — refusing what it must and
still answering after each refusal, and stopping on Ctrl-C."""

from __future__ import annotations

import concurrent.futures
import signal
import time
import urllib.error
from pathlib import Path

import httpx
import pytest
from live_server import project_copy, start_server
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

SERVERS: dict[str, int] = {}


def children_of(pid: int) -> list[int]:
    """The live (not zombie) child processes of ``pid``, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


SURVEYS = "SELECT ?s WHERE { ?s a <https://w3id.org/nhskg/def/Survey> } ORDER BY ?s"
SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    process, base = start_server(project_copy(tmp_path_factory.mktemp("served")), "--timeout", "8", "--max-rows", "5000")
    SERVERS[base] = process.pid
    yield base
    process.send_signal(signal.SIGINT)
    process.wait(timeout=20)


def test_sparqlwrapper_select_construct_ask(server):
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(SURVEYS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert len(rows) == 7 and rows[0]["s"]["type"] == "uri"
    client.setQuery("CONSTRUCT { ?s a <https://w3id.org/nhskg/def/Survey> } WHERE { ?s a <https://w3id.org/nhskg/def/Survey> }")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) == 7
    client.setQuery("ASK { ?s a <https://w3id.org/nhskg/def/AreaTeam> }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True


def test_sparqlwrapper_by_post(server):
    client = SPARQLWrapper(server + "/sparql")
    client.setMethod("POST")
    client.setQuery(SURVEYS)
    client.setReturnFormat(JSON)
    assert len(client.query().convert()["results"]["bindings"]) == 7


def test_rdflib_sparqlstore(server):
    graph = Graph(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    rows = list(graph.query("SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/nhskg/def/ClinicalCommissioningGroup> }"))
    assert int(rows[0][0]) == 211


def test_refusals_through_a_real_client_and_the_server_answers_after_each(server):
    client = SPARQLWrapper(server + "/sparql")
    client.setReturnFormat(JSON)
    for text, error in [("SELECT * WHERE { ?s ?p }", QueryBadFormed),
                        ("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", QueryBadFormed),
                        ("SELECT * { ?s ?p ?o }", QueryBadFormed), (SLOW, urllib.error.HTTPError)]:
        client.setQuery(text)
        started = time.monotonic()
        with pytest.raises(error) as raised:
            client.query().convert()
        if error is urllib.error.HTTPError:
            assert raised.value.code == 503 and b"time limit" in raised.value.read()
        assert time.monotonic() - started < 15
        client.setQuery("ASK { ?s ?p ?o }")
        assert client.query().convert()["boolean"] is True


def test_an_update_answers_4xx_and_changes_nothing(server):
    response = httpx.post(server + "/sparql", content="INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                          headers={"Content-Type": "application/sparql-update"})
    assert response.status_code == 403 and "read-only" in response.text
    check = httpx.get(server + "/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"})
    assert check.json()["boolean"] is False


def test_redirects_and_negotiation_with_an_http_client(server):
    response = httpx.get(server + "/id/ccg/02Q", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert [r.status_code for r in response.history] == [303]
    assert response.url.path == "/doc/ccg/02Q" and response.headers["content-type"].startswith("text/turtle")
    assert "NHS Bassetlaw" in response.text
    page = httpx.get(server + "/id/ccg/02Q", headers={"Accept": "text/html"}, follow_redirects=True)
    assert page.headers["content-type"].startswith("text/html") and "NHS Bassetlaw" in page.text


def test_twenty_clients_at_once(server):
    urls = [server + "/sparql?query=" + httpx.QueryParams({"q": SURVEYS})["q"], server + "/doc/ccg/02Q",
            server + "/", server + "/api/catalogue/surveys"] * 10
    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        statuses = list(pool.map(lambda url: httpx.get(url, timeout=30).status_code, urls))
    assert statuses == [200] * len(urls)


def test_ctrl_c_stops_the_server(tmp_path):
    process, base = start_server(project_copy(tmp_path))
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) is not None
    assert "Traceback" not in process.stderr.read()


def test_a_client_that_goes_away_stops_its_query(server):
    """The child is killed within moments of the disconnect, not at the time limit (8 s here)."""
    pid = SERVERS[server]
    started = time.monotonic()
    with pytest.raises(httpx.TimeoutException):
        httpx.get(server + "/sparql", params={"query": SLOW}, timeout=1.5)
    while children_of(pid) and time.monotonic() - started < 6:
        time.sleep(0.1)
    assert not children_of(pid), "the query's child outlived its client"
    assert time.monotonic() - started < 6
    assert httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_too_many_queries_at_once_are_turned_away_not_queued(server):
    with concurrent.futures.ThreadPoolExecutor(12) as pool:
        statuses = list(pool.map(lambda _: httpx.get(server + "/sparql", params={"query": SLOW}, timeout=30).status_code,
                                 range(12)))
    assert statuses.count(503) == 12  # each either hits the time limit (503) or finds every slot taken (503)
    assert httpx.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
