"""Everything curated, loaded once and cross-checked: references resolve, ids are unique.

The build asks a ``Context`` to turn a reference (``org:napc``, ``ccg:02Q``, ``person:michael-dixon``,
``finding:000/not-involved``) into an IRI; a reference to nothing is an error at the record's line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from .. import paths, vocab
from .curation import CurationError, DocumentCuration, Record, read_document_file, read_section
from .registers import Registers, load_registers
from .sources import Source, load_sources


@dataclass
class Context:
    """The sources, registers and curated records, indexed for reference resolution."""

    sources: dict[str, Source]
    registers: Registers
    organisations: dict[str, Record]
    people: dict[str, Record]
    topics: dict[str, Record]
    series: dict[str, Record]
    judgements: list[Record]
    documents: dict[str, DocumentCuration]
    surveys: dict[str, tuple[str, Record]] = field(default_factory=dict)  # id -> (doc, record)

    _by_id_cache: dict[tuple[str, str], dict[str, Record]] = field(default_factory=dict, repr=False)

    def _section_by_id(self, doc_id: str, section: str) -> dict[str, Record]:
        """A document's records of one section by id, indexed once (looked up for every finding)."""
        key = (doc_id, section)
        if key not in self._by_id_cache:
            self._by_id_cache[key] = {r["id"]: r for r in self.documents[doc_id].sections[section]}
        return self._by_id_cache[key]

    def findings(self, doc_id: str) -> dict[str, Record]:
        return self._section_by_id(doc_id, "findings")

    def questions(self, doc_id: str) -> dict[str, Record]:
        return self._section_by_id(doc_id, "questions")

    def finding_survey(self, doc_id: str, rec: Record) -> str:
        """The survey a finding belongs to: its own ``survey``, else its question's."""
        if rec["question"]:
            question = self.questions(doc_id).get(rec["question"])
            if question is None:
                raise rec.error("question", f"no question {rec['question']!r} in this document's questions")
            if rec["survey"] and rec["survey"] != question["survey"]:
                raise rec.error("survey", f"the question belongs to survey {question['survey']!r}")
            return question["survey"]
        if not rec["survey"]:
            raise rec.error("survey", "missing — a finding without a question must name its survey")
        return rec["survey"]

    def survey_of(self, rec: Record, name: str, doc_id: str) -> URIRef:
        """The IRI of the survey named in field ``name``, which this document must define."""
        survey_id = rec[name]
        if survey_id not in self.surveys or self.surveys[survey_id][0] != doc_id:
            raise rec.error(name, f"no survey {survey_id!r} in this document's surveys")
        return vocab.survey(survey_id)

    def resolve(self, rec: Record, name: str, ref: str | None = None, doc_id: str | None = None) -> URIRef:
        """The IRI a reference names; an unknown reference is an error at ``rec.name``."""
        ref = ref if ref is not None else rec[name]
        kind, _, key = ref.partition(":")
        if kind == "org" and key in self.organisations:
            if self.organisations[key]["register"]:  # a register body in a further role: its register IRI
                return self.resolve(self.organisations[key], "register")
            return vocab.organisation(key)
        if kind == "person" and key in self.people:
            return vocab.person(key)
        if kind in vocab.REGISTER_KINDS and self.registers.get(kind, key):
            return vocab.thing(vocab.REGISTER_KINDS[kind], key)
        if kind == "respondent" and doc_id is not None:
            ids = {r["id"] for r in self.documents[doc_id].sections["respondents"]}
            if key in ids:
                return vocab.thing("respondent", key)
        if kind == "survey" and key in self.surveys:
            return vocab.survey(key)
        if kind == "finding" and "/" in key:
            doc, fid = key.split("/", 1)
            if doc in self.documents and fid in self.findings(doc):
                return vocab.finding(self.finding_survey(doc, self.findings(doc)[fid]), fid)
        if kind == "verbal" and "/" in key:
            doc, vid = key.split("/", 1)
            if doc in self.documents and vid in {r["id"] for r in self.documents[doc].sections["verbal_figures"]}:
                return vocab.thing("verbal-figure", doc, vid)
        known = {"verbal": "verbal:DOC/ID of a document's verbal figures", "org": "organisations.yaml", "person": "people.yaml", "respondent": "this document's respondents",
                 "survey": "a document's surveys", "finding": "finding:DOC/ID of a document's findings"}
        where = known.get(kind, "the registers" if kind in vocab.REGISTER_KINDS else None)
        if where is None:
            kinds = ", ".join(["org", "person", "respondent", "survey", "finding", "verbal", *vocab.REGISTER_KINDS])
            raise rec.error(name, f"{ref!r}: unknown kind {kind!r} — use one of {kinds}")
        raise rec.error(name, f"{ref!r} is not in {where} — add it there or fix the reference")


def _by_id(records: list[Record], what: str) -> dict[str, Record]:
    index: dict[str, Record] = {}
    for rec in records:
        if rec["id"] in index:
            raise rec.error("id", f"{what} {rec['id']!r} is defined twice (also line {index[rec['id']].line})")
        index[rec["id"]] = rec
    return index


def load_context() -> Context:
    """Load and cross-check every input of the build."""
    sources = load_sources()
    documents: dict[str, DocumentCuration] = {}
    for path in paths.document_curation_files():
        doc = read_document_file(path)
        if doc.doc_id not in sources:
            raise CurationError(path, 1, "document", f"{doc.doc_id!r} is not listed in documents.yaml")
        if doc.doc_id in documents:
            raise CurationError(path, 1, "document", f"document {doc.doc_id} is also curated in "
                                f"{documents[doc.doc_id].path.name}")
        documents[doc.doc_id] = doc
    ctx = Context(
        sources=sources, registers=load_registers(),
        organisations=_by_id(read_section(paths.ORGANISATIONS_YAML, "organisations"), "organisation"),
        people=_by_id(read_section(paths.PEOPLE_YAML, "people"), "person"),
        topics=_by_id(read_section(paths.TOPICS_YAML, "topics"), "topic"),
        series=_by_id(read_section(paths.SERIES_YAML, "series"), "series"),
        judgements=read_section(paths.JUDGEMENTS_YAML, "judgements"),
        documents=dict(sorted(documents.items())),
    )
    respondents: dict[str, str] = {}
    for doc_id, doc in ctx.documents.items():
        for section in ("questions", "findings", "verbal_figures", "derived", "respondents", "quotations"):
            _by_id(doc.sections[section], section.rstrip("s").replace("_", " "))
        for rec in doc.sections["respondents"]:  # respondent IRIs are global: ids must be too
            if rec["id"] in respondents:
                raise rec.error("id", f"respondent {rec['id']!r} is also defined in document {respondents[rec['id']]}")
            respondents[rec["id"]] = doc_id
        for rec in doc.sections["surveys"]:
            if rec["id"] in ctx.surveys:
                raise rec.error("id", f"survey {rec['id']!r} is also defined in document {ctx.surveys[rec['id']][0]}")
            ctx.surveys[rec["id"]] = (doc_id, rec)
    return ctx

