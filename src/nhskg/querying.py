"""``nhskg query list|show|run`` and ``nhskg sparql``: results as a table or in the W3C formats.

CSV, TSV, JSON and XML are Oxigraph's serialisations of the W3C SPARQL 1.1 results formats, so any
consumer's parser reads them; the table is for a person at a terminal.
"""

from __future__ import annotations

from pathlib import Path

import click
import pyoxigraph as ox

from . import paths
from .catalogue import Query, bindings, catalogue, find
from .errors import UserError
from .store import load_store, run_query
from .vocab import curie

RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
CELL = 70


def short(term) -> str:
    """A term as a person reads it: IRIs by prefix, literals by their text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return curie(term.value)
    return str(term.value) if isinstance(term, ox.Literal) else str(term)


def table(solutions) -> str:
    names = [v.value for v in solutions.variables]
    rows = [[short(s[n]).replace("\n", " ") for n in names] for s in solutions]
    rows = [[c if len(c) <= CELL else c[:CELL - 1] + "…" for c in row] for row in rows]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def render(result, fmt: str) -> str:
    """Render SELECT solutions, an ASK boolean or CONSTRUCT triples."""
    if isinstance(result, ox.QueryBoolean):
        if fmt == "table":
            return "true" if bool(result) else "false"
        return result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")
    if isinstance(result, ox.QueryTriples):
        if fmt != "table":
            raise UserError("a CONSTRUCT or DESCRIBE query gives triples, written as N-Triples: leave out --format")
        return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in result)
    if fmt == "table":
        return table(result)
    return result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8")


def run_catalogue_query(query: Query, given: dict[str, str], store=None):
    """The solutions of a catalogue query with its parameters bound; a syntax error names the file."""
    subs = bindings(query, given)
    try:
        return run_query(store or load_store(), query.text, subs)
    except UserError as exc:
        raise UserError(f"{query.path.relative_to(paths.ROOT)}: {exc}") from None


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
    click.echo(render(run_catalogue_query(query, _parse_params(params)), fmt))


@click.command("sparql")
@click.argument("query_or_file")
@FORMAT_OPTION
def sparql_command(query_or_file: str, fmt: str) -> None:
    """Run an ad-hoc SPARQL query (text, or a .rq file) on the built graph."""
    path = Path(query_or_file)
    text = path.read_text(encoding="utf-8") if query_or_file.endswith(".rq") and path.exists() else query_or_file
    if query_or_file.endswith(".rq") and not path.exists():
        raise UserError(f"{query_or_file}: no such file")
    click.echo(render(run_query(load_store(), text), fmt))


def docs_markdown(queries: dict[str, Query] | None = None) -> str:
    """The catalogue as Markdown, from the headers."""
    queries = queries if queries is not None else catalogue()
    lines = ["# nhskg query catalogue", "", "Run any of these with `nhskg query run NAME [-p NAME=VALUE ...] "
             "[--format table|csv|tsv|json|xml]`; `nhskg query show NAME` prints the SPARQL.", ""]
    for name, query in queries.items():
        lines += [f"## `{name}` — {query.title}", "", query.description, ""]
        if query.params:
            lines += ["| parameter | type | default | meaning |", "|---|---|---|---|"]
            lines += [f"| `{p.name}` | {p.type} | {p.default or '(required)'} | {p.meaning} |" for p in query.params]
            lines.append("")
        lines += [f"Source: `{query.path.relative_to(paths.ROOT)}`", ""]
    return "\n".join(lines)
