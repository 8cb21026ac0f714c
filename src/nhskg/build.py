"""Records -> an rdflib Dataset of named graphs -> ``dist/`` (atomic, deterministic), and ``nhskg build``.

Named graphs: the ontology, the registers, the shared curation (organisations, people, topics,
judgements), and one graph per source document. Dumps are written from triples added in sorted order,
so the same inputs give byte-identical files whatever the hash seed.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

import click
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from . import paths, shared, vocab
from .claims import DocumentEmitter
from .context import Context, load_context
from .errors import UserError
from .vocab import NHSKG

OUTPUTS = ("nhskg.trig", "nhskg.ttl", "nhskg.nt", "nhskg.jsonld", "void.ttl")


def bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in vocab.PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def build_dataset(ctx: Context | None = None) -> Dataset:
    """Build every named graph from the curated inputs; raises a ``UserError`` on a bad input."""
    ctx = ctx or load_context()
    ds = Dataset()
    bind_prefixes(ds)
    ontology = ds.graph(vocab.ONTOLOGY_GRAPH)
    try:
        ontology.parse(paths.ONTOLOGY, format="turtle")
    except Exception as exc:  # rdflib raises several types for a bad Turtle file
        raise UserError(f"{paths.ONTOLOGY}: cannot be read as Turtle: {exc}") from None
    shared.registers(ctx.registers, ds.graph(vocab.REGISTERS_GRAPH))
    curation = ds.graph(vocab.CURATION_GRAPH)
    shared.organisations(ctx, curation)
    shared.people(ctx, curation)
    shared.topics_and_series(ctx, curation)
    shared.judgements(ctx, curation)
    shared.documents(ctx, lambda doc_id: ds.graph(vocab.graph_for_document(doc_id)))
    for doc_id in ctx.documents:
        DocumentEmitter(ctx, doc_id, ds.graph(vocab.graph_for_document(doc_id))).emit()
    from .checks import as_rdf, run_checks

    checks = ds.graph(vocab.CHECKS_GRAPH)
    for triple in as_rdf(run_checks(union_graph(ds))):
        checks.add(triple)
    check_vocabulary(ds)
    return ds


def check_vocabulary(ds: Dataset) -> None:
    """Every ``nhskg:`` term and controlled-list concept the data uses must be declared in the ontology."""
    ontology = ds.graph(vocab.ONTOLOGY_GRAPH)
    declared = set(ontology.subjects())
    used: set[URIRef] = set()
    controlled = ("unit", "measure", "value-basis", "qualifier", "fit", "basis", "judgement-kind",
                  "confidence", "operation", "check-kind", "severity")
    data = (q for q in ds.quads((None, None, None, None)) if q[3] != vocab.ONTOLOGY_GRAPH)
    for _, p, o, _ in data:
        for term in (p, o) if p != RDF.type else (o,):
            if isinstance(term, URIRef) and (
                    str(term).startswith(str(NHSKG))
                    or any(str(term).startswith(str(vocab.ID[c + "/"])) for c in controlled)):
                used.add(term)
    missing = sorted(str(t) for t in used - declared)
    if missing:
        raise UserError(f"{paths.ONTOLOGY}: terms used by the data but not declared: {', '.join(missing)} "
                        "— declare each with rdfs:label and skos:definition")


def sorted_graph(triples) -> Graph:
    """A graph filled in sorted triple order, so serialisers iterate deterministically."""
    graph = Graph()
    bind_prefixes(graph)
    for triple in sorted(set(triples)):
        graph.add(triple)
    return graph


def canonical_trig(ds: Dataset) -> str:
    """TriG with the named graphs in sorted order (rdflib's TriG writer follows store order)."""
    prefixes, blocks = set(), []
    for name in sorted(str(c.identifier) for c in ds.graphs() if len(c)):
        body = sorted_graph(ds.graph(URIRef(name))).serialize(format="turtle")
        prefixes.update(line for line in body.splitlines() if line.startswith("@prefix"))
        lines = [line for line in body.splitlines() if not line.startswith("@prefix")]
        # No indentation: a line may sit inside a multi-line literal, whose text must not change.
        blocks.append(f"<{name}> {{\n" + "\n".join(lines).strip("\n") + "\n}\n")
    header = "".join(line + "\n" for line in sorted(prefixes))
    return header + "\n" + "\n".join(blocks)


def union_graph(ds: Dataset) -> Graph:
    """Every named graph's triples as one graph, filled in sorted order (see ``sorted_graph``)."""
    return sorted_graph(q[:3] for q in ds.quads((None, None, None, None)))


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


def serialise(ds: Dataset, union: Graph, void: Graph) -> dict[str, bytes]:
    """Every output file's bytes (``union``: the dataset's triples as one graph)."""
    nt = "".join(sorted(set(union.serialize(format="nt").splitlines(keepends=True)))).encode()
    jsonld = json.loads(union.serialize(format="json-ld", auto_compact=False))
    jsonld = sorted(jsonld, key=lambda node: node.get("@id", ""))
    return {
        "nhskg.trig": canonical_trig(ds).encode(),
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
    from .void import describe

    from .validate import validate_graph

    ds = build_dataset()
    union = union_graph(ds)  # made once: validated, counted and written
    report = validate_graph(union)
    if not report.conforms:
        violations = [r for r in report.results if r.severity == "violation"]
        first = violations[0]
        raise UserError(f"the graph does not conform to shapes/: {len(violations)} violations, nothing written; "
                        f"first: {first.label or first.focus}: {first.message} — run `nhskg validate` for all")
    stats = summary(ds, union)
    stats["warnings"] = report.count("warning")
    from .querying import docs_markdown

    files = serialise(ds, union, describe(ds, stats, build_time()))
    files["docs/queries.md"] = docs_markdown().encode()
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


@click.command("build")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: dist/).")
def build_command(out_dir: Path | None) -> None:
    """Build the knowledge graph into dist/ and print a summary."""
    stats = run_build(out_dir)
    click.echo(format_summary(stats))
    click.echo(f"wrote {', '.join(OUTPUTS)} and docs/queries.md to {out_dir or paths.DIST_DIR}")
