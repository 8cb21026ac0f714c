"""``nhskg query list|show|run`` and ``nhskg sparql``, on the built graph in ``dist/``.

``list`` and ``show`` read only ``queries/``; ``run`` and ``sparql`` open ``dist/nhskg.trig``, built
first when it is older than its inputs; ``run`` answers a catalogue query with its default parameters from
``dist/answers/`` when the build materialised it (``nhskg.answers``; ``--live`` evaluates it anyway).
"""

from __future__ import annotations

from pathlib import Path

import click
import pyoxigraph as ox

from .. import answers, paths
from ..catalogue import bindings, catalogue, find
from ..errors import UserError
from ..iris import curie
from ..release.freshness import fresh_trig
from . import guard
from .results import materialised_answer, render
from .store import open_endpoint, open_store

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    given = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UserError(f"-p {item!r}: write -p NAME=VALUE")
        given[name] = value
    return given


FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", *guard.RESULT_FORMATS]), default="table",
                             show_default=True, help="table for a terminal; csv, tsv, json, xml: W3C SPARQL results.")


def limit_options(command):
    """--timeout and --max-rows: the limits the HTTP endpoint applies, with the same defaults."""
    command = click.option("--max-rows", type=click.IntRange(min=1), default=guard.Limits.rows, show_default=True,
                           help="Refuse a query with more results than this (add LIMIT).")(command)
    return click.option("--timeout", type=click.FloatRange(min=0.1), default=guard.Limits.seconds, show_default=True,
                        help="Stop a query that runs longer than this many seconds.")(command)


MERGE_GRAPH_HELP = ("The server graph holding the merged default graph (as pushed with --merge-graph), for servers "
                    "whose own default graph is something else (Virtuoso).")


def ENDPOINT_OPTION(command):  # noqa: N802 — used as a decorator like the click options beside it
    """--endpoint URL (and --merge-graph IRI): a SPARQL 1.1 server instead of the built graph."""
    command = click.option("--merge-graph", metavar="IRI", default=None, help=MERGE_GRAPH_HELP)(command)
    return click.option("--endpoint", metavar="URL", default=None,
                        help="Ask this SPARQL 1.1 query endpoint instead of the built graph (e.g. after `nhskg push`).")(command)


def _answer(text: str, fmt: str, timeout: float, max_rows: int, substitutions=None, endpoint: str | None = None,
            merge_graph: str | None = None, store=None, found: answers.Materialised | None = None) -> str:
    limits = guard.Limits(seconds=timeout, rows=max_rows)
    results_format = "json" if fmt == "table" else fmt
    if found is not None:
        return render(materialised_answer(found, results_format, limits), fmt)
    if endpoint:
        from . import remote

        return render(remote.answer(open_endpoint(endpoint, timeout, merge_graph), text, results_format, "ntriples",
                                    limits, substitutions), fmt)
    store = store if store is not None else open_store(fresh_trig())
    return render(guard.run(store, text, results_format, "ntriples", limits, substitutions), fmt)


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
@limit_options
@ENDPOINT_OPTION
@click.option("--live", is_flag=True,
              help="Evaluate the query now, even where `nhskg build` materialised its answer (dist/answers/).")
def run_command(name: str, params: tuple[str, ...], fmt: str, timeout: float, max_rows: int, endpoint: str | None,
                merge_graph: str | None, live: bool) -> None:
    """Run the query NAME on the built graph (its answer as the build evaluated it, when the graph, the query and
    the parameter values are the build's)."""
    query = find(name)
    substitutions = bindings(query, _parse_params(params))  # a wrong parameter is reported before any graph is read
    trig = None if endpoint else fresh_trig()
    found = None if endpoint or live else answers.materialised(trig, query, substitutions)
    store = None if endpoint or found else open_store(trig)  # opened once: the answer, then the note below
    try:
        click.echo(_answer(query.text, fmt, timeout, max_rows, substitutions, endpoint, merge_graph, store, found))
    except guard.TooManyResults:
        # A catalogue query is not the user's to edit: the limit is what they can change (a listing grows with
        # the graph: people-quoted has 26k rows at 10M triples)
        values = (f", write {', '.join('?' + p.name for p in query.params)}'s value in place of the variable"
                  if query.params else "")  # `nhskg sparql` takes no -p
        raise guard.TooManyResults(
            f"{name} has more than {max_rows} results: raise the limit (--max-rows {max_rows * 10}), or page "
            f"through a copy of it (`nhskg query show {name}`{values}, add LIMIT and OFFSET, run it with "
            f"`nhskg sparql`)") from None
    except guard.QueryRefused:
        raise
    except UserError as exc:  # a syntax error in a catalogue file names the file
        raise UserError(f"{paths.shown(query.path)}: {exc}") from None
    if store is not None:
        given = _parse_params(params)
        for param in query.params:
            if param.type == "iri" and param.name in given:
                _warn_if_unknown(store, param.name, substitutions[ox.Variable(param.name)].value)


def _warn_if_unknown(store, name: str, iri: str) -> None:
    """A typo in an IRI parameter gives an empty table, as SPARQL should: say so, and what it may have meant."""
    import difflib

    if next(store.quads_for_pattern(ox.NamedNode(iri), None, None), None) is not None:
        return
    folder = iri.rsplit("/", 1)[0] + "/"
    kin = sorted({q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), None)
                  if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(folder)})
    names = {k[len(folder):]: k for k in kin}  # compare what differs, not the shared folder
    near = [names[n] for n in difflib.get_close_matches(iri[len(folder):], names, n=3, cutoff=0.6)]
    hint = f"; did you mean {' or '.join(curie(n) for n in near)}?" if near else \
        (f"; {len(kin)} IRIs start {curie(folder)} (e.g. {curie(kin[0])})" if kin else "")
    click.echo(f"note: {name}={curie(iri)} names nothing in the graph{hint}", err=True)


@click.command("sparql")
@click.argument("query_or_file")
@FORMAT_OPTION
@limit_options
@ENDPOINT_OPTION
def sparql_command(query_or_file: str, fmt: str, timeout: float, max_rows: int, endpoint: str | None,
                   merge_graph: str | None) -> None:
    """Run an ad-hoc SPARQL query (text, or a .rq file) on the built graph."""
    path = Path(query_or_file)
    text = path.read_text(encoding="utf-8") if query_or_file.endswith(".rq") and path.exists() else query_or_file
    if query_or_file.endswith(".rq") and not path.exists():
        raise UserError(f"{query_or_file}: no such file")
    click.echo(_answer(text, fmt, timeout, max_rows, endpoint=endpoint, merge_graph=merge_graph))


@click.command("push")
@click.option("--endpoint", "graph_store", metavar="URL", required=True,
              help="The server's SPARQL 1.1 Graph Store endpoint (Oxigraph: http://HOST:7878/store).")
@click.option("--query-endpoint", metavar="URL", default=None,
              help="Its SPARQL query endpoint, to check what arrived (derived for Oxigraph, Fuseki, Virtuoso).")
@click.option("--default-graph/--no-default-graph", default=True, show_default=True,
              help="Also upload the merged default graph; leave out for servers whose default graph is the union.")
@click.option("--merge-graph", metavar="IRI", default=None,
              help="Upload the merged default graph as this named graph instead (Virtuoso); query with --merge-graph IRI.")
def push_command(graph_store: str, query_endpoint: str | None, default_graph: bool, merge_graph: str | None) -> None:
    """Upload each named graph of the built graph to a SPARQL 1.1 server (Graph Store HTTP Protocol)."""
    from .remote import count_triples, push, query_endpoint_for

    store = open_store(fresh_trig())
    sent = push(store, graph_store, default_graph, merge_graph)
    query_url = query_endpoint or query_endpoint_for(graph_store)
    remote = open_endpoint(query_url) if query_url else None
    for graph, triples in sent:
        held = ""
        if remote is not None:
            there = count_triples(remote, None if graph.startswith("(") else graph)
            held = f"  (the server holds {there})" if there == triples else f"  (the server holds {there}: not the same!)"
        click.echo(f"{triples:>8}  {graph}{held}")
    click.echo(f"pushed {len(sent)} graphs to {graph_store}" + (f"; query it: nhskg query run surveys --endpoint {query_url}"
                                                               + (f" --merge-graph {merge_graph}" if merge_graph else "")
                                                               if query_url else " (give --query-endpoint to check)"))
