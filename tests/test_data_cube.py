"""The survey findings as W3C Data Cube data: every integrity constraint of the Recommendation
(https://www.w3.org/TR/vocab-data-cube/#wf-rules, IC-1 ... IC-21) run on Oxigraph over the normalized graph
(§10.2), each answering false; a survey (wave) dimension; one measure per kind of number."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib.namespace import QB, RDF, SKOS

from nhskg import vocab
from nhskg.vocab import NHSKG

PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

#: §10.2 normalization: phase 1 (type and component-property closure), phase 2 (attachments pushed down)
NORMALIZE = [
    "INSERT { ?o rdf:type qb:Observation } WHERE { [] qb:observation ?o }",
    "INSERT { ?o rdf:type qb:Observation } WHERE { ?o qb:dataSet [] }",
    "INSERT { ?s rdf:type qb:Slice } WHERE { [] qb:slice ?s }",
    "INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:DimensionProperty } WHERE { ?cs qb:dimension ?p }",
    "INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:MeasureProperty } WHERE { ?cs qb:measure ?p }",
    "INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:AttributeProperty } WHERE { ?cs qb:attribute ?p }",
    """INSERT { ?obs ?comp ?value } WHERE {
        ?spec qb:componentProperty ?comp ; qb:componentAttachment qb:DataSet .
        ?dataset qb:structure [ qb:component ?spec ] ; ?comp ?value . ?obs qb:dataSet ?dataset }""",
    """INSERT { ?obs ?comp ?value } WHERE {
        ?spec qb:componentProperty ?comp ; qb:componentAttachment qb:Slice .
        ?dataset qb:structure [ qb:component ?spec ] ; qb:slice ?slice .
        ?slice ?comp ?value ; qb:observation ?obs }""",
    """INSERT { ?obs ?comp ?value } WHERE {
        ?spec qb:componentProperty ?comp . ?comp a qb:DimensionProperty .
        ?dataset qb:structure [ qb:component ?spec ] ; qb:slice ?slice .
        ?slice ?comp ?value ; qb:observation ?obs }""",
]

IC = {
    "IC-1 unique data set": """ASK {
        { ?obs a qb:Observation . FILTER NOT EXISTS { ?obs qb:dataSet ?d1 } }
        UNION { ?obs a qb:Observation ; qb:dataSet ?d1, ?d2 . FILTER (?d1 != ?d2) } }""",
    "IC-2 unique DSD": """ASK {
        { ?ds a qb:DataSet . FILTER NOT EXISTS { ?ds qb:structure ?dsd } }
        UNION { ?ds a qb:DataSet ; qb:structure ?dsd1, ?dsd2 . FILTER (?dsd1 != ?dsd2) } }""",
    "IC-3 DSD includes measure": """ASK { ?dsd a qb:DataStructureDefinition .
        FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty [ a qb:MeasureProperty ] ] } }""",
    "IC-4 dimensions have range": """ASK { ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?dim rdfs:range [] } }""",
    "IC-5 concept dimensions have code lists": """ASK { ?dim a qb:DimensionProperty ; rdfs:range skos:Concept .
        FILTER NOT EXISTS { ?dim qb:codeList [] } }""",
    "IC-6 only attributes may be optional": """ASK { ?dsd qb:component ?spec .
        ?spec qb:componentRequired "false"^^xsd:boolean ; qb:componentProperty ?component .
        FILTER NOT EXISTS { ?component a qb:AttributeProperty } }""",
    "IC-7 slice keys must be declared": """ASK { ?sliceKey a qb:SliceKey .
        FILTER NOT EXISTS { [ a qb:DataStructureDefinition ] qb:sliceKey ?sliceKey } }""",
    "IC-8 slice keys consistent with DSD": """ASK { ?slicekey a qb:SliceKey ; qb:componentProperty ?prop .
        ?dsd qb:sliceKey ?slicekey . FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty ?prop ] } }""",
    "IC-9 unique slice structure": """ASK {
        { ?slice a qb:Slice . FILTER NOT EXISTS { ?slice qb:sliceStructure ?key } }
        UNION { ?slice a qb:Slice ; qb:sliceStructure ?key1, ?key2 . FILTER (?key1 != ?key2) } }""",
    "IC-10 slice dimensions complete": """ASK { ?slice qb:sliceStructure [ qb:componentProperty ?dim ] .
        FILTER NOT EXISTS { ?slice ?dim [] } }""",
    "IC-11 all dimensions required": """ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
        ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?obs ?dim [] } }""",
    "IC-12 no duplicate observations": """ASK { FILTER (?allEqual) {
        SELECT (MIN(?equal) AS ?allEqual) WHERE {
            ?obs1 qb:dataSet ?dataset . ?obs2 qb:dataSet ?dataset . FILTER (?obs1 != ?obs2)
            ?dataset qb:structure/qb:component/qb:componentProperty ?dim . ?dim a qb:DimensionProperty .
            ?obs1 ?dim ?value1 . ?obs2 ?dim ?value2 . BIND (?value1 = ?value2 AS ?equal)
        } GROUP BY ?obs1 ?obs2 } }""",
    "IC-13 required attributes": """ASK { ?obs qb:dataSet/qb:structure/qb:component ?component .
        ?component qb:componentRequired "true"^^xsd:boolean ; qb:componentProperty ?attr .
        FILTER NOT EXISTS { ?obs ?attr [] } }""",
    "IC-14 all measures present": """ASK { ?obs qb:dataSet/qb:structure ?dsd .
        FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty qb:measureType }
        ?dsd qb:component/qb:componentProperty ?measure . ?measure a qb:MeasureProperty .
        FILTER NOT EXISTS { ?obs ?measure [] } }""",
    "IC-15 measure dimension consistent": """ASK { ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure .
        ?dsd qb:component/qb:componentProperty qb:measureType . FILTER NOT EXISTS { ?obs ?measure [] } }""",
    "IC-16 single measure on measure-dimension observation": """ASK {
        ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure ; ?omeasure [] .
        ?dsd qb:component/qb:componentProperty qb:measureType ; qb:component/qb:componentProperty ?omeasure .
        ?omeasure a qb:MeasureProperty . FILTER (?omeasure != ?measure) }""",
    "IC-17 all measures present in measures-dimension cube": """ASK { {
        SELECT ?numMeasures (COUNT(?obs2) AS ?count) WHERE {
            { SELECT ?dsd (COUNT(?m) AS ?numMeasures) WHERE {
                ?dsd qb:component/qb:componentProperty ?m . ?m a qb:MeasureProperty } GROUP BY ?dsd }
            ?obs1 qb:dataSet/qb:structure ?dsd ; qb:dataSet ?dataset ; qb:measureType ?m1 .
            ?obs2 qb:dataSet ?dataset ; qb:measureType ?m2 .
            FILTER NOT EXISTS {
                ?dsd qb:component/qb:componentProperty ?dim . FILTER (?dim != qb:measureType)
                ?dim a qb:DimensionProperty . ?obs1 ?dim ?v1 . ?obs2 ?dim ?v2 . FILTER (?v1 != ?v2) }
        } GROUP BY ?obs1 ?numMeasures HAVING (?count != ?numMeasures) } }""",
    "IC-18 consistent data set links": """ASK { ?dataset qb:slice ?slice . ?slice qb:observation ?obs .
        FILTER NOT EXISTS { ?obs qb:dataSet ?dataset } }""",
    "IC-19 codes from code list (scheme)": """ASK {
        ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
        ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:ConceptScheme .
        ?obs ?dim ?v . FILTER NOT EXISTS { ?v a skos:Concept ; skos:inScheme ?list } }""",
    "IC-19 codes from code list (collection)": """ASK {
        ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
        ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:Collection .
        ?obs ?dim ?v . FILTER NOT EXISTS { ?v a skos:Concept . ?list skos:member+ ?v } }""",
}
#: IC-20 and IC-21 are templates over each hierarchical code list's parent-child property $p
IC_HIERARCHY = {
    "IC-20 codes from hierarchy": """ASK {
        ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
        ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a qb:HierarchicalCodeList .
        ?obs ?dim ?v . FILTER NOT EXISTS { ?list qb:hierarchyRoot/<$p>* ?v } }""",
    "IC-21 codes from hierarchy (inverse)": """ASK {
        ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
        ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a qb:HierarchicalCodeList .
        ?obs ?dim ?v . FILTER NOT EXISTS { ?list qb:hierarchyRoot/(^<$p>)* ?v } }""",
}


@pytest.fixture(scope="module")
def cube(union):
    store = pyoxigraph.Store()
    store.load(union.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    for update in NORMALIZE:
        store.update(PREFIXES + update)
    return store


def hierarchy_queries(store) -> list[tuple[str, str]]:
    direct = [str(r["p"].value) for r in store.query(PREFIXES + """SELECT DISTINCT ?p WHERE {
        ?h a qb:HierarchicalCodeList ; qb:parentChildProperty ?p . FILTER (isIRI(?p)) }""")]
    inverse = [str(r["p"].value) for r in store.query(PREFIXES + """SELECT DISTINCT ?p WHERE {
        ?h a qb:HierarchicalCodeList ; qb:parentChildProperty [ owl:inverseOf ?p ] . FILTER (isIRI(?p)) }""")]
    # with no hierarchical code list (as here) each template is still run once, on a property no list uses
    direct, inverse = direct or [str(SKOS.narrower)], inverse or [str(SKOS.broader)]
    return ([(name, IC_HIERARCHY["IC-20 codes from hierarchy"].replace("$p", p)) for name in ["IC-20"] for p in direct]
            + [(name, IC_HIERARCHY["IC-21 codes from hierarchy (inverse)"].replace("$p", p)) for name in ["IC-21"] for p in inverse])


@pytest.mark.parametrize("name", sorted(IC, key=lambda n: int(n.split()[0][3:])))
def test_integrity_constraint_holds(cube, name):
    assert not bool(cube.query(PREFIXES + IC[name])), name


def test_hierarchy_integrity_constraints_hold(cube):
    for name, query in hierarchy_queries(cube):
        assert not bool(cube.query(PREFIXES + query)), name


def test_every_constraint_of_the_recommendation_is_run():
    numbers = {int(n.split()[0][3:]) for n in IC} | {20, 21}
    assert numbers == set(range(1, 22))


def test_a_survey_dimension_and_one_measure_per_kind_of_number(union):
    """Counts, mean scores, percentages and changes never share a measure; each data set has one
    structure; 001's drop of five points (wave 3) sits apart from the 68% it changed."""
    structures = set(union.subjects(RDF.type, QB.DataStructureDefinition))
    assert len(structures) == 4
    for dsd in structures:
        dims = {union.value(c, QB.dimension) for c in union.objects(dsd, QB.component)} - {None}
        measures = {union.value(c, QB.measure) for c in union.objects(dsd, QB.component)} - {None}
        assert dims == {NHSKG.survey, NHSKG.question, NHSKG.responseOption, QB.measureType}
        assert len(measures) == 1
    drop = vocab.finding("hsj-barometer-3", "area-team-good-drop")
    good = vocab.finding("hsj-barometer-3", "area-team-good")
    assert union.value(drop, QB.measureType) == NHSKG.percentagePointChange
    assert union.value(good, QB.measureType) == NHSKG.percentage
    assert union.value(drop, QB.dataSet) != union.value(good, QB.dataSet)
