"""One document's curated records -> its named graph, every claim anchored to its exact words.

Each finding, verbal figure, derivation's stated basis, quotation, role, survey and mention is the
``oa:hasBody`` of an ``oa:Annotation`` whose target is an ``oa:SpecificResource`` on the document with
an ``oa:TextPositionSelector`` and an ``oa:TextQuoteSelector``. Values are checked against the words.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, QB, RDF, RDFS, SKOS, XSD

from . import vocab
from .anchor import AnchorError, Span, locate, locate_all, locate_within
from .context import Context
from .curation import Record
from .figures import Figure, FigureError, judge_fit, parse_figure
from .vocab import NHSKG, OA, ORG, SCHEMA

ABOUT_THE_SURVEY = "about-the-survey"
_UNIT_OF_FIGURE = {"percent": {"percent"}, "percentage-point": {"percentage-point"},
                   "number": {"count", "mean-score"}}


def decimal_literal(value: Decimal | float | int) -> Literal:
    """The canonical xsd:decimal literal ("47.0", "33.3", "-5.0"): no float noise, and the form Turtle
    writes and reads back unchanged."""
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


class DocumentEmitter:
    """Writes one document's records into its named graph."""

    def __init__(self, ctx: Context, doc_id: str, graph: Graph):
        self.ctx, self.doc_id, self.g = ctx, doc_id, graph
        self.text = ctx.sources[doc_id].text
        self.doc = vocab.document(doc_id)
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
            g.add((target, RDF.type, OA.SpecificResource))
            g.add((target, OA.hasSource, self.doc))
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
    def emit(self) -> None:
        doc = self.ctx.documents[self.doc_id]
        for rec in doc.sections["surveys"]:
            self.survey(rec)
        for rec in doc.sections["questions"]:
            self.question(rec)
        for rec in doc.sections["findings"]:
            self.finding(rec)
        for rec in doc.sections["findings"]:
            if rec["base"]:
                self.g.add((self.findings[rec["id"]][0], NHSKG.base, self.finding_ref(rec, "base")[0]))
        for rec in doc.sections["verbal_figures"]:
            self.verbal_figure(rec)
        for rec in doc.sections["derived"]:
            self.derived(rec)
        for rec in doc.sections["respondents"]:
            self.respondent(rec)
        for rec in doc.sections["roles"]:
            self.role(rec)
        for rec in doc.sections["quotations"]:
            self.quotation(rec)
        for rec in doc.sections["mentions"]:
            self.mention(rec)
        for rec in doc.sections["not_figures"]:
            self.spans(rec)  # anchored like everything else, though not published
        self.responses()

    def survey(self, rec: Record) -> None:
        s, g = vocab.survey(rec["id"]), self.g
        g.add((s, RDF.type, NHSKG.Survey))
        g.add((s, RDFS.label, Literal(rec["label"])))
        g.add((s, NHSKG.reportedIn, self.doc))
        for ref in rec.get("conductors", []):
            g.add((s, NHSKG.conductedBy, self.ctx.resolve(rec, "conductors", ref)))
        for ref in rec.get("partners", []):
            g.add((s, NHSKG.partner, self.ctx.resolve(rec, "partners", ref)))
        if rec["series"]:
            if rec["series"] not in self.ctx.series:
                raise rec.error("series", f"no series {rec['series']!r} in series.yaml")
            g.add((s, NHSKG.inSeries, vocab.thing("series", rec["series"])))
        if rec["wave"] is not None:
            g.add((s, NHSKG.waveNumber, Literal(rec["wave"], datatype=XSD.positiveInteger)))
        if rec["wave_label"]:
            g.add((s, NHSKG.waveLabel, Literal(rec["wave_label"])))
        if rec["fieldwork"]:
            g.add((s, NHSKG.fieldworkPeriod, _period(rec, "fieldwork")))
        if rec["population"]:
            g.add((s, NHSKG.population, Literal(rec["population"])))
        if rec["note"]:
            g.add((s, RDFS.comment, Literal(rec["note"])))
        results = vocab.thing("survey", rec["id"], "results")
        g.add((results, RDF.type, QB.DataSet))
        g.add((results, RDFS.label, Literal(f"Findings of: {rec['label']}")))
        g.add((results, QB.structure, NHSKG["dsd-survey-findings"]))
        g.add((results, PROV.wasGeneratedBy, s))
        self.annotate(s, self.spans(rec), f"survey-{rec['id']}", OA.describing)

    def question(self, rec: Record) -> None:
        q, g = vocab.question(rec["survey"], rec["id"]), self.g
        g.add((q, RDF.type, NHSKG.Question))
        g.add((q, RDFS.label, Literal(rec["text"])))
        g.add((q, NHSKG.askedIn, self.ctx.survey_of(rec, "survey", self.doc_id)))
        g.add((q, NHSKG.exhaustive, Literal(bool(rec["exhaustive"]))))
        g.add((q, NHSKG.multipleResponse, Literal(bool(rec["multiple_response"]))))
        if rec["note"]:
            g.add((q, RDFS.comment, Literal(rec["note"])))
        self.annotate(q, self.spans(rec), f"question-{rec['id']}", OA.describing)

    def observation(self, rec: Record, survey_id: str, value: Decimal, label: str) -> URIRef:
        """The Data Cube observation every finding (stated or derived) is."""
        f, g = vocab.finding(survey_id, rec["id"]), self.g
        if rec["topic"] not in self.ctx.topics:
            raise rec.error("topic", f"no topic {rec['topic']!r} in topics.yaml — use one of its ids or add one")
        g.add((f, RDF.type, NHSKG.Finding))
        g.add((f, RDFS.label, Literal(label)))
        g.add((f, QB.dataSet, vocab.thing("survey", survey_id, "results")))
        g.add((f, NHSKG.survey, vocab.survey(survey_id)))
        g.add((f, NHSKG.value, decimal_literal(value)))
        g.add((f, NHSKG.unit, vocab.concept("unit", rec["unit"])))
        g.add((f, NHSKG.topic, vocab.topic(rec["topic"])))
        g.add((f, NHSKG.measure, vocab.concept("measure", rec.get("measure", "answer"))))
        g.add((f, NHSKG.reportedIn, self.doc))
        g.add((f, NHSKG.question, vocab.question(survey_id, rec["question"] or self.about_the_survey(survey_id))))
        if rec["option"]:
            g.add((f, NHSKG.responseOption, Literal(rec["option"])))
        if rec["note"]:
            g.add((f, RDFS.comment, Literal(rec["note"])))
        return f

    def about_the_survey(self, survey_id: str) -> str:
        """The question a figure about the survey itself answers (how many responded): every Data Cube
        observation needs a value for every dimension, and question is one."""
        q, g = vocab.question(survey_id, ABOUT_THE_SURVEY), self.g
        g.add((q, RDF.type, NHSKG.Question))
        g.add((q, RDFS.label, Literal("About the survey itself: who and how many responded")))
        g.add((q, NHSKG.askedIn, vocab.survey(survey_id)))
        g.add((q, NHSKG.exhaustive, Literal(False)))
        g.add((q, NHSKG.multipleResponse, Literal(True)))  # its figures are not shares of one answer
        return ABOUT_THE_SURVEY

    def finding(self, rec: Record) -> None:
        survey_id = self.ctx.finding_survey(self.doc_id, rec)
        if not rec["question"]:
            self.ctx.survey_of(rec, "survey", self.doc_id)
        spans = self.spans(rec)
        fig = self.figure(rec, spans[0])
        value = Decimal(str(rec["value"]))
        if fig.value != value:
            raise rec.error("value", f"{rec['value']} but the words {rec['figure']!r} say {fig.value}")
        if rec["unit"] not in _UNIT_OF_FIGURE[fig.unit]:
            raise rec.error("unit", f"{rec['unit']!r} but {rec['figure']!r} is a {fig.unit} figure")
        f = self.observation(rec, survey_id, value, f"{rec['figure']}: {rec.get('option', rec['id'])}")
        g = self.g
        g.add((f, NHSKG.statedAs, Literal(rec["figure"])))
        g.add((f, NHSKG.valueBasis, vocab.concept("value-basis", fig.expressed_as)))
        if not fig.verbal:
            g.add((f, NHSKG.decimalPlaces, Literal(fig.decimal_places, datatype=XSD.nonNegativeInteger)))
        if fig.qualifier:
            g.add((f, NHSKG.qualifier, vocab.concept("qualifier", fig.qualifier)))
        if rec["category"]:
            g.add((f, NHSKG.category, self.ctx.resolve(rec, "category", doc_id=self.doc_id)))
        self.annotate(f, spans, f"finding-{rec['id']}", OA.describing)
        self.findings[rec["id"]] = (f, value, rec)

    def finding_ref(self, rec: Record, name: str) -> tuple[URIRef, Decimal, Record]:
        if rec[name] not in self.findings:
            raise rec.error(name, f"no finding {rec[name]!r} in this document's findings")
        return self.findings[rec[name]]

    def verbal_figure(self, rec: Record) -> None:
        """Words standing for a number stated elsewhere, in this document or (``finding:DOC/ID``) another."""
        ref = rec["stands_for"]
        if ref.startswith("finding:"):
            doc_id, _, finding_id = ref.partition(":")[2].partition("/")
            target = self.ctx.documents[doc_id].sections["findings"] if doc_id in self.ctx.documents else []
            target = next((r for r in target if r["id"] == finding_id), None)
            if target is None:
                raise rec.error("stands_for", f"{ref!r}: no such finding — use finding:DOC/ID of a curated finding")
            finding, value = self.ctx.resolve(rec, "stands_for"), Decimal(str(target["value"]))
        else:
            finding, value, target = self.finding_ref(rec, "stands_for")
        spans = self.spans(rec)
        fig = self.figure(rec, spans[0])
        if target["unit"] != "percent" or fig.unit != "percent":
            raise rec.error("stands_for", f"{ref!r}: a verbal figure and the finding it stands for are percentages")
        fit = judge_fit(fig, value)
        if fit != rec["expect_fit"]:
            raise rec.error("expect_fit", f"the fit rule judges {rec['figure']!r} for {value} {fit}, not "
                                          f"{rec['expect_fit']} — check the reading, or the rule in figures.judge_fit")
        v, g = vocab.thing("verbal-figure", self.doc_id, rec["id"]), self.g
        g.add((v, RDF.type, NHSKG.VerbalFigure))
        g.add((v, RDFS.label, Literal(rec["figure"])))
        g.add((v, NHSKG.standsFor, finding))
        g.add((v, NHSKG.statedAs, Literal(rec["figure"])))
        g.add((v, NHSKG.nominalValue, decimal_literal(fig.value)))
        g.add((v, NHSKG.fit, vocab.concept("fit", fit)))
        if fig.qualifier:
            g.add((v, NHSKG.qualifier, vocab.concept("qualifier", fig.qualifier)))
        g.add((v, NHSKG.reportedIn, self.doc))
        if rec["note"]:
            g.add((v, RDFS.comment, Literal(rec["note"])))
        self.annotate(v, spans, f"verbal-{rec['id']}", OA.describing)

    def derived(self, rec: Record) -> None:
        source, source_value, _ = self.finding_ref(rec, "from")
        g = self.g
        self.ctx.survey_of(rec, "survey", self.doc_id)  # the derived figure's survey must be this document's
        if rec["operation"] == "before-change":
            if not rec["change"]:
                raise rec.error("change", "missing — before-change needs the percentage-point change finding")
            change, change_value, change_rec = self.finding_ref(rec, "change")
            if change_rec["unit"] != "percentage-point":
                raise rec.error("change", f"{rec['change']!r} is not a percentage-point change")
            value, used = source_value - change_value, [source, change]
            formula = f"{source_value} - ({change_value}) = {value}"
        else:
            value, used, formula = Decimal(100) - source_value, [source], f"100 - {source_value} = {Decimal(100) - source_value}"
        f = self.observation(rec, rec["survey"], value, f"derived: {rec.get('option', rec['id'])}")
        derivation = vocab.thing("derivation", self.doc_id, rec["id"])
        g.add((f, RDF.type, NHSKG.DerivedFinding))
        g.add((f, NHSKG.valueBasis, vocab.concept("value-basis", "derived")))
        g.add((f, PROV.wasGeneratedBy, derivation))
        g.add((derivation, RDF.type, NHSKG.Derivation))
        g.add((derivation, RDFS.label, Literal(f"derivation of {rec['id']} ({rec['operation']})")))
        g.add((derivation, NHSKG.operation, vocab.concept("operation", rec["operation"])))
        g.add((derivation, NHSKG.formula, Literal(formula)))
        g.add((derivation, PROV.wasAssociatedWith, vocab.CURATORS))
        for item in used:
            g.add((f, PROV.wasDerivedFrom, item))
            g.add((derivation, PROV.used, item))
        self.annotate(derivation, self.spans(rec), f"derivation-{rec['id']}", OA.describing)

    def respondent(self, rec: Record) -> None:
        r, g = vocab.thing("respondent", rec["id"]), self.g
        g.add((r, RDF.type, NHSKG.AnonymousRespondent))
        g.add((r, RDFS.label, Literal(rec["label"])))
        g.add((r, NHSKG.respondentTo, self.ctx.survey_of(rec, "survey", self.doc_id)))
        self.annotate(r, self.spans(rec), f"respondent-{rec['id']}", OA.identifying)

    def role(self, rec: Record) -> None:
        """A role in a named organisation is an org:Membership; one outside any (a GP, a practice manager)
        is an nhskg:Occupation, since ORG has no membership without an organisation."""
        person, g = self.ctx.resolve(rec, "person"), self.g
        try:
            role_slug = vocab.slugify(rec["role"])
        except ValueError:
            raise rec.error("role", f"{rec['role']!r} has no letters or digits — name the role") from None
        person_slug = rec["person"].split(":", 1)[1]
        if rec["organisation"]:
            org = self.ctx.resolve(rec, "organisation")
            node = vocab.thing("membership", person_slug, rec["organisation"].replace(":", "-"), role_slug)
            role = vocab.concept("role", role_slug)
            g.add((node, RDF.type, ORG.Membership))
            g.add((node, ORG.member, person))
            g.add((node, ORG.organization, org))
            g.add((node, ORG.role, role))
            for cls in (ORG.Role, SKOS.Concept):
                g.add((role, RDF.type, cls))
            g.add((role, SKOS.inScheme, vocab.scheme("role")))
            g.add((role, SKOS.prefLabel, Literal(rec["role"])))
            g.add((role, RDFS.label, Literal(rec["role"])))
        else:
            node = vocab.thing("occupation", person_slug, role_slug)
            g.add((node, RDF.type, NHSKG.Occupation))
            g.add((node, NHSKG.holder, person))
            g.add((node, SCHEMA.roleName, Literal(rec["role"])))
        g.add((node, RDFS.label, Literal(f"{rec['name_form']}, {rec['role']}")))
        g.add((node, NHSKG.attestedIn, self.doc))
        if rec["note"]:
            g.add((node, RDFS.comment, Literal(rec["note"])))
        spans = self.spans(rec)
        if not any(rec["name_form"] in s.exact for s in spans):
            raise rec.error("name_form", f"{rec['name_form']!r} is not inside the words")
        g.add((person, NHSKG.nameForm, Literal(rec["name_form"])))
        self.annotate(node, spans, f"role-{role_slug}", OA.describing)  # one span may attest two roles

    def quotation(self, rec: Record) -> None:
        q, g = vocab.thing("quotation", self.doc_id, rec["id"]), self.g
        speaker = self.ctx.resolve(rec, "speaker", doc_id=self.doc_id)
        spans = self.spans(rec)
        g.add((q, RDF.type, NHSKG.DirectQuotation if rec["direct"] else NHSKG.ReportedSpeech))
        g.add((q, NHSKG.speaker, speaker))
        g.add((q, SCHEMA.text, Literal("\n".join(s.exact for s in spans))))
        g.add((q, RDFS.label, Literal(_short(spans[0].exact))))
        g.add((q, NHSKG.reportedIn, self.doc))
        self.annotate(q, spans, f"quotation-{rec['id']}", OA.describing)

    def mention(self, rec: Record) -> None:
        entity = self.ctx.resolve(rec, "entity", doc_id=self.doc_id)
        spans = self.spans(rec)
        self.g.add((self.doc, SCHEMA.mentions, entity))
        self.g.add((entity, NHSKG.nameForm, Literal(spans[0].exact)))
        self.annotate(entity, spans, "mention", OA.identifying)

    def responses(self) -> None:
        """A survey's number of responses, from its unqualified ``responses`` finding."""
        for _, value, rec in self.findings.values():
            if rec.get("measure") == "responses":
                qualifier = parse_figure(rec["figure"]).qualifier
                if qualifier not in (None, "more-than", "over"):
                    raise rec.error("figure", f"a number of responses qualified {qualifier!r} cannot be recorded")
                prop = NHSKG.numberOfResponses if qualifier is None else NHSKG.responsesMoreThan
                survey_id = self.ctx.finding_survey(self.doc_id, rec)
                self.g.add((vocab.survey(survey_id), prop, Literal(int(value), datatype=XSD.nonNegativeInteger)))


_PERIODS = ((re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"), XSD.date),
            (re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"), XSD.gYearMonth), (re.compile(r"^\d{4}$"), XSD.gYear))


def _period(rec: Record, name: str) -> Literal:
    """A date as precise as it is known: YYYY-MM-DD, YYYY-MM or YYYY, typed accordingly."""
    value = rec[name]
    for pattern, datatype in _PERIODS:
        if pattern.match(value):
            return Literal(value, datatype=datatype)
    raise rec.error(name, f"{value!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
