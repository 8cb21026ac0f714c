"""Anchoring, tested directly (not through a golden file the code under test could rewrite): the
``occurrence`` a curator gives picks that occurrence, and a finding's figure must lie inside its words."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml
from rdflib import Literal
from rdflib.namespace import XSD

from nhskg import paths
from nhskg.build.anchor import AnchorError, locate, locate_within, occurrences
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
