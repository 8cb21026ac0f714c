"""The release step: build, add the check results, validate, describe and write ``dist/``.

``run_build`` is the one function that writes the dumps (and ``dist/store/``, the on-disk store loaded
from the TriG, and ``dist/trace-index.jsonl``, the trace index read from that store, by ``ondisk``; and
``dist/answers/``, the catalogue's answers evaluated once on that store, by ``nhskg.answers``); it
refuses a graph that violates ``shapes/`` and writes nothing then. The build time is ``SOURCE_DATE_EPOCH`` or the last commit's time, so a
rebuild of one commit gives the same bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from .. import paths, vocab
from ..answers import write_answers
from ..build import shared
from ..build.context import load_context
from ..build.dataset import build_dataset, union_graph
from ..build.statistics import with_statistics
from ..errors import UserError
from ..validation.checks import with_check_results
from ..validation.shapes import validate_graph
from ..vocab import NHSKG
from . import inputs
from .docs import docs_markdown
from .dumps import serialise, write_atomically
from .ondisk import write_store, write_trace_index
from .ontology_docs import ontology_html
from .void import describe

OUTPUTS = ("nhskg.trig", "nhskg-open.trig", "nhskg.nq", "nhskg.ttl", "nhskg.nt", "nhskg.jsonld", "void.ttl",
           "context.jsonld")


def build_time() -> str:
    """The build's timestamp: SOURCE_DATE_EPOCH, else the last commit's time, so rebuilds are identical.

    Outside a git checkout (an unpacked archive) it is the newest input file's time, said on stderr,
    so that void.ttl never silently loses its build time."""
    stamp = lambda seconds: time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))  # noqa: E731
    if os.environ.get("SOURCE_DATE_EPOCH"):
        try:
            return stamp(int(os.environ["SOURCE_DATE_EPOCH"]))
        except ValueError:
            raise UserError(f"SOURCE_DATE_EPOCH={os.environ['SOURCE_DATE_EPOCH']!r}: give whole seconds since "
                            "1970-01-01 UTC") from None
    try:
        out = subprocess.run(["git", "-C", str(paths.ROOT), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, check=True, timeout=10).stdout.strip()
        return stamp(int(out))
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        newest = max(f.stat().st_mtime for f in paths.GRAPH_DIR.rglob("*") if f.is_file())
        print(f"nhskg: no git commit time ({type(exc).__name__}): the build time is the newest input's; "
              "set SOURCE_DATE_EPOCH for a reproducible one", file=sys.stderr)
        return stamp(int(newest))


def summary(ds: Dataset, union: Graph) -> dict:
    """Triples per named graph and counts of the things users ask about."""
    types = Counter(o for s, p, o in union if p == RDF.type)
    org_classes = [c for c in types if str(c).startswith(str(NHSKG)) and c in shared.ORG_CLASSES.values()
                   or c in shared.REGISTER_CLASSES.values()]
    return {
        "graphs": {str(c.identifier): len(c) for c in sorted(ds.graphs(), key=lambda g: str(g.identifier)) if len(c)},
        "triples": len(union),
        "organisations": {str(c).rsplit("/", 1)[-1]: types[c] for c in sorted(org_classes)},
        "documents": types[NHSKG.NewsReport] + types[NHSKG.PressRelease],
        "surveys": types[NHSKG.Survey],
        "questions": types[NHSKG.Question],
        "findings": types[NHSKG.Finding],
        "derived findings": types[NHSKG.DerivedFinding],
        "verbal figures": types[NHSKG.VerbalFigure],
        "quotations": types[NHSKG.DirectQuotation] + types[NHSKG.ReportedSpeech],
        "people": types[vocab.SCHEMA.Person],
        "anonymous respondents": types[NHSKG.AnonymousRespondent],
        "annotations": types[vocab.OA.Annotation],
        "judgements": types[NHSKG.CuratorialJudgement],
        "check results": types[NHSKG.CheckResult],
    }


def run_build(dist_dir: Path | None = None) -> dict:
    """Build, describe and write everything; returns the summary."""
    read = inputs.snapshot()  # before anything is read: an edit during the build makes dist/ stale
    ctx = load_context()  # read once: the build and the texts it writes beside the dumps
    ds = with_statistics(with_check_results(build_dataset(ctx)))  # the statistics last: they count the rest
    union = union_graph(ds)  # made once: validated, counted and written
    report = validate_graph(union)
    if not report.conforms:
        violations = [r for r in report.results if r.severity == "violation"]
        first = violations[0]
        raise UserError(f"the graph does not conform to shapes/: {len(violations)} violations, nothing written; "
                        f"first: {first.label or first.focus}: {first.message} — run `nhskg validate` for all")
    stats = summary(ds, union)
    stats["warnings"] = report.count("warning")
    files = serialise(ds, union, describe(ds, stats, build_time()))
    files["docs/queries.md"] = docs_markdown().encode()
    files["docs/ontology.html"] = ontology_html(ds.graph(vocab.ONTOLOGY_GRAPH)).encode()
    files[inputs.RECORD] = inputs.record(read)
    for doc_id, source in sorted(ctx.sources.items()):  # the texts oa:hasSource points at
        files[f"texts/{doc_id}.txt"] = (paths.SOURCES_DIR / source.record["file"]).read_bytes()
    write_atomically(files, dist_dir or paths.DIST_DIR)
    trig = paths.dist_file("nhskg.trig", dist_dir)
    store = write_store(trig, paths.store_dir(dist_dir))
    write_trace_index(trig, store)
    write_answers(trig, store, paths.answers_dir(dist_dir))
    return stats


def format_summary(stats: dict) -> str:
    lines = [f"{stats['triples']} triples in {len(stats['graphs'])} named graphs:"]
    lines += [f"  {n:>6}  {g}" for g, n in stats["graphs"].items()]
    lines.append("organisations: " + ", ".join(f"{k} {v}" for k, v in stats["organisations"].items()))
    lines.append(", ".join(f"{k} {stats[k]}" for k in ("documents", "surveys", "questions", "findings",
                                                       "derived findings", "verbal figures", "quotations",
                                                       "people", "anonymous respondents", "annotations",
                                                       "judgements", "check results")))
    if "warnings" in stats:
        lines.append(f"validated against shapes/: conforms, {stats['warnings']} warnings (`nhskg validate` lists them)")
    return "\n".join(lines)
