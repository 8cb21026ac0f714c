"""Anchoring claims in a document's words: exact spans become W3C Web Annotations.

Each claim is the ``oa:hasBody`` of an ``oa:Annotation`` whose target is an ``oa:SpecificResource`` on the
document with an ``oa:TextPositionSelector`` and an ``oa:TextQuoteSelector``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from .. import vocab
from ..figures import Figure, FigureError, parse_figure
from ..vocab import OA
from .anchor import AnchorError, Span, locate, locate_all, locate_within
from .context import Context
from .curation import Record


def decimal_literal(value: Decimal | float | int) -> Literal:
    """The canonical xsd:decimal literal ("47.0", "33.3", "-5.0"): no float noise, and the form Turtle
    writes and reads back unchanged."""
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


class DocumentGraph:
    """One document's named graph, and how claims in it are anchored to the document's words."""

    def __init__(self, ctx: Context, doc_id: str, graph: Graph):
        self.ctx, self.doc_id, self.g = ctx, doc_id, graph
        self.text = ctx.sources[doc_id].text
        self.doc = vocab.document(doc_id)
        record = ctx.sources[doc_id].record  # when its annotations were curated: a curated fact, never today
        self.curated = Literal(str(record["curated"]), datatype=XSD.date)
        self.findings: dict[str, tuple[URIRef, Decimal, Record]] = {}

    # --- anchoring ----------------------------------------------------------------------------
    def spans(self, rec: Record, name: str = "words") -> list[Span]:
        """Where the record's words stand; fails closed at the record's ``name`` line."""
        occurrence, value = rec["occurrence"], rec[name]
        words = [] if value is None else [value] if isinstance(value, str) else list(value)
        try:
            if occurrence == "all":
                if rec.section not in ("mentions", "not_figures"):
                    raise AnchorError("occurrence: all is only for mentions and not_figures — give a number")
                return [s for w in words for s in locate_all(self.text, w)]
            return [locate(self.text, w, occurrence) for w in words]
        except AnchorError as exc:
            source = self.ctx.sources[self.doc_id].record["file"]
            hint = f" — copy the words exactly from {source}" if "not found" in str(exc) else ""
            raise rec.error(name, f"{exc}{hint}") from None

    def annotate(self, body: URIRef, spans: list[Span], key: str, motivation: URIRef) -> None:
        """One annotation per span, its IRI keyed by the span's offsets so it never moves."""
        for span in spans:
            ann = vocab.annotation(self.doc_id, f"{key}-{span.start}-{span.end}")
            target, position, quote = (URIRef(f"{ann}#{part}") for part in ("target", "position", "quote"))
            g = self.g
            g.add((ann, RDF.type, OA.Annotation))
            g.add((ann, OA.hasBody, body))
            g.add((ann, OA.hasTarget, target))
            g.add((ann, OA.motivatedBy, motivation))
            g.add((ann, PROV.wasAttributedTo, vocab.CURATORS))
            g.add((ann, DCTERMS.creator, vocab.CURATORS))  # the annotator, as the Web Annotation model names it
            g.add((ann, DCTERMS.created, self.curated))
            g.add((target, RDF.type, OA.SpecificResource))
            g.add((target, OA.hasSource, vocab.text(self.doc_id)))  # the plain text the offsets count in
            g.add((target, OA.hasSelector, position))
            g.add((target, OA.hasSelector, quote))
            g.add((position, RDF.type, OA.TextPositionSelector))
            g.add((position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
            g.add((position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add((quote, OA.exact, Literal(span.exact)))
            if span.prefix:  # at the very start or end of a text there is no context to give
                g.add((quote, OA.prefix, Literal(span.prefix)))
            if span.suffix:
                g.add((quote, OA.suffix, Literal(span.suffix)))

    def figure(self, rec: Record, span: Span) -> Figure:
        """The record's ``figure``, found inside its words and read as a number."""
        try:
            locate_within(self.text, span, rec["figure"])
            return parse_figure(rec["figure"])
        except (AnchorError, FigureError) as exc:
            raise rec.error("figure", f"{exc} — the figure must be the number's words inside `words`") from None

    # --- records --------------------------------------------------------------------------------

_PERIODS = ((re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"), XSD.date),
            (re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"), XSD.gYearMonth), (re.compile(r"^\d{4}$"), XSD.gYear))


def typed_date(rec: Record, name: str) -> Literal:
    """A date as precise as it is known: YYYY-MM-DD, YYYY-MM or YYYY, typed accordingly."""
    value = rec[name]
    for pattern, datatype in _PERIODS:
        if pattern.match(value):
            return Literal(value, datatype=datatype)
    raise rec.error(name, f"{value!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")


def short_label(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
