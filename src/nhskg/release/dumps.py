"""The dumps' bytes, deterministic, and writing them to ``dist/`` atomically.

TriG and N-Quads keep the named graphs (in sorted order); Turtle, N-Triples and JSON-LD hold their union.
``nhskg-open.trig`` is the TriG without the verbatim texts (``graph/text/*``, the publishers' copyright): every
annotation keeps its exact words and offsets, so it stands without them. The same
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


def canonical_trig(ds: Dataset, keep=lambda name: True) -> str:
    """TriG with the named graphs in sorted order (rdflib's TriG writer follows store order); ``keep``
    chooses the graphs by name."""
    prefixes, blocks = set(), []
    for name in sorted(str(c.identifier) for c in ds.graphs() if len(c) and keep(str(c.identifier))):
        body = sorted_graph(ds.graph(URIRef(name))).serialize(format="turtle")
        prefixes.update(line for line in body.splitlines() if line.startswith("@prefix"))
        lines = [line for line in body.splitlines() if not line.startswith("@prefix")]
        # No indentation: a line may sit inside a multi-line literal, whose text must not change.
        blocks.append(f"<{name}> {{\n" + "\n".join(lines).strip("\n") + "\n}\n")
    header = "".join(line + "\n" for line in sorted(prefixes))
    return header + "\n" + "\n".join(blocks)


def serialise(ds: Dataset, union: Graph, void: Graph) -> dict[str, bytes]:
    """Every output file's bytes (``union``: the dataset's triples as one graph)."""
    nt = "".join(sorted(set(union.serialize(format="nt").splitlines(keepends=True)))).encode()
    jsonld = json.loads(union.serialize(format="json-ld", auto_compact=False))
    jsonld = sorted(jsonld, key=lambda node: node.get("@id", ""))
    nq = "".join(sorted(set(ds.serialize(format="nquads").splitlines(keepends=True)))).encode()
    return {
        "nhskg.trig": canonical_trig(ds).encode(),
        "nhskg-open.trig": canonical_trig(ds, keep=lambda name: not vocab.is_text_graph(name)).encode(),
        "nhskg.nq": nq,
        "nhskg.ttl": union.serialize(format="turtle").encode(),
        "nhskg.nt": nt,
        "nhskg.jsonld": (json.dumps(jsonld, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode(),
        "void.ttl": void.serialize(format="turtle").encode(),
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
