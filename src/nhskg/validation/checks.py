"""The graph-wide consistency report of ``nhskg check``, as a table and as RDF in the built graph.

A check result is a node (``nhskg:CheckResult``) naming the findings it concerns, so SPARQL can ask for
them: distributions off 100, percentages no whole number of respondents can give (with the smallest
base that fits), verbal figures that stretch or contradict their number (across documents too),
derived figures, and the same figure worded differently in two documents.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from .. import vocab
from ..build.dataset import check_vocabulary, union_graph
from ..figures import reachable, smallest_base
from ..iris import sparql_prefixes
from ..vocab import NHSKG
from .shacl_sparql import to_oxigraph

P = sparql_prefixes()
PERCENT = "<https://w3id.org/nhskg/id/unit/percent>"
ANSWER = "<https://w3id.org/nhskg/id/measure/answer>"
KINDS = {"distribution": "response distribution off 100", "granularity": "impossible for the number of respondents",
         "verbal-fit": "words that stretch or contradict their number", "derived": "derived figure, not stated",
         "worded-differently": "the same figure worded differently in two documents"}


@dataclass(frozen=True)
class CheckResult:
    kind: str
    severity: str  # warning | info
    concerns: tuple[str, ...]
    message: str

    @property
    def iri(self) -> URIRef:
        digest = hashlib.sha256("|".join(self.concerns).encode()).hexdigest()[:12]
        return vocab.thing("check", self.kind, digest)


def _rows(store: ox.Store, query: str) -> list[dict]:
    solutions = store.query(P + query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in solutions]


def distributions(store) -> list[CheckResult]:
    rows = _rows(store, f"""SELECT ?q ?label ?exhaustive (SUM(?v) AS ?total) (COUNT(?f) AS ?n) WHERE {{
        ?q a nhskg:Question ; rdfs:label ?label ; nhskg:exhaustive ?exhaustive ; nhskg:multipleResponse false .
        ?f nhskg:question ?q ; nhskg:value ?v ; nhskg:unit {PERCENT} ; nhskg:measure {ANSWER} .
        FILTER NOT EXISTS {{ ?f nhskg:qualifier ?bound }} FILTER NOT EXISTS {{ ?f <http://www.w3.org/ns/prov#wasGeneratedBy>/nhskg:operation <https://w3id.org/nhskg/id/operation/sum> }} }} GROUP BY ?q ?label ?exhaustive HAVING (COUNT(?f) >= 2)""")
    out = []
    for r in rows:
        total = Decimal(r["total"])
        if total == 100:
            continue
        if abs(total - 100) <= 1:
            missing = "rounding"
        elif total < 100:
            missing = f"{100 - total} points the text does not report"
        else:
            missing = f"{total - 100} points more than every respondent"
        out.append(CheckResult("distribution", "warning", (r["q"],),
                               f"{r['n']} options of “{r['label']}” sum to {total}% ({missing})"))
    return out


def granularity(store) -> list[CheckResult]:
    rows = _rows(store, f"""SELECT ?f ?v ?n ?places WHERE {{
        ?f nhskg:unit {PERCENT} ; nhskg:measure {ANSWER} ; nhskg:value ?v ; nhskg:decimalPlaces ?places ;
           nhskg:survey/nhskg:numberOfResponses ?n .
        FILTER NOT EXISTS {{ ?f nhskg:base ?b }} FILTER NOT EXISTS {{ ?f nhskg:qualifier ?q }} }}""")
    out = []
    for r in rows:
        value, n, places = Decimal(r["v"]), int(r["n"]), int(r["places"])
        if reachable(value, places, n) is not None:
            continue
        base, count = smallest_base(value, places)
        out.append(CheckResult("granularity", "warning", (r["f"],),
                               f"{value}% of {n} respondents is {value * n / 100:.1f} people; the smallest base that "
                               f"gives {value}% is {base} ({count} of {base})"))
    return out


def verbal_fit(store) -> list[CheckResult]:
    rows = _rows(store, """SELECT ?vf ?words ?fit ?f ?v ?doc ?fdoc WHERE {
        ?vf a nhskg:VerbalFigure ; nhskg:statedAs ?words ; nhskg:fit ?fit ; nhskg:standsFor ?f ; nhskg:reportedIn ?doc .
        ?f nhskg:value ?v ; nhskg:reportedIn ?fdoc .
        FILTER (?fit IN (<https://w3id.org/nhskg/id/fit/stretched>, <https://w3id.org/nhskg/id/fit/contradicts>)) }""")
    out = []
    for r in rows:
        fit = r["fit"].rsplit("/", 1)[-1]
        across = "" if r["doc"] == r["fdoc"] else f" reported in {r['fdoc'].rsplit('/', 1)[-1]}"
        out.append(CheckResult("verbal-fit", "warning", (r["vf"], r["f"]),
                               f"{r['doc'].rsplit('/', 1)[-1]} says “{r['words']}” for {Decimal(r['v'])}%{across}: {fit}"))
    return out


def derived(store) -> list[CheckResult]:
    rows = _rows(store, """SELECT ?f ?v ?formula (GROUP_CONCAT(STR(?src); separator=" ") AS ?sources) WHERE {
        ?f a nhskg:DerivedFinding ; nhskg:value ?v ; prov:wasGeneratedBy/nhskg:formula ?formula ; prov:wasDerivedFrom ?src .
        } GROUP BY ?f ?v ?formula""")
    return [CheckResult("derived", "info", (r["f"], *sorted(r["sources"].split())),
                        f"{Decimal(r['v'])} is derived ({r['formula']}), never stated") for r in rows]


def worded_differently(store) -> list[CheckResult]:
    rows = _rows(store, """SELECT ?a ?b ?wa ?wb ?da ?db WHERE {
        { ?x nhskg:standsFor ?b ; nhskg:statedAs ?wa ; nhskg:reportedIn ?da . BIND (?x AS ?a) }
        UNION { ?j nhskg:judgementKind <https://w3id.org/nhskg/id/judgement-kind/same-finding> ;
                   nhskg:judgementSubject ?a, ?b . ?a nhskg:statedAs ?wa ; nhskg:reportedIn ?da . FILTER (STR(?a) < STR(?b)) }
        ?b nhskg:statedAs ?wb ; nhskg:reportedIn ?db .
        FILTER (?da != ?db && ?wa != ?wb) }""")
    out = {}
    for r in sorted(rows, key=lambda r: (r["a"], r["b"])):
        key = tuple(sorted(((r["da"], r["wa"]), (r["db"], r["wb"]))))  # one result per pair of wordings
        if key in out:
            continue
        out[key] = CheckResult("worded-differently", "info", tuple(sorted((r["a"], r["b"]))),
                               f"{r['da'].rsplit('/', 1)[-1]} says “{r['wa']}”, {r['db'].rsplit('/', 1)[-1]} says “{r['wb']}”")
    return list(out.values())


def run_checks(data: Graph) -> list[CheckResult]:
    store = to_oxigraph(data)
    results = [*distributions(store), *granularity(store), *verbal_fit(store), *derived(store), *worded_differently(store)]
    return sorted(results, key=lambda r: (list(KINDS).index(r.kind), r.concerns))


def as_rdf(results: list[CheckResult]) -> Graph:
    """Each result as an nhskg:CheckResult naming what it concerns."""
    g = Graph()
    for prefix, namespace in vocab.PREFIXES.items():
        g.bind(prefix, namespace)
    for r in results:
        node = r.iri
        g.add((node, RDF.type, NHSKG.CheckResult))
        g.add((node, RDFS.label, Literal(f"{KINDS[r.kind]}: {r.message}")))
        g.add((node, NHSKG.checkKind, vocab.concept("check-kind", r.kind)))
        g.add((node, NHSKG.severity, vocab.concept("severity", r.severity)))
        g.add((node, NHSKG.message, Literal(r.message)))
        for iri in r.concerns:
            g.add((node, NHSKG.concerns, URIRef(iri)))
    return g


def table(results: list[CheckResult]) -> str:
    lines = [f"{'kind':<20} {'severity':<8} message", f"{'-' * 20} {'-' * 8} {'-' * 60}"]
    lines += [f"{r.kind:<20} {r.severity:<8} {r.message}" for r in results]
    counts = {k: sum(r.kind == k for r in results) for k in KINDS}
    lines.append(f"({len(results)} results: " + ", ".join(f"{k} {n}" for k, n in counts.items()) + ")")
    return "\n".join(lines)


def with_check_results(ds: Dataset) -> Dataset:
    """``ds`` with the check results of its union as the named graph ``checks``; the vocabulary the
    data uses (check kinds and severities too) is then checked against the ontology."""
    checks = ds.graph(vocab.CHECKS_GRAPH)
    for triple in as_rdf(run_checks(union_graph(ds))):
        checks.add(triple)
    check_vocabulary(ds)
    return ds
