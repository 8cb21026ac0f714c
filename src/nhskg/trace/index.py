"""Every finding with what a fact-checker needs to match and trace it, read from the graph by SPARQL.

One query per aspect keeps each readable; the index is built once per run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

from ..iris import sparql_prefixes
from ..query.store import run_query

PREFIXES = sparql_prefixes()

FINDINGS = PREFIXES + """
SELECT ?finding ?value ?unit ?measure ?qualifier ?option ?question ?topic ?survey ?surveyLabel ?responses ?derived ?base
WHERE {
  ?finding a nhskg:Finding ; nhskg:value ?value ; nhskg:unit ?unit ; nhskg:measure ?measure ;
           nhskg:topic/skos:prefLabel ?topic ; nhskg:survey ?survey .
  ?survey rdfs:label ?surveyLabel .
  OPTIONAL { ?finding nhskg:qualifier ?qualifier }
  OPTIONAL { ?finding nhskg:responseOption ?option }
  OPTIONAL { ?finding nhskg:question/rdfs:label ?question }
  OPTIONAL { ?survey nhskg:numberOfResponses ?responses }
  OPTIONAL { ?finding nhskg:base ?base }
  BIND (EXISTS { ?finding a nhskg:DerivedFinding } AS ?derived)
}"""

EVIDENCE = PREFIXES + """
SELECT ?finding ?doc ?file ?title ?publisher ?url ?date ?exact ?start ?end ?words ?via ?fit
WHERE {
  { ?annotation oa:hasBody ?finding . BIND ("finding" AS ?via) OPTIONAL { ?finding nhskg:statedAs ?words } }
  UNION { ?finding prov:wasGeneratedBy ?d . ?annotation oa:hasBody ?d . BIND ("derivation" AS ?via) }
  UNION { ?verbal nhskg:standsFor ?finding ; nhskg:statedAs ?words . ?annotation oa:hasBody ?verbal .
          BIND ("verbal figure" AS ?via) OPTIONAL { ?verbal nhskg:fit ?fit } }
  ?finding a nhskg:Finding .
  ?annotation oa:hasTarget ?target .
  ?target oa:hasSource/<http://purl.org/dc/terms/isFormatOf> ?doc ; oa:hasSelector ?position, ?quote .
  ?position oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?exact .
  ?doc dcterms:identifier ?file ; rdfs:label ?title .
  OPTIONAL { ?doc schema:publisher/rdfs:label ?publisher }
  OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?doc schema:datePublished ?date }
}"""

PARTIES = PREFIXES + """
SELECT ?survey ?name WHERE {
  {  # the parties first, then their names: joined the other way round, Oxigraph reads every name of everything
    SELECT DISTINCT ?survey ?org WHERE {
      { ?survey nhskg:conductedBy ?org } UNION { ?survey nhskg:partner ?org }
      UNION { ?survey nhskg:inSeries/nhskg:conductedBy ?org }
      UNION { ?j nhskg:judgementKind <https://w3id.org/nhskg/id/judgement-kind/same-survey> ;  # who ran it, by judgement
                 nhskg:judgementSubject ?survey, ?same . ?same nhskg:conductedBy ?org . FILTER (?same != ?survey) }
    }
  }
  { ?org rdfs:label ?name } UNION { ?org skos:altLabel ?name } UNION { ?org nhskg:nameForm ?name }
}"""

SURVEYS = PREFIXES + """
SELECT ?survey (GROUP_CONCAT(DISTINCT ?conductor; separator="; ") AS ?conductors) ?fieldwork ?more WHERE {
  ?survey a nhskg:Survey .
  OPTIONAL { ?survey nhskg:conductedBy/rdfs:label ?conductor }
  OPTIONAL { ?survey nhskg:fieldworkPeriod ?fieldwork }
  OPTIONAL { ?survey nhskg:responsesMoreThan ?more }
} GROUP BY ?survey ?fieldwork ?more"""

DERIVED_FROM = PREFIXES + """
SELECT ?finding ?source WHERE { ?finding a nhskg:DerivedFinding ; prov:wasDerivedFrom ?source }"""

SAME = PREFIXES + """
SELECT ?a ?b WHERE {
  ?j nhskg:judgementKind <https://w3id.org/nhskg/id/judgement-kind/same-finding> ;
     nhskg:judgementSubject ?a, ?b . FILTER (?a != ?b)
}"""


@dataclass
class Evidence:
    document: str
    file: str
    title: str
    publisher: str | None
    url: str | None
    date: str | None
    exact: str
    start: int
    end: int
    words: str | None  # the figure's own words, when the passage states it
    via: str  # finding | verbal figure | derivation
    fit: str | None = None  # a verbal figure's fit to its finding, as the build judged it (check's word)


@dataclass
class FindingInfo:
    iri: str
    value: Decimal
    unit: str
    measure: str
    qualifier: str | None
    option: str
    question: str
    topic: str
    survey: str
    survey_label: str
    responses: int | None
    derived: bool
    parties: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    same_as: set[str] = field(default_factory=set)
    derived_from: set[str] = field(default_factory=set)
    conductors: str = ""
    fieldwork: str | None = None
    responses_more_than: int | None = None
    base: str | None = None  # the finding whose respondents this one counts ("of those who feel restricted")


def _v(solution, name):
    term = solution[name]
    return None if term is None else term.value


def load_index(store: ox.Store) -> dict[str, FindingInfo]:
    """Every finding by IRI, with its survey's parties, its evidence and the findings judged the same."""
    index: dict[str, FindingInfo] = {}
    for s in run_query(store, FINDINGS):
        iri = _v(s, "finding")
        index[iri] = FindingInfo(
            iri=iri, value=Decimal(_v(s, "value")), unit=_v(s, "unit").rsplit("/", 1)[-1],
            measure=_v(s, "measure").rsplit("/", 1)[-1], qualifier=(_v(s, "qualifier") or "").rsplit("/", 1)[-1] or None,
            option=_v(s, "option") or "", question=_v(s, "question") or "", topic=_v(s, "topic"),
            survey=_v(s, "survey"), survey_label=_v(s, "surveyLabel"),
            responses=int(_v(s, "responses")) if _v(s, "responses") else None, derived=_v(s, "derived") == "true",
            base=_v(s, "base"))
    parties: dict[str, set[str]] = {}
    for s in run_query(store, PARTIES):
        parties.setdefault(_v(s, "survey"), set()).add(_v(s, "name"))
    for info in index.values():
        info.parties = parties.get(info.survey, set())
    for s in run_query(store, EVIDENCE):
        info = index.get(_v(s, "finding"))
        if info is not None:
            info.evidence.append(Evidence(_v(s, "doc"), _v(s, "file"), _v(s, "title"), _v(s, "publisher"), _v(s, "url"),
                                          _v(s, "date"), _v(s, "exact"), int(_v(s, "start")), int(_v(s, "end")),
                                          _v(s, "words"), _v(s, "via"),
                                          (_v(s, "fit") or "").rsplit("/", 1)[-1] or None))
    for info in index.values():
        info.evidence.sort(key=lambda e: (e.file, e.start, e.via))
    surveys = {_v(s, "survey"): s for s in run_query(store, SURVEYS)}
    for info in index.values():
        row = surveys.get(info.survey)
        if row is not None:
            info.conductors = _v(row, "conductors") or ""
            info.fieldwork = _v(row, "fieldwork")
            info.responses_more_than = int(_v(row, "more")) if _v(row, "more") else None
    for s in run_query(store, DERIVED_FROM):
        if _v(s, "finding") in index:
            index[_v(s, "finding")].derived_from.add(_v(s, "source"))
    for s in run_query(store, SAME):
        a, b = _v(s, "a"), _v(s, "b")
        if a in index and b in index:
            index[a].same_as.add(b)
    return dict(sorted(index.items()))
