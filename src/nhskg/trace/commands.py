"""``nhskg trace``: figures in a sentence or an article, traced through the built graph in ``dist/``."""

from __future__ import annotations

import gc
import json

import click

from ..query.store import open_endpoint
from ..release.freshness import fresh_trig
from .index import index_for, load_index
from .matcher import Tracer, to_json
from .report import format_text, read_input


@click.command("trace")
@click.argument("text", required=False)
@click.option("--file", "file", metavar="PATH", help="Read the article from PATH (- for standard input).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "claimreview"]), default="text",
              show_default=True, help="claimreview: schema.org ClaimReview JSON-LD, one per figure.")
@click.option("--url", metavar="URL", help="The article's address (for --format claimreview).")
@click.option("--date", metavar="YYYY-MM-DD", help="The article's publication date (for --format claimreview).")
@click.option("--endpoint", metavar="URL", default=None,
              help="Read the findings from this SPARQL 1.1 query endpoint instead of the built graph.")
def trace_command(text: str | None, file: str | None, fmt: str, url: str | None, date: str | None,
                  endpoint: str | None) -> None:
    """Trace each figure of TEXT (or an article) to the survey, document, sentence and offsets it came from."""
    from .claimreview import check_date, check_url

    check_url(url), check_date(date)  # a bad option is reported before the graph is read
    article = read_input(text, file)
    index = load_index(open_endpoint(endpoint)) if endpoint else index_for(fresh_trig())
    tracer = Tracer(index)
    # the index and the tracer live as long as the command: out of the collector's sight, since each of its
    # full passes over their references takes a second at ten million triples
    gc.freeze()
    traced = tracer.trace(article)
    if fmt == "claimreview":
        from .claimreview import claimreviews

        click.echo(json.dumps(claimreviews(article, traced, index, url, date), indent=1, ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps(to_json(article, traced), indent=1, ensure_ascii=False))
    else:
        click.echo(format_text(article, traced, index), nl=False)
