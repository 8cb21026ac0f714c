"""People and organisations in a document's words: respondents, roles, quotations, mentions."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

from .. import vocab
from ..vocab import NHSKG, OA, ORG, SCHEMA
from .curation import Record
from .evidence import DocumentGraph, short_label


class PeopleClaims(DocumentGraph):
    """The records of a document about who is named, who speaks, and in what role."""

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
        g.add((q, RDFS.label, Literal(short_label(spans[0].exact))))
        g.add((q, NHSKG.reportedIn, self.doc))
        self.annotate(q, spans, f"quotation-{rec['id']}", OA.describing)

    def mention(self, rec: Record) -> None:
        entity = self.ctx.resolve(rec, "entity", doc_id=self.doc_id)
        spans = self.spans(rec)
        self.g.add((self.doc, SCHEMA.mentions, entity))
        self.g.add((entity, NHSKG.nameForm, Literal(spans[0].exact)))
        self.annotate(entity, spans, "mention", OA.identifying)
