"""``dist/store/``: the on-disk store ``nhskg build`` writes, opened read-only by every reading command.

It must hold exactly the dataset the in-memory path builds (named graphs, and the default graph as their
RDF merge), be replaced whole, be ignored when stale, and answer through the forked guard — also under
concurrent requests to ``nhskg serve``.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pyoxigraph as ox
import pytest

from nhskg import paths
from nhskg.catalogue import bindings, catalogue
from nhskg.query import guard
from nhskg.query.store import current_store, load_store, open_store
from nhskg.release.ondisk import write_store
from result_sets import result_set


def quads(store: ox.Store) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """A release copied out of the session's build, so this module may replace its store."""
    from nhskg.release.pipeline import run_build

    folder = tmp_path_factory.mktemp("dist-store")
    run_build(folder)
    return folder


def test_the_build_writes_a_current_store_with_the_in_memory_dataset(dist):
    trig = dist / "nhskg.trig"
    assert current_store(trig) == paths.store_dir(dist)
    disk, memory = open_store(trig), load_store(trig)
    assert disk.named_graphs and {str(g) for g in disk.named_graphs()} == {str(g) for g in memory.named_graphs()}
    assert quads(disk) == quads(memory)  # every named graph, and the merged default graph
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert next(iter(disk.query(count)))["n"] == next(iter(memory.query(count)))["n"]
    with pytest.raises((OSError, RuntimeError)):  # read-only: nothing a reader does can change the published store
        disk.update("INSERT DATA { <urn:x> <urn:y> <urn:z> }")


def test_a_store_is_replaced_whole_and_leaves_no_temporary_folder(dist):
    write_store(dist / "nhskg.trig", paths.store_dir(dist))
    assert not [p.name for p in dist.iterdir() if p.name.startswith(".")]
    assert current_store(dist / "nhskg.trig") is not None


def test_a_blank_node_is_one_node_in_its_named_graphs_and_in_the_merge(tmp_path):
    trig = tmp_path / "nhskg.trig"
    trig.write_text('<urn:g1> { _:b <urn:p> "x" . <urn:s> <urn:q> _:b . }\n<urn:g2> { _:b <urn:p> "x" . }\n', encoding="utf-8")
    anonymous = tmp_path / "anonymous.trig"  # rdflib writes [ ] and ( ): a parser names them afresh each time
    anonymous.write_text('<urn:g3> { <urn:t> <urn:q> [ <urn:p> "y" ] ; <urn:l> ( "a" ) . }\n', encoding="utf-8")
    joined = ox.Store.read_only(str(write_store(anonymous, tmp_path / "anonymous")))
    through = "SELECT ?o WHERE { GRAPH <urn:g3> { <urn:t> <urn:q> ?b } ?b <urn:p> ?o }"
    assert [r["o"].value for r in joined.query(through)] == ["y"]  # the named graph's node is the merge's node
    listed = "SELECT ?o WHERE { GRAPH <urn:g3> { <urn:t> <urn:l> ?list } ?list <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> ?o }"
    assert [r["o"].value for r in joined.query(listed)] == ["a"]
    store = ox.Store.read_only(str(write_store(trig, tmp_path / "store")))
    merged = "SELECT ?s WHERE { <urn:s> <urn:q> ?b . ?b <urn:p> ?o }"
    assert len(list(store.query(merged))) == 1  # the merge joins through the blank node
    in_graphs = "SELECT ?g WHERE { GRAPH ?g { ?b <urn:p> ?o } ?b <urn:p> ?o . <urn:s> <urn:q> ?b }"
    assert {r["g"].value for r in store.query(in_graphs)} == {"urn:g1", "urn:g2"}
    assert len(store) == 5  # three named-graph quads, and two merged triples (the one in both graphs once)


def test_the_engine_is_chosen_by_the_caller(dist):
    from nhskg.query import store as store_module

    trig = dist / "nhskg.trig"
    assert current_store(trig) is not None
    open_store(trig, "memory").update("INSERT DATA { <urn:x> <urn:y> <urn:z> }")  # a private copy in memory
    with pytest.raises((OSError, RuntimeError)):
        open_store(trig, "disk").update("INSERT DATA { <urn:x> <urn:y> <urn:z> }")  # the published store, read-only
    with pytest.raises(Exception, match="choose one of"):
        open_store(trig, "tape")
    assert trig.stat().st_size <= store_module.MEMORY_UP_TO_BYTES  # a small graph: a server holds it in memory


def test_a_stale_or_broken_store_is_ignored_for_the_trig(tmp_path, dist):
    shutil.copy2(dist / "nhskg.trig", tmp_path / "nhskg.trig")
    shutil.copytree(paths.store_dir(dist), paths.store_dir(tmp_path))
    trig = tmp_path / "nhskg.trig"
    assert current_store(trig) is not None
    os.utime(trig)  # a TriG rewritten after the store was loaded
    assert current_store(trig) is None
    assert quads(open_store(trig)) == quads(load_store(dist / "nhskg.trig"))
    (paths.store_dir(tmp_path) / paths.STORE_STAMP).write_text(paths.store_stamp(trig, ox.__version__))
    for f in paths.store_dir(tmp_path).glob("CURRENT"):
        f.write_text("garbage\n")  # stamped as current, but RocksDB cannot open it: the TriG answers
    assert quads(open_store(trig)) == quads(load_store(trig))


def test_the_guard_forks_safely_from_the_on_disk_store_under_concurrent_queries(dist):
    disk, memory = open_store(dist / "nhskg.trig"), load_store(dist / "nhskg.trig")
    queries = [(q.text, bindings(q, {})) for q in catalogue().values() if q.kind == "query"]
    expected = [guard.run(memory, text, "json", substitutions=subs).read() for text, subs in queries]

    def ask(i):
        text, subs = queries[i % len(queries)]
        return guard.run(disk, text, "json", substitutions=subs).read()

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, range(4 * len(queries))))
    for i, answer in enumerate(answers):
        assert result_set(answer) == result_set(expected[i % len(queries)]), queries[i % len(queries)][0][:80]


def test_nhskg_serve_answers_concurrent_requests_from_the_on_disk_store(tmp_path):
    from live_server import project_copy, start_server

    root = project_copy(tmp_path)
    process, base = start_server(root, "--store", "disk")
    try:
        assert current_store(root / "dist" / "nhskg.trig") is not None  # the server opened the store it built
        memory = load_store(root / "dist" / "nhskg.trig")
        query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
        expected = json.loads(guard.run(memory, query, "json").read())["results"]["bindings"]

        page = httpx.get(base + "/doc/ccg/02Q.ttl", timeout=60).text  # read in the server's own process

        def ask(i):
            if i % 2:  # pages read the store in the server's threads while queries fork children from it
                r = httpx.get(base + "/doc/ccg/02Q.ttl", timeout=60)
                return r.status_code, r.text == page
            r = httpx.get(base + "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"},
                          timeout=60)
            return r.status_code, r.json()["results"]["bindings"] == expected

        with ThreadPoolExecutor(12) as pool:
            answers = list(pool.map(ask, range(96)))
        assert answers == [(200, True)] * 96
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.parametrize("engine", ["disk", "memory"])
def test_nhskg_serve_takes_up_a_rebuild_without_a_restart(tmp_path, engine):
    from live_server import project_copy, start_server

    root = project_copy(tmp_path)
    process, base = start_server(root, "--store", engine)
    trig = root / "dist" / "nhskg.trig"
    ask = "ASK { GRAPH <urn:nhskg:test:rebuilt> { <urn:a> <urn:b> <urn:c> } }"

    def answer() -> bool:
        r = httpx.get(base + "/sparql", params={"query": ask}, headers={"Accept": "application/sparql-results+json"},
                      timeout=60)
        assert r.status_code == 200, r.text
        return r.json()["boolean"]

    try:
        assert answer() is False
        rebuilt = trig.read_bytes() + b"\n<urn:nhskg:test:rebuilt> { <urn:a> <urn:b> <urn:c> . }\n"
        staged = trig.with_name(".rebuilt.trig")
        staged.write_bytes(rebuilt)
        staged.replace(trig)  # as the build writes it: whole, then the store from it
        if engine == "disk":
            assert answer() is False  # the TriG is new but its store not yet: the old store keeps answering
            write_store(trig, paths.store_dir(trig.parent))
        deadline = time.monotonic() + 60
        while not answer():
            assert time.monotonic() < deadline, "the server never took up the rebuilt graph"
            time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_reopening_store_swaps_its_companion_with_it_and_does_not_retry_a_bad_file(tmp_path):
    from nhskg.query.store import ReopeningStore

    trig = tmp_path / "nhskg.trig"
    trig.write_text("<urn:g> { <urn:a> <urn:b> 1 . }\n", encoding="utf-8")
    made = []
    source = ReopeningStore(trig, "memory", every=0)
    source.attach(lambda store: made.append(store) or len(made))
    first, companion = source.current_pair()
    assert companion == 1 and made == [first]

    def settle():
        source.current_pair()
        if source._opening is not None:
            source._opening.join(30)
        return source.current_pair()

    trig.write_text("<urn:g> { <urn:a> <urn:b> 2 . }\n", encoding="utf-8")
    os.utime(trig, ns=(1, 1))  # a new signature even within the file system's time resolution
    store, companion = settle()
    assert store is not first and companion == 2 and made[-1] is store  # made for the new store, swapped together
    assert source.generation == 1
    trig.write_text("this is not TriG\n", encoding="utf-8")
    os.utime(trig, ns=(2, 2))
    assert settle() == (store, 2)  # the bad file: the old pair keeps answering
    settle()
    assert len(made) == 2 and source.generation == 1  # and it is not loaded again until it changes
