"""The release step: build, add the check results, validate, describe and write ``dist/``.

``run_build`` is the one function that writes the dumps; it refuses a graph that violates ``shapes/``
and writes nothing then. The build time is ``SOURCE_DATE_EPOCH`` or the last commit's time, so a
rebuild of one commit gives the same bytes.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections import Counter
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from .. import paths, vocab
from ..build import shared
from ..build.context import load_context
from ..build.dataset import build_dataset, union_graph
from ..errors import UserError
from ..validation.checks import with_check_results
from ..validation.shapes import validate_graph
from ..vocab import NHSKG
from .docs import docs_markdown
from .dumps import serialise, write_atomically
from .void import describe

OUTPUTS = ("nhskg.trig", "nhskg-open.trig", "nhskg.nq", "nhskg.ttl", "nhskg.nt", "nhskg.jsonld", "void.ttl",
           "context.jsonld")


def build_time() -> str | None:
    """The build's timestamp: SOURCE_DATE_EPOCH, else the last commit's time, so rebuilds are identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(os.environ["SOURCE_DATE_EPOCH"])))
    try:
        out = subprocess.run(["git", "-C", str(paths.ROOT), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, check=True, timeout=10).stdout.strip()
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(out))) if out else None
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


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
    ds = with_check_results(build_dataset())
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
    for doc_id, source in sorted(load_context().sources.items()):  # the texts oa:hasSource points at
        files[f"texts/{doc_id}.txt"] = (paths.SOURCES_DIR / source.record["file"]).read_bytes()
    write_atomically(files, dist_dir or paths.DIST_DIR)
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
