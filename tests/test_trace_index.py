"""``dist/trace-index.jsonl``: the trace index ``nhskg build`` writes, which ``nhskg trace`` reads instead of the graph.

It must be the index the graph gives by SPARQL (in memory and on disk), be read only when its stamp says
it is of this very TriG (a rewritten TriG, an altered or cut-off file, another format: the graph answers),
round-trip to the same bytes, and be written atomically (a failure leaves the previous file and stamp).
Byte-identical rebuilds: ``tests/test_outputs.py``.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

from nhskg import paths, trace_index
from nhskg.query.store import load_store, open_store
from nhskg.release.ondisk import write_trace_index
from nhskg.trace import index as trace_index_module
from nhskg.trace.index import index_for, load_index, materialised_index


@pytest.fixture(scope="module")
def release(built, tmp_path_factory):
    """A copy of the session's release (TriG, store, index and stamp, times kept), so this module may alter it."""
    folder = tmp_path_factory.mktemp("trace-index")
    dist = built[1]
    for name in ("nhskg.trig", paths.TRACE_INDEX, paths.TRACE_INDEX_STAMP):
        shutil.copy2(dist / name, folder / name)
    shutil.copytree(paths.store_dir(dist), paths.store_dir(folder))
    return folder


def test_the_build_writes_the_index_the_graph_gives(built):
    dist = built[1]
    trig = dist / "nhskg.trig"
    index = materialised_index(trig)
    assert index is not None and len(index) >= 80
    assert index == load_index(load_store(trig)) == load_index(open_store(trig))  # in memory, on disk
    assert list(index) == sorted(index)
    assert any(info.evidence for info in index.values()) and any(info.parties for info in index.values())
    data = paths.trace_index_files(dist)[0].read_bytes()
    assert trace_index.index_bytes(load_index(load_store(trig))) == data  # either engine, the same bytes
    assert trace_index.index_bytes(trace_index.parse_index(data)) == data


def test_trace_reads_the_file_when_current(release, monkeypatch):
    expected = load_index(load_store(release / "nhskg.trig"))

    def no_sparql(store):
        raise AssertionError("read the graph although the index file is current")

    monkeypatch.setattr(trace_index_module, "load_index", no_sparql)
    assert index_for(release / "nhskg.trig") == expected


def _altered(folder, tmp_path):
    """A copy of the release in ``tmp_path`` to spoil."""
    for name in ("nhskg.trig", paths.TRACE_INDEX, paths.TRACE_INDEX_STAMP):
        shutil.copy2(folder / name, tmp_path / name)
    return tmp_path / "nhskg.trig", *paths.trace_index_files(tmp_path)


@pytest.mark.parametrize("spoil", ["trig rewritten", "file altered", "file cut off", "another format", "no stamp",
                                   "no file"])
def test_a_stale_or_altered_index_is_never_read(release, tmp_path, spoil):
    trig, index_file, stamp_file = _altered(release, tmp_path)
    assert materialised_index(trig) is not None
    data = index_file.read_bytes()
    if spoil == "trig rewritten":
        os.utime(trig)  # a TriG written after the index was read from it
    elif spoil == "file altered":
        index_file.write_bytes(data.replace(b'"value":"', b'"value":"1', 1))
    elif spoil == "file cut off":
        index_file.write_bytes(data[: len(data) // 2])
        stamp_file.write_text(trace_index.stamp(trig, index_file.read_bytes()))  # even when stamped as current
    elif spoil == "another format":
        index_file.write_bytes(data.replace(trace_index.FORMAT.encode(), b"nhskg-trace-index 0", 1))
        stamp_file.write_text(trace_index.stamp(trig, index_file.read_bytes()))
    elif spoil == "no stamp":
        stamp_file.unlink()
    else:
        index_file.unlink()
    assert materialised_index(trig) is None
    shutil.copytree(paths.store_dir(release), paths.store_dir(tmp_path))
    if spoil == "trig rewritten":  # the store is as stale as the index: the TriG in memory answers
        assert index_for(trig) == load_index(load_store(release / "nhskg.trig"))
    else:
        assert index_for(trig) == materialised_index(release / "nhskg.trig")


def test_the_index_is_written_atomically(release, monkeypatch):
    trig = release / "nhskg.trig"
    index_file, stamp_file = paths.trace_index_files(release)
    before = index_file.read_bytes(), stamp_file.read_bytes()
    write_trace_index(trig, paths.store_dir(release))  # rewritten: the same bytes, no temporary file left
    assert (index_file.read_bytes(), stamp_file.read_bytes()) == before
    assert not [p.name for p in release.iterdir() if p.name.startswith(".")]

    def broken(index):
        raise OSError("disk full")

    monkeypatch.setattr(trace_index, "index_bytes", broken)
    with pytest.raises(OSError):
        write_trace_index(trig, paths.store_dir(release))
    assert (index_file.read_bytes(), stamp_file.read_bytes()) == before
    assert not [p.name for p in release.iterdir() if p.name.startswith(".")]
    assert materialised_index(trig) is not None


def test_the_server_reads_the_file_when_current_and_else_its_own_store(release, tmp_path, monkeypatch):
    """``nhskg serve``'s /trace takes the index as ``nhskg trace`` does: the file when it is of the TriG, else
    the server's store by SPARQL (never another store opened beside it)."""
    from nhskg.web.pages import Renderer

    store = load_store(release / "nhskg.trig")
    expected = load_index(store)

    def no_sparql(store):
        raise AssertionError("read the graph although the index file is current")

    with monkeypatch.context() as patched:
        patched.setattr(trace_index_module, "load_index", no_sparql)
        assert Renderer(store, release).tracer().index == expected

    def no_other_store(*args):
        raise AssertionError("opened another store than the server's")

    shutil.copy2(release / "nhskg.trig", tmp_path / "nhskg.trig")  # no index file beside it
    monkeypatch.setattr(trace_index_module, "open_store", no_other_store)
    assert Renderer(store, tmp_path).tracer().index == expected


def test_fields_shared_by_a_survey_or_document_are_written_once_and_a_differing_one_kept(built):
    """Format 3 writes a survey's and a document's fields on their own lines; a finding or evidence span whose
    own differ (two labels of one survey, say, read in another order) keeps its own, so any index round-trips."""
    import copy

    index = materialised_index(built[1] / "nhskg.trig")
    odd = copy.deepcopy(index)
    last = list(odd.values())[-1]
    last.survey_label, last.parties = "Another label of the same survey", {"Someone else"}
    last.evidence[0].title = "Another title of the same document"
    for changed in (index, odd):
        data = trace_index.index_bytes(changed)
        assert trace_index.parse_index(data) == changed and trace_index.index_bytes(trace_index.parse_index(data)) == data
    lines = trace_index.index_bytes(index).decode().splitlines()
    header = json.loads(lines[0])
    assert header["format"] == trace_index.FORMAT and len(lines) == 1 + header["documents"] + header["surveys"] + len(index)
    findings = [json.loads(line) for line in lines[-len(index):]]
    assert not any(name in f for f in findings for name in trace_index.SURVEY_FIELDS)
    assert not any(name in e for f in findings for e in f["evidence"] for name in trace_index.DOCUMENT_FIELDS)
    with pytest.raises(ValueError):  # a record missing a field is not read (the graph answers instead)
        trace_index.parse_index("\n".join([*lines[:-1], lines[-1].replace('"unit":', '"units":')]).encode())
