"""The build's outputs: every format, the same graph, byte-identical on a rebuild, written atomically."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID

from nhskg import paths, vocab
from nhskg.build.dataset import union_graph
from nhskg.release.pipeline import OUTPUTS
from nhskg.vocab import NHSKG


def _build(out: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run([sys.executable, "-m", "nhskg", "build", "--out", str(out)], check=True, env=env,
                   capture_output=True, cwd=paths.ROOT)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    first, second = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    _build(first, "1")
    _build(second, "2")
    return first, second


@pytest.mark.parametrize("name", OUTPUTS)
def test_same_inputs_give_byte_identical_files(two_builds, name):
    first, second = two_builds
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_the_trace_index_is_byte_identical_on_a_rebuild(two_builds):
    first, second = two_builds
    assert (first / paths.TRACE_INDEX).read_bytes() == (second / paths.TRACE_INDEX).read_bytes()


@pytest.mark.parametrize("name,fmt", [("nhskg.ttl", "turtle"), ("nhskg.nt", "nt")])
def test_every_dump_holds_the_same_triples(two_builds, dataset, name, fmt):
    graph = Graph().parse(two_builds[0] / name, format=fmt)
    assert set(graph) == set(union_graph(dataset))


@pytest.mark.parametrize("name,fmt", [("nhskg.jsonld", "json-ld"), ("nhskg.nq", "nquads"), ("nhskg.trig", "trig")])
def test_every_quad_dump_holds_the_same_quads(two_builds, dataset, name, fmt):
    ds = Dataset().parse(two_builds[0] / name, format=fmt)
    quads = lambda d: {(s, p, o, g.identifier if hasattr(g, "identifier") else g)
                       for s, p, o, g in d.quads((None, None, None, None)) if not isinstance(g, type(None))}
    assert quads(ds) == quads(dataset)


def test_trig_keeps_the_named_graphs(two_builds, dataset):
    ds = Dataset().parse(two_builds[0] / "nhskg.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    for name in names:  # every triple, literal for literal: a multi-line text must survive the writer
        assert set(ds.graph(URIRef(name))) == set(dataset.graph(URIRef(name))), name
    assert {str(vocab.ONTOLOGY_GRAPH), str(vocab.REGISTERS_GRAPH), str(vocab.CURATION_GRAPH)} <= names
    assert {str(vocab.graph_for_document(d)) for d in ("000", "001", "002", "003", "004")} <= names


def test_void_describes_licence_attribution_sources_and_counts(two_builds, dataset):
    void = Graph().parse(two_builds[0] / "void.ttl")
    d = vocab.DATASET
    assert (d, RDF.type, VOID.Dataset) in void
    assert void.value(d, DCTERMS.rights) is not None  # licences per named graph: tests/test_publishing.py
    attributions = {str(a) for a in void.objects(d, NHSKG.attribution)}
    assert "Contains National Statistics data © Crown copyright and database right 2013" in attributions
    assert "Contains public sector information licensed under the Open Government Licence v3.0" in attributions
    assert int(void.value(d, VOID.triples)) == len(union_graph(dataset))
    assert str(void.value(d, DCTERMS.modified)).startswith("2023-11-14")  # from SOURCE_DATE_EPOCH
    assert len(set(void.objects(d, VOID.subset))) == len([g for g in dataset.graphs() if len(g)])
    assert {vocab.document(x) for x in ("000", "001", "002", "003", "004")} <= set(void.objects(d, DCTERMS.source))


def test_jsonld_is_compacted_with_the_shipped_context_and_keeps_the_named_graphs(two_builds, dataset):
    doc = json.loads((two_builds[0] / "nhskg.jsonld").read_text(encoding="utf-8"))
    shipped = json.loads((two_builds[0] / "context.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == shipped["@context"] and shipped["@context"]["nhskg"] == str(vocab.NHSKG)
    names = [g["@id"] for g in doc["@graph"]]
    assert names == sorted(names) == sorted(str(g.identifier) for g in dataset.graphs() if len(g))
    for graph in doc["@graph"]:
        ids = [n["@id"] for n in graph["@graph"]]
        assert ids == sorted(ids)
    registers = next(g for g in doc["@graph"] if g["@id"] == str(vocab.REGISTERS_GRAPH))
    ccg = next(n for n in registers["@graph"] if n["@id"] == str(vocab.thing("ccg", "02Q")))
    assert ccg["@type"] == "nhskg:ClinicalCommissioningGroup" and "nhskg:odsCode" in ccg  # compacted terms


def test_no_blank_nodes_anywhere(dataset):
    blank = [(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))
             if not isinstance(s, URIRef) or isinstance(o, BNode)]
    assert not blank, blank[:3]
