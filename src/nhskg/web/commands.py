"""``nhskg serve`` (the graph over HTTP) and ``nhskg site`` (the same pages as a static site)."""

from __future__ import annotations

from pathlib import Path

import click

from .. import paths
from ..query import guard
from ..query.commands import ENDPOINT_OPTION
from ..query.remote import FollowedRemote
from ..query.store import ReopeningStore, open_endpoint, open_store
from ..release.freshness import fresh_trig


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--timeout", default=guard.Limits.seconds, show_default=True, type=click.FloatRange(min=0.1),
              help="Time limit of one SPARQL query, in seconds.")
@click.option("--max-rows", default=guard.Limits.rows, show_default=True, type=click.IntRange(min=1),
              help="Most results one SPARQL query may give.")
@click.option("--store", "engine", type=click.Choice(["auto", "disk", "memory"]), default="auto", show_default=True,
              help="auto: the graph in memory up to ~1M triples, else dist/store/ read-only from disk.")
@ENDPOINT_OPTION
def serve_command(host: str, port: int, timeout: float, max_rows: int, engine: str, endpoint: str | None,
                  merge_graph: str | None) -> None:
    """Serve the graph over HTTP: SPARQL endpoint, dereferenceable IRIs, pages for people."""
    import uvicorn

    from .app import create_app

    if endpoint:  # the graph a SPARQL server holds (`nhskg push`); dumps, texts and VoID still from dist/
        store, served = FollowedRemote(open_endpoint(endpoint, timeout, merge_graph)), endpoint
    else:  # a later `nhskg build` is taken up without a restart
        store, served = ReopeningStore(fresh_trig(), engine, hold=guard.GATE.reading), paths.shown(paths.DIST_DIR)
    app = create_app(store, paths.DIST_DIR, guard.Limits(seconds=timeout, rows=max_rows))
    click.echo(f"nhskg: serving {served} at http://{host}:{port}/ "
               f"(SPARQL endpoint http://{host}:{port}/sparql); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command("site")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--base-url", default="https://nhskg.example.org", show_default=True,
              help="Where OUT will be published: the w3id.org rules redirect the IRIs there.")
def site_command(out: Path, base_url: str) -> None:
    """Write the resource pages and RDF files as a static site in OUT, with w3id-style redirect rules."""
    from .site import write_site

    written = write_site(open_store(fresh_trig()), paths.DIST_DIR, out, base_url)
    click.echo(f"wrote {written} files to {out}")
