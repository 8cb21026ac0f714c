"""One test per curated record: its words are in the text, its evidence is in the graph at the right
offsets, and its number is the number its words say."""

from __future__ import annotations

from decimal import Decimal

import pytest
from cases import CONTEXT, case_id, record_cases
from rdflib import Literal, URIRef

from nhskg import paths, vocab
from nhskg.figures import judge_fit, parse_figure
from nhskg.vocab import NHSKG, OA

CASES = record_cases()
MIN_CASES = 200


def test_the_suite_cannot_shrink_silently():
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} curated records; was at least {MIN_CASES}"


def _words(rec) -> list[str]:
    value = rec["words"]
    return [value] if isinstance(value, str) else list(value or [])


def _body(doc_id: str, section: str, rec) -> URIRef | None:
    if section == "surveys":
        return vocab.survey(rec["id"])
    if section == "findings":
        return vocab.finding(CONTEXT.finding_survey(doc_id, rec), rec["id"])
    if section == "verbal_figures":
        return vocab.thing("verbal-figure", doc_id, rec["id"])
    if section == "derived":
        return vocab.thing("derivation", doc_id, rec["id"])
    if section == "respondents":
        return vocab.thing("respondent", rec["id"])
    if section == "quotations":
        return vocab.thing("quotation", doc_id, rec["id"])
    if section == "mentions":
        return CONTEXT.resolve(rec, "entity", doc_id=doc_id)
    return None  # roles are checked by their words below; not_figures are not published


def _evidence(dataset, doc_id: str, body: URIRef) -> set[tuple[int, int, str]]:
    """(start, end, exact) of every annotation on ``body`` in the document's graph."""
    g = dataset.graph(vocab.graph_for_document(doc_id))
    found = set()
    for ann in g.subjects(OA.hasBody, body):
        target = g.value(ann, OA.hasTarget)
        assert g.value(target, OA.hasSource) == vocab.text(doc_id)
        selectors = list(g.objects(target, OA.hasSelector))
        starts = [g.value(s, OA.start) for s in selectors if g.value(s, OA.start) is not None]
        ends = [g.value(s, OA.end) for s in selectors if g.value(s, OA.end) is not None]
        exacts = [g.value(s, OA.exact) for s in selectors if g.value(s, OA.exact) is not None]
        assert len(starts) == len(ends) == len(exacts) == 1, f"{ann} needs one position and one quote selector"
        found.add((int(starts[0]), int(ends[0]), str(exacts[0])))
    return found


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_record_is_anchored_to_its_exact_words(case, dataset):
    doc_id, section, rec = case
    text = CONTEXT.sources[doc_id].text
    for words in _words(rec):
        count = text.count(words)
        if rec["occurrence"] is None:
            assert count == 1, f"{words!r} occurs {count} times"
        elif rec["occurrence"] != "all":
            assert 1 <= rec["occurrence"] <= count
        else:
            assert count >= 1
    body = _body(doc_id, section, rec)
    if body is None:
        return
    evidence = _evidence(dataset, doc_id, body)
    for start, end, exact in evidence:
        assert text[start:end] == exact, "offsets do not reproduce the quoted words"
    quoted = {exact for _, _, exact in evidence}
    assert set(_words(rec)) <= quoted, "an annotation is missing for some of the record's words"


@pytest.mark.parametrize("case", [c for c in CASES if c[1] == "findings"],
                         ids=[case_id(c) for c in CASES if c[1] == "findings"])
def test_finding_value_is_what_its_words_say(case, dataset):
    """The published value is what the words at the annotation's offsets in the verbatim text say.

    (The build checks the curated value against the curated words; this checks what was published
    against the source file itself.)"""
    doc_id, _, rec = case
    finding = vocab.finding(CONTEXT.finding_survey(doc_id, rec), rec["id"])
    graph = dataset.graph(vocab.graph_for_document(doc_id))
    stated = str(graph.value(finding, NHSKG.statedAs))
    text = (paths.SOURCES_DIR / CONTEXT.sources[doc_id].record["file"]).read_text(encoding="utf-8")
    spans = [text[start:end] for start, end, _ in _evidence(dataset, doc_id, finding)]
    assert any(stated in span for span in spans), (stated, spans)  # a finding may also quote its statement
    assert parse_figure(stated).value == Decimal(str(graph.value(finding, NHSKG.value)))


@pytest.mark.parametrize("case", [c for c in CASES if c[1] == "verbal_figures"],
                         ids=[case_id(c) for c in CASES if c[1] == "verbal_figures"])
def test_verbal_figure_fit_is_the_curators_reading(case, dataset):
    doc_id, _, rec = case
    target_doc, _, target_id = rec["stands_for"].removeprefix("finding:").rpartition("/")
    findings = CONTEXT.findings(target_doc or doc_id)
    if target_id in findings:
        value = Decimal(str(findings[target_id]["value"]))
    else:  # a derived sum ("most" = 17 + 43): the stated findings it adds
        derived = {r["id"]: r for r in CONTEXT.documents[doc_id].sections["derived"]}[target_id]
        assert derived["operation"] == "sum"
        value = sum(Decimal(str(findings[i]["value"])) for i in [derived["from"], *derived["plus"]])
    fit = judge_fit(parse_figure(rec["figure"]), value)
    assert fit == rec["expect_fit"], f"the fit rule says {fit}, the curator read {rec['expect_fit']}"
    verbal = vocab.thing("verbal-figure", doc_id, rec["id"])
    graph = dataset.graph(vocab.graph_for_document(doc_id))
    assert graph.value(verbal, NHSKG.fit) == vocab.concept("fit", fit)


@pytest.mark.parametrize("case", [c for c in CASES if c[1] == "roles"],
                         ids=[case_id(c) for c in CASES if c[1] == "roles"])
def test_role_names_the_person_as_written(case, dataset):
    doc_id, _, rec = case
    assert rec["name_form"] in _words(rec)[0]
    person = CONTEXT.resolve(rec, "person")
    graph = dataset.graph(vocab.graph_for_document(doc_id))
    assert Literal(rec["name_form"]) in set(graph.objects(person, NHSKG.nameForm))
