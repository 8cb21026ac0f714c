"""Coverage, found independently of the curation: every figure, number and quoted passage in the five
texts is annotated, and every person and organisation named is a node."""

from __future__ import annotations

import re

import pytest
from cases import CONTEXT

from nhskg.build.anchor import locate, locate_all
from nhskg.figures import find_figures, is_date_like, number_tokens

FIGURE_SECTIONS = ("findings", "verbal_figures", "derived")
ALL_SECTIONS = (*FIGURE_SECTIONS, "surveys", "not_figures")


def _spans(doc_id: str, sections) -> list[tuple[int, int]]:
    text, spans = CONTEXT.sources[doc_id].text, []
    for section in sections:
        for rec in CONTEXT.documents[doc_id].sections[section]:
            words = [rec["words"]] if isinstance(rec["words"], str) else list(rec["words"] or [])
            for w in words:
                found = locate_all(text, w) if rec["occurrence"] == "all" else [locate(text, w, rec["occurrence"])]
                spans += [(s.start, s.end) for s in found]
    return spans


def _covered(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _figure_cases():
    return [(doc_id, fig) for doc_id, src in CONTEXT.sources.items() for fig in find_figures(src.text)]


FIGURES = _figure_cases()


#: Survey figures per text, counted by hand (percentages, "per cent", numbers and fractions in words,
#: sample sizes, mean scores, the percentage-point change): the detector must find exactly these.
HAND_COUNTED = {"000": 27, "001": 14, "002": 24, "003": 11, "004": 10}  # 002 counts "the overwhelming majority (96%)"


@pytest.mark.parametrize("doc_id", sorted(HAND_COUNTED))
def test_figure_detection_finds_the_hand_counted_figures(doc_id):
    found = [f.text for d, f in FIGURES if d == doc_id]
    assert len(found) == HAND_COUNTED[doc_id], found


@pytest.mark.parametrize("doc_id,fig", FIGURES, ids=[f"{d}@{f.start}:{f.text}" for d, f in FIGURES])
def test_every_figure_in_the_text_is_a_curated_figure(doc_id, fig):
    assert _covered(fig.start, fig.end, _spans(doc_id, FIGURE_SECTIONS)), \
        f"{fig.text!r} at {fig.start} in {doc_id} is not inside any finding, verbal figure or derivation"


TOKENS = [(doc_id, t) for doc_id, src in CONTEXT.sources.items() for t in number_tokens(src.text)]


@pytest.mark.parametrize("doc_id,token", TOKENS, ids=[f"{d}@{t[0]}:{t[2]}" for d, t in TOKENS])
def test_every_number_is_accounted_for(doc_id, token):
    start, end, word = token
    text = CONTEXT.sources[doc_id].text
    assert _covered(start, end, _spans(doc_id, ALL_SECTIONS)) or is_date_like(text, start, end), \
        f"{word!r} at {start} in {doc_id} is in no record: annotate it, or list it in not_figures with a why"


def quoted_passages(text: str, shortest: int = 12) -> list[tuple[int, int, str]]:
    """Passages inside “…”, ‘…’ or paired straight double quotes, at least ``shortest`` characters."""
    found = [(m.start(m.lastindex), m.end(m.lastindex)) for m in re.finditer(r"“([^”]*)”|‘((?:[^’]|’(?=[a-z]))*)’", text)]
    straight = [i for i, ch in enumerate(text) if ch == '"']
    found += [(a + 1, b) for a, b in zip(straight[::2], straight[1::2], strict=False)]
    return sorted((s, e, text[s:e]) for s, e in found if e - s >= shortest)


QUOTES = [(doc_id, *q) for doc_id, src in CONTEXT.sources.items() for q in quoted_passages(src.text)]


@pytest.mark.parametrize("doc_id,start,end,words", QUOTES, ids=[f"{q[0]}@{q[1]}" for q in QUOTES])
def test_every_quoted_passage_is_a_quotation_or_a_finding(doc_id, start, end, words):
    spans = _spans(doc_id, ("quotations", "findings", "verbal_figures", "questions"))
    inside = [(s, e) for s, e in spans if s < end and start < e]
    assert inside, f"{words[:60]!r} in {doc_id} is quoted in the text but is no quotation, question or finding"


def test_every_curated_person_and_organisation_is_mentioned_or_used():
    used = set()
    for doc in CONTEXT.documents.values():
        for section in ("mentions", "roles", "quotations", "surveys"):
            for rec in doc.sections[section]:
                for field in ("entity", "person", "organisation", "speaker", "conductors", "partners"):
                    value = rec[field]
                    used.update([value] if isinstance(value, str) else value or [])
    for rec in CONTEXT.sources.values():  # a publisher or issuer is attested by documents.yaml
        used.update([rec.record["publisher"]] if rec.record["publisher"] else [])
        used.update(rec.record.get("issuers", []) or [])
    unused = [f"person:{p}" for p in CONTEXT.people if f"person:{p}" not in used]
    unused += [f"org:{o}" for o in CONTEXT.organisations if f"org:{o}" not in used]
    assert not unused, f"curated but never attested by a document: {unused}"


_HONORIFIC = re.compile(r"\b(?:Dr|Mr|Mrs|Ms)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")


@pytest.mark.parametrize("doc_id", sorted(CONTEXT.sources))
def test_every_titled_name_is_a_person_mention(doc_id):
    text = CONTEXT.sources[doc_id].text
    mentions = _spans_of_mentions(doc_id)
    missing = [m.group(0) for m in _HONORIFIC.finditer(text)
               if not any(s < m.end() and m.start() < e for s, e in mentions)]
    assert not missing, f"named in {doc_id} but not mentioned: {missing}"


def _spans_of_mentions(doc_id: str) -> list[tuple[int, int]]:
    text, spans = CONTEXT.sources[doc_id].text, []
    for rec in CONTEXT.documents[doc_id].sections["mentions"]:
        found = locate_all(text, rec["words"]) if rec["occurrence"] == "all" else [locate(text, rec["words"], rec["occurrence"])]
        spans += [(s.start, s.end) for s in found if rec["entity"].startswith("person:")]
    return spans


def _mentioned(doc_id: str, entity: str) -> bool:
    return any(rec["entity"] == entity for rec in CONTEXT.documents[doc_id].sections["mentions"])


NAMES = [(f"org:{slug}", name) for slug, rec in CONTEXT.organisations.items()
         for name in [rec["label"], *rec.get("alt_labels", [])]]
NAMES += [(f"person:{slug}", rec["name"]) for slug, rec in CONTEXT.people.items()]
NAMES += [(f"person:{slug}", rec["name"].split()[-1]) for slug, rec in CONTEXT.people.items()]
NAMES += [(f"ccg:{o.key}", o.name.removeprefix("NHS ").replace(" & ", " and ") + " CCG")
          for o in CONTEXT.registers.of_kind("ccg")]
NAMED = sorted({(doc_id, entity, name) for doc_id, src in CONTEXT.sources.items() for entity, name in NAMES
                if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", src.text)})


def test_names_found_in_the_texts():
    assert len(NAMED) >= 40, len(NAMED)


@pytest.mark.parametrize("doc_id,entity,name", NAMED, ids=[f"{d}:{n}" for d, _, n in NAMED])
def test_every_name_in_a_text_is_a_mention(doc_id, entity, name):
    assert _mentioned(doc_id, entity), f"{name!r} stands in {doc_id} but {entity} is not mentioned there"


def test_ccgs_named_with_their_own_word_order_are_mentioned():
    # "neighbouring CCG, Ipswich and East Suffolk" names a CCG without the word CCG after it.
    assert _mentioned("002", "ccg:06L") and _mentioned("002", "ccg:07K") and _mentioned("002", "ccg:01D")
