"""The ontology documents every term it defines and declares every term the data uses."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from nhskg import paths, vocab

ONTOLOGY = Graph().parse(paths.ONTOLOGY)
TERMS = [s for s in set(ONTOLOGY.subjects(RDF.type, None))
         if isinstance(s, URIRef) and str(s).startswith(str(vocab.NHSKG)) and s != vocab.ONTOLOGY_IRI]


def test_ontology_header():
    onto = vocab.ONTOLOGY_IRI
    assert (onto, RDF.type, OWL.Ontology) in ONTOLOGY
    for prop in (OWL.versionIRI, DCTERMS.license, DCTERMS.description):
        assert ONTOLOGY.value(onto, prop) is not None, prop


def test_every_term_has_a_label_and_a_definition():
    assert len(TERMS) >= 85
    missing = [str(t) for t in TERMS
               if ONTOLOGY.value(t, RDFS.label) is None or ONTOLOGY.value(t, SKOS.definition) is None]
    assert not missing, missing


STANDARD = ("http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", "https://schema.org/",
            "http://purl.org/linked-data/cube#", "http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/",
            "http://purl.org/linked-data/sdmx/", "http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/oa#")


def test_every_class_aligns_with_a_standard_vocabulary():
    for cls in {c for c in ONTOLOGY.subjects(RDF.type, OWL.Class) if str(c).startswith(str(vocab.NHSKG))}:
        supers = list(ONTOLOGY.transitive_objects(cls, RDFS.subClassOf))
        assert any(str(s).startswith(STANDARD) for s in supers), f"{cls} aligns with no standard class"


def test_properties_align_or_are_typed():
    """Each property either specialises a standard one or has a domain or range in the vocabularies."""
    props = {p for p in set(ONTOLOGY.subjects(RDF.type, OWL.ObjectProperty)) | set(ONTOLOGY.subjects(RDF.type, OWL.DatatypeProperty))
             if str(p).startswith(str(vocab.NHSKG))}  # the reused terms are only declared here
    assert len(props) >= 55
    loose = [str(p) for p in props
             if not any(str(s).startswith(STANDARD) for s in ONTOLOGY.objects(p, RDFS.subPropertyOf))
             and ONTOLOGY.value(p, RDFS.domain) is None and ONTOLOGY.value(p, RDFS.range) is None]
    assert not loose, loose


def test_the_ontology_documentation_has_every_minted_term(built):
    """dist/docs/ontology.html is made from the ontology: every nhskg: class and property has its section."""
    from rdflib.namespace import OWL

    _, dist = built
    page = (dist / "docs" / "ontology.html").read_text(encoding="utf-8")
    ontology = Graph().parse(paths.ONTOLOGY)
    minted = {t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
              for t in ontology.subjects(RDF.type, kind) if str(t).startswith(str(vocab.NHSKG))}
    assert len(minted) > 60
    for term in minted:
        assert f'id="{str(term)[len(str(vocab.NHSKG)):]}"' in page, term
    assert "<script" not in page
