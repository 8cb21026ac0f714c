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

import pyoxigraph as ox
import pytest
from live_server import project_copy
from sparql_servers import oxigraph_server

from nhskg.catalogue import bindings, find
from nhskg.query.remote import count_triples, prepared, push, query_endpoint_for
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
    gone = _nhskg(root, "query", "run", "surveys", "--endpoint", base + "/query")
    assert gone.returncode == 2 and gone.stderr.count("\n") == 1 and "cannot reach the server" in gone.stderr
