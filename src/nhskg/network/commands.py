"""``nhskg network export|report|plot`` on the built graph in ``dist/`` (built first when stale)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import paths
from ..errors import UserError
from ..query.store import open_endpoint, open_store
from ..release.freshness import fresh_trig
from .graphs import build_graphs, export, require_node
from .report import report, report_text


ENDPOINT_OPTION = click.option("--endpoint", metavar="URL", default=None,
                                help="Read the graph from this SPARQL 1.1 query endpoint instead of the built graph.")


def _store(endpoint: str | None):
    return open_endpoint(endpoint) if endpoint else open_store(fresh_trig())


@click.group("network", invoke_without_command=True)
@click.pass_context
def network_group(ctx: click.Context) -> None:
    """Network views of the graph (structure, provenance, co-mention): exports, report, pictures."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(export_command)


@network_group.command("export")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default dist/network/).")
@ENDPOINT_OPTION
def export_command(out_dir: Path | None = None, endpoint: str | None = None) -> None:
    """Write GraphML, GEXF and node-link JSON of each graph and print their sizes."""
    graphs = build_graphs(_store(endpoint))
    written = export(graphs, out_dir)
    for name, g in graphs.items():
        click.echo(f"{name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    click.echo(f"wrote {len(written)} files to {written[0].parent}")


@network_group.command("report")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--finding", default=None, help="Only this finding's paths to its sources (IRI or id:...).")
@ENDPOINT_OPTION
def report_command(fmt: str, finding: str | None, endpoint: str | None) -> None:
    """Centrality, who backs which findings, components, and paths to primary sources."""
    graphs = build_graphs(_store(endpoint))
    if finding:
        finding = require_node(graphs["provenance"], finding, "finding", {"Finding", "DerivedFinding"})
    data = report(graphs, finding)
    click.echo(json.dumps(data, indent=1, ensure_ascii=False) if fmt == "json" else report_text(graphs, data))


@network_group.command("plot")
@click.option("--finding", default=None, help="Draw this finding's provenance tree.")
@click.option("--structure", default=None, help="Draw the 2013 structure under this region, area team or SHA.")
@click.option("--topic", default=None, help="Chart this topic's findings across surveys over time.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default dist/network/).")
@ENDPOINT_OPTION
def plot_command(finding: str | None, structure: str | None, topic: str | None, out_dir: Path | None,
                 endpoint: str | None) -> None:
    """Draw pictures (PNG and SVG) of a finding's provenance, a structure or a topic."""
    from . import plots  # matplotlib: only for pictures

    if not (finding or structure or topic):
        raise UserError("nothing to draw: give --finding IRI, --structure IRI or --topic IRI")
    out_dir = out_dir or paths.dist_file("network")
    store = _store(endpoint)
    graphs = build_graphs(store)
    written: list[Path] = []
    if finding:
        written += plots.plot_provenance(graphs["provenance"], finding, out_dir)
    if structure:
        written += plots.plot_structure(graphs["structure"], structure, out_dir)
    if topic:
        written += plots.plot_topic(store, topic, out_dir)
    for path in written:
        click.echo(f"wrote {path}")
