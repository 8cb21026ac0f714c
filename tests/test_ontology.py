"""The ontology documents every term it defines and declares every term the data uses."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from nhskg import paths, vocab

ONTOLOGY = Graph().parse(paths.ONTOLOGY)
TERMS = [s for s in set(ONTOLOGY.subjects(RDF.type, None))
         if isinstance(s, URIRef) and str(s).startswith(str(vocab.NHSKG)) and s != vocab.ONTOLOGY_IRI]


def test_ontology_header():
    onto = vocab.ONTOLOGY_IRI
    assert (onto, RDF.type, OWL.Ontology) in ONTOLOGY
    for prop in (OWL.versionIRI, vocab.DCTERMS.license, vocab.DCTERMS.description):
        assert ONTOLOGY.value(onto, prop) is not None, prop


def test_every_term_has_a_label_and_a_definition():
    assert len(TERMS) >= 85
    missing = [str(t) for t in TERMS
               if ONTOLOGY.value(t, RDFS.label) is None or ONTOLOGY.value(t, SKOS.definition) is None]
    assert not missing, missing


def test_classes_and_properties_align_with_standard_vocabularies():
    standard = ("http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", "https://schema.org/",
                "http://purl.org/linked-data/cube#", "http://www.w3.org/2004/02/skos/core#",
                "http://purl.org/dc/terms/", "http://purl.org/linked-data/sdmx/", "http://www.w3.org/2000/01/rdf-schema#")
    classes = set(ONTOLOGY.subjects(RDF.type, OWL.Class))
    for cls in classes:
        supers = list(ONTOLOGY.transitive_objects(cls, RDFS.subClassOf))
        assert any(str(s).startswith(standard) for s in supers), f"{cls} aligns with no standard class"


def test_data_uses_only_declared_terms(dataset):
    declared = set(ONTOLOGY.subjects())
    used = {p for _, p, _, _ in dataset.quads((None, None, None, None)) if str(p).startswith(str(vocab.NHSKG))}
    used |= {o for _, p, o, _ in dataset.quads((None, RDF.type, None, None)) if str(o).startswith(str(vocab.NHSKG))}
    assert used <= declared, used - declared
