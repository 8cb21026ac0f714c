"""Materialised answers: each catalogue query's answer with its default parameters, evaluated once by ``nhskg
build`` from the store it has just written and read back by ``nhskg query run`` and the server's
``/api/catalogue/NAME`` instead of being evaluated again (``query.results.materialised_answer``).

Why: a listing's answer changes only when the graph does, and at ten million triples the on-disk store takes
1–5 s to hand out and sort the tens of thousands of rows of the seven largest (``people-quoted``: 0.4 s for the
text of 26k quotations alone, 1 s more to order them by IRI); read back, the same answer takes a parse and a
serialisation. (QLever's "pinned" results are the same idea, kept by the server.)

Trust, in the manner of the store and the trace index: ``dist/answers/`` is written whole in a temporary
folder and renamed into place; its manifest names the TriG it was evaluated on (the store's stamp: size, time,
pyoxigraph's version) and, for each query, the SHA-256 of the text and parameter values it answers and of the
answer's bytes. Anything else — another TriG, an edited ``.rq``, other parameter values,
``--live``, a remote endpoint — is evaluated live. Tests compare every materialised answer with a live
evaluation, byte for byte, in every results format.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from . import paths
from .catalogue import Query, bindings, catalogue
from .errors import UserError
from .iris import PREFIXES

MANIFEST = "manifest.json"
FORMAT = 2  # of the manifest (2: no row counts, which the reader counts from the bytes): a reader of another format evaluates live


@dataclass(frozen=True)
class Materialised:
    """A query's materialised answer: its TSV bytes (checked against the manifest) and its number of rows."""

    name: str
    data: bytes
    rows: int


def key(text: str, substitutions: dict | None) -> str:
    """What an answer answers: the query's text and its parameter values, as one SHA-256."""
    values = sorted((variable.value, str(term)) for variable, term in (substitutions or {}).items())
    return hashlib.sha256(json.dumps([text, values]).encode()).hexdigest()


def write_answers(trig: Path, store_path: Path, target: Path, queries: dict[str, Query] | None = None) -> Path:
    """Evaluate every catalogue SELECT query (checks aside) with its default parameters on the on-disk store at
    ``store_path`` (loaded from ``trig``) and write the answers to ``target`` whole; returns ``target``. A query
    that cannot be evaluated so (a syntax error, a required parameter) is left out: it is answered live."""
    queries = queries if queries is not None else catalogue()
    stamp = paths.store_stamp(trig, ox.__version__)
    if (store_path / paths.STORE_STAMP).read_text(encoding="utf-8") != stamp:  # the manifest vouches for the TriG
        raise ValueError(f"{store_path} was not loaded from {trig} as it is now: write the store first")
    store = ox.Store.read_only(str(store_path))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        folder = tmp / "answers"
        folder.mkdir()
        entries = {}
        for name, query in sorted(queries.items()):
            if query.kind != "query":
                continue
            try:
                substitutions = bindings(query, {})
                result = store.query(query.text, prefixes=PREFIXES, substitutions=substitutions or None)
            except (UserError, SyntaxError, ValueError, OSError):
                # A required parameter, or a typo in the .rq: answered live, where the error names the file (the
                # build has already written the dumps and the store: failing here would fail the first command
                # that reads the graph after the edit, with a traceback)
                continue
            if not isinstance(result, ox.QuerySolutions):
                continue  # ASK, CONSTRUCT, DESCRIBE: cheap or not listings; none in the catalogue today
            data = result.serialize(format=ox.QueryResultsFormat.TSV)
            # One line per row after the header: TSV writes a literal's line breaks as \n escapes.
            (folder / f"{name}.tsv").write_bytes(data)
            entries[name] = {"key": key(query.text, substitutions), "sha256": hashlib.sha256(data).hexdigest()}
        manifest = {"format": FORMAT, "trig": stamp, "answers": entries}
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        del store
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    try:  # the old answers out of the way (into tmp, removed with it), the new ones in; tmp goes whatever happens
        if target.exists():
            target.rename(tmp / "old")
        folder.rename(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def materialised(trig: Path, query: Query, substitutions: dict | None) -> Materialised | None:
    """The materialised answer of ``query`` with these parameter values on ``trig``, or None (evaluate live)
    when there is none, or it was evaluated on another TriG, another text or other values, or its bytes
    changed since."""
    folder = paths.answers_dir(trig.parent)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("trig") != paths.store_stamp(trig, ox.__version__):
            return None
        entry = manifest["answers"].get(query.name) if query.kind == "query" else None
        if entry is None or entry["key"] != key(query.text, substitutions):
            return None
        data = (folder / f"{query.name}.tsv").read_bytes()
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            return None
        return Materialised(query.name, data, data.count(b"\n") - 1)  # counted, not taken from the manifest
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # none, unreadable or of another make
        return None
