"""One document's curated records -> its named graph: surveys, questions, findings, verbal and derived
figures, and (through ``PeopleClaims``) the people and organisations it names. Every value is checked
against the words it stands on before it is written.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, QB, RDF, RDFS, SKOS, XSD

from .. import vocab
from ..figures import judge_fit, parse_figure
from ..vocab import NHSKG, OA
from .curation import Record
from .evidence import decimal_literal, typed_date
from .people import PeopleClaims

ABOUT_THE_SURVEY = "about-the-survey"
#: unit -> (the Data Cube measure, the structure's name): one measure per kind of number
MEASURES = {"percent": NHSKG.percentage, "mean-score": NHSKG.meanScore, "count": NHSKG["count"],
            "percentage-point": NHSKG.percentagePointChange}
STRUCTURES = {"percent": "percentages", "mean-score": "mean-scores", "count": "counts",
              "percentage-point": "percentage-point-changes"}
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_UNIT_OF_FIGURE = {"percent": {"percent"}, "percentage-point": {"percentage-point"},
                   "number": {"count", "mean-score"}}


class _Ref:
    """One item of a record's list field, read like a field (so an error names the record's line)."""

    def __init__(self, rec: Record, value: str):
        self.rec, self.value = rec, value

    def __getitem__(self, name: str) -> str:
        return self.value

    def error(self, name: str, message: str):
        return self.rec.error(name, message)


class DocumentEmitter(PeopleClaims):
    """Writes one document's records into its named graph."""

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
        for rec in doc.sections["derived"]:  # first: a verbal figure may stand for a derived sum ("most" = 17 + 43)
            self.derived(rec)
        for rec in doc.sections["verbal_figures"]:
            self.verbal_figure(rec)
        for rec in doc.sections["respondents"]:
            self.respondent(rec)
        for rec in doc.sections["roles"]:
            self.role(rec)
        for rec in doc.sections["quotations"]:
            self.quotation(rec)
        self.voiced(doc)
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
        self.fieldwork(s, rec)
        if rec["population"]:
            g.add((s, NHSKG.population, Literal(rec["population"])))
        if rec["note"]:
            g.add((s, RDFS.comment, Literal(rec["note"])))
        self.annotate(s, self.spans(rec), f"survey-{rec['id']}", OA.describing)

    def fieldwork(self, s: URIRef, rec: Record) -> None:
        """When the survey ran, and how that is known: stated (its month, and its year if given, in
        ``fieldwork_words``, anchored and checked here), from the address of the public copy, or inferred
        (the note says from what); with no date, the basis is not-in-text and the note says what is known."""
        basis, words, g = rec["fieldwork_basis"], rec["fieldwork_words"], self.g
        if rec["fieldwork"]:
            g.add((s, NHSKG.fieldworkPeriod, typed_date(rec, "fieldwork")))
        elif basis != "not-in-text":
            raise rec.error("fieldwork_basis", f"{basis!r} but no fieldwork date — not-in-text, or give the date")
        if basis in ("inferred", "not-in-text", "from-address") and not rec["fieldwork_note"]:
            raise rec.error("fieldwork_note", f"a fieldwork date {basis} needs a note saying what is known and from what")
        if basis == "in-text":
            if not words:
                raise rec.error("fieldwork_words", "a fieldwork date in the text needs the words that state it")
            date = str(rec["fieldwork"])
            month = _MONTHS[int(date[5:7]) - 1] if len(date) >= 7 else None
            if month and month not in words:
                raise rec.error("fieldwork", f"{date} but the words {words!r} do not name {month}")
            if date[:4] not in words and not rec["fieldwork_note"]:
                raise rec.error("fieldwork_note", f"the words {words!r} do not give the year {date[:4]}: say where it comes from")
        g.add((s, NHSKG.dateBasis, vocab.concept("basis", basis)))
        if rec["fieldwork_note"]:
            g.add((s, NHSKG.dateNote, Literal(rec["fieldwork_note"])))
        if words:
            self.annotate(s, self.spans(rec, "fieldwork_words"), f"fieldwork-{rec['id']}", OA.describing)

    def question(self, rec: Record) -> None:
        q, g = vocab.question(rec["survey"], rec["id"]), self.g
        g.add((q, RDF.type, NHSKG.Question))
        g.add((q, RDFS.label, Literal(rec["text"])))
        g.add((q, NHSKG.askedIn, self.ctx.survey_of(rec, "survey", self.doc_id)))
        g.add((q, NHSKG.exhaustive, Literal(bool(rec["exhaustive"]))))
        g.add((q, NHSKG.multipleResponse, Literal(bool(rec["multiple_response"]))))
        if rec["note"]:
            g.add((q, RDFS.comment, Literal(rec["note"])))
        spans = self.spans(rec)  # the words the text gives the question in: its wording is then in the text
        self.wording_basis(q, "in-text" if spans else "reconstructed")
        self.annotate(q, spans, f"question-{rec['id']}", OA.describing)

    def wording_basis(self, q: URIRef, basis: str) -> None:
        self.g.add((q, NHSKG.wordingBasis, vocab.concept("basis", basis)))
        if basis == "reconstructed":
            self.g.add((q, SKOS.scopeNote, Literal("Wording reconstructed by the nhskg curators from the figures "
                                                   "reported; no source text gives the survey's wording.")))

    def observation(self, rec: Record, survey_id: str, value: Decimal, label: str, derived: bool = False) -> URIRef:
        """The Data Cube observation every finding (stated or derived) is. A stated finding sits in its
        survey's results and is ``nhskg:reportedIn`` its document; a derived one sits in the survey's
        separate data set of derived figures and is only ``nhskg:impliedBy`` the document, so no reader
        of a flat dump can take it for a figure the document reports."""
        f, g = vocab.finding(survey_id, rec["id"]), self.g
        if rec["topic"] not in self.ctx.topics:
            raise rec.error("topic", f"no topic {rec['topic']!r} in topics.yaml — use one of its ids or add one")
        g.add((f, RDF.type, NHSKG.Finding))
        g.add((f, RDFS.label, Literal(label)))
        measure = MEASURES[rec["unit"]]
        g.add((f, QB.dataSet, self.data_set(survey_id, rec["unit"], derived)))
        g.add((f, NHSKG.survey, vocab.survey(survey_id)))
        g.add((f, NHSKG.value, decimal_literal(value)))
        g.add((f, QB.measureType, measure))
        g.add((f, measure, decimal_literal(value)))
        g.add((f, NHSKG.unit, vocab.concept("unit", rec["unit"])))
        g.add((f, NHSKG.topic, vocab.topic(rec["topic"])))
        g.add((f, NHSKG.measure, vocab.concept("measure", rec.get("measure", "answer"))))
        g.add((f, NHSKG.impliedBy if derived else NHSKG.reportedIn, self.doc))
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
        self.wording_basis(q, "reconstructed")
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
        elif rec["operation"] == "sum":
            if not rec["plus"]:
                raise rec.error("plus", "missing — a sum needs the findings added to `from`")
            parts = [(source, source_value)] + [self.finding_ref(_Ref(rec, p), "plus")[:2]
                                                for p in rec["plus"]]
            value, used = sum((v for _, v in parts), Decimal(0)), [f for f, _ in parts]
            formula = " + ".join(str(v) for _, v in parts) + f" = {value}"
        else:
            value, used, formula = Decimal(100) - source_value, [source], f"100 - {source_value} = {Decimal(100) - source_value}"
        f = self.observation(rec, rec["survey"], value, f"derived by nhskg curators, not stated: {rec.get('option', rec['id'])}",
                             derived=True)
        derivation = vocab.thing("derivation", self.doc_id, rec["id"])
        g.add((f, RDF.type, NHSKG.DerivedFinding))
        g.add((f, PROV.wasAttributedTo, vocab.CURATORS))
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
        self.findings[rec["id"]] = (f, value, rec)

    def data_set(self, survey_id: str, unit: str, derived: bool) -> URIRef:
        """The survey's data set of findings in one unit (one Data Cube measure each): its results, or,
        apart from them and attributed to the curators, the figures they derived."""
        kind = "derived" if derived else "results"
        d, g = vocab.thing("survey", survey_id, kind, unit), self.g
        label = self.ctx.surveys[survey_id][1]["label"]
        g.add((d, RDF.type, QB.DataSet))
        g.add((d, QB.structure, NHSKG[f"dsd-{STRUCTURES[unit]}"]))
        g.add((d, PROV.wasGeneratedBy, vocab.survey(survey_id)))
        if derived:
            g.add((d, RDFS.label, Literal(f"Figures derived by nhskg curators, stated by no document ({STRUCTURES[unit].replace('-', ' ')}): {label}")))
            g.add((d, PROV.wasAttributedTo, vocab.CURATORS))
        else:
            g.add((d, RDFS.label, Literal(f"Findings of: {label} ({STRUCTURES[unit].replace('-', ' ')})")))
        return d

    def voiced(self, doc) -> None:
        """A finding or verbal figure whose words all lie inside a quotation was voiced by its speaker
        (004's "a third ... two thirds" are Michael Dixon's words, as HSJ reports them): read from the
        offsets, never curated, so it cannot drift from the text."""
        quotations = [(vocab.thing("quotation", self.doc_id, rec["id"]), self.ctx.resolve(rec, "speaker", doc_id=self.doc_id),
                       self.spans(rec)) for rec in doc.sections["quotations"]]
        claims = [(self.findings[rec["id"]][0], rec) for rec in doc.sections["findings"]]
        claims += [(vocab.thing("verbal-figure", self.doc_id, rec["id"]), rec) for rec in doc.sections["verbal_figures"]]
        for node, rec in claims:
            spans = self.spans(rec)
            for q, speaker, q_spans in quotations:
                if all(any(o.start <= s.start and s.end <= o.end for o in q_spans) for s in spans):
                    self.g.add((node, NHSKG.voicedIn, q))
                    self.g.add((node, NHSKG.voicedBy, speaker))

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
