"""The statistics graph (``graph/statistics``) is the count it stands for: ``graph-statistics`` reads it, and
must give the rows that counting the graph at query time gave — on the built graph and on a scaled copy
(``benchmarks/scale_graphs.py``, which counts its copies with the build's counter). ``checks/stale-statistics``
recounts, and a stale or edited statistics graph must fail it. The graph does not describe itself, and
``void.ttl`` carries the same triples.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, VOID

from nhskg import paths, vocab
from nhskg.build.statistics import count_statistics, partition_iri, statistics_graph, with_statistics
from nhskg.catalogue import catalogue
from nhskg.query.store import load_store

QUERIES = catalogue()
STATISTICS = str(vocab.STATISTICS_GRAPH)
DATASET = str(vocab.DATASET)
DEF = "https://w3id.org/nhskg/def/"
GRAPH = "https://w3id.org/nhskg/graph/"

#: graph-statistics as it was before the build counted (commit 20da10c): every triple of every named graph and
#: every rdf:type of the merged default graph, counted at query time. Kept as the reference the stored counts
#: must reproduce.
LIVE_COUNT = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?statistic ?subject ?subjectLabel ?count
WHERE {
  {
    {
      SELECT ?subject (SAMPLE(?label) AS ?subjectLabel) ?count
      WHERE {
        # counted first, labelled after: a label joined per instance cost a join per typed thing. COUNT, not
        # COUNT(DISTINCT): the default graph is the merge, each triple once, so each instance is one solution of
        # its class (at 1M in memory the whole query 653 → 531 ms, the same counts)
        { SELECT ?subject (COUNT(?instance) AS ?count) WHERE { ?instance rdf:type ?subject } GROUP BY ?subject }
        OPTIONAL { ?subject rdfs:label ?label }
      }
      GROUP BY ?subject ?count
    }
    BIND ("instances of class" AS ?statistic)
  } UNION {
    {
      SELECT ?subject (COUNT(*) AS ?count)
      WHERE { GRAPH ?subject { ?s ?p ?o } }
      GROUP BY ?subject
    }
    BIND ("triples in named graph" AS ?statistic)
  }
}
ORDER BY ?statistic ?subject
"""


def _rows(store: ox.Store, text: str) -> list[tuple[str, ...]]:
    return [tuple(str(term) for term in solution) for solution in store.query(text)]


def _without_statistics(trig: Path) -> ox.Store:
    """The dataset of ``trig`` with no statistics graph, the default graph the merge of the rest: the graph the
    live count counted."""
    store = ox.Store()
    store.bulk_extend(q for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG) if q.graph_name.value != STATISTICS)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


@pytest.fixture(scope="module")
def graphs(built, tmp_path_factory) -> dict[str, Path]:
    """The built TriG, and three copies of it as the scale benchmark writes them."""
    sys.path.insert(0, str(paths.ROOT / "benchmarks"))
    import scale_graphs

    _, dist = built
    scaled = tmp_path_factory.mktemp("scaled") / "nhskg.trig"
    scale_graphs.write_scaled(dist / "nhskg.trig", 3, scaled)
    return {"built": dist / "nhskg.trig", "scaled": scaled}


@pytest.mark.parametrize("which", ["built", "scaled"])
def test_the_query_gives_the_rows_the_live_count_gave(graphs, which):
    stored = _rows(load_store(graphs[which]), QUERIES["graph-statistics"].text)
    counted = _rows(_without_statistics(graphs[which]), LIVE_COUNT)
    assert stored == counted  # every row, in order, term for term (counts as xsd:integer both)
    assert len(stored) > (60 if which == "built" else 90)


@pytest.mark.parametrize("which", ["built", "scaled"])
def test_the_check_finds_nothing_stale(graphs, which):
    assert _rows(load_store(graphs[which]), QUERIES["checks/stale-statistics"].text) == []


def test_the_scaled_graph_holds_one_statistics_graph_counting_every_copy(graphs):
    store = load_store(graphs["scaled"])
    names = {g.value for g in store.named_graphs()}
    assert STATISTICS in names and not any(n.endswith("/statistics") and n != STATISTICS for n in names)
    stored = {r[1]: r[3] for r in _rows(store, QUERIES["graph-statistics"].text) if "named graph" in r[0]}
    assert stored[f"<{GRAPH}r2/document/000>"] == stored[f"<{GRAPH}document/000>"]
    built = {r[1]: r[3] for r in _rows(load_store(graphs["built"]), QUERIES["graph-statistics"].text)}
    scaled = {r[1]: r[3] for r in _rows(store, QUERIES["graph-statistics"].text)}
    survey = f"<{DEF}Survey>"
    assert int(scaled[survey].split('"')[1]) == 3 * int(built[survey].split('"')[1])  # each copy its own surveys


S = f"<{STATISTICS}>"
#: edit -> (statistic, subject) the check must report after it
EDITS = {
    "a graph's size changed": (f"""DELETE {{ GRAPH {S} {{ <{GRAPH}curation> <http://rdfs.org/ns/void#triples> ?n }} }}
        INSERT {{ GRAPH {S} {{ <{GRAPH}curation> <http://rdfs.org/ns/void#triples> 1 }} }}
        WHERE {{ GRAPH {S} {{ <{GRAPH}curation> <http://rdfs.org/ns/void#triples> ?n }} }}""",
                               ("triples in named graph", f"{GRAPH}curation")),
    "a class count changed": (f"""DELETE {{ GRAPH {S} {{ ?p <http://rdfs.org/ns/void#entities> ?n }} }}
        INSERT {{ GRAPH {S} {{ ?p <http://rdfs.org/ns/void#entities> 70 }} }}
        WHERE {{ GRAPH {S} {{ ?p <http://rdfs.org/ns/void#class> <{DEF}Survey> ; <http://rdfs.org/ns/void#entities> ?n }} }}""",
                              ("instances of class", f"{DEF}Survey")),
    "a partition gone": (f"""DELETE WHERE {{ GRAPH {S} {{ ?d <http://rdfs.org/ns/void#classPartition> ?p .
        ?p <http://rdfs.org/ns/void#class> <{DEF}Finding> }} }}""", ("instances of class", f"{DEF}Finding")),
    "a subset gone": (f"""DELETE WHERE {{ GRAPH {S} {{ ?d <http://rdfs.org/ns/void#subset> <{GRAPH}registers> }} }}""",
                      ("triples in named graph", f"{GRAPH}registers")),
    "the graph describing itself": (f"""INSERT DATA {{ GRAPH {S} {{ <{DATASET}> <http://rdfs.org/ns/void#subset> {S} .
        {S} <http://rdfs.org/ns/void#triples> 338 }} }}""", ("triples in named graph", STATISTICS)),
    "a graph that is not there": (f"""INSERT DATA {{ GRAPH {S} {{ <{DATASET}> <http://rdfs.org/ns/void#subset> <{GRAPH}gone> .
        <{GRAPH}gone> <http://rdfs.org/ns/void#triples> 5 }} }}""", ("triples in named graph", f"{GRAPH}gone")),
    "a class with no instance": (f"""INSERT DATA {{ GRAPH {S} {{ <{DATASET}> <http://rdfs.org/ns/void#classPartition> <{DATASET}/class/x> .
        <{DATASET}/class/x> <http://rdfs.org/ns/void#class> <{DEF}Nothing> ; <http://rdfs.org/ns/void#entities> 1 }} }}""",
                                 ("instances of class", f"{DEF}Nothing")),
    "data added after counting": (f"""INSERT DATA {{ GRAPH <{GRAPH}document/003> {{
        <https://w3id.org/nhskg/id/person/late> a <https://schema.org/Person> }} }}""",
                                  ("instances of class", "https://schema.org/Person")),
    "a graph's position shared": (f"""DELETE {{ GRAPH {S} {{ <{GRAPH}registers> <https://schema.org/position> ?y }} }}
        INSERT {{ GRAPH {S} {{ <{GRAPH}registers> <https://schema.org/position> ?x }} }}
        WHERE {{ GRAPH {S} {{ <{GRAPH}curation> <https://schema.org/position> ?x . <{GRAPH}registers> <https://schema.org/position> ?y }} }}""",
                                  ("positions of named graphs", DATASET)),
    "a gap in the partitions' positions": (f"""DELETE {{ GRAPH {S} {{ ?p <https://schema.org/position> ?n }} }}
        INSERT {{ GRAPH {S} {{ ?p <https://schema.org/position> 1000 }} }}
        WHERE {{ GRAPH {S} {{ ?p <http://rdfs.org/ns/void#class> <{DEF}Survey> ; <https://schema.org/position> ?n }} }}""",
                                           ("positions of class partitions", DATASET)),
    "no statistics at all": (f"DROP GRAPH {S}", ("triples in named graph", f"{GRAPH}ontology")),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_stale_or_edited_statistics_graph_fails_the_check(graphs, edit):
    update, (statistic, subject) = EDITS[edit]
    store = load_store(graphs["built"])
    store.update(update)
    rows = [tuple(t.value if t is not None else None for t in s)
            for s in store.query(QUERIES["checks/stale-statistics"].text)]
    assert (statistic, subject) in {r[:2] for r in rows}, rows


def test_one_counter_reads_rdflib_and_oxigraph_quads_alike(dataset, canonical):
    from_rdflib = count_statistics(dataset.quads((None, None, None, None)))
    from_oxigraph = count_statistics(ox.parse(canonical, format=ox.RdfFormat.TRIG))
    assert from_rdflib == from_oxigraph
    assert from_rdflib.graphs == {str(g.identifier): len(g) for g in dataset.graphs()
                                  if len(g) and g.identifier != vocab.STATISTICS_GRAPH}


def test_the_statistics_graph_does_not_describe_itself(dataset):
    stats = dataset.graph(vocab.STATISTICS_GRAPH)
    assert vocab.STATISTICS_GRAPH not in set(stats.objects(vocab.DATASET, VOID.subset))
    assert set(stats.objects(vocab.DATASET, VOID.subset)) == {
        g.identifier for g in dataset.graphs() if len(g) and g.identifier != vocab.STATISTICS_GRAPH}
    # its own typings count in no partition: nothing else in the dataset is a void:Dataset
    assert VOID.Dataset not in set(stats.objects(None, VOID["class"]))
    assert (None, RDF.type, VOID.Dataset) in stats


def test_the_same_quads_in_any_order_give_the_same_bytes(dataset):
    quads = list(dataset.quads((None, None, None, None)))
    shuffled = quads[:]
    random.Random(7).shuffle(shuffled)
    first = statistics_graph(count_statistics(quads)).serialize(format="nt")
    assert statistics_graph(count_statistics(shuffled)).serialize(format="nt") == first
    again = with_statistics(dataset)  # replaces the graph: counting the dataset again changes nothing
    assert sorted(again.graph(vocab.STATISTICS_GRAPH)) == sorted(statistics_graph(count_statistics(quads)))
    assert "dateTime" not in first and "modified" not in first  # nothing in it varies from build to build


def test_void_ttl_carries_the_same_statistics(built, dataset):
    _, dist = built
    void = Graph().parse(dist / "void.ttl")
    stats = dataset.graph(vocab.STATISTICS_GRAPH)
    assert len(stats) > 300 and set(stats) <= set(void)
    # in void.ttl, outside the dataset, the statistics graph is one subset among the others, with its size
    assert int(void.value(vocab.STATISTICS_GRAPH, VOID.triples)) == len(stats)


def test_partition_iris_are_readable_and_one_per_class():
    assert partition_iri(DEF + "Finding") == URIRef(DATASET + "/class/nhskg.Finding")
    assert partition_iri("https://schema.org/Person") == URIRef(DATASET + "/class/schema.Person")
    odd = partition_iri("http://purl.org/dc/dcmitype/Text")
    assert str(odd).startswith(DATASET + "/class/iri.") and odd == partition_iri("http://purl.org/dc/dcmitype/Text")
    assert partition_iri("http://example.org/a b") != partition_iri("http://example.org/a c")


def test_the_open_dump_counts_what_it_holds(built):
    """nhskg-open.trig leaves the verbatim texts out, and its statistics graph is counted without them."""
    _, dist = built
    store = load_store(dist / "nhskg-open.trig")
    assert _rows(store, QUERIES["checks/stale-statistics"].text) == []
    listed = {r[1] for r in _rows(store, QUERIES["graph-statistics"].text) if "named graph" in r[0]}
    assert listed and not any("/graph/text/" in subject for subject in listed)
    assert _rows(store, QUERIES["graph-statistics"].text) == _rows(
        _without_statistics(dist / "nhskg-open.trig"), LIVE_COUNT)
