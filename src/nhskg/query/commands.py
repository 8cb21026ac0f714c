"""``nhskg query list|show|run`` and ``nhskg sparql``, on the built graph in ``dist/``.

``list`` and ``show`` read only ``queries/``; ``run`` and ``sparql`` open ``dist/nhskg.trig``, built
first when it is older than its inputs.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..catalogue import bindings, catalogue, find
from ..errors import UserError
from ..release.freshness import fresh_trig
from .results import RESULT_FORMATS, render, run_catalogue_query
from .store import load_store, run_query


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    given = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UserError(f"-p {item!r}: write -p NAME=VALUE")
        given[name] = value
    return given


FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", *RESULT_FORMATS]), default="table",
                             show_default=True, help="table for a terminal; csv, tsv, json, xml: W3C SPARQL results.")


@click.group("query")
def query_group() -> None:
    """Run the catalogue of ready SPARQL queries (queries/*.rq)."""


@query_group.command("list")
def list_command() -> None:
    """Names and titles of every query (checks under checks/)."""
    queries = catalogue()
    width = max(len(n) for n in queries)
    for name, query in queries.items():
        click.echo(f"{name.ljust(width)}  {query.title}")


@query_group.command("show")
@click.argument("name")
def show_command(name: str) -> None:
    """A query's header, parameters and text."""
    query = find(name)
    click.echo(f"{query.name}: {query.title}\n\n{query.description}\n")
    for p in query.params:
        click.echo(f"  -p {p.name}=<{p.type}>  {p.meaning} (default: {p.default or 'required'})")
    click.echo(f"\n{query.text}")


@query_group.command("run")
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="A parameter value.")
@FORMAT_OPTION
def run_command(name: str, params: tuple[str, ...], fmt: str) -> None:
    """Run the query NAME on the built graph."""
    query = find(name)
    given = _parse_params(params)
    bindings(query, given)  # a wrong parameter is reported before any graph is read or built
    click.echo(render(run_catalogue_query(query, given, load_store(fresh_trig())), fmt))


@click.command("sparql")
@click.argument("query_or_file")
@FORMAT_OPTION
def sparql_command(query_or_file: str, fmt: str) -> None:
    """Run an ad-hoc SPARQL query (text, or a .rq file) on the built graph."""
    path = Path(query_or_file)
    text = path.read_text(encoding="utf-8") if query_or_file.endswith(".rq") and path.exists() else query_or_file
    if query_or_file.endswith(".rq") and not path.exists():
        raise UserError(f"{query_or_file}: no such file")
    click.echo(render(run_query(load_store(fresh_trig()), text), fmt))
