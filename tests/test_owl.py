"""The ontology and the data through a real OWL tool: the OWL 2 RL reasoner ``owlrl`` infers nothing absurd
(no organisation a prov:Entity derived from a file, no person an organisation, no speaker an author), and
the ontology is written so every Turtle parser reads it (no ``id:scheme\\/unit`` escapes)."""

from __future__ import annotations

import owlrl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, OWL, PROV, RDF

from nhskg import paths, vocab
from nhskg.vocab import NHSKG, ORG, SCHEMA

# What PROV-O and ORG themselves say about the terms nhskg leans on (domains and ranges as their specs
# state them), so the reasoner sees what a client loading those vocabularies would.
STANDARD_AXIOMS = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix schema: <https://schema.org/> .
prov:wasDerivedFrom rdfs:domain prov:Entity ; rdfs:range prov:Entity .
prov:wasAttributedTo rdfs:domain prov:Entity ; rdfs:range prov:Agent .
prov:wasAssociatedWith rdfs:domain prov:Activity ; rdfs:range prov:Agent .
prov:wasGeneratedBy rdfs:domain prov:Entity ; rdfs:range prov:Activity .
org:subOrganizationOf rdfs:domain org:Organization ; rdfs:range org:Organization .
org:unitOf rdfs:domain org:OrganizationalUnit ; rdfs:range org:FormalOrganization .
org:member rdfs:domain org:Membership ; rdfs:range foaf:Agent .
org:organization rdfs:domain org:Membership ; rdfs:range org:Organization .
org:hasMember rdfs:domain org:Organization ; rdfs:range foaf:Agent .
org:memberDuring rdfs:domain org:Membership .
org:role rdfs:domain org:Membership ; rdfs:range org:Role .
org:Organization rdfs:subClassOf foaf:Agent .
schema:creator rdfs:range schema:Person .
"""


@pytest.fixture(scope="module")
def closure(union):
    g = Graph()
    for triple in union:
        g.add(triple)
    g.parse(data=STANDARD_AXIOMS, format="turtle")
    before = len(g)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(g)
    g.inferred = len(g) - before  # type: ignore[attr-defined]
    return g


def _instances(g: Graph, cls: URIRef) -> set:
    return set(g.subjects(RDF.type, cls))


def test_no_organisation_is_inferred_an_entity(closure):
    organisations = _instances(closure, ORG.Organization)
    assert len(organisations) > 400
    assert not sorted(organisations & _instances(closure, PROV.Entity))[:5]


def test_no_person_is_inferred_an_organisation_or_an_entity(closure):
    people = _instances(closure, SCHEMA.Person) | _instances(closure, FOAF.Person)
    assert len(people) == 8
    assert not people & _instances(closure, ORG.Organization)
    assert not people & _instances(closure, PROV.Entity)


def test_no_register_body_is_a_member_of_its_parent(closure):
    """Sub-organisation placements are not memberships: no CCG, PCT or area team sits in an org:Membership."""
    members = set(closure.objects(None, ORG.member))
    bodies = _instances(closure, NHSKG.ClinicalCommissioningGroup) | _instances(closure, NHSKG.PrimaryCareTrust)
    assert not members & bodies


def test_structure_is_org_sub_organisation(closure):
    ccg = vocab.thing("ccg", "02Q")
    assert (ccg, ORG.subOrganizationOf, vocab.thing("area-team", "Q51")) in closure
    assert (vocab.thing("area-team", "Q51"), ORG.unitOf, vocab.organisation("nhs-commissioning-board")) in closure


def test_ontology_declares_every_reused_term_it_builds_on():
    onto = Graph().parse(paths.ONTOLOGY)
    declared = set(onto.subjects(RDF.type, None))
    reused = set()
    for p in (URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"),
              URIRef("http://www.w3.org/2000/01/rdf-schema#subPropertyOf")):
        reused |= {o for o in onto.objects(None, p) if not str(o).startswith(str(vocab.NHSKG))}
    assert not sorted(str(t) for t in reused - declared)
    punned = {s for s in declared if {OWL.AnnotationProperty, OWL.ObjectProperty} <= set(onto.objects(s, RDF.type))
              or {OWL.AnnotationProperty, OWL.DatatypeProperty} <= set(onto.objects(s, RDF.type))
              or {OWL.ObjectProperty, OWL.DatatypeProperty} <= set(onto.objects(s, RDF.type))}
    assert not punned, punned
    annotation = set(onto.subjects(RDF.type, OWL.AnnotationProperty))
    under_annotation = {s for s, o in onto.subject_objects(URIRef("http://www.w3.org/2000/01/rdf-schema#subPropertyOf"))
                        if o in annotation or o == URIRef("http://www.w3.org/2000/01/rdf-schema#comment")}
    assert not under_annotation, under_annotation


def test_ontology_has_no_escaped_slashes_in_prefixed_names():
    assert "\\/" not in paths.ONTOLOGY.read_text(encoding="utf-8")
