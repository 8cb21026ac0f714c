"""The built graph as three networkx graphs, and their exports (GraphML, GEXF, node-link JSON).

Every graph is read from the built RDF by SPARQL (never from the curated files). Nodes are keyed by IRI
and carry ``label`` and ``kind`` (the node's most specific nhskg/ORG/schema class, e.g. ``Finding``,
``PressRelease``, ``AreaTeam``); edges carry ``relation``.

- **structure** (directed, child → parent): CCG → area team → region, PCT → SHA, coalition member →
  coalition (the NHS Commissioning Board and NHS England are one body with two names, not an edge).
- **provenance** (directed, claim → source): finding → survey → conductors, partners and series;
  finding → the documents reporting it → publishers and issuers; derived finding → the findings it
  comes from; findings and surveys judged the same by the curators (both ways); quotation → its
  document and speaker; person → organisation (``role``: the role the quoting document attests, or
  every role when it attests none); anonymous respondent → the survey answered.
- **co-mention** (undirected): people and organisations mentioned in the same document; ``weight``
  is the number of documents, ``documents`` their identifiers.

The analyses of ``nhskg network report`` are in ``network.report``; the pictures in ``network.plots``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .. import paths
from ..errors import UserError
from ..iris import expand_iri, sparql_prefixes
from ..query.store import run_query

SPARQL_PREFIXES = sparql_prefixes()

#: Kinds in order of preference when a node has several types (most specific first).
KINDS = ("DerivedFinding", "Finding", "Survey", "SurveySeries", "PressRelease", "NewsReport", "DirectQuotation",
         "ReportedSpeech", "AnonymousRespondent", "Person", "ClinicalCommissioningGroup", "AreaTeam",
         "CommissioningRegion", "PrimaryCareTrust", "StrategicHealthAuthority", "SHACluster", "Publisher",
         "Coalition", "CommissioningSupportService", "NationalBody", "ProfessionalBody", "MembershipBody",
         "Company", "FormalOrganization", "Organization")
ORGANISATION_KINDS = frozenset(KINDS[10:])
PERSON_KINDS = frozenset({"Person"})

STRUCTURE_EDGES = """SELECT ?s ?o ?rel WHERE {
  { ?s a nhskg:ClinicalCommissioningGroup ; nhskg:areaTeam ?o . BIND ("in area team" AS ?rel) }
  UNION { ?s a nhskg:AreaTeam ; nhskg:commissioningRegion ?o . BIND ("in region" AS ?rel) }
  UNION { ?s a nhskg:PrimaryCareTrust ; nhskg:strategicHealthAuthority ?o . BIND ("in SHA" AS ?rel) }
  UNION { ?o org:hasMember ?s . BIND ("member of" AS ?rel) }
}"""

PROVENANCE_EDGES = """SELECT ?s ?o ?rel WHERE {
  { ?s a nhskg:Finding ; nhskg:survey ?o . BIND ("survey" AS ?rel) }
  UNION { ?s a nhskg:Finding ; nhskg:reportedIn ?o . BIND ("reported in" AS ?rel) }
  UNION { ?s a nhskg:DerivedFinding ; prov:wasDerivedFrom ?o . ?o a nhskg:Finding . BIND ("derived from" AS ?rel) }
  UNION { ?j nhskg:judgementKind ?k ; nhskg:judgementSubject ?s, ?o . FILTER (?s != ?o)
          VALUES (?k ?rel) { (<https://w3id.org/nhskg/id/judgement-kind/same-finding> "judged same finding")
                             (<https://w3id.org/nhskg/id/judgement-kind/same-survey> "judged same survey") } }
  UNION { ?s a ?t ; nhskg:conductedBy ?o . VALUES ?t { nhskg:Survey nhskg:SurveySeries } BIND ("conducted by" AS ?rel) }
  UNION { ?s a nhskg:Survey ; nhskg:partner ?o . BIND ("partner" AS ?rel) }
  UNION { ?s a nhskg:Survey ; nhskg:inSeries ?o . BIND ("in series" AS ?rel) }
  UNION { ?s a ?dt ; schema:publisher ?o . VALUES ?dt { nhskg:NewsReport nhskg:PressRelease } BIND ("published by" AS ?rel) }
  UNION { ?s a ?dt ; nhskg:issuedBy ?o . VALUES ?dt { nhskg:NewsReport nhskg:PressRelease } BIND ("issued by" AS ?rel) }
  UNION { ?s a ?qt ; nhskg:speaker ?o . VALUES ?qt { nhskg:DirectQuotation nhskg:ReportedSpeech } BIND ("spoken by" AS ?rel) }
  UNION { ?s a ?qt ; nhskg:reportedIn ?o . VALUES ?qt { nhskg:DirectQuotation nhskg:ReportedSpeech } BIND ("reported in" AS ?rel) }
  UNION { ?s a nhskg:AnonymousRespondent ; nhskg:respondentTo ?o . BIND ("respondent to" AS ?rel) }
}"""

#: Each quoted speaker's roles, with the document that attests each and the documents quoting the speaker.
SPEAKER_ROLES = """SELECT DISTINCT ?speaker ?quotedIn ?org ?role ?attested WHERE {
  ?q nhskg:speaker ?speaker ; nhskg:reportedIn ?quotedIn .
  ?m a org:Membership ; org:member ?speaker ; org:organization ?org ; org:role/skos:prefLabel ?role .
  OPTIONAL { ?m nhskg:attestedIn ?attested }
}"""

COMENTION_NODES = "SELECT DISTINCT ?e WHERE { ?d schema:mentions ?e }"
COMENTION_EDGES = """SELECT ?a ?b (COUNT(DISTINCT ?d) AS ?w) (GROUP_CONCAT(DISTINCT ?id; separator=" ") AS ?docs) WHERE {
  ?d schema:mentions ?a, ?b ; dcterms:identifier ?file . FILTER (STR(?a) < STR(?b)) BIND (SUBSTR(?file, 1, 3) AS ?id)
} GROUP BY ?a ?b"""

DESCRIBE = """SELECT ?n ?t (SAMPLE(?l) AS ?label) WHERE { ?n a ?t . OPTIONAL { ?n rdfs:label ?l } } GROUP BY ?n ?t"""


def query(store: ox.Store, text: str) -> list[dict[str, str]]:
    """SELECT solutions as dicts of plain strings (IRIs and literal values), unbound variables left out."""
    result = run_query(store, SPARQL_PREFIXES + text)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def expand(iri: str) -> str:
    """A full IRI from a full one or a prefixed short form (``id:finding/...``), checked."""
    full = expand_iri(iri)
    if full is None:
        raise UserError(f"{iri!r} is not an IRI — give a full IRI or a short form like id:finding/...")
    return full


def _describe(store: ox.Store) -> dict[str, tuple[str, str]]:
    """Every typed node's (label, kind)."""
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for row in query(store, DESCRIBE):
        types[row["n"]].add(row["t"].rsplit("/", 1)[-1].rsplit("#", 1)[-1])
        if "label" in row:
            labels[row["n"]] = row["label"]
    out = {}
    for node, local in types.items():
        kind = next((k for k in KINDS if k in local), min(local))
        out[node] = (labels.get(node, node.rsplit("/", 1)[-1]), kind)
    return out


def _add(graph: nx.Graph, described: dict[str, tuple[str, str]], node: str) -> None:
    if node not in graph:
        label, kind = described.get(node, (node.rsplit("/", 1)[-1], "Thing"))
        graph.add_node(node, label=label, kind=kind)


def _from_edges(graph: nx.Graph, described, rows: list[dict[str, str]]) -> nx.Graph:
    for row in sorted(rows, key=lambda r: (r["s"], r["o"], r["rel"])):
        _add(graph, described, row["s"])
        _add(graph, described, row["o"])
        graph.add_edge(row["s"], row["o"], relation=row["rel"])
    return graph


def structure_graph(store: ox.Store, described=None) -> nx.DiGraph:
    """Who sat within whom in 2012-13: an edge runs from a body to the body it sits within (or became)."""
    described = described or _describe(store)
    return _from_edges(nx.DiGraph(name="structure"), described, query(store, STRUCTURE_EDGES))


def provenance_graph(store: ox.Store, described=None) -> nx.DiGraph:
    """Where each claim comes from: an edge runs from a claim towards what it stands on."""
    described = described or _describe(store)
    graph = _from_edges(nx.DiGraph(name="provenance"), described, query(store, PROVENANCE_EDGES))
    quoted: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for row in query(store, SPEAKER_ROLES):
        quoted[row["speaker"]].add(row["quotedIn"])
        roles[row["speaker"]].append((row["org"], row["role"], row.get("attested")))
    for speaker in sorted(roles):
        held: dict[str, set[str]] = defaultdict(set)
        for doc in quoted[speaker]:
            attested = [(o, r) for o, r, a in roles[speaker] if a == doc]
            for org, role in attested or [(o, r) for o, r, _ in roles[speaker]]:
                held[org].add(role)
        for org in sorted(held):
            _add(graph, described, org)
            graph.add_edge(speaker, org, relation="member of", role="; ".join(sorted(held[org])))
    return graph


def comention_graph(store: ox.Store, described=None) -> nx.Graph:
    """People and organisations named in the same document; weight = number of such documents."""
    described = described or _describe(store)
    graph = nx.Graph(name="comention")
    for row in sorted(query(store, COMENTION_NODES), key=lambda r: r["e"]):
        _add(graph, described, row["e"])
    for row in sorted(query(store, COMENTION_EDGES), key=lambda r: (r["a"], r["b"])):
        graph.add_edge(row["a"], row["b"], relation="co-mentioned", weight=int(row["w"]),
                       documents=" ".join(sorted(row["docs"].split())))
    return graph


def build_graphs(store: ox.Store) -> dict[str, nx.Graph]:
    """The three graphs by name."""
    described = _describe(store)
    return {"structure": structure_graph(store, described), "provenance": provenance_graph(store, described),
            "comention": comention_graph(store, described)}


def require_node(graph: nx.Graph, iri: str, what: str, kinds: set[str] | None = None) -> str:
    """The expanded IRI when ``graph`` holds it (with one of ``kinds``); a UserError naming it otherwise."""
    full = expand(iri)
    if full not in graph:
        raise UserError(f"{iri}: no {what} with this IRI in the graph")
    if kinds and graph.nodes[full]["kind"] not in kinds:
        raise UserError(f"{iri}: is a {graph.nodes[full]['kind']}, not a {what}")
    return full


# --- exports --------------------------------------------------------------------------------------


def _write_gexf(graph, path) -> None:
    """GEXF without networkx's "last modified" date of today, so the same graph gives the same bytes."""
    nx.write_gexf(graph, path)
    text = Path(path).read_text(encoding="utf-8")
    Path(path).write_text(re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1), encoding="utf-8")


def _atomic(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)  # published files, readable like the other dumps
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def export(graphs: dict[str, nx.Graph], out_dir: Path | None = None) -> list[Path]:
    """GraphML, GEXF and node-link JSON of each graph under ``dist/network/``, each written atomically."""
    out_dir = out_dir or paths.dist_file("network")
    written = []
    for name, graph in graphs.items():
        base = out_dir / name
        _atomic(base.with_suffix(".graphml"), lambda p, g=graph: nx.write_graphml(g, p))
        _atomic(base.with_suffix(".gexf"), lambda p, g=graph: _write_gexf(g, p))
        text = json.dumps(nx.node_link_data(graph, edges="edges"), indent=1, sort_keys=True, ensure_ascii=False)
        _atomic(base.with_suffix(".json"), lambda p, t=text: Path(p).write_text(t + "\n", encoding="utf-8"))
        written += [base.with_suffix(s) for s in (".graphml", ".gexf", ".json")]
    return written
