"""The dumps' bytes, deterministic, and writing them to ``dist/`` atomically.

TriG, N-Quads and JSON-LD (compacted, one ``@graph`` per named graph, context in ``context.jsonld``) keep
the named graphs, in sorted order; Turtle and N-Triples hold their union.
``nhskg-open.trig`` is the TriG without the verbatim texts (``graph/text/*``, the publishers' copyright): every
annotation keeps its exact words and offsets, so it stands without them; its statistics graph is counted
without them too, so it describes the graphs that dump holds. The same
dataset gives byte-identical files whatever the hash seed.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from .. import vocab
from ..build.dataset import sorted_graph
from ..build.statistics import count_statistics, statistics_graph


def canonical_trig(ds: Dataset, keep=lambda name: True) -> str:
    """TriG with the named graphs in sorted order (rdflib's TriG writer follows store order); ``keep``
    chooses the graphs by name. When it leaves one out, the statistics graph is counted again over the
    graphs kept: a dump's statistics describe that dump."""
    names = sorted(str(c.identifier) for c in ds.graphs() if len(c) and keep(str(c.identifier)))
    replaced: dict[str, Graph] = {}
    if str(vocab.STATISTICS_GRAPH) in names and len(names) < sum(1 for c in ds.graphs() if len(c)):
        kept = set(names)
        replaced[str(vocab.STATISTICS_GRAPH)] = statistics_graph(count_statistics(
            q for q in ds.quads((None, None, None, None)) if str(q[3]) in kept))
    prefixes, blocks = set(), []
    for name in names:
        body = sorted_graph(replaced.get(name, ds.graph(URIRef(name)))).serialize(format="turtle")
        prefixes.update(line for line in body.splitlines() if line.startswith("@prefix"))
        lines = [line for line in body.splitlines() if not line.startswith("@prefix")]
        # No indentation: a line may sit inside a multi-line literal, whose text must not change.
        blocks.append(f"<{name}> {{\n" + "\n".join(lines).strip("\n") + "\n}\n")
    header = "".join(line + "\n" for line in sorted(prefixes))
    return header + "\n" + "\n".join(blocks)


def jsonld_context() -> dict:
    """The JSON-LD ``@context`` of the dump, shipped as ``context.jsonld``: the project's prefixes, so
    every IRI compacts to the short form the Turtle dumps use."""
    return {"@context": {prefix: str(ns) for prefix, ns in sorted(vocab.PREFIXES.items())}}


def _canonical(value):
    """JSON with every multi-valued property in a fixed order (RDF values are a set)."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def compact_jsonld(ds: Dataset) -> dict:
    """The dataset as compacted JSON-LD: one ``@graph`` per named graph (named by its ``@id``), its nodes
    sorted by ``@id``, with the context embedded (the same as ``context.jsonld``) so it reads offline."""
    context = jsonld_context()["@context"]
    graphs = []
    for name in sorted(str(c.identifier) for c in ds.graphs() if len(c)):
        out = json.loads(sorted_graph(ds.graph(URIRef(name))).serialize(format="json-ld", context=context))
        nodes = out.get("@graph", [{k: v for k, v in out.items() if k != "@context"}])
        graphs.append({"@id": name, "@graph": sorted((_canonical(n) for n in nodes), key=lambda n: n.get("@id", ""))})
    return {"@context": context, "@graph": graphs}


def serialise(ds: Dataset, union: Graph, void: Graph) -> dict[str, bytes]:
    """Every output file's bytes (``union``: the dataset's triples as one graph)."""
    nt = "".join(sorted(set(union.serialize(format="nt").splitlines(keepends=True)))).encode()
    jsonld = compact_jsonld(ds)
    nq = "".join(sorted(set(ds.serialize(format="nquads").splitlines(keepends=True)))).encode()
    return {
        "nhskg.trig": canonical_trig(ds).encode(),
        "nhskg-open.trig": canonical_trig(ds, keep=lambda name: not vocab.is_text_graph(name)).encode(),
        "nhskg.nq": nq,
        "nhskg.ttl": union.serialize(format="turtle").encode(),
        "nhskg.nt": nt,
        "nhskg.jsonld": (json.dumps(jsonld, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode(),
        "void.ttl": void.serialize(format="turtle").encode(),
        "context.jsonld": (json.dumps(jsonld_context(), indent=1, sort_keys=True) + "\n").encode(),
    }


def write_atomically(files: dict[str, bytes], dist_dir: Path) -> None:
    """Write every file to a temporary name beside its target first, then rename them all: a failure
    while writing leaves the previous outputs untouched, and the renames take a moment."""
    dist_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            (dist_dir / name).parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{Path(name).name}.", dir=(dist_dir / name).parent)
            staged.append((name, Path(tmp)))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide published dumps from a web server
    except BaseException:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
        raise
    for name, tmp in staged:
        os.replace(tmp, dist_dir / name)
