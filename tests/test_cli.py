"""The command line: every command has working --help, and a user's mistake is one clear line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from nhskg import paths
from nhskg.cli import COMMANDS as COMMAND_TABLE
from nhskg.cli import cli

LOADED = {name: cli.get_command(None, name) for name in cli.list_commands(None)}
COMMANDS = sorted([name] for name in LOADED)
COMMANDS += sorted([name, sub] for name, command in LOADED.items() for sub in getattr(command, "commands", {}))


def test_the_group_lists_its_commands():
    assert {"build", "check", "fmt", "validate", "query", "sparql", "trace", "network"} <= set(LOADED)
    assert {"list", "show", "run"} <= set(LOADED["query"].commands)
    assert len(COMMANDS) >= 14


@pytest.mark.parametrize("name", sorted(COMMAND_TABLE), ids=sorted(COMMAND_TABLE))
def test_the_lazy_help_line_is_the_command_s_own(name):
    """`nhskg --help` shows lines from cli.COMMANDS without importing the commands: they must not drift."""
    command = LOADED[name]
    assert command.name == name
    assert COMMAND_TABLE[name][2] == (command.help or "").strip().splitlines()[0]


def test_the_top_level_help_lists_every_command_with_its_line():
    output = CliRunner().invoke(cli, ["--help"]).output
    for name in COMMAND_TABLE:
        assert f"  {name} " in output
    assert "Report the graph's inconsistencies" in output


@pytest.mark.parametrize("typed,suggested", [("serv", "serve"), ("valdiate", "validate"), ("trcae", "trace")])
def test_a_mistyped_command_gets_a_suggestion(typed, suggested):
    result = CliRunner().invoke(cli, [typed])
    assert result.exit_code == 2 and f"did you mean {suggested}" in result.output


def test_help_imports_no_heavy_library():
    """Start-up: `nhskg --help` must not pay for the RDF, SHACL, network or plotting libraries."""
    probe = ("import sys\nfrom nhskg.cli import main\nsys.argv = ['nhskg', '--help']\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('LOADED', ' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
             "{'rdflib', 'pyshacl', 'networkx', 'matplotlib', 'pyoxigraph', 'yaml'} or m.startswith('nhskg.'))))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = result.stdout.split("LOADED", 1)[1].split()
    assert "Usage:" in result.stdout
    assert loaded == ["nhskg.cli", "nhskg.errors"], loaded


@pytest.mark.parametrize("command", [[]] + COMMANDS, ids=["nhskg"] + [" ".join(c) for c in COMMANDS])
def test_help(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's inputs to break on purpose."""
    root = tmp_path / "project"
    for folder in ("graph", "ontology", "shapes", "queries"):
        shutil.copytree(paths.ROOT / folder, root / folder)
    return root


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NHSKG_ROOT": str(root), "NHSKG_DIST": str(root / "dist")}
    return subprocess.run([sys.executable, "-m", "nhskg", *args], capture_output=True, text=True, env=env)


def _break(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("relative,old,new,expected", [
    ("graph/curation/documents/000.yaml", "words: 47% of CCGs say they are fully involved",
     "words: 47% of CCGs say they are all fully involved", "000.yaml:"),
    ("graph/curation/documents/000.yaml", "value: 47\n", "value: 48\n", "findings.value: 48 but the words '47%' say 47"),
    ("graph/curation/documents/004.yaml", "speaker: person:michael-dixon", "speaker: person:mike-dixon",
     "'person:mike-dixon' is not in people.yaml"),
    ("graph/curation/people.yaml", "name: Steve Kell", "nam: Steve Kell", "people.nam: unknown field"),
    ("graph/curation/topics.yaml", "- id: inherited-debt", "- id: inherited-debt: [", "topics.yaml:"),
])
def test_a_bad_curated_file_is_one_line_naming_file_line_and_field(project_copy, relative, old, new, expected):
    _break(project_copy, relative, old, new)
    result = _run(project_copy, "build")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert expected in result.stderr
    assert not (project_copy / "dist").exists(), "nothing may be written when the input is bad"


def test_ambiguous_words_are_refused(project_copy):
    _break(project_copy, "graph/curation/documents/000.yaml", "words: 47% of CCGs say they are fully involved",
           "words: '47%'")
    result = _run(project_copy, "build")
    assert result.returncode == 2 and "occur 2 times" in result.stderr


def test_a_good_build_writes_every_output(project_copy):
    result = _run(project_copy, "build")
    assert result.returncode == 0, result.stderr
    assert "findings" in result.stdout
    assert sorted(p.name for p in (project_copy / "dist").iterdir()) == sorted(
        ["answers", "docs", "context.jsonld", "inputs.json", "nhskg-open.trig", "nhskg.jsonld", "nhskg.nq", "nhskg.nt",
         "nhskg.trig", "nhskg.ttl", "store", "texts", "trace-index.jsonl", "trace-index.stamp", "void.ttl"])
    assert sorted(p.name for p in (project_copy / "dist" / "texts").iterdir()) == [f"00{i}.txt" for i in range(5)]
    assert "## `surveys` — Every survey" in (project_copy / "dist" / "docs" / "queries.md").read_text(encoding="utf-8")
