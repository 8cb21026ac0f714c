"""``dist/docs/ontology.html``: the ontology documented from itself — every class and property minted under
``nhskg:``, with its label, definition, reason for being minted, super-terms, domain and range.

pyLODE would be the tool for this, but the release installable here (3.4.1) fails on import (it reads a
``pyproject.toml`` its wheel does not ship); this page is generated the same way, from the Turtle alone,
deterministically (sorted, no timestamp).
"""

from __future__ import annotations

from html import escape

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ..iris import curie
from ..vocab import NHSKG

KINDS = ((OWL.Class, "Classes"), (OWL.ObjectProperty, "Object properties"),
         (OWL.DatatypeProperty, "Datatype properties"), (OWL.AnnotationProperty, "Annotation properties"))


def _link(term) -> str:
    text = escape(curie(str(term)))
    return f'<a href="#{escape(str(term)[len(str(NHSKG)):])}">{text}</a>' if str(term).startswith(str(NHSKG)) else text


def ontology_html(ontology: Graph) -> str:
    """The HTML page for ``ontology`` (the parsed ``ontology/nhskg.ttl``)."""
    title = ontology.value(URIRef(str(NHSKG)), RDFS.label) or "nhskg ontology"
    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(str(title))}</title>"
             "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
             "dt{font-weight:600}section{border-top:1px solid #ddd;padding:.5rem 0}code{font-size:.95em}</style>"
             f"</head><body><h1>{escape(str(title))}</h1><p><code>{escape(str(NHSKG))}</code></p>"]
    comment = ontology.value(URIRef(str(NHSKG)), RDFS.comment) or ontology.value(URIRef(str(NHSKG)), SKOS.definition)
    if comment:
        parts.append(f"<p>{escape(str(comment))}</p>")
    for kind, heading in KINDS:
        terms = sorted(t for t in ontology.subjects(RDF.type, kind) if str(t).startswith(str(NHSKG)))
        parts.append(f"<h2>{heading} ({len(terms)})</h2>")
        for term in terms:
            name = str(term)[len(str(NHSKG)):]
            parts.append(f'<section id="{escape(name)}"><h3><code>nhskg:{escape(name)}</code> — '
                         f"{escape(str(ontology.value(term, RDFS.label) or ''))}</h3><dl>")
            for label, predicate in (("Definition", SKOS.definition), ("Note", SKOS.scopeNote),
                                     ("Sub-class of", RDFS.subClassOf), ("Sub-property of", RDFS.subPropertyOf),
                                     ("Domain", RDFS.domain), ("Range", RDFS.range)):
                values = sorted(ontology.objects(term, predicate))
                shown = [_link(v) if isinstance(v, URIRef) else escape(str(v)) for v in values]
                if shown:
                    parts.append(f"<dt>{label}</dt><dd>{'<br>'.join(shown)}</dd>")
            parts.append("</dl></section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
