"""People are one node across documents; documents carry their publication facts, checked against
SOURCES.md; judgements are explicit and attributed, never merges."""

from __future__ import annotations

import hashlib
import re

import pytest
from cases import CONTEXT
from rdflib import Literal
from rdflib.namespace import OWL, PROV, RDF, XSD

from nhskg import paths, vocab
from nhskg.vocab import NHSKG, SCHEMA


def _graphs_mentioning(dataset, node):
    return {str(q[3]).rsplit("/", 1)[-1] for q in dataset.quads((None, None, node, None))
            if "/graph/document/" in str(q[3])}


def test_michael_dixon_is_one_node_across_two_documents_with_every_name_form(dataset):
    dixon = vocab.person("michael-dixon")
    assert _graphs_mentioning(dataset, dixon) >= {"003", "004"}
    forms = {str(o) for _, _, o, _ in dataset.quads((dixon, NHSKG.nameForm, None, None))}
    assert {"Michael Dixon", "Dr Michael Dixon", "Dr Dixon"} <= forms


def test_michael_dixon_roles_are_attested_per_document(union):
    roles = {(str(union.value(m, vocab.ORG.organization)), str(union.value(m, NHSKG.attestedIn)))
             for m in union.subjects(vocab.ORG.member, vocab.person("michael-dixon"))}
    assert (str(vocab.organisation("nhs-alliance")), str(vocab.document("004"))) in roles
    assert (str(vocab.organisation("clinical-commissioning-coalition")), str(vocab.document("003"))) in roles


def test_no_two_people_share_a_name(dataset):
    people = {s for s, _, _, _ in dataset.quads((None, RDF.type, SCHEMA.Person, vocab.CURATION_GRAPH))}
    names = [str(o) for s, _, o, _ in dataset.quads((None, SCHEMA.name, None, vocab.CURATION_GRAPH)) if s in people]
    assert len(names) == len(set(names)) == len(CONTEXT.people) == 8


def test_nothing_is_merged_silently(dataset, union):
    assert not list(dataset.quads((None, OWL.sameAs, None, None)))
    judgements = {s for s, _, _, _ in dataset.quads((None, RDF.type, NHSKG.CuratorialJudgement, None))}
    assert len(judgements) == len(CONTEXT.judgements) >= 3
    for j in judgements:
        assert union.value(j, PROV.wasAttributedTo) == vocab.CURATORS
        assert len(str(union.value(j, NHSKG.rationale))) > 40


SOURCES_ROWS = {m.group(1): m.group(0) for m in re.finditer(r"^\| `(\d{3}_[0-9a-f]+\.txt)` \|.*$",
                                                             paths.SOURCES_MD.read_text(encoding="utf-8"), re.M)}


@pytest.mark.parametrize("doc_id", sorted(CONTEXT.sources))
def test_publication_facts_agree_with_sources_md(doc_id, dataset):
    rec = CONTEXT.sources[doc_id].record
    row = SOURCES_ROWS[rec["file"]]
    kind = {"news-report": "news report", "press-release": "press release"}[rec["kind"]]
    assert f"| {kind} |" in row
    if rec["url"]:
        assert rec["url"] in row
    if rec["title"]:
        assert rec["title"] in row
    if rec["publisher"]:
        publisher = CONTEXT.organisations[rec["publisher"].split(":")[1]]
        names = [publisher["label"], *publisher.get("alt_labels", [])]
        assert any(n in row for n in names), (names, row)
    if rec["date_basis"] == "not-in-text":
        assert "not in text" in row and rec["date"] is None
    doc = vocab.document(doc_id)
    g = dataset.graph(vocab.graph_for_document(doc_id))
    raw = (paths.SOURCES_DIR / rec["file"]).read_bytes()
    checksum = g.value(doc, vocab.SPDX.checksum)
    assert g.value(checksum, vocab.SPDX.algorithm) == vocab.SPDX.checksumAlgorithm_sha256
    assert str(g.value(checksum, vocab.SPDX.checksumValue)) == hashlib.sha256(raw).hexdigest()
    assert str(dataset.graph(vocab.graph_for_text(doc_id)).value(doc, NHSKG.verbatimText)) == raw.decode("utf-8")


def test_dates_are_typed_by_what_is_known(dataset):
    assert dataset.graph(vocab.graph_for_document("003")).value(vocab.document("003"), SCHEMA.datePublished) \
        == Literal("2012-03-06", datatype=XSD.date)
    assert str(dataset.graph(vocab.graph_for_document("002")).value(vocab.document("002"), SCHEMA.datePublished)) \
        == "2012-05"
    assert dataset.graph(vocab.graph_for_document("000")).value(vocab.document("000"), SCHEMA.datePublished) is None
