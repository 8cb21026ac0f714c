"""The HTTP side, all of it: a Starlette app over one in-process Oxigraph store.

- ``/sparql``: the SPARQL 1.1 Protocol (GET, POST form, POST direct), results by content negotiation,
  read-only and limited through ``query.guard`` (the path ``nhskg sparql`` uses too), a Service
  Description when there is no query, CORS for GET.
- ``/id/…`` answers ``303 See Other`` to ``/doc/…``, which negotiates HTML, Turtle, JSON-LD and
  N-Triples (or takes ``.html``/``.ttl``/``.jsonld``/``.nt``); ``/def/`` is the ontology; dumps under
  ``/dumps/``; VoID at ``/.well-known/void``.
- ``/api/catalogue/NAME``: a catalogue query, answered as ``nhskg build`` materialised it when the graph, the query
  and its parameter values are the build's (``nhskg.answers``), else evaluated like ``/sparql``.
- Pages for people (home, query, trace, browse) are rendered by ``pages``; scripts and styles are
  served from the package, nothing from a CDN.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
from pathlib import Path

import mimeparse
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import answers, catalogue, paths
from ..errors import UserError
from ..iris import BASE, PREFIXES, expand_iri
from ..query import guard, remote
from ..query.remote import FollowedRemote, RemoteStore
from ..query.results import materialised_answer
from ..query.store import ReopeningStore
from . import pages, resources, service

RESULT_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                "application/sparql-results+xml": "xml", "application/xml": "xml", "text/csv": "csv",
                "text/tab-separated-values": "tsv"}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "ntriples", "application/ld+json": "jsonld",
               "application/rdf+xml": "rdfxml", "text/plain": "ntriples"}
DOC_TYPES = {"text/html": "html", "text/turtle": "turtle", "application/ld+json": "jsonld",
             "application/n-triples": "ntriples"}
SUFFIXES = {".html": "html", ".ttl": "turtle", ".jsonld": "jsonld", ".nt": "ntriples"}
MAX_QUERY_BYTES = 100_000
_LOG = logging.getLogger(__name__)
QUEUE_SECONDS = 10  # how long a query waits for one of the concurrent slots before a 503


def negotiate(accept: str | None, offered: dict[str, str], default: str) -> str | None:
    """The offered format the Accept header prefers (None when it accepts none); no header: the default."""
    if not accept or not accept.strip():
        return default
    # mimeparse breaks ties in favour of the type listed last: list the default's types last, so that
    # "*/*" (or equal weights) gives the default.
    types = sorted(offered, key=lambda media_type: offered[media_type] == default)
    try:
        best = mimeparse.best_match(types, accept)
    except (ValueError, IndexError):  # a malformed header: answer as if none was sent
        return default
    return offered[best] if best else None


def create_app(store: ox.Store | ReopeningStore | RemoteStore | FollowedRemote, dist_dir: Path,
               limits: guard.Limits | None = None) -> Starlette:
    """The app serving ``store`` (the built graph; a ``ReopeningStore`` follows rebuilds; a ``RemoteStore`` is
    a SPARQL server asked over HTTP, and a ``FollowedRemote`` one whose pushes the pages follow) and the files
    of ``dist_dir``."""
    limits = limits or guard.Limits()
    state = _Served(store, dist_dir)

    def reading(function, *args):
        """``function(*args)`` as a store read of this process (see ``guard.GATE``), in a worker thread."""
        def read():
            with guard.GATE.reading():
                return function(*args)
        return run_in_threadpool(read)
    slots = asyncio.Semaphore(limits.concurrent)  # queries at once; each holds a worker thread and a child

    async def sparql(request: Request) -> Response:
        if request.method == "POST":
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = await request.body()
            if len(body) > MAX_QUERY_BYTES:
                return _error(413, f"the query is over {MAX_QUERY_BYTES} bytes")
            if kind == "application/sparql-update":
                return _error(403, "updates are not accepted: this endpoint is read-only")
            if kind == "application/sparql-query":
                text, params = body.decode("utf-8", "replace"), request.query_params
            elif kind == "application/x-www-form-urlencoded":
                params = QueryParams(body.decode("utf-8", "replace"))
                if "update" in params:
                    return _error(403, "updates are not accepted: this endpoint is read-only")
                if "query" not in params:
                    return _error(400, "POST the query in the form field 'query'")
                text = params.get("query")
            else:
                return _error(415, "POST a query as application/sparql-query or as the form field 'query' "
                                   "(application/x-www-form-urlencoded)")
        else:
            params = request.query_params
            text = params.get("query")
            if "update" in params:
                return _error(403, "updates are not accepted: this endpoint is read-only")
        if len(params.getlist("query")) > 1:
            return _error(400, "give exactly one query parameter")
        if text is None:
            graph_format = negotiate(request.headers.get("accept"), GRAPH_TYPES, "turtle") or "turtle"
            described = await reading(service.description, state.store, str(request.url_for("sparql")), graph_format)
            return Response(described,
                            media_type=_media(graph_format))
        if len(text.encode()) > MAX_QUERY_BYTES:
            return _error(413, f"the query is over {MAX_QUERY_BYTES} bytes")
        return await answer(request, text, params)

    async def catalogue_query(request: Request) -> Response:
        params = request.query_params
        try:
            query = catalogue.find(request.path_params["name"], state.queries)
        except UserError as exc:
            return _error(404, str(exc))
        try:
            substitutions = catalogue.bindings(query, {k: v for k, v in params.items() if k != "format"})
        except UserError as exc:
            return _error(400, str(exc))
        trig = state.source.serving() if isinstance(state.source, ReopeningStore) else None
        lookup = (lambda: answers.materialised(trig, query, substitutions)) if trig else None
        return await answer(request, query.text, params, substitutions, lookup)

    async def answer(request: Request, text: str, params, substitutions=None, lookup=None) -> Response:
        """``lookup``: finds the build's answer to this very query (``answers.materialised``), read only once a
        slot is taken, so a waiting request holds no answer (review)."""
        forced = params.get("format")
        accept = request.headers.get("accept")
        results_format = forced if forced in guard.RESULT_FORMATS else negotiate(accept, RESULT_TYPES, "json")
        graph_format = forced if forced in guard.GRAPH_FORMATS else negotiate(accept, GRAPH_TYPES, "turtle")
        if results_format is None and graph_format is None:
            return _error(406, "no acceptable format: ask for " + ", ".join(sorted({*RESULT_TYPES, *GRAPH_TYPES})))
        try:  # a short wait for a free slot, then turned away rather than queued without end
            await asyncio.wait_for(slots.acquire(), timeout=QUEUE_SECONDS)
        except asyncio.TimeoutError:
            return _error(503, f"{limits.concurrent} queries are running: try again shortly", {"Retry-After": "5"})
        try:
            default_graph, named_graphs = _dataset(params)
            found = await run_in_threadpool(lookup) if lookup else None
            if found is not None:  # the build's answer to this very query on this very graph
                result = await run_in_threadpool(materialised_answer, found, results_format or "json", limits)
            elif isinstance(state.store, RemoteStore):  # asked of the server over HTTP (no child: it needs the network)
                try:
                    result = await run_in_threadpool(remote.answer, state.store, text, results_format or "json",
                                                     graph_format or "turtle", limits, substitutions, default_graph,
                                                     named_graphs)
                except remote.RemoteError as exc:  # the server is down, refused the query or answered otherwise
                    return _upstream(exc)
            else:
                result = await _while_connected(request, lambda cancel: guard.run(
                    state.store, text, results_format or "json", graph_format or "turtle", limits, substitutions,
                    default_graph, named_graphs, cancel))
        except guard.QueryRefused as exc:
            return _error(exc.status, str(exc))
        except UserError as exc:
            return _error(400, str(exc))
        finally:
            slots.release()
        asked = results_format if result.form != "graph" else graph_format
        if asked is None:  # the client accepts no format this form of query can have
            result.close()
            return _error(406, f"a {'CONSTRUCT or DESCRIBE' if result.form == 'graph' else 'SELECT or ASK'} query's "
                               "results cannot be given in the formats asked for")
        headers = {"Vary": "Accept"}
        if forced:
            headers["Content-Disposition"] = f'attachment; filename="results.{_extension(result.format_name)}"'
        return StreamingResponse(result.chunks, media_type=result.media_type, headers=headers)

    def known(iri: str) -> bool:
        """A usable IRI the graph says something about (a malformed one is simply unknown)."""
        if expand_iri(iri) != iri:
            return False
        try:
            with guard.GATE.reading():
                return resources.exists(state.store, iri)
        except ValueError:  # Oxigraph's IRI check is stricter (bad percent-encoding, NUL)
            return False

    async def identifier(request: Request) -> Response:
        path = request.path_params["path"]
        if not known(BASE + "id/" + path):
            raise HTTPException(404, f"nothing in the graph is called {BASE}id/{path}")
        return RedirectResponse(f"/doc/{path}", status_code=303, headers={"Vary": "Accept"})

    async def document(request: Request) -> Response:
        path = request.path_params["path"]
        fmt = None
        for suffix, name in SUFFIXES.items():
            if path.endswith(suffix):
                path, fmt = path[: -len(suffix)], name
        iri = BASE + "id/" + path
        if not known(iri):
            raise HTTPException(404, f"nothing in the graph is called {iri}")
        fmt = fmt or negotiate(request.headers.get("accept"), DOC_TYPES, "html")
        if fmt is None:
            return _error(406, "ask for text/html, text/turtle, application/ld+json or application/n-triples")
        headers = {"Vary": "Accept", "Link": ", ".join(f'</doc/{path}{s}>; rel="alternate"; type="{t}"' for s, t in
                                                       ((".ttl", "text/turtle"), (".jsonld", "application/ld+json"),
                                                        (".nt", "application/n-triples")))}
        if fmt == "html":
            return _html(await reading(state.renderer.resource, iri), headers)
        triples = await reading(resources.description, state.store, iri)
        data = ox.serialize(triples, format=guard.GRAPH_FORMATS[fmt], prefixes=PREFIXES if fmt == "turtle" else None)
        return Response(data, media_type=_media(fmt), headers=headers)

    async def ontology(request: Request) -> Response:
        suffix = next((s for s in SUFFIXES if request.url.path.endswith("nhskg" + s)), None)
        fmt = SUFFIXES[suffix] if suffix else negotiate(request.headers.get("accept"), DOC_TYPES, "html")
        if fmt is None:
            return _error(406, "the ontology is served as text/html, text/turtle, application/ld+json and "
                               "application/n-triples", {"Vary": "Accept"})
        if fmt == "turtle":
            return FileResponse(paths.ONTOLOGY, media_type="text/turtle", headers={"Vary": "Accept"})
        if fmt != "html":
            triples = ox.parse(path=str(paths.ONTOLOGY), format=ox.RdfFormat.TURTLE)
            return Response(ox.serialize(triples, format=guard.GRAPH_FORMATS[fmt]), media_type=_media(fmt),
                            headers={"Vary": "Accept"})
        return _html(await reading(state.renderer.ontology), {"Vary": "Accept"})

    async def term(request: Request) -> Response:
        if not known(BASE + "def/" + request.path_params["term"]):
            raise HTTPException(404, f"the ontology has no term {BASE}def/{request.path_params['term']}")
        return RedirectResponse(f"/def/#{request.path_params['term']}", status_code=303)

    async def dump(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in pages.DUMPS or not (dist_dir / name).is_file():
            raise HTTPException(404, f"no dump called {name}")
        return FileResponse(dist_dir / name, media_type=pages.DUMPS[name])

    async def text(request: Request) -> Response:
        name = request.path_params["name"]
        path = dist_dir / "texts" / name
        if "/" in name or name.startswith(".") or not path.is_file():
            raise HTTPException(404, f"no source text called {name}")
        return FileResponse(path, media_type="text/plain; charset=utf-8")

    async def void(request: Request) -> Response:
        return FileResponse(dist_dir / "void.ttl", media_type="text/turtle")

    async def trace_api(request: Request) -> Response:
        form = QueryParams((await request.body()).decode("utf-8", "replace")) if request.method == "POST" \
            else request.query_params
        text = form.get("text", "")
        if not text.strip():
            return _error(400, "give the text to trace in the field 'text'")
        if len(text) > 2_000_000:
            return _error(413, "the text is over 2,000,000 characters: trace it with `nhskg trace --file`")
        try:
            result = await reading(state.renderer.trace_json, text, form.get("url"), form.get("date"))
        except UserError as exc:  # a malformed url or date: the user's to fix
            return _error(400, str(exc))
        return JSONResponse(result)

    async def trace_page(request: Request) -> Response:
        text = request.query_params.get("text")
        return _html(await reading(state.renderer.trace_page, text))

    async def page(request: Request) -> Response:
        name = request.path_params.get("name", "home")
        if name not in state.renderer.PAGES:
            raise HTTPException(404, f"no page called /{name}")
        return _html(await reading(state.renderer.PAGES[name]))

    async def topic_chart(request: Request) -> Response:
        svg = await reading(state.renderer.topic_chart, request.path_params["slug"])
        if svg is None:
            raise HTTPException(404, "no such topic")
        return Response(svg, media_type="image/svg+xml")

    async def not_found(request: Request, exc: HTTPException) -> Response:
        if "text/html" in request.headers.get("accept", ""):
            return _html(state.renderer.error(exc.status_code, exc.detail), status=exc.status_code)
        return PlainTextResponse(f"{exc.status_code}: {exc.detail}\n", status_code=exc.status_code)

    async def server_error(request: Request, exc: Exception) -> Response:
        return PlainTextResponse("500: the server could not answer this request\n", status_code=500)

    async def upstream_error(request: Request, exc: remote.RemoteError) -> Response:
        """A page read from a SPARQL server (``serve --endpoint``) that could not be read: say why."""
        return _upstream(exc)

    async def upstream_timeout(request: Request, exc: remote.RemoteTimeout) -> Response:
        return _error(503, f"503: {exc}", {"Retry-After": "5"})

    routes = [
        Route("/", page), Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
        Route("/id/{path:path}", identifier), Route("/doc/{path:path}", document),
        Route("/def/", ontology), *(Route(f"/def/nhskg{suffix}", ontology) for suffix in SUFFIXES), Route("/def/{term}", term),
        Route("/dumps/{name}", dump), Route("/texts/{name}", text), Route("/.well-known/void", void),
        Route("/api/catalogue/{name}", catalogue_query), Route("/api/trace", trace_api, methods=["GET", "POST"]), Route("/trace", trace_page),
        Route("/charts/topic/{slug}.svg", topic_chart), Route("/{name}", page),
        Mount("/static", StaticFiles(directory=pages.STATIC_DIR), name="static"),
    ]
    middleware = [Middleware(_Follow, served=state), Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])]
    return Starlette(routes=routes, middleware=middleware,
                     exception_handlers={HTTPException: not_found, remote.RemoteError: upstream_error,
                                         remote.RemoteTimeout: upstream_timeout, 500: server_error})


class _Served:
    """The store a request reads and the renderer over it, swapped together when a rebuild is taken up (the
    renderer is made in the loader thread, ``ReopeningStore.attach``: its counts read the whole graph)."""

    def __init__(self, source: ox.Store | ReopeningStore | FollowedRemote | RemoteStore, dist_dir: Path):
        self.source = source
        # the catalogue the graph was built with, read again with each rebuild taken up (an edited .rq is an input
        # of the build: its new text, and its new materialised answer, arrive together)
        self.queries = catalogue.catalogue()
        if isinstance(source, (ReopeningStore, FollowedRemote)):
            source.attach(lambda store: pages.Renderer(store, dist_dir))
            self.store, self.renderer = source.current_pair()
        else:
            self.store, self.renderer = source, pages.Renderer(source, dist_dir)

    def follow(self) -> None:
        if isinstance(self.source, (ReopeningStore, FollowedRemote)):
            store, renderer = self.source.current_pair()
            if store is not self.store or renderer is not self.renderer:  # a FollowedRemote keeps its store
                self.store, self.renderer = store, renderer
                try:
                    self.queries = catalogue.catalogue()
                except UserError:  # a .rq broken since the build: the catalogue the server had stays
                    pass
                # the trace index the old renderer froze (gc.freeze) goes back to the collector, or the old
                # renderer, its store and index (held in reference cycles) would never be freed
                gc.unfreeze()


class _Follow:
    """ASGI middleware: each request first takes up a rebuilt store, if one was opened since."""

    def __init__(self, app, served: _Served):
        self.app, self.served = app, served

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            self.served.follow()
        await self.app(scope, receive, send)


def _dataset(params) -> tuple[list | None, list | None]:
    """The protocol's default-graph-uri and named-graph-uri parameters as Oxigraph graph names."""
    try:
        # each graph once: a graph named twice must not count its triples twice in the merge
        default = [ox.NamedNode(v) for v in dict.fromkeys(params.getlist("default-graph-uri"))]
        named = [ox.NamedNode(v) for v in dict.fromkeys(params.getlist("named-graph-uri"))]
    except ValueError as exc:
        raise UserError(f"default-graph-uri / named-graph-uri: not an IRI ({exc})") from None
    return (default or None), (named or None)


def _html(text: str, headers: dict | None = None, status: int = 200) -> Response:
    return HTMLResponse(text, status_code=status, headers=headers)


def _media(fmt: str) -> str:
    return guard.GRAPH_FORMATS[fmt].media_type


def _extension(fmt: str) -> str:
    return {"turtle": "ttl", "ntriples": "nt", "rdfxml": "rdf"}.get(fmt, fmt)


def _error(status: int, message: str, headers: dict | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _upstream(exc) -> Response:
    """A 502 for the SPARQL server behind ``serve --endpoint``: why, without where (the operator's log says
    where; a web client is not told the address of the server behind the site)."""
    _LOG.warning("the SPARQL server did not answer: %s", exc)
    return _error(502, f"502: the SPARQL server behind this site did not answer: {exc.detail}")


async def _while_connected(request: Request, run):
    """``run(cancel)`` in a worker thread; if the client disconnects before it returns, set ``cancel`` so the
    query's child is stopped at once rather than at the time limit."""
    cancel = threading.Event()
    task = asyncio.ensure_future(run_in_threadpool(run, cancel))
    while not task.done():
        done, _ = await asyncio.wait({task}, timeout=0.5)
        if not done and await request.is_disconnected():
            cancel.set()
    return task.result()

