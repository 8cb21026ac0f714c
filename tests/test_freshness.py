"""One rule for every command that reads the built graph: a stale or missing dist/ is rebuilt first, with a
one-line notice on stderr; a current dist/ is read as it is, silently. validate and check read the curated
inputs and never touch dist/.

Each case runs the real command in a copy of the project (NHSKG_ROOT), as a user would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nhskg import paths

READING_COMMANDS = {
    "query run": ["query", "run", "surveys", "--format", "csv"],
    "sparql": ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
    "trace": ["trace", "47% of CCGs say they are fully involved"],
    "network report": ["network", "report", "--format", "json"],
}


LABEL_OF_TOPIC = ("SELECT ?l WHERE { <https://w3id.org/nhskg/id/topic/commissioning-support> "
                  "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fresh") / "project"
    for folder in ("graph", "ontology", "shapes", "queries"):
        shutil.copytree(paths.ROOT / folder, root / folder)
    return root


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NHSKG_ROOT": str(root), "NHSKG_DIST": str(root / "dist"), "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run([sys.executable, "-m", "nhskg", *args], capture_output=True, text=True, env=env, timeout=300)


def _touch_later_than_dist(root: Path, relative: str) -> None:
    later = (root / "dist" / "nhskg.trig").stat().st_mtime + 5
    os.utime(root / relative, (later, later))


def test_validate_and_check_never_read_or_write_dist(project):
    for command in (["check", "--format", "json"], ["validate", "--format", "json"]):
        result = _run(project, *command)
        assert result.returncode == 0, result.stderr
        assert not (project / "dist").exists(), f"{command[0]} wrote dist/"


@pytest.mark.parametrize("name", ["query run", "trace"])
def test_a_reading_command_builds_a_missing_dist_then_reads_it_silently(project, name):
    shutil.rmtree(project / "dist", ignore_errors=True)
    first = _run(project, *READING_COMMANDS[name])
    assert first.returncode == 0, first.stderr
    notices = first.stderr.strip().splitlines()
    assert notices == ["nhskg: dist/nhskg.trig is missing: building it first"], first.stderr
    assert (project / "dist" / "nhskg.trig").exists()
    again = _run(project, *READING_COMMANDS[name])
    assert again.returncode == 0 and again.stderr == "", again.stderr
    assert again.stdout == first.stdout


@pytest.mark.parametrize("name", sorted(READING_COMMANDS), ids=sorted(READING_COMMANDS))
def test_a_reading_command_rebuilds_when_an_input_is_newer(project, name):
    if not (project / "dist" / "nhskg.trig").exists():
        assert _run(project, "build").returncode == 0
    _touch_later_than_dist(project, "graph/curation/people.yaml")
    built_before = (project / "dist" / "nhskg.trig").stat().st_mtime
    result = _run(project, *READING_COMMANDS[name])
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines() == [
        "nhskg: graph/curation/people.yaml changed since dist/nhskg.trig was built: building it first"]
    assert (project / "dist" / "nhskg.trig").stat().st_mtime > built_before


def test_an_edit_reaches_the_query_that_follows_it(project):
    """The bug this rule fixes: `query` answered from a stale dist/ while `check` saw the edit."""
    assert _run(project, "build").returncode == 0
    before = _run(project, "sparql", LABEL_OF_TOPIC, "--format", "csv")
    assert "commissioning support\r\n" in before.stdout or "commissioning support\n" in before.stdout
    topics = project / "graph" / "curation" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(
        "label: commissioning support\n", "label: commissioning support services\n", 1), encoding="utf-8")
    _touch_later_than_dist(project, "graph/curation/topics.yaml")
    after = _run(project, "sparql", LABEL_OF_TOPIC, "--format", "csv")
    assert after.returncode == 0, after.stderr
    assert "commissioning support services" in after.stdout and "building it first" in after.stderr


def test_a_removed_input_an_editor_s_swap_file_and_a_clock_in_the_future(project):
    """Found in review: a deleted input went unnoticed, a dotfile counted, a future time rebuilt for ever."""
    assert _run(project, "build").returncode == 0
    swap = project / "graph" / "curation" / ".people.yaml.swp"
    swap.write_text("x", encoding="utf-8")
    assert _run(project, *READING_COMMANDS["sparql"]).stderr == ""  # a swap file is not an input
    swap.unlink()
    judgements = project / "graph" / "curation" / "series.yaml"
    kept = judgements.read_bytes()
    judgements.unlink()
    removed = _run(project, *READING_COMMANDS["sparql"])
    assert "graph/curation/series.yaml was removed since dist/nhskg.trig was built" in removed.stderr
    judgements.write_bytes(kept)
    future = time.time() + 3600
    os.utime(project / "ontology" / "nhskg.ttl", (future, future))
    first = _run(project, *READING_COMMANDS["sparql"])
    assert "changed since dist/nhskg.trig was built" in first.stderr and first.returncode == 0
    again = _run(project, *READING_COMMANDS["sparql"])
    assert again.stderr == "", "a file dated in the future must not make every command rebuild"


@pytest.mark.parametrize("name", sorted(READING_COMMANDS), ids=sorted(READING_COMMANDS))
def test_a_trig_the_build_did_not_write_is_refused_never_rebuilt_over(project, tmp_path, name):
    """Found using the project: `NHSKG_DIST=<a folder of generated 10M-triple TriG> nhskg serve` took the folder
    for a stale dist/ (no record of inputs) and replaced the 974 MB graph with a build of the project's own."""
    foreign = tmp_path / "generated"
    foreign.mkdir()
    graph = foreign / "nhskg.trig"
    graph.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    env = {**os.environ, "NHSKG_ROOT": str(project), "NHSKG_DIST": str(foreign)}
    result = subprocess.run([sys.executable, "-m", "nhskg", *READING_COMMANDS[name]], capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 2 and "was not written by `nhskg build` (no inputs.json beside it)" in result.stderr
    assert "Traceback" not in result.stderr
    assert graph.read_text(encoding="utf-8") == "<urn:a> <urn:b> <urn:c> .\n"
    assert sorted(p.name for p in foreign.iterdir()) == ["nhskg.trig"]
