"""The catalogue's materialised answers (``nhskg.answers``): what the build writes is what a live evaluation
gives, byte for byte in every format; it is taken only for the build's graph, query text and parameter values;
and ``query run`` and the server's ``/api/catalogue/NAME`` take it (``--live`` and a protocol dataset do not)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from nhskg import paths
from nhskg.catalogue import bindings, catalogue
from nhskg.cli import cli
from nhskg import answers
from nhskg.query import guard
from nhskg.query.results import materialised_answer
from nhskg.query.store import ReopeningStore, open_store
from nhskg.release.pipeline import run_build
from nhskg.web.app import create_app

LISTINGS = {name: q for name, q in catalogue().items() if q.kind == "query"}
assert len(LISTINGS) >= 15, "the catalogue shrank"


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """A release of this module's own, so tests may tamper with its answers."""
    folder = tmp_path_factory.mktemp("dist-answers")
    run_build(folder)
    return folder


@pytest.fixture
def copy(dist, tmp_path):
    """A copy of the release (times kept, so its store and answers stay current) to tamper with."""
    target = tmp_path / "dist"
    shutil.copytree(dist, target, copy_function=shutil.copy2)
    return target


def _rewrite(folder, name: str, data: bytes) -> None:
    """Replace an answer and its manifest entry's digest, as someone editing both would."""
    answers_dir = paths.answers_dir(folder)
    (answers_dir / f"{name}.tsv").write_bytes(data)
    manifest = json.loads((answers_dir / answers.MANIFEST).read_text())
    manifest["answers"][name]["sha256"] = hashlib.sha256(data).hexdigest()
    (answers_dir / answers.MANIFEST).write_text(json.dumps(manifest))


@pytest.mark.parametrize("name", sorted(LISTINGS), ids=str)
def test_the_materialised_answer_is_the_live_answer_in_every_format(dist, name):
    trig, query = dist / paths.TRIG, LISTINGS[name]
    substitutions = bindings(query, {})
    found = answers.materialised(trig, query, substitutions)
    assert found is not None and found.name == name
    store = open_store(trig)
    assert "Store" in type(store).__name__
    for results_format in guard.RESULT_FORMATS:
        live = guard.run(store, query.text, results_format, substitutions=substitutions).read()
        assert materialised_answer(found, results_format, guard.Limits()).read() == live, results_format
    assert found.rows == len(list(store.query(query.text, substitutions=substitutions or None)))


def test_the_build_materialises_every_select_of_the_catalogue_and_no_check(dist):
    manifest = json.loads((paths.answers_dir(dist) / answers.MANIFEST).read_text())
    assert set(manifest["answers"]) == set(LISTINGS)
    assert sorted(p.name for p in paths.answers_dir(dist).iterdir()) == sorted(
        [answers.MANIFEST, *(f"{name}.tsv" for name in LISTINGS)])
    trig = dist / paths.TRIG  # each answers something here
    assert all(answers.materialised(trig, q, bindings(q, {})).rows >= 1 for q in LISTINGS.values())


def test_other_parameter_values_or_another_text_are_evaluated_live(dist):
    trig, query = dist / paths.TRIG, LISTINGS["organisations-mentioned"]
    ccgs = bindings(query, {"kind": "nhskg:ClinicalCommissioningGroup"})
    assert answers.materialised(trig, query, ccgs) is None
    assert answers.materialised(trig, query, bindings(query, {})) is not None
    edited = dataclasses.replace(query, text=query.text.replace("ORDER BY ?kindLabel ?name", "ORDER BY ?name"))
    assert answers.materialised(trig, edited, bindings(query, {})) is None


def test_an_answer_for_another_trig_or_with_altered_bytes_is_not_taken(copy):
    trig, query = copy / paths.TRIG, LISTINGS["surveys"]
    assert answers.materialised(trig, query, {}) is not None
    tsv = paths.answers_dir(copy) / "surveys.tsv"
    tsv.write_bytes(tsv.read_bytes().replace(b"survey", b"surfey", 1))
    assert answers.materialised(trig, query, {}) is None  # its digest no longer matches
    _rewrite(copy, "surveys", tsv.read_bytes())
    assert answers.materialised(trig, query, {}) is not None
    stat = trig.stat()
    os.utime(trig, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # a rebuilt TriG (here only its time)
    assert answers.materialised(trig, query, {}) is None


@pytest.mark.parametrize("damage", ["no manifest", "not JSON", "another format", "no entry", "no file"])
def test_a_missing_or_damaged_manifest_means_live(copy, damage):
    folder, query = paths.answers_dir(copy), LISTINGS["surveys"]
    manifest_file = folder / answers.MANIFEST
    manifest = json.loads(manifest_file.read_text())
    if damage == "no manifest":
        manifest_file.unlink()
    elif damage == "not JSON":
        manifest_file.write_text("{")
    elif damage == "another format":
        manifest_file.write_text(json.dumps({**manifest, "format": answers.FORMAT + 1}))
    elif damage == "no entry":
        del manifest["answers"]["surveys"]
        manifest_file.write_text(json.dumps(manifest))
    else:
        (folder / "surveys.tsv").unlink()
    assert answers.materialised(copy / paths.TRIG, query, {}) is None


def test_the_row_limit_applies_as_to_a_live_answer(dist):
    query = LISTINGS["graph-statistics"]
    found = answers.materialised(dist / paths.TRIG, query, {})
    with pytest.raises(guard.TooManyResults, match=f"more than {found.rows - 1} results"):
        materialised_answer(found, "json", guard.Limits(rows=found.rows - 1))
    assert materialised_answer(found, "csv", guard.Limits(rows=found.rows)).read().count(b"\n") == found.rows + 1


def test_query_run_reads_the_materialised_answer_and_live_evaluates(copy, monkeypatch):
    """Proof that the command reads the file: an answer rewritten (digest and all) is what it prints, and
    ``--live`` prints the graph's own."""
    import nhskg.query.commands as commands

    monkeypatch.setattr(commands, "fresh_trig", lambda: copy / paths.TRIG)
    runner = CliRunner()
    before = runner.invoke(cli, ["query", "run", "surveys", "--format", "csv"])
    assert before.exit_code == 0, before.output
    tsv = paths.answers_dir(copy) / "surveys.tsv"
    _rewrite(copy, "surveys", tsv.read_bytes().replace(b"NHS Alliance", b"NHS ALLIANCE (rewritten)"))
    after = runner.invoke(cli, ["query", "run", "surveys", "--format", "csv"])
    assert "NHS ALLIANCE (rewritten)" in after.output
    live = runner.invoke(cli, ["query", "run", "surveys", "--format", "csv", "--live"])
    assert live.output == before.output and "(rewritten)" not in live.output
    over = runner.invoke(cli, ["query", "run", "graph-statistics", "--max-rows", "10"])
    assert isinstance(over.exception, guard.TooManyResults)  # `nhskg` (cli.main) prints it as one line
    assert "graph-statistics has more than 10 results" in str(over.exception)


def test_the_server_answers_a_catalogue_query_from_the_build_with_the_build_s_values_only(copy):
    trig = copy / paths.TRIG
    tsv = paths.answers_dir(copy) / "organisations-mentioned.tsv"
    assert b"NHS Clinical Commissioners" in tsv.read_bytes()
    _rewrite(copy, "organisations-mentioned", tsv.read_bytes().replace(b"NHS Clinical Commissioners", b"(rewritten)"))
    served = TestClient(create_app(ReopeningStore(trig, "disk", every=0), copy))
    assert "(rewritten)" in served.get("/api/catalogue/organisations-mentioned?format=csv").text
    kind = served.get("/api/catalogue/organisations-mentioned", params={"format": "csv", "kind": "org:Organization"})
    assert "(rewritten)" in kind.text  # the default, written out
    ccgs = served.get("/api/catalogue/organisations-mentioned",
                      params={"format": "csv", "kind": "nhskg:ClinicalCommissioningGroup"})
    assert ccgs.status_code == 200 and "(rewritten)" not in ccgs.text and "CCG" in ccgs.text
    plain = TestClient(create_app(open_store(trig), copy))  # a store the app cannot tie to a TriG: live
    assert "NHS Clinical Commissioners" in plain.get("/api/catalogue/organisations-mentioned?format=csv").text
    # in memory: live, since that engine may join a GROUP_CONCAT's values in another order than the store's
    memory = TestClient(create_app(ReopeningStore(trig, "memory", every=0), copy))
    assert "NHS Clinical Commissioners" in memory.get("/api/catalogue/organisations-mentioned?format=csv").text
    turtle_only = served.get("/api/catalogue/surveys", headers={"accept": "text/turtle"})
    assert turtle_only.status_code == 406  # as live: a SELECT's answer has no Turtle form


def test_a_failed_materialisation_leaves_the_answers_before_it(copy, monkeypatch):
    target = paths.answers_dir(copy)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    failing = iter([False, True])  # the second answer fails (a full disk, say)

    def key(*args):
        if next(failing):
            raise OSError("No space left on device")
        return "k"

    monkeypatch.setattr(answers, "key", key)
    with pytest.raises(OSError, match="No space"):
        answers.write_answers(copy / paths.TRIG, paths.store_dir(copy), target,
                              {"surveys": LISTINGS["surveys"], "people-quoted": LISTINGS["people-quoted"]})
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert [p.name for p in copy.iterdir() if p.name.startswith(".")] == []


def test_answers_are_not_written_from_a_store_of_another_trig(copy, tmp_path):
    trig = copy / paths.TRIG
    stat = trig.stat()
    os.utime(trig, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # the store beside it is now stale
    with pytest.raises(ValueError, match="not loaded from"):
        answers.write_answers(trig, paths.store_dir(copy), tmp_path / "answers")
    assert not (tmp_path / "answers").exists()


@pytest.mark.parametrize("broken", ["a syntax error", "a required parameter"])
def test_a_catalogue_query_that_cannot_be_materialised_is_left_live_and_the_build_goes_on(copy, broken):
    """A typo in one .rq (or a query with a required parameter: the catalogue allows '-' as a default) must not
    fail `nhskg build` after the dumps and the store are written: the first reading command after the edit
    would end in a traceback. That query is answered live, where its error names its file."""
    good = LISTINGS["surveys"]
    if broken == "a syntax error":
        bad = dataclasses.replace(good, name="zz-broken", text="SELECT * WHERE { ?s ?p }")
    else:
        findings = LISTINGS["survey-findings"]
        bad = dataclasses.replace(findings, name="zz-broken", params=[dataclasses.replace(findings.params[0], default=None)])
    target = paths.answers_dir(copy)
    answers.write_answers(copy / paths.TRIG, paths.store_dir(copy), target, {"surveys": good, "zz-broken": bad})
    assert answers.materialised(copy / paths.TRIG, good, {}) is not None
    assert sorted(json.loads((target / answers.MANIFEST).read_text())["answers"]) == ["surveys"]


@pytest.mark.parametrize("when", ["evaluating", "renaming"])
def test_an_interrupted_materialisation_leaves_no_temporary_folder(copy, monkeypatch, when):
    """Ctrl-C (or a failure) at any point, the renames included, leaves no hidden .answers.* folder in dist/."""
    target = paths.answers_dir(copy)
    if when == "evaluating":
        monkeypatch.setattr(answers, "key", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    else:
        real = type(target).rename

        def rename(self, to):
            if type(target)(to) == target:  # the new answers into place: interrupted there
                raise KeyboardInterrupt
            return real(self, to)

        monkeypatch.setattr(type(target), "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        answers.write_answers(copy / paths.TRIG, paths.store_dir(copy), target, {"surveys": LISTINGS["surveys"]})
    assert [p.name for p in copy.iterdir() if p.name.startswith(".")] == []


def test_the_server_reads_the_catalogue_again_when_it_takes_up_a_rebuild(copy, monkeypatch):
    """An edited .rq is an input of the build: the server that takes up the rebuild serves the new text (and
    its new answer), not the text it started with (review)."""
    import time

    import nhskg.catalogue as catalogue_module

    trig = copy / paths.TRIG
    client = TestClient(create_app(ReopeningStore(trig, "memory", every=0), copy))
    assert "NHS Alliance" in client.get("/api/catalogue/surveys?format=csv").text
    edited = dataclasses.replace(LISTINGS["surveys"], text='SELECT ?edited WHERE { BIND ("new text" AS ?edited) }')
    monkeypatch.setattr(catalogue_module, "catalogue", lambda queries_dir=None: {**catalogue(), "surveys": edited})
    stat = trig.stat()
    os.utime(trig, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a rebuild, as the server sees one
    deadline = time.monotonic() + 30
    while "new text" not in client.get("/api/catalogue/surveys?format=csv").text:
        assert time.monotonic() < deadline, "the server kept the catalogue it started with"
        time.sleep(0.1)
