"""What a page or an RDF document says about one resource, read from the store (no HTTP here).

A resource's description is its concise bounded description (its triples, and those of the blank nodes
and of its own hash IRIs it links to, such as ``…/annotation/000/x#target``) plus the triples that point
at it. Pages
add the evidence: every annotation whose body is the resource, shown as its sentence in the source text
with the exact words highlighted, and for a document its whole text with every annotated span marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from ..iris import BASE, curie, sparql_prefixes
from ..query.store import run_query

P = sparql_prefixes()
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
          "https://schema.org/name")
#: Properties that lead from a body to the body it sits within (a CCG to its area team, a PCT to its SHA),
#: the most specific first: an area team is both in a region and a unit of the NHS Commissioning Board.
PARENT_PROPERTIES = ("nhskg:areaTeam", "nhskg:commissioningRegion", "nhskg:strategicHealthAuthority",
                     "org:subOrganizationOf", "org:unitOf")
INCOMING_SHOWN = 200


def exists(store: ox.Store, iri: str) -> bool:
    """Whether the graph says anything about ``iri``, or points at it: one ASK, which a remote server
    (``serve --endpoint``) answers with a boolean rather than every triple pointing at a class or a region."""
    node = ox.NamedNode(iri)  # a malformed IRI is a ValueError here, before any query
    return bool(run_query(store, f"ASK {{ {{ {node} ?p ?o }} UNION {{ ?s ?p {node} }} }}"))


def description(store: ox.Store, iri: str) -> list[ox.Triple]:
    """The triples an RDF document about ``iri`` carries (see the module docstring), sorted."""
    default = ox.DefaultGraph()
    seen: set = set()
    triples: set[ox.Triple] = set()
    todo: list = [ox.NamedNode(iri)]
    while todo:
        subject = todo.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for quad in store.quads_for_pattern(subject, None, None, default):
            triples.add(ox.Triple(quad.subject, quad.predicate, quad.object))
            if isinstance(quad.object, ox.BlankNode) or (
                    isinstance(quad.object, ox.NamedNode) and quad.object.value.startswith(iri + "#")):
                todo.append(quad.object)
    for quad in store.quads_for_pattern(None, None, ox.NamedNode(iri), default):
        triples.add(ox.Triple(quad.subject, quad.predicate, quad.object))
    return sorted(triples, key=str)


@dataclass
class Link:
    """A term as a page shows it: its text, and where it links (None for a literal)."""

    text: str
    href: str | None = None
    iri: str | None = None


@dataclass
class Evidence:
    """The words in a source text that an annotation anchors, in their sentence."""

    document: Link
    before: str
    exact: str
    after: str
    start: int
    end: int
    annotation: str


@dataclass
class Page:
    iri: str
    label: str
    types: list[Link]
    properties: list[tuple[Link, list[Link]]]
    incoming: list[tuple[Link, list[Link]]]
    incoming_total: int
    evidence: list[Evidence] = field(default_factory=list)
    text_segments: list[tuple[str, list[Link]]] | None = None
    parents: list[Link] = field(default_factory=list)
    children: list[tuple[str, list[Link]]] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    topics: list[Link] = field(default_factory=list)
    quotations: list[dict] = field(default_factory=list)


def href_for(iri: str) -> str | None:
    """Where a page links an IRI: its /doc/ page for the project's things, the ontology for terms."""
    if iri.startswith(BASE + "id/"):
        return "/doc/" + iri[len(BASE + "id/"):].split("#", 1)[0]
    if iri.startswith(BASE + "def/"):
        return "/def/#" + iri[len(BASE + "def/"):]
    if iri.startswith(BASE + "graph/"):
        return None
    return iri if iri.startswith(("http://", "https://")) else None


class Labels:
    """Labels of IRIs, read once per page."""

    def __init__(self, store: ox.Store):
        self.store, self.cache = store, {}

    def __call__(self, iri: str) -> str:
        if iri not in self.cache:
            node = ox.NamedNode(iri)
            found = None
            for predicate in LABELS:
                quad = next(self.store.quads_for_pattern(node, ox.NamedNode(predicate), None, ox.DefaultGraph()), None)
                if quad is not None:
                    found = quad.object.value
                    break
            self.cache[iri] = found or curie(iri)
        return self.cache[iri]

    def link(self, term) -> Link:
        if isinstance(term, ox.NamedNode):
            return Link(self(term.value), href_for(term.value), term.value)
        if isinstance(term, ox.Literal):
            return Link(term.value)
        return Link(str(term))


def _grouped(pairs, labels: Labels) -> list[tuple[Link, list[Link]]]:
    groups: dict[str, list] = {}
    for predicate, value in pairs:
        groups.setdefault(predicate.value, []).append(value)
    return [(Link(curie(p), href_for(p), p), sorted((labels.link(v) for v in values), key=lambda v: v.text))
            for p, values in sorted(groups.items(), key=lambda item: curie(item[0]))]


def page(store: ox.Store, iri: str) -> Page:
    """Everything the HTML page of ``iri`` shows."""
    labels = Labels(store)
    node, default = ox.NamedNode(iri), ox.DefaultGraph()
    out = [(q.predicate, q.object) for q in store.quads_for_pattern(node, None, None, default)]
    types = sorted((labels.link(o) for p, o in out if p.value == RDF_TYPE), key=lambda link: link.text)
    incoming = [(q.predicate, q.subject) for q in store.quads_for_pattern(None, None, node, default)]
    result = Page(iri, labels(iri), types, _grouped([(p, o) for p, o in out if p.value != RDF_TYPE], labels),
                  _grouped(incoming[:INCOMING_SHOWN], labels), len(incoming))
    result.evidence = evidence(store, iri, labels)
    kinds = {t.iri for t in types}
    text = next(store.quads_for_pattern(node, ox.NamedNode(BASE + "def/verbatimText"), None, default), None)
    if text is not None:
        result.text_segments = marked_text(store, iri, text.object.value, labels)
    result.parents = _parents(store, iri, labels)
    result.children = _children(store, iri, labels)
    if BASE + "def/Survey" in kinds:
        result.findings, result.topics = survey_findings(store, iri, labels)
    result.quotations = quotations(store, iri, labels)
    return result


_EVIDENCE = P + """SELECT ?this ?a ?doc ?start ?end WHERE {
  ?a oa:hasBody ?this ; oa:hasTarget ?t . ?t oa:hasSource/<http://purl.org/dc/terms/isFormatOf> ?doc ; oa:hasSelector ?sel .
  ?sel a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
} ORDER BY ?doc ?start"""


def _text_of(store: ox.Store, doc: ox.NamedNode) -> str | None:
    quad = next(store.quads_for_pattern(doc, ox.NamedNode(BASE + "def/verbatimText"), None, ox.DefaultGraph()), None)
    return quad.object.value if quad else None


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``text[start:end]``."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "? ", "! ", "\n"))
    right = [i for i in (text.find(mark, end) for mark in (". ", "? ", "! ", "\n")) if i != -1]
    return (left + 1 if left >= 0 else 0), (min(right) + 1 if right else len(text))


def evidence(store: ox.Store, iri: str, labels: Labels) -> list[Evidence]:
    """Each place a source text anchors ``iri``: the sentence with the exact words marked."""
    found = []
    for row in run_query(store, _EVIDENCE, {ox.Variable("this"): ox.NamedNode(iri)}):
        text = _text_of(store, row["doc"])
        start, end = int(row["start"].value), int(row["end"].value)
        if text is None:
            continue
        left, right = sentence_bounds(text, start, end)
        found.append(Evidence(labels.link(row["doc"]), text[left:start].lstrip(), text[start:end], text[end:right].rstrip(),
                              start, end, row["a"].value))
    return found


_SPANS = P + """SELECT ?doc ?body ?start ?end WHERE {
  ?a oa:hasBody ?body ; oa:hasTarget ?t . ?t oa:hasSource/<http://purl.org/dc/terms/isFormatOf> ?doc ; oa:hasSelector ?sel .
  ?sel a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
}"""


def marked_text(store: ox.Store, doc: str, text: str, labels: Labels) -> list[tuple[str, list[Link]]]:
    """The text cut at every span boundary: each piece with the claims whose spans cover it (innermost first)."""
    spans = [(int(r["start"].value), int(r["end"].value), r["body"])
             for r in run_query(store, _SPANS, {ox.Variable("doc"): ox.NamedNode(doc)})]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = sorted((s for s in spans if s[0] <= left and right <= s[1]), key=lambda s: s[1] - s[0])
        pieces.append((text[left:right], [labels.link(body) for _, _, body in covering]))
    return pieces


def _parents(store: ox.Store, iri: str, labels: Labels) -> list[Link]:
    chain, current, seen = [], iri, {iri}
    ranked = " ".join(f"({p} {rank})" for rank, p in enumerate(PARENT_PROPERTIES))
    query = P + "SELECT ?this ?up WHERE { VALUES (?p ?rank) { " + ranked + " } ?this ?p ?up } ORDER BY ?rank ?up"
    while True:
        rows = list(run_query(store, query, {ox.Variable("this"): ox.NamedNode(current)}))
        if not rows or rows[0]["up"].value in seen:
            return chain
        current = rows[0]["up"].value
        seen.add(current)
        chain.append(labels.link(rows[0]["up"]))


def _children(store: ox.Store, iri: str, labels: Labels) -> list[tuple[str, list[Link]]]:
    query = P + ("SELECT ?this ?down ?type WHERE { VALUES ?p { " + " ".join(PARENT_PROPERTIES) + " } ?down ?p ?this ; a ?type "
                 "FILTER (STRSTARTS(STR(?type), STR(nhskg:))) }")
    groups: dict[str, list[Link]] = {}
    for row in run_query(store, query, {ox.Variable("this"): ox.NamedNode(iri)}):
        groups.setdefault(labels(row["type"].value), []).append(labels.link(row["down"]))
    return [(kind, sorted(links, key=lambda link: link.text)) for kind, links in sorted(groups.items())]


_FINDINGS = P + """SELECT ?this ?f ?question ?option ?value ?unit ?topic WHERE {
  ?f nhskg:survey ?this ; nhskg:value ?value .
  OPTIONAL { ?f nhskg:question ?question } OPTIONAL { ?f nhskg:responseOption ?option }
  OPTIONAL { ?f nhskg:unit ?unit } OPTIONAL { ?f nhskg:topic ?topic }
} ORDER BY ?question ?f"""


def survey_findings(store: ox.Store, iri: str, labels: Labels) -> tuple[list[dict], list[Link]]:
    rows, topics = [], {}
    for r in run_query(store, _FINDINGS, {ox.Variable("this"): ox.NamedNode(iri)}):
        rows.append({"finding": labels.link(r["f"]), "question": labels.link(r["question"]) if r["question"] else None,
                     "option": r["option"].value if r["option"] else "", "value": r["value"].value,
                     "unit": labels(r["unit"].value) if r["unit"] else ""})
        if r["topic"] is not None:
            topics[r["topic"].value] = labels.link(r["topic"])
    return rows, sorted(topics.values(), key=lambda link: link.text)


# Any link from a quotation to the person (the speaker property may be refined; the classes stay).
_QUOTATIONS = P + """SELECT DISTINCT ?this ?q WHERE {
  VALUES ?kind { nhskg:DirectQuotation nhskg:ReportedSpeech } ?q a ?kind ; ?link ?this .
} ORDER BY ?q"""


def quotations(store: ox.Store, iri: str, labels: Labels) -> list[dict]:
    return [{"quotation": labels.link(r["q"]), "evidence": evidence(store, r["q"].value, labels)}
            for r in run_query(store, _QUOTATIONS, {ox.Variable("this"): ox.NamedNode(iri)})]


_LIST = P + """SELECT ?type ?s ?label WHERE {
  ?s a ?type . OPTIONAL { ?s rdfs:label ?label } FILTER (STRSTARTS(STR(?s), STR(id:)))
} ORDER BY ?label ?s"""


def members(store: ox.Store, type_iri: str) -> list[Link]:
    """Every thing of a type, by label (for the browse pages)."""
    return [Link(r["label"].value if r["label"] else curie(r["s"].value), href_for(r["s"].value), r["s"].value)
            for r in run_query(store, _LIST, {ox.Variable("type"): ox.NamedNode(type_iri)})]


_TREE = P + """SELECT ?region ?regionLabel ?team ?teamLabel ?ccg ?ccgLabel WHERE {
  ?team a nhskg:AreaTeam ; nhskg:commissioningRegion ?region ; rdfs:label ?teamLabel . ?region rdfs:label ?regionLabel .
  OPTIONAL { ?ccg nhskg:areaTeam ?team ; rdfs:label ?ccgLabel }
} ORDER BY ?regionLabel ?teamLabel ?ccgLabel"""
_NAMED = P + """SELECT ?thing (COUNT(DISTINCT ?doc) AS ?n) WHERE {
  ?a oa:hasBody ?thing ; oa:hasTarget/oa:hasSource ?doc . } GROUP BY ?thing"""


def structure(store: ox.Store) -> list[dict]:
    """The 2013 commissioning structure, region → area team → CCG, each with how many texts name it."""
    named = {r["thing"].value: int(r["n"].value) for r in run_query(store, _NAMED)}
    regions: dict[str, dict] = {}
    for r in run_query(store, _TREE):
        region = regions.setdefault(r["region"].value, {
            "link": Link(r["regionLabel"].value, href_for(r["region"].value)), "named": named.get(r["region"].value, 0),
            "teams": {}})
        team = region["teams"].setdefault(r["team"].value, {
            "link": Link(r["teamLabel"].value, href_for(r["team"].value)), "named": named.get(r["team"].value, 0),
            "ccgs": []})
        if r["ccg"] is not None:
            team["ccgs"].append({"link": Link(r["ccgLabel"].value, href_for(r["ccg"].value)),
                                 "named": named.get(r["ccg"].value, 0)})
    return [dict(region, teams=list(region["teams"].values())) for region in regions.values()]
