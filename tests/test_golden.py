"""Golden outputs, compared by graph isomorphism: a change to what a document's graph says must be
seen and accepted. `pytest --regen-golden` rewrites the files and prints what changed, and compares
nothing in that run (a comparison right after regenerating could not fail); run again to compare."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from nhskg import vocab
from nhskg.build.dataset import sorted_graph

GOLDEN = Path(__file__).parent / "golden"
#: statistics.ttl: the size of every named graph and class as the build counts them (graph/statistics), so a
#: change in what the build emits anywhere shows as a changed count here.
CASES = {"document-003.ttl": vocab.graph_for_document("003"), "curation.ttl": vocab.CURATION_GRAPH,
         "statistics.ttl": vocab.STATISTICS_GRAPH}


@pytest.mark.parametrize("name", sorted(CASES))
def test_graph_matches_its_golden_file(name, dataset, regen_golden):
    built = sorted_graph(dataset.graph(CASES[name]))
    path = GOLDEN / name
    golden = Graph().parse(path, format="turtle") if path.exists() else Graph()
    if regen_golden:
        _, added, removed = graph_diff(to_isomorphic(built), to_isomorphic(golden))
        path.write_text(built.serialize(format="turtle"), encoding="utf-8")
        print(f"\n{name}: regenerated, {len(added)} triples added, {len(removed)} removed")
        for triple in sorted(added)[:20]:
            print("  +", " ".join(t.n3() for t in triple))
        for triple in sorted(removed)[:20]:
            print("  -", " ".join(t.n3() for t in triple))
        pytest.skip(f"{name} regenerated: read the diff above, then run the tests again to compare")
    if not isomorphic(built, golden):
        _, only_built, only_golden = graph_diff(to_isomorphic(built), to_isomorphic(golden))
        pytest.fail(f"{name} differs: {len(only_built)} triples only in the build, {len(only_golden)} only "
                    f"in the golden file, e.g. {sorted(only_built)[:2]} / {sorted(only_golden)[:2]}. "
                    "If the change is intended, run `.venv/bin/python -m pytest tests/test_golden.py --regen-golden`")
