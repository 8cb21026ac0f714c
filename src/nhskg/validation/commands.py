"""``nhskg validate`` and ``nhskg check``: both read the curated inputs, never a built ``dist/``.

They build the dataset in memory (with its check results) and hand it to the validators, so a curator
sees the state of the files they just edited, whatever ``dist/`` holds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import paths


def checked_union():
    """The union graph of the dataset the curated inputs build, with its check results and statistics (as the
    release builds it)."""
    from ..build.dataset import build_dataset, union_graph
    from ..build.statistics import with_statistics
    from .checks import with_check_results

    return union_graph(with_statistics(with_check_results(build_dataset())))


@click.command("validate")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text", show_default=True,
              help="text for a person, json for a program, turtle for the sh:ValidationReport.")
@click.option("--engine", type=click.Choice(["oxigraph", "pyshacl"]), default="oxigraph", show_default=True,
              help="Who checks the core constraints: Oxigraph (compiled to SPARQL) or pyshacl; the same report.")
def validate_command(files: tuple[Path, ...], fmt: str, engine: str) -> None:
    """Validate the graph built from the curated inputs, or the RDF FILES given, against shapes/.

    Exit 0 when conforming (warnings allowed), 1 on violations, 2 on a usage error or unreadable input.
    """
    from .shapes import (
        canonical_turtle,
        format_json,
        format_text,
        validate_files,
        validate_graph,
    )

    if files:
        # read straight into Oxigraph (no rdflib graph of the data), with the ontology: the class hierarchy the
        # shapes' targets rely on
        report = validate_files(list(files), engine=engine, also=(paths.ONTOLOGY,))
    else:
        report = validate_graph(checked_union(), engine=engine)
    if fmt == "turtle":
        click.echo(canonical_turtle(report.graph))
    else:
        click.echo(format_json(report) if fmt == "json" else format_text(report))
    sys.exit(0 if report.conforms else 1)


@click.command("check")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "turtle"]), default="table", show_default=True)
def check_command(fmt: str) -> None:
    """Report the graph's inconsistencies: distributions, granularity, stretched words, derived figures."""
    from .checks import as_rdf, run_checks, table

    results = run_checks(checked_union())
    if fmt == "json":
        click.echo(json.dumps([r.__dict__ | {"iri": str(r.iri)} for r in results], indent=1, ensure_ascii=False))
    elif fmt == "turtle":
        click.echo(as_rdf(results).serialize(format="turtle"))
    else:
        click.echo(table(results))
