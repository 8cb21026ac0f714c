"""The pictures of ``nhskg network plot``: matplotlib (Agg), deterministic, PNG and SVG.

Trees (a finding's provenance, a region's structure) use a left-to-right layout computed here: one
column per depth, each column as wide as its widest label (measured with the renderer, so boxes never
overlap), leaves one slot apart and each parent centred on its children. The topic chart is a
horizontal bar chart, one bar per finding, surveys in date order and undated surveys last.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx
import pyoxigraph as ox
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch

from ..errors import UserError
from .graphs import expand, query, require_node
from .report import source_paths

plt.rcParams.update({"svg.hashsalt": "nhskg", "font.family": "DejaVu Sans"})
PALETTE = {"Finding": "#fde68a", "DerivedFinding": "#fcd34d", "Survey": "#bbf7d0", "SurveySeries": "#86efac",
           "PressRelease": "#93c5fd", "NewsReport": "#e9d5ff", "Publisher": "#fbcfe8",
           "CommissioningRegion": "#fca5a5", "AreaTeam": "#fdba74", "ClinicalCommissioningGroup": "#bfdbfe",
           "StrategicHealthAuthority": "#fca5a5", "PrimaryCareTrust": "#bfdbfe"}
ORG_COLOUR = "#e5e7eb"
NAMES = {"Finding": "finding", "DerivedFinding": "derived finding", "Survey": "survey", "SurveySeries": "survey series",
         "PressRelease": "press release", "NewsReport": "news report", "Publisher": "publisher",
         "CommissioningRegion": "commissioning region", "AreaTeam": "area team", "ClinicalCommissioningGroup": "CCG",
         "StrategicHealthAuthority": "SHA", "PrimaryCareTrust": "PCT"}


def kind_name(kind: str) -> str:
    """A kind as a reader says it; organisations of other kinds are all 'organisation'."""
    return NAMES.get(kind, "organisation")
SURVEY_COLOURS = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#65a30d"]
_RENDERER = RendererAgg(10, 10, 72)  # measures text in points


def _size(text: str, size: float) -> tuple[float, float]:
    """Width and height in inches of (possibly multi-line) text at ``size`` points."""
    lines = text.split("\n")
    font = FontProperties(family="DejaVu Sans", size=size)
    width = max(_RENDERER.get_text_width_height_descent(line or " ", font, ismath=False)[0] for line in lines)
    return width / 72, ((len(lines) - 1) * 1.2 + 1.17) * size / 72 + 0.6 * size / 72  # lines + box padding


def _save(fig, out_dir: Path, stem: str) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ext in ("png", "svg"):
        path = out_dir / f"{stem}.{ext}"
        fig.savefig(path, dpi=130 if ext == "png" else 72, metadata={"Date": None} if ext == "svg" else {"Software": None},
                    bbox_inches="tight", pad_inches=0.25)
        written.append(path)
    plt.close(fig)
    return written


def _colour(kind: str) -> str:
    return PALETTE.get(kind, ORG_COLOUR)


def draw_tree(children: dict[str, list[str]], root: str, labels: dict[str, str], kinds: dict[str, str],
              relations: dict[tuple[str, str], str], title: str, extra: list[tuple[str, str, str]] = (),
              size: float = 9, wrap: int = 34, highlight: dict[str, tuple[str, str]] | None = None):
    """A left-to-right tree: ``children`` maps a node to its ordered children; ``extra`` adds dashed
    (parent, child, relation) cross-links between nodes already drawn; ``highlight`` maps a node to a
    (legend label, border colour). Returns the figure."""
    highlight = highlight or {}
    text = {n: textwrap.fill(labels[n], wrap) for n in labels}
    depth, order = {root: 0}, [root]
    for node in order:
        for child in children.get(node, []):
            depth[child] = depth[node] + 1
            order.append(child)
    gap, slot = 1.7, max(_size(text[n], size)[1] for n in order) + 0.22
    widths = defaultdict(float)
    for n in order:
        widths[depth[n]] = max(widths[depth[n]], _size(text[n], size)[0] + 0.2)
    xs = [0.0]
    for d in range(1, max(depth.values()) + 1):
        xs.append(xs[-1] + widths[d - 1] + gap)
    y, leaf = {}, [0]

    def place(node: str) -> None:
        kids = children.get(node, [])
        for child in kids:
            place(child)
        if kids:
            y[node] = (y[kids[0]] + y[kids[-1]]) / 2
        else:
            y[node] = -leaf[0] * slot
            leaf[0] += 1

    place(root)
    width, height = xs[-1] + widths[max(depth.values())], leaf[0] * slot
    legend_rows = 2 if width > 9 else 4
    bottom = height + 0.22 * len(extra) + 0.35 * legend_rows + 0.6
    fig = plt.figure(figsize=(width + 0.6, bottom + slot + 0.6))  # one data unit is one inch
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-0.3, width + 0.3)
    ax.set_ylim(-bottom, slot + 0.6)
    ax.axis("off")
    for parent in order:
        for child in children.get(parent, []):
            x_elbow = xs[depth[parent]] + widths[depth[parent]] + 0.15
            ax.plot([xs[depth[parent]], x_elbow, x_elbow, xs[depth[child]]], [y[parent], y[parent], y[child], y[child]],
                    color="#6b7280", lw=1, zorder=1)
            if relations.get((parent, child)):
                ax.text(x_elbow + 0.08, y[child] + 0.04, relations[(parent, child)], fontsize=size - 2, color="#374151",
                        style="italic", va="bottom", ha="left", zorder=2)
    notes = [f"also: {textwrap.shorten(labels[a], 90)}  —{rel}→  {textwrap.shorten(labels[b], 90)}" for a, b, rel in extra]
    for i, note in enumerate(notes):  # cross-links as footnotes: lines across the tree would cross boxes
        ax.text(-0.3, -height - 0.05 - i * 0.22, note, fontsize=size - 1, color="#4b5563", style="italic", va="top")
    height += 0.22 * len(notes)
    for node in order:
        edge, lw = (highlight[node][1], 2.5) if node in highlight else ("#374151", 0.8)
        ax.text(xs[depth[node]], y[node], text[node], fontsize=size, va="center", ha="left", zorder=3,
                bbox={"boxstyle": "round,pad=0.3", "fc": _colour(kinds[node]), "ec": edge, "lw": lw})
    shown = sorted({kind_name(kinds[n]): _colour(kinds[n]) for n in order}.items())
    handles = [Patch(fc=c, ec="#374151", label=k) for k, c in shown]
    handles += [Patch(fc="white", ec=c, lw=2.5, label=k) for k, c in sorted(set(highlight.values()))]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(-0.3, -height - 0.1), bbox_transform=ax.transData,
              fontsize=size, title="kind of node", title_fontsize=size, frameon=False, ncol=-(-len(handles) // (legend_rows - 1)))
    ax.text(-0.3, slot + 0.45, title, fontsize=size + 4, weight="bold", va="top")
    return fig


#: Which edge a node shared by two branches is drawn under: the survey side first, so conductors sit under it.
TREE_ORDER = {"survey": 0, "derived from": 1, "conducted by": 2, "partner": 3, "in series": 4, "judged same finding": 5,
              "judged same survey": 6, "reported in": 7, "published by": 8, "issued by": 8}


def plot_provenance(provenance: nx.DiGraph, finding: str, out_dir: Path) -> list[Path]:
    """The provenance tree of one finding: everything it stands on, breadth first from the finding."""
    root = require_node(provenance, finding, "finding", {"Finding", "DerivedFinding"})
    children: dict[str, list[str]] = defaultdict(list)
    seen, frontier, extra, relations = {root}, [root], [], {}
    while frontier:
        nxt = []
        for node in frontier:
            for _, succ, rel in sorted(provenance.out_edges(node, data="relation"),
                                       key=lambda e: (TREE_ORDER.get(e[2], 9), provenance.nodes[e[1]]["label"])):
                if succ in seen:
                    if succ not in children.get(node, []) and node not in children.get(succ, []) \
                            and (succ, node) not in {(a, b) for a, b, _ in extra}:
                        extra.append((node, succ, rel))
                    continue
                seen.add(succ)
                children[node].append(succ)
                relations[(node, succ)] = rel
                nxt.append(succ)
        frontier = nxt
    labels = {n: provenance.nodes[n]["label"] for n in seen}
    kinds = {n: provenance.nodes[n]["kind"] for n in seen}
    sources = source_paths(provenance, root)
    highlight = {e["iri"]: ("primary source", "#15803d") for e in sources["primary"]}
    highlight.update({e["iri"]: ("secondary report", "#b45309") for e in sources["secondary"]})
    fig = draw_tree(children, root, labels, kinds, relations, f"Provenance of the finding “{labels[root]}”", extra,
                    highlight=highlight)
    return _save(fig, out_dir, "provenance-" + root.rstrip("/").rsplit("/", 2)[-2] + "-" + root.rsplit("/", 1)[-1])


def _box(ax, x: float, y: float, text: str, kind: str, size: float, ha: str = "left") -> None:
    ax.text(x, y, text, fontsize=size, va="center", ha=ha, zorder=3,
            bbox={"boxstyle": "round,pad=0.3", "fc": _colour(kind), "ec": "#374151", "lw": 0.8})


def draw_orgchart(chain: list[str], groups: list[tuple[str, list[str]]], labels: dict[str, str], kinds: dict[str, str],
                  title: str, caption: str, size: float = 8, per_column: int = 12):
    """An organisation chart: the ``chain`` (outermost body first) stacked and centred at the top, one
    group per body beneath it, each group's members listed under it in columns of ``per_column``."""
    text = {n: textwrap.fill(labels[n], 30) for n in labels}
    leaf_h = max([_size(text[n], size)[1] for _, leaves in groups for n in leaves] + [0.2]) + 0.1
    layout = []  # (mid, x, [(column x, members)]), widths measured so no two boxes meet
    x = 0.0
    for mid, leaves in groups:
        cols, cx = [], x
        for i in range(0, max(len(leaves), 1), per_column):
            chunk = leaves[i:i + per_column]
            cols.append((cx, chunk))
            cx += max([_size(text[n], size)[0] for n in chunk] + [0.5]) + 0.55
        layout.append((mid, x, cols))
        x = max(cx, x + _size(text[mid], size)[0] + 0.2) + 0.35
    half = max([_size(text[n], size)[0] / 2 for n in chain] + [0])
    centre = max((layout[0][1] + layout[-1][1]) / 2 + 0.3, half - 0.3)
    width = max(x - 0.35, centre + half, _size(title, size + 5)[0] * 1.1, _size(caption, size + 1)[0])
    row = max(_size(text[n], size)[1] for n in chain + [m for m, _ in groups]) + 0.45
    y = -1.6
    ys = {}
    for node in chain:
        ys[node] = y
        y -= row
    mid_y = y
    rows = max(len(c) for _, _, cols in layout for _, c in cols)
    height = -mid_y + row / 2 + 0.3 + rows * leaf_h + 0.2
    fig = plt.figure(figsize=(width + 0.8, height + 0.3))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-0.4, width + 0.4)
    ax.set_ylim(-height, 0.3)
    ax.axis("off")
    line = {"color": "#6b7280", "lw": 0.9, "zorder": 1}
    for node in chain:
        _box(ax, centre, ys[node], text[node], kinds[node], size, ha="center")
    if chain:
        ax.plot([centre, centre], [ys[chain[0]], mid_y + row / 2], **line)
        ax.plot([min(layout[0][1] + 0.3, centre), max(layout[-1][1] + 0.3, centre)], [mid_y + row / 2] * 2, **line)
    for mid, gx, cols in layout:
        if chain:
            ax.plot([gx + 0.3, gx + 0.3], [mid_y + row / 2, mid_y], **line)
        _box(ax, gx, mid_y, text[mid], kinds[mid], size)
        top = mid_y - row / 2 + 0.1
        ax.plot([gx + 0.3, gx + 0.3], [mid_y, top], **line)
        ax.plot([gx + 0.3, cols[-1][0] + 0.3], [top, top], **line)
        for cx, members in cols:
            if not members:
                continue
            last = top - 0.2 - (len(members) - 0.5) * leaf_h
            ax.plot([cx + 0.3, cx + 0.3], [top, last], **line)
            for i, node in enumerate(members):
                ly = top - 0.2 - (i + 0.5) * leaf_h
                ax.plot([cx + 0.3, cx + 0.55], [ly, ly], **line)
                _box(ax, cx + 0.55, ly, text[node], kinds[node], size)
    ax.text(-0.4, 0.2, title, fontsize=size + 5, weight="bold", va="top")
    ax.text(-0.4, -0.3, caption, fontsize=size + 1, color="#374151", style="italic", va="top")
    shown = sorted({kind_name(kinds[n]): _colour(kinds[n]) for n in labels}.items())
    ax.legend(handles=[Patch(fc=c, ec="#374151", label=k) for k, c in shown], loc="upper left", fontsize=size + 1,
              frameon=False, ncol=len(shown), bbox_to_anchor=(-0.45, -0.55), bbox_transform=ax.transData)
    return fig


def plot_structure(structure: nx.DiGraph, body: str, out_dir: Path) -> list[Path]:
    """The 2013 structure under one region, area team or SHA, with what it sat within for context."""
    root = require_node(structure, body, "region, area team or SHA",
                        {"CommissioningRegion", "AreaTeam", "StrategicHealthAuthority", "Coalition"})
    if structure.in_degree(root) == 0:
        raise UserError(f"{body}: nothing sits within it, so there is no structure to draw")

    def members(n: str) -> list[str]:
        return sorted(structure.predecessors(n), key=lambda c: (structure.nodes[c]["label"], c))

    chain, top = [], root
    while list(structure.successors(top)):
        top = min(structure.successors(top))
        chain.insert(0, top)
    mids = members(root)
    if any(members(m) for m in mids):
        chain.append(root)
        groups = [(m, members(m)) for m in mids]
    else:
        groups = [(root, mids)]
    shown = set(chain) | {m for m, _ in groups} | {n for _, leaves in groups for n in leaves}
    labels = {n: structure.nodes[n]["label"] + f" ({n.rsplit('/', 1)[-1]})" for n in shown}
    kinds = {n: structure.nodes[n]["kind"] for n in shown}
    below = nx.ancestors(structure, root)  # in a child -> parent graph, ancestors are the members
    counts = defaultdict(int)
    for n in below:
        counts[kind_name(kinds.get(n, structure.nodes[n]["kind"]))] += 1
    summary = ", ".join(f"{v} {k}{'s' * (v != 1)}" for k, v in sorted(counts.items()))
    links = sorted({f"{kind_name(structure.nodes[a]['kind'])} → {kind_name(structure.nodes[b]['kind'])} ({r})"
                    for a, b, r in structure.edges(data="relation") if a in shown and b in shown})
    caption = "each line joins a body to the one it sat within in 2013: " + "; ".join(links)
    title = f"2013 structure: {structure.nodes[root]['label']} ({summary})"
    fig = draw_orgchart(chain, groups, labels, kinds, title, caption)
    return _save(fig, out_dir, "structure-" + root.rsplit("/", 1)[-1])


TOPIC = """SELECT ?f ?label ?value ?unit ?stated ?option ?survey ?surveyLabel ?fieldwork ?file ?docLabel ?docType ?publisher ?date WHERE {
  ?f a nhskg:Finding ; nhskg:topic ?topic ; rdfs:label ?label ; nhskg:value ?value ; nhskg:unit ?unit ;
     nhskg:survey ?survey ; nhskg:reportedIn|nhskg:impliedBy ?doc .
  ?survey rdfs:label ?surveyLabel .
  ?doc dcterms:identifier ?file ; rdfs:label ?docLabel ; a ?docType . VALUES ?docType { nhskg:NewsReport nhskg:PressRelease }
  OPTIONAL { ?f nhskg:statedAs ?stated } OPTIONAL { ?f nhskg:responseOption ?option }
  OPTIONAL { ?survey nhskg:fieldworkPeriod ?fieldwork } OPTIONAL { ?doc schema:datePublished ?date }
  OPTIONAL { ?doc schema:publisher/rdfs:label ?publisher }
}"""


def _source(r: dict) -> str:
    kind = {"NewsReport": "news report", "PressRelease": "press release"}[r["docType"].rsplit("/", 1)[-1]]
    return f"{r['file'][:3]} {kind}" + "".join(f", {r[k]}" for k in ("publisher", "date") if r.get(k))


def plot_topic(store: ox.Store, topic: str, out_dir: Path) -> list[Path]:
    """Findings on one topic across surveys over time: one labelled bar per finding."""
    iri = expand(topic)
    names = query(store, f"SELECT ?l WHERE {{ <{iri}> skos:prefLabel ?l }}")
    if not names:
        raise UserError(f"{topic}: no topic with this IRI in the graph")
    rows = query(store, TOPIC.replace("?topic", f"<{iri}>"))
    if not rows:
        raise UserError(f"{topic}: no findings on this topic, so there is nothing to draw")
    by_finding: dict[str, dict] = {}
    for r in sorted(rows, key=lambda r: (r["f"], r["file"])):
        by_finding.setdefault(r["f"], r)
    when = {r["survey"]: r.get("fieldwork") or r.get("date") for r in by_finding.values()}
    items = sorted(by_finding.values(), key=lambda r: (when[r["survey"]] is None, when[r["survey"]] or "", r["survey"],
                                                        -float(r["value"])))
    surveys = list(dict.fromkeys(r["survey"] for r in items))
    colour = {s: SURVEY_COLOURS[i % len(SURVEY_COLOURS)] for i, s in enumerate(surveys)}
    fig, ax = plt.subplots(figsize=(13, 0.8 * len(items) + 2.4))
    ys = list(range(len(items)))[::-1]
    for y, r in zip(ys, items, strict=True):
        value, unit = float(r["value"]), r["unit"].rsplit("/", 1)[-1]
        ax.barh(y, value, color=colour[r["survey"]], height=0.62)
        shown = f"{value:g}%" if unit == "percent" else f"{value:g} ({unit})"
        stated = r.get("stated")
        first = shown + (f"  (“{stated}”)" if stated and not stated.startswith(f"{value:g}") else "")
        survey = textwrap.shorten(r["surveyLabel"].split(" (as reported")[0], 52, placeholder="…")
        second = f"{survey} ({when[r['survey']] or 'undated'}) · source {_source(r)}"
        ax.text(value + 1, y + 0.1, first, va="bottom", fontsize=9.5, weight="bold")
        ax.text(value + 1, y + 0.05, second, va="top", fontsize=8, color="#374151")
    ticks = [textwrap.fill(r.get("option") or r["label"].split(": ", 1)[-1], 42) for r in items]
    ax.set_yticks(ys, ticks, fontsize=9)
    for i in range(1, len(items)):
        if items[i]["survey"] != items[i - 1]["survey"]:
            ax.axhline(ys[i] + 0.5, color="#9ca3af", lw=0.8, ls="--")
    ax.set_xlim(0, 175)
    ax.set_ylim(-0.6, len(items) - 0.4)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("value (% of respondents unless marked)", loc="left")
    ax.set_ylabel("finding (response option)\nsurveys in date order (fieldwork, else report date); undated surveys last",
                  fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    handles = []
    for s in surveys:
        r = next(r for r in items if r["survey"] == s)
        handles.append(Patch(color=colour[s], label=f"{r['surveyLabel']} — {when[s] or 'undated'}; source {_source(r)}"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.4, -0.1), fontsize=8.5, title="surveys and sources",
              title_fontsize=9, frameon=False)
    ax.set_title(f"Findings on “{names[0]['l']}” across surveys", fontsize=13, weight="bold", loc="left")
    return _save(fig, out_dir, "topic-" + iri.rsplit("/", 1)[-1])
