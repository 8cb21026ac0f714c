"""DCAT/VoID as a catalogue reads them (from void.ttl): publisher, issued, temporal and spatial coverage,
void:vocabulary for every vocabulary the data uses, and the version as a literal."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, VOID

from nhskg import __version__, vocab


@pytest.fixture(scope="module")
def void(built):
    _, dist = built
    return Graph().parse(dist / "void.ttl"), Dataset().parse(dist / "nhskg.trig", format="trig")


def test_publisher_issued_and_version(void):
    g, _ = void
    d = vocab.DATASET
    assert g.value(d, DCTERMS.publisher) == vocab.CURATORS
    assert g.value(d, DCTERMS.issued) is not None
    assert str(g.value(d, OWL.versionInfo)) == __version__
    assert str(g.value(d, URIRef("http://www.w3.org/ns/dcat#version"))) == __version__
    assert g.value(d, DCTERMS.hasVersion) is None  # dcterms:hasVersion takes a resource, not a version string


def test_temporal_and_spatial_coverage(void):
    g, _ = void
    period = g.value(vocab.DATASET, DCTERMS.temporal)
    assert (period, RDF.type, DCTERMS.PeriodOfTime) in g
    assert str(g.value(period, DCAT.startDate)) == "2011-09"  # the 000/004 survey, about September 2011
    assert str(g.value(period, DCAT.endDate)).startswith("2013")
    assert g.value(vocab.DATASET, DCTERMS.spatial) == URIRef(
        "http://statistics.data.gov.uk/id/statistical-geography/E92000001")


def test_every_vocabulary_the_data_uses_is_listed(void):
    g, data = void
    listed = {str(v) for v in g.objects(vocab.DATASET, VOID.vocabulary)}
    used = {str(t)[: max(str(t).rfind("#"), str(t).rfind("/")) + 1]
            for t in {q[1] for q in data.quads((None, None, None, None))} | {q[2] for q in data.quads((None, RDF.type, None, None))}}
    for namespace in ("http://www.w3.org/ns/oa#", "http://purl.org/linked-data/cube#", "http://www.w3.org/ns/org#",
                      "http://www.w3.org/ns/prov#", "https://schema.org/", "http://www.w3.org/2004/02/skos/core#"):
        assert namespace in listed
    assert used <= listed, used - listed
