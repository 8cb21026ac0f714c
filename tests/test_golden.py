"""Golden outputs, compared by graph isomorphism: a change to what a document's graph says must be
seen and accepted. Regenerate with `pytest --regen-golden` after checking the diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from nhskg import vocab
from nhskg.build.dataset import sorted_graph

GOLDEN = Path(__file__).parent / "golden"
CASES = {"document-003.ttl": vocab.graph_for_document("003"), "curation.ttl": vocab.CURATION_GRAPH}


@pytest.mark.parametrize("name", sorted(CASES))
def test_graph_matches_its_golden_file(name, dataset, regen_golden):
    built = sorted_graph(dataset.graph(CASES[name]))
    path = GOLDEN / name
    if regen_golden:
        path.write_text(built.serialize(format="turtle"), encoding="utf-8")
    golden = Graph().parse(path, format="turtle")
    if not isomorphic(built, golden):
        _, only_built, only_golden = graph_diff(to_isomorphic(built), to_isomorphic(golden))
        pytest.fail(f"{name} differs: {len(only_built)} triples only in the build, {len(only_golden)} only "
                    f"in the golden file, e.g. {sorted(only_built)[:2]} / {sorted(only_golden)[:2]}. "
                    "If the change is intended, run `.venv/bin/python -m pytest tests/test_golden.py --regen-golden`")
