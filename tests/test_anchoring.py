"""Anchoring, tested directly (not through a golden file the code under test could rewrite): the
``occurrence`` a curator gives picks that occurrence, and a finding's figure must lie inside its words."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from decimal import Decimal

import pytest
import yaml
from rdflib import Literal
from rdflib.namespace import XSD

from nhskg import paths
from nhskg.build.anchor import AnchorError, locate, locate_all, locate_within, occurrences
from nhskg.vocab import OA

TEXT = "a cat, a dog, a cat and a cat"


@pytest.mark.parametrize("occurrence,start", [(1, 2), (2, 16), (3, 26)])
def test_occurrence_picks_that_occurrence(occurrence, start):
    span = locate(TEXT, "cat", occurrence)
    assert (span.start, span.end, span.exact) == (start, start + 3, "cat")
    assert span.prefix == TEXT[:start][-32:] and span.suffix == TEXT[start + 3:][:32]


@pytest.mark.parametrize("words,occurrence,message", [
    ("cat", None, "occur 3 times"), ("cat", 4, "occurrence 4 asked but the words occur 3 times"),
    ("cat", 0, "occurrence 0 asked"), ("cow", None, "not found"), ("  ", None, "empty"),
])
def test_anchoring_fails_closed(words, occurrence, message):
    with pytest.raises(AnchorError, match=message):
        locate(TEXT, words, occurrence)


def test_a_figure_must_stand_inside_its_words():
    outer = locate(TEXT, "a dog, a cat")
    assert locate_within(TEXT, outer, "dog").start == 9
    assert locate_within(TEXT, outer, "cat").start == 16  # the one inside, not the first in the text
    with pytest.raises(AnchorError, match="not found inside"):
        locate_within(TEXT, outer, "and")


def _records_with_a_numbered_occurrence() -> list[tuple[str, str, int]]:
    found = []
    for path in paths.document_curation_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section in data.values():
            for record in section if isinstance(section, list) else []:
                if isinstance(record, dict) and isinstance(record.get("occurrence"), int):
                    words = record.get("words")
                    for w in words if isinstance(words, list) else [words]:
                        found.append((path.stem, w, record["occurrence"]))
    return found


CASES = _records_with_a_numbered_occurrence()


def test_there_are_numbered_occurrences_to_check():
    assert len(CASES) >= 1


@pytest.mark.parametrize("doc,words,occurrence", CASES, ids=[f"{d}:{w}#{o}" for d, w, o in CASES])
def test_the_build_anchors_the_numbered_occurrence(union, doc, words, occurrence):
    text = next(paths.SOURCES_DIR.glob(f"{doc}_*.txt")).read_text(encoding="utf-8")
    starts = occurrences(text, words)
    assert len(starts) >= occurrence >= 1
    expected = starts[occurrence - 1]
    anchored = set()
    for quote in union.subjects(OA.exact, Literal(words)):
        target = next(union.subjects(OA.hasSelector, quote))
        for position in union.objects(target, OA.hasSelector):
            start = union.value(position, OA.start)
            if start is not None:
                anchored.add(int(start))
    assert expected in anchored, f"{doc}: {words!r} occurrence {occurrence} is at {expected}; anchored at {sorted(anchored)}"
    assert Literal(expected, datatype=XSD.nonNegativeInteger) in set(union.objects(None, OA.start))


def test_the_build_refuses_a_figure_outside_its_words(tmp_path):
    """47%'s finding given the figure 32% (which the text has, elsewhere) and the value 32: only the check
    that the figure stands inside the finding's own words can catch it."""
    root = tmp_path / "project"
    for name in ("graph", "ontology", "shapes", "queries"):
        shutil.copytree(paths.ROOT / name, root / name)
    path = root / "graph" / "curation" / "documents" / "000.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    value: 47\n    unit: percent\n    topic: involvement-in-commissioning-support\n    base: null\n    figure: 47%\n"
    assert old in text
    path.write_text(text.replace(old, old.replace("47", "32")), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "nhskg", "build"], capture_output=True, text=True,
                            env={**os.environ, "NHSKG_ROOT": str(root), "NHSKG_DIST": str(root / "dist")})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "findings.figure" in result.stderr and "not found inside" in result.stderr, result.stderr
    assert not (root / "dist").exists()


# --- the messages a curator reads, and the limits they are cut at -----------------------------------------

@pytest.mark.parametrize("length,shown", [(80, "x" * 80), (81, "x" * 80 + "…")], ids=["80-whole", "81-cut"])
def test_words_in_a_message_are_cut_after_80_characters(length, shown):
    with pytest.raises(AnchorError) as raised:
        locate(TEXT, "x" * length)
    assert str(raised.value) == f"words not found in the text: {shown!r}"


@pytest.mark.parametrize("words,message", [
    ("cat", "words occur 3 times, give occurrence: N (1-3) or longer words: 'cat'"),
    ("a ", "words occur 4 times, give occurrence: N (1-4) or longer words: 'a '"),
    (", a ", "words occur 2 times, give occurrence: N (1-2) or longer words: ', a '"),
])
def test_ambiguous_words_say_how_many_times(words, message):
    with pytest.raises(AnchorError) as raised:
        locate(TEXT, words)
    assert str(raised.value) == message


def test_locate_all_finds_every_place_and_fails_closed():
    assert [(s.start, s.end) for s in locate_all(TEXT, "cat")] == [(2, 5), (16, 19), (26, 29)]
    assert locate_all(TEXT, "cat")[1].prefix == TEXT[:16] and locate_all(TEXT, "cat")[2].suffix == ""
    with pytest.raises(AnchorError, match="^words not found in the text: 'cow'$"):
        locate_all(TEXT, "cow")


def test_context_is_32_characters_either_side():
    text = "p" * 40 + "WORDS" + "s" * 40
    span = locate(text, "WORDS")
    assert (span.prefix, span.suffix) == ("p" * 32, "s" * 32)


def test_a_figure_found_twice_inside_its_words_is_refused():
    outer = locate(TEXT, "a cat and a cat")
    with pytest.raises(AnchorError, match="^'cat' found 2 times inside 'a cat and a cat'$"):
        locate_within(TEXT, outer, "cat")


# --- a document's anchoring, in process: where the build fails closed ------------------------------------

def _record(section: str, **data):
    from nhskg.build.curation import Record

    return Record(paths.DOCUMENT_CURATION_DIR / "000.yaml", section, data, 7, {"words": 8, "figure": 9})


@pytest.fixture(scope="module")
def doc000(ctx):
    from rdflib import Graph

    from nhskg.build.evidence import DocumentGraph

    return DocumentGraph(ctx, "000", Graph())


def test_spans_anchor_each_of_several_words(doc000):
    spans = doc000.spans(_record("findings", words=["47% of CCGs say they are fully involved"], occurrence=None))
    assert [doc000.text[s.start:s.end] for s in spans] == ["47% of CCGs say they are fully involved"]
    assert doc000.spans(_record("findings", words=None, occurrence=None)) == []
    both = doc000.spans(_record("mentions", words=["CCGs say they are fully", "47% of"], occurrence="all"))
    assert [s.exact for s in both] == ["CCGs say they are fully", "47% of"]


@pytest.mark.parametrize("section,words,occurrence,message", [
    ("findings", "47% of CCGs", "all", "graph/curation/documents/000.yaml:8: findings.words: occurrence: all is only "
                                       "for mentions and not_figures — give a number"),
    ("findings", "no such words here", None, "graph/curation/documents/000.yaml:8: findings.words: words not found in "
                                             "the text: 'no such words here' — copy the words exactly from "),
    ("findings", "CCGs", None, "graph/curation/documents/000.yaml:8: findings.words: words occur "),
], ids=["all-outside-mentions", "not-found-with-hint", "ambiguous-without-hint"])
def test_spans_fail_closed_at_the_words_line(doc000, section, words, occurrence, message):
    from nhskg.build.curation import CurationError

    with pytest.raises(CurationError) as raised:
        doc000.spans(_record(section, words=words, occurrence=occurrence))
    assert str(raised.value).startswith(message)
    assert ("copy the words exactly from" in str(raised.value)) is ("not found" in message)
    if "not found" in message:
        assert str(raised.value).endswith(doc000.ctx.sources["000"].record["file"])


@pytest.mark.parametrize("figure,message", [
    ("47%", None), ("32%", "'32%' not found inside"), ("of", "cannot read 'of' as a figure"),
])
def test_a_figure_is_read_from_inside_its_words(doc000, figure, message):
    from nhskg.build.curation import CurationError

    words = "47% of CCGs say they are fully involved"
    [span] = doc000.spans(_record("findings", words=words, occurrence=None))
    rec = _record("findings", words=words, figure=figure, occurrence=None)
    if message is None:
        assert doc000.figure(rec, span).value == 47
        return
    with pytest.raises(CurationError) as raised:
        doc000.figure(rec, span)
    assert str(raised.value).startswith("graph/curation/documents/000.yaml:9: findings.figure: ")
    assert message in str(raised.value) and str(raised.value).endswith(" — the figure must be the number's words inside `words`")


@pytest.mark.parametrize("value,text", [
    (47, "47.0"), (Decimal("33.30"), "33.3"), (-5, "-5.0"), (Decimal("1E+2"), "100.0"), (0.1, "0.1"),
    (Decimal("0.000"), "0.0"), (7.25, "7.25"),
], ids=lambda v: repr(v))
def test_a_decimal_is_written_in_its_canonical_form(value, text):
    from nhskg.build.evidence import decimal_literal

    assert decimal_literal(value) == Literal(text, datatype=XSD.decimal)


def test_occurrences_overlap_and_empty_words_are_refused():
    assert occurrences("aaaa", "aa") == [0, 1, 2]
    with pytest.raises(AnchorError, match="^the words are empty$"):
        locate(TEXT, "")
    inner = locate_within(TEXT, locate(TEXT, "a dog, a cat"), "cat")
    assert (inner.start, inner.end, inner.exact) == (16, 19, "cat")


def test_an_ambiguous_record_gets_no_hint(doc000):
    from nhskg.build.curation import CurationError

    with pytest.raises(CurationError) as raised:
        doc000.spans(_record("findings", words="CCGs", occurrence=None))
    assert str(raised.value).endswith("or longer words: 'CCGs'")


@pytest.mark.parametrize("value,datatype", [
    ("2013-04-01", XSD.date), ("2013-04", XSD.gYearMonth), ("2013", XSD.gYear),
    ("2013-13", None), ("2013-04-32", None), ("13", None), ("2013-4", None), ("April 2013", None),
], ids=["date", "month", "year", "month-13", "day-32", "two-digits", "one-digit-month", "words"])
def test_a_date_is_typed_as_precisely_as_it_is_known(value, datatype):
    from nhskg.build.curation import CurationError
    from nhskg.build.evidence import typed_date

    rec = _record("documents", published=value)
    if datatype is not None:
        assert typed_date(rec, "published") == Literal(value, datatype=datatype)
        return
    with pytest.raises(CurationError) as raised:
        typed_date(rec, "published")
    assert str(raised.value) == (f"graph/curation/documents/000.yaml:7: documents.published: {value!r} is not a date: "
                                 "write YYYY-MM-DD, YYYY-MM or YYYY")


@pytest.mark.parametrize("text,label", [
    ("x" * 60, "x" * 60),
    ("word " * 12 + "w", "word " * 11 + "word …"),  # 61 characters: cut at the last space within 60
    ("a " * 30, "a " * 30),
], ids=["60", "61", "60-spaces"])
def test_a_short_label_is_cut_at_a_word_after_60_characters(text, label):
    from nhskg.build.evidence import short_label

    assert short_label(text) == label
