"""Publishable linked data (issue 12): licences and rights per part, an open dump without the verbatim
texts, dumps every tool reads, and the links out."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, VOID

from nhskg import paths, vocab
from nhskg.build.shared import CC_BY, OGL
from nhskg.release.pipeline import OUTPUTS, run_build
from nhskg.vocab import NHSKG, OA


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    run_build(out)
    return out


@pytest.fixture(scope="module")
def void(dist):
    return Graph().parse(dist / "void.ttl")


def test_each_named_graph_has_its_own_licence_and_rights_holder(void, dataset):
    subsets = set(void.objects(vocab.DATASET, VOID.subset))
    assert subsets == {g.identifier for g in dataset.graphs() if len(g)}
    for subset in subsets:
        assert void.value(subset, DCTERMS.rightsHolder) is not None, subset
        assert void.value(subset, DCTERMS.rights) is not None, subset
        if vocab.is_text_graph(subset):
            assert void.value(subset, DCTERMS.license) is None, subset  # the publisher's copyright: no licence
        elif subset == vocab.REGISTERS_GRAPH:
            assert void.value(subset, DCTERMS.license) == OGL
            assert void.value(subset, DCTERMS.rightsHolder) == vocab.CROWN
        else:
            assert void.value(subset, DCTERMS.license) == CC_BY, subset
    text = vocab.graph_for_text("001")
    assert void.value(text, DCTERMS.rightsHolder) == vocab.organisation("hsj")
    assert "all rights reserved" in str(void.value(text, DCTERMS.rights))


def test_the_dataset_claims_no_single_licence_over_the_texts(void):
    assert void.value(vocab.DATASET, DCTERMS.license) is None
    assert "not licensed" in str(void.value(vocab.DATASET, DCTERMS.rights))


def test_documents_name_the_holder_of_their_text(dataset):
    doc = vocab.document("003")
    holders = {q[2] for q in dataset.quads((doc, DCTERMS.rightsHolder, None, None))}
    assert holders == {vocab.organisation("napc"), vocab.organisation("nhs-alliance")}
    assert any("all rights reserved" in str(q[2]) for q in dataset.quads((doc, DCTERMS.rights, None, None)))


def test_verbatim_texts_sit_alone_in_their_own_graphs(dataset):
    for doc_id in ("000", "001", "002", "003", "004"):
        assert len(dataset.graph(vocab.graph_for_text(doc_id))) == 1
        assert dataset.graph(vocab.graph_for_document(doc_id)).value(vocab.document(doc_id), NHSKG.verbatimText) is None


def test_open_dump_has_no_verbatim_text_and_keeps_every_annotation(dist, dataset):
    ds = Dataset().parse(dist / "nhskg-open.trig", format="trig")
    assert not list(ds.quads((None, NHSKG.verbatimText, None, None)))
    assert not [g for g in ds.graphs() if vocab.is_text_graph(g.identifier) and len(g)]
    exact = lambda d: {(s, o) for s, _, o, _ in d.quads((None, OA.exact, None, None))}
    assert exact(ds) == exact(dataset) and len(exact(ds)) > 200


def test_every_dump_is_described_where_the_server_puts_it(void):
    dumps = set(void.objects(vocab.DATASET, VOID.dataDump))
    assert {str(d) for d in dumps} == {f"https://w3id.org/nhskg/dumps/{n}" for n in OUTPUTS if n not in ("void.ttl", "context.jsonld")}
    for dump in dumps:
        assert void.value(dump, DCAT.downloadURL) == dump
        media = str(void.value(dump, DCAT.mediaType))
        assert media.startswith("https://www.iana.org/assignments/media-types/"), media
    open_dump = URIRef("https://w3id.org/nhskg/dumps/nhskg-open.trig")
    assert "no verbatim source text" in str(void.value(open_dump, DCTERMS.rights))


def test_nquads_dump_keeps_the_named_graphs(dist, dataset):
    ds = Dataset().parse(dist / "nhskg.nq", format="nquads")
    assert set(ds.quads((None, None, None, None))) >= set()  # parses
    assert len(list(ds.quads((None, None, None, None)))) == len(list(dataset.quads((None, None, None, None))))


def test_licence_files_for_code_and_data():
    assert "MIT License" in (paths.ROOT / "LICENSE").read_text(encoding="utf-8")
    data = (paths.ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    assert "https://creativecommons.org/licenses/by/4.0/" in data and "Open Government Licence v3.0" in data


def test_register_bodies_link_out_to_their_ons_geography(dataset):
    """Each CCG, area team, region, PCT and SHA links to the ONS statistical geography of its register
    code by schema:areaServed (the area it served: owl:sameAs would make the body a geography)."""
    from rdflib.namespace import OWL, RDF

    from nhskg.vocab import SCHEMA

    kinds = {NHSKG.ClinicalCommissioningGroup: "E38", NHSKG.AreaTeam: "E39", NHSKG.CommissioningRegion: "E40",
             NHSKG.PrimaryCareTrust: ("E16", "E17"), NHSKG.StrategicHealthAuthority: "E18"}
    union = {q[:3] for q in dataset.quads((None, None, None, None))}
    for cls, prefix in kinds.items():
        bodies = {s for s, p, o in union if p == RDF.type and o == cls}
        assert bodies
        for body in bodies:
            code = next(str(o) for s, p, o in union if s == body and p == NHSKG.onsCode)
            assert code.startswith(prefix), code
            assert (body, SCHEMA.areaServed,
                    URIRef(f"http://statistics.data.gov.uk/id/statistical-geography/{code}")) in union
    assert not [t for t in union if t[1] == OWL.sameAs]
