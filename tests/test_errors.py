"""User errors are one clear line; programming errors are not disguised as user errors; nothing is lost
silently (the build time)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import rdflib

from nhskg import paths
from nhskg.build.dataset import build_dataset
from nhskg.errors import UserError
from nhskg.release import pipeline
from nhskg.validation.shapes import load_shapes, read_rdf


def test_a_bug_while_reading_the_ontology_keeps_its_traceback(monkeypatch, ctx):
    def broken(self, *args, **kwargs):
        raise RuntimeError("a bug, not the user's file")

    monkeypatch.setattr(rdflib.Graph, "parse", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        build_dataset(ctx)
    with pytest.raises(RuntimeError, match="a bug"):
        load_shapes()


@pytest.mark.parametrize("name,content,words", [
    ("bad.ttl", "<a> <b> .", "cannot be read as turtle"), ("bad.jsonld", "{not json", "cannot be read as json-ld"),
    ("bad.rdf", "<rdf:RDF", "cannot be read as xml"), ("bad.nt", "<urn:a> <urn:b> \"x .", "cannot be read as nt"),
])
def test_a_bad_rdf_file_is_a_user_error_naming_it(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=re.escape(str(path)) + ".*" + words):
        read_rdf([path])


def test_a_folder_given_as_an_rdf_file(tmp_path):
    folder = tmp_path / "dir.ttl"
    folder.mkdir()
    with pytest.raises(UserError, match="is a folder"):
        read_rdf([folder])


def test_a_broken_ontology_stops_the_build_in_one_line(tmp_path):
    root = tmp_path / "project"
    for name in ("graph", "ontology", "shapes", "queries"):
        shutil.copytree(paths.ROOT / name, root / name)
    with open(root / "ontology" / "nhskg.ttl", "a", encoding="utf-8") as handle:
        handle.write("\nthis is not turtle .\n")
    result = subprocess.run([sys.executable, "-m", "nhskg", "build"], capture_output=True, text=True,
                            env={**os.environ, "NHSKG_ROOT": str(root), "NHSKG_DIST": str(root / "dist"),
                                 "SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "cannot be read as Turtle" in result.stderr


def test_build_time_outside_git_is_said_and_kept(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(paths, "ROOT", tmp_path)  # not a git checkout
    stamp = pipeline.build_time()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp)
    assert "no git commit time" in capsys.readouterr().err


def test_build_time_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert pipeline.build_time() == "2023-11-14T22:13:20Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UserError, match="SOURCE_DATE_EPOCH='yesterday'"):
        pipeline.build_time()
