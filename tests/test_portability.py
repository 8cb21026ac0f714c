"""The whole catalogue gives the same result sets on every engine the project may meet.

In-memory Oxigraph (``load_store``) is the reference; the on-disk store (``dist/store/``), a real
``oxigraph`` server and Debian's Virtuoso reached by ``nhskg push`` and ``--endpoint`` (each started on
127.0.0.1 and stopped by this module; Virtuoso takes the merged default graph as the named graph
``urn:nhskg:merge``, its own default graph being every graph it holds), and rdflib's SPARQL engine must
give the same rows (compared as sets of RDF terms:
``result_sets`` says which engine freedoms are taken out).

The queries avoid what the engines are known to read differently, each said where it is done: an
aggregate over values that may be unbound (rdflib raises ``NotBoundError`` on ``GROUP_CONCAT(DISTINCT ?v)``
of an OPTIONAL's variable, RDFLib/rdflib#882: the lists are gathered in subqueries where every value is
bound), a GROUP BY that may see no solutions (rdflib makes one empty group: ``HAVING``), ``rdfs:subClassOf*``
and ``+`` (Virtuoso 7.2 follows them only in part: a fixed-depth UNION), and booleans bound from ``EXISTS`` or a
comparison (Virtuoso returns 0/1: typed literals). ``RDFLIB_FAILS`` and ``VIRTUOSO_DIFFERS`` hold any
difference left as a strict expected failure, so a change on either side shows.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from result_sets import result_set
from sparql_servers import oxigraph_server, virtuoso_server

from nhskg.catalogue import bindings, catalogue
from nhskg.query.remote import push
from nhskg.query.store import current_store, load_store, open_endpoint, open_store

QUERIES = catalogue()
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib 7.6 about its own ConjunctiveGraph

#: query -> what rdflib (7.6) does with it, and the construct that causes it
RDFLIB_FAILS: dict[str, str] = {}


#: query -> how Debian's Virtuoso 7.2 (virtuoso-opensource) answers differently, and the construct
VIRTUOSO_DIFFERS: dict[str, str] = {}
MERGE = "urn:nhskg:merge"


def _json(results) -> bytes:
    return results.serialize(format=ox.QueryResultsFormat.JSON)


@pytest.fixture(scope="module")
def engines(built):
    _, dist = built
    trig = dist / "nhskg.trig"
    assert current_store(trig) is not None
    return {"memory": load_store(trig), "disk": open_store(trig)}


@pytest.fixture(scope="module")
def reference(engines):
    store = engines["memory"]
    return {name: result_set(_json(store.query(q.text, substitutions=bindings(q, {}) or None)))
            for name, q in QUERIES.items()}


@pytest.fixture(scope="module")
def rdflib_dataset(built):
    from rdflib import Dataset

    _, dist = built
    ds = Dataset(default_union=True)  # the default graph as the merge of the named graphs, as the project has it
    ds.parse(str(dist / "nhskg.trig"), format="trig")
    return ds


@pytest.fixture(scope="module")
def server(engines):
    with oxigraph_server() as base:
        push(engines["memory"], base + "/store")
        yield open_endpoint(base + "/query")


@pytest.fixture(scope="module")
def virtuoso(engines, tmp_path_factory):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as base:
        push(engines["memory"], base + "/sparql-graph-crud", merge_graph=MERGE)  # its default graph is everything
        yield open_endpoint(base + "/sparql", merge_graph=MERGE)


def _rdflib_params(query):
    from rdflib import Literal, URIRef

    def term(t):
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        return Literal(t.value, lang=t.language, datatype=None if t.language else URIRef(t.datatype.value))

    return {v.value: term(t) for v, t in bindings(query, {}).items()}


@pytest.mark.parametrize("name", QUERIES)
def test_the_on_disk_store_gives_the_same_results(name, engines, reference):
    q = QUERIES[name]
    assert result_set(_json(engines["disk"].query(q.text, substitutions=bindings(q, {}) or None))) == reference[name]


@pytest.mark.parametrize("name", QUERIES)
def test_a_remote_oxigraph_server_gives_the_same_results(name, server, reference):
    q = QUERIES[name]
    assert result_set(_json(server.query(q.text, bindings(q, {})))) == reference[name]


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=VIRTUOSO_DIFFERS[n]))
                                  if n in VIRTUOSO_DIFFERS else n for n in QUERIES])
def test_virtuoso_gives_the_same_results(name, virtuoso, reference):
    q = QUERIES[name]
    assert result_set(_json(virtuoso.query(q.text, bindings(q, {})))) == reference[name]


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=RDFLIB_FAILS[n]))
                                  if n in RDFLIB_FAILS else n for n in QUERIES])
def test_rdflib_gives_the_same_results(name, rdflib_dataset, reference):
    from rdflib.plugins.sparql.sparql import NotBoundError

    q = QUERIES[name]
    try:
        answer = rdflib_dataset.query(q.text, initBindings=_rdflib_params(q)).serialize(format="json")
    except NotBoundError as exc:
        pytest.fail(f"{name}: NotBoundError: {exc}")
    assert result_set(answer) == reference[name]


def test_a_query_s_own_from_is_not_overridden_by_the_merge_graph(virtuoso, engines):
    """With --merge-graph the project's dataset is sent with each query; a query naming its own (FROM) is
    asked of that dataset instead, as the protocol's parameters would override it (review)."""
    one = "https://w3id.org/nhskg/graph/document/000"
    text = f"SELECT (COUNT(*) AS ?n) FROM <{one}> WHERE {{ ?s ?p ?o }}"
    expected = int(next(iter(engines["memory"].query(text)))["n"].value)
    assert expected < int(next(iter(engines["memory"].query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value)
    assert int(next(iter(virtuoso.query(text)))["n"].value) == expected
    from_named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{one}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert int(next(iter(virtuoso.query(from_named)))["n"].value) == expected

