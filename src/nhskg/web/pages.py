"""The pages people read: HTML rendered from the store with Jinja2 (autoescaped), no HTTP here.

The same renderer serves the live site (``app``) and the static site (``site``): links are written by
``href`` so that a static copy can point at ``.html`` files.
"""

from __future__ import annotations

import gc
import tempfile
import threading
from pathlib import Path

import jinja2
import pyoxigraph as ox

from .. import paths
from ..catalogue import catalogue
from ..iris import BASE, curie, sparql_prefixes
from ..query.remote import RemoteStore
from ..query.store import run_query
from . import resources

STATIC_DIR = paths.WEB_STATIC_DIR
DUMPS = {"nhskg.trig": "application/trig", "nhskg.ttl": "text/turtle", "nhskg.nt": "application/n-triples",
         "nhskg.nq": "application/n-quads", "nhskg.jsonld": "application/ld+json", "void.ttl": "text/turtle",
         "context.jsonld": "application/ld+json", "nhskg-open.trig": "application/trig"}
BROWSE = {
    "organisations": ("Organisations", ["ClinicalCommissioningGroup", "AreaTeam", "CommissioningRegion",
                                        "PrimaryCareTrust", "StrategicHealthAuthority", "SHACluster",
                                        "CommissioningSupportService", "NationalBody", "ProfessionalBody",
                                        "MembershipBody", "Coalition", "Publisher", "Company"]),
    "surveys": ("Surveys", ["Survey", "SurveySeries"]),
    "people": ("People", ["https://schema.org/Person", "AnonymousRespondent"]),
    "documents": ("Source documents", ["NewsReport", "PressRelease"]),
}
_COUNTS = sparql_prefixes() + """SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?type FILTER (STRSTARTS(STR(?type), STR(nhskg:)) || ?type = schema:Person)
} GROUP BY ?type"""


class Renderer:
    """Renders every page of the site from one store (and ``dist_dir`` for the dumps it lists)."""

    def __init__(self, store: ox.Store, dist_dir: Path, static: bool = False, root: str = ""):
        self.store, self.dist_dir, self.static, self.root = store, dist_dir, static, root.rstrip("/")
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(paths.WEB_TEMPLATES_DIR),
                                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(href=self.href, curie=curie, static=static)
        self.counts = {curie(r["type"].value): int(r["n"].value) for r in run_query(store, _COUNTS)}
        self._tracer = None
        self._charts: dict[str, bytes | None] = {}
        self._lock = threading.Lock()
        self.PAGES = {"home": self.home, "query": self.query_page, **{name: (lambda n=name: self.browse(n))
                                                                       for name in BROWSE}}

    def href(self, target: str | None) -> str | None:
        """A link as the live site writes it, or as the static copy must: ``.html`` files, under ``root`` (the path
        the site is published at, e.g. ``/nhskg`` for a GitHub Pages project site; empty at a host's root)."""
        if not target or not self.static or not target.startswith("/"):
            return target
        return self.root + self._static_file(target)

    @staticmethod
    def _static_file(target: str) -> str:
        if target.startswith("/doc/") and not target.rsplit("/", 1)[-1].endswith((".ttl", ".jsonld", ".nt")):
            return target + ".html"
        if target == "/def/" or target.startswith("/def/#"):
            return "/def/index.html" + target[len("/def/"):]
        return target if "." in target.rsplit("/", 1)[-1] else (target.rstrip("/") or "/index") + ".html"

    def render(self, template: str, **values) -> str:
        return self.env.get_template(template).render(**values)

    def home(self) -> str:
        dumps = [name for name in DUMPS if (self.dist_dir / name).is_file()]
        return self.render("home.html", title="nhskg", counts=self.counts, browse=BROWSE, dumps=dumps)

    def browse(self, name: str) -> str:
        title, kinds = BROWSE[name]
        groups = []
        for kind in kinds:
            iri = kind if kind.startswith("http") else BASE + "def/" + kind
            members = resources.members(self.store, iri)
            if members:
                groups.append((curie(iri).split(":", 1)[1], members))
        tree = resources.structure(self.store) if name == "organisations" else []
        return self.render("browse.html", title=title, groups=groups, tree=tree)

    def resource(self, iri: str) -> str:
        page = resources.page(self.store, iri)
        path = iri[len(BASE + "id/"):]
        return self.render("resource.html", title=page.label, page=page, path=path)

    def ontology(self) -> str:
        query = sparql_prefixes() + """SELECT ?term ?kind ?label ?definition WHERE {
          GRAPH <https://w3id.org/nhskg/graph/ontology> {
            VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty }
            ?term a ?kind FILTER (STRSTARTS(STR(?term), STR(nhskg:)))
            OPTIONAL { ?term rdfs:label ?label } OPTIONAL { ?term skos:definition ?definition } } } ORDER BY ?kind ?term"""
        terms = [{"name": r["term"].value[len(BASE + "def/"):], "kind": curie(r["kind"].value),
                  "label": r["label"].value if r["label"] else "", "definition": r["definition"].value if r["definition"] else ""}
                 for r in run_query(self.store, query)]
        return self.render("ontology.html", title="The nhskg ontology", terms=terms)

    def query_page(self) -> str:
        queries = [q for q in catalogue().values() if "/" not in q.name]
        return self.render("query.html", title="Query the graph", queries=queries)

    def tracer(self):
        with self._lock:
            if self._tracer is None:
                from ..trace.index import index_for, load_index
                from ..trace.matcher import Tracer

                # as `nhskg trace` reads it: the file the build wrote beside the TriG when it is of that TriG
                # (a read of seconds by SPARQL at a million triples), else this store by SPARQL
                if isinstance(self.store, RemoteStore):  # the server's graph, not the one dist/ holds
                    self._tracer = Tracer(load_index(self.store))
                else:
                    self._tracer = Tracer(index_for(paths.dist_file(paths.TRIG, self.dist_dir), self.store))
                # they live as long as the server: out of the collector's sight, since each of its full passes
                # over their references takes a second at ten million triples (made once a process)
                gc.freeze()
            return self._tracer

    def trace_json(self, text: str, url: str | None = None, date: str | None = None) -> dict:
        """The trace as JSON, its HTML and one schema.org ClaimReview per figure (a bad url or date:
        ``UserError``)."""
        from ..trace.claimreview import check_date, check_url, claimreviews
        from ..trace.matcher import to_json

        check_url(url or None), check_date(date or None)  # before the work, so a typo costs nothing
        tracer = self.tracer()
        traced = tracer.trace(text)
        data = to_json(text, traced)
        return {"trace": data, "html": self.render("trace_result.html", data=data, labels=resources.Labels(self.store)),
                "claimreview": claimreviews(text, traced, tracer.index, url or None, date or None)}

    def trace_page(self, text: str | None = None) -> str:
        result = self.trace_json(text)["html"] if text and text.strip() else None
        return self.render("trace.html", title="Trace a figure to its source", text=text or "", result=result)

    def topic_chart(self, slug: str) -> bytes | None:
        """The topic's findings across surveys (``nhskg network plot --topic``) as SVG, made once."""
        with self._lock:
            if slug not in self._charts:
                iri = BASE + "id/topic/" + slug
                if not resources.exists(self.store, iri):
                    self._charts[slug] = None
                else:
                    from ..network.plots import plot_topic  # matplotlib: only when a chart is asked for

                    with tempfile.TemporaryDirectory() as folder:
                        written = plot_topic(self.store, iri, Path(folder))
                        svg = next(p for p in written if p.suffix == ".svg")
                        self._charts[slug] = svg.read_bytes()
            return self._charts[slug]

    def error(self, status: int, detail: str) -> str:
        return self.render("error.html", title=f"{status}", status=status, detail=detail)
