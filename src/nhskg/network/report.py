"""The analyses of ``nhskg network report``: centrality, who backs which findings, connected components,
and a finding's shortest path to a primary source against its secondary reports."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from .graphs import ORGANISATION_KINDS, PERSON_KINDS


def centrality(graphs: dict[str, nx.Graph], top: int = 10) -> list[dict[str, Any]]:
    """Organisations and people ranked by degree centrality in the claims (provenance + co-mention)."""
    claims = nx.compose(graphs["provenance"].to_undirected(as_view=False), graphs["comention"])
    degree = nx.degree_centrality(claims)
    between = nx.betweenness_centrality(claims, normalized=True)
    rows = [{"iri": n, "label": d["label"], "kind": d["kind"], "degree": claims.degree(n),
             "degree_centrality": round(degree[n], 4), "betweenness": round(between[n], 4)}
            for n, d in claims.nodes(data=True) if d["kind"] in ORGANISATION_KINDS | PERSON_KINDS]
    rows.sort(key=lambda r: (-r["degree_centrality"], -r["betweenness"], r["label"]))
    return rows[:top]


def backers(provenance: nx.DiGraph) -> dict[str, dict[str, list[str]]]:
    """Conductors (of a finding's survey) and publishers (of its documents) and the findings each backs."""
    out: dict[str, dict[str, list[str]]] = {"conductors": defaultdict(list), "publishers": defaultdict(list)}
    for f, data in provenance.nodes(data=True):
        if data["kind"] not in {"Finding", "DerivedFinding"}:
            continue
        for _, mid, rel in provenance.out_edges(f, data="relation"):
            for _, org, rel2 in provenance.out_edges(mid, data="relation"):
                if rel == "survey" and rel2 in {"conducted by", "partner"}:
                    out["conductors"][org].append(f)
                if rel == "reported in" and rel2 in {"published by", "issued by"}:
                    out["publishers"][org].append(f)
    return {k: {org: sorted(set(fs)) for org, fs in sorted(v.items())} for k, v in out.items()}


def components(graph: nx.Graph) -> list[list[str]]:
    """(Weakly) connected components, largest first, each sorted."""
    parts = nx.weakly_connected_components(graph) if graph.is_directed() else nx.connected_components(graph)
    return sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))


def source_paths(provenance: nx.DiGraph, finding: str) -> dict[str, Any]:
    """A finding's primary sources (press releases; conductors and partners of the survey behind it) and
    the news reports that carry it, each with its shortest path along the provenance edges."""
    routes = nx.single_source_shortest_path(provenance, finding)
    candidates: dict[str, tuple[int, int, list[str]]] = {}  # node -> (steps, rank, route)
    for node, route in routes.items():
        kind = provenance.nodes[node]["kind"]
        if kind == "PressRelease":
            candidates[node] = (len(route) - 1, 0, route)
        if kind in {"Survey", "SurveySeries"}:  # the survey's own conductors: reached through the survey
            for _, org, rel in provenance.out_edges(node, data="relation"):
                rank = 1 if rel == "conducted by" else 2
                if rel in {"conducted by", "partner"} and (len(route), rank) < candidates.get(org, (99, 9, []))[:2]:
                    candidates[org] = (len(route), rank, route + [org])

    def entry(node: str, route: list[str]) -> dict[str, Any]:
        data = provenance.nodes[node]
        return {"iri": node, "label": data["label"], "kind": data["kind"], "steps": len(route) - 1, "path": route}

    primary = [entry(n, c[2]) for n, c in sorted(candidates.items(), key=lambda item: (item[1][:2], item[0]))]
    secondary = [entry(n, r) for n, r in sorted(routes.items(), key=lambda item: (len(item[1]), item[0]))
                 if provenance.nodes[n]["kind"] == "NewsReport"]
    return {"finding": finding, "label": provenance.nodes[finding]["label"], "primary": primary,
            "secondary": secondary}


def report(graphs: dict[str, nx.Graph], finding: str | None = None) -> dict[str, Any]:
    """Every analysis of ``nhskg network report`` as plain data."""
    prov = graphs["provenance"]
    findings = [finding] if finding else sorted(n for n, k in prov.nodes(data="kind") if k in {"Finding", "DerivedFinding"})
    return {
        "graphs": {n: {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed()}
                   for n, g in graphs.items()},
        "central": centrality(graphs),
        "backers": backers(prov),
        "components": {n: components(g) for n, g in graphs.items()},
        "sources": [source_paths(prov, f) for f in findings],
    }


def _lbl(graphs, iri: str) -> str:
    for g in graphs.values():
        if iri in g:
            return g.nodes[iri]["label"]
    return iri


def report_text(graphs: dict[str, nx.Graph], data: dict[str, Any]) -> str:
    """The report as text a researcher reads."""
    out = ["Graphs"] + [f"  {n}: {d['nodes']} nodes, {d['edges']} edges" for n, d in data["graphs"].items()]
    out += ["", "Most central organisations and people in the claims (provenance + co-mention graphs)",
            f"  {'degree':>6}  {'centr.':>6}  {'betw.':>6}  name"]
    out += [f"  {r['degree']:>6}  {r['degree_centrality']:>6.3f}  {r['betweenness']:>6.3f}  {r['label']} ({r['kind']})"
            for r in data["central"]]
    for role, title in (("conductors", "Conductors and partners behind findings"), ("publishers", "Publishers and issuers behind findings")):
        out += ["", title]
        for org, fs in data["backers"][role].items():
            by_survey: dict[str, int] = defaultdict(int)
            for f in fs:
                by_survey[f.split("/finding/")[1].split("/")[0]] += 1
            detail = ", ".join(f"{s} {n}" for s, n in sorted(by_survey.items()))
            out.append(f"  {_lbl(graphs, org)}: {len(fs)} findings ({detail})")
    out += ["", "Connected components"]
    for name, parts in data["components"].items():
        sizes = ", ".join(str(len(p)) for p in parts[:12]) + (" …" if len(parts) > 12 else "")
        out.append(f"  {name}: {len(parts)} components of sizes {sizes}")
        for p in parts[:8]:
            hubs = sorted(p, key=lambda n: (-graphs[name].degree(n), n))[:3]
            out.append(f"    - {len(p)} nodes around {'; '.join(_lbl(graphs, n) for n in hubs)}")
    out += ["", "Paths to a primary source vs secondary reports (a primary source is a press release; where the",
            "graph holds no primary document, the survey's own conductor stands in for it, marked as such)"]
    for s in data["sources"]:
        prim = s["primary"][0] if s["primary"] else None
        kind = prim["kind"] if prim and prim["kind"] == "PressRelease" else "conductor; no primary document in the graph"
        line = (f"{prim['label']} ({kind}), {prim['steps']} step{'s' * (prim['steps'] != 1)}: "
                + " → ".join(_lbl(graphs, n) for n in prim["path"][1:]) if prim else "none found")
        others = ", ".join(f"{e['label']} ({e['steps']})" for e in s["primary"][1:])
        sec = ", ".join(f"{e['label']} ({e['steps']})" for e in s["secondary"]) or "none"
        out.append(f"  {s['label']}  <{s['finding']}>\n    primary: {line}")
        if others:
            out.append(f"      also primary: {others}")
        out.append(f"    secondary reports: {sec}")
    return "\n".join(out)
