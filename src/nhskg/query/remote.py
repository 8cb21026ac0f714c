"""Any SPARQL 1.1 server as the graph: queries by the SPARQL 1.1 Protocol, uploads by the Graph Store Protocol.

``RemoteStore`` stands in for the local store wherever a command reads the graph (``query run``,
``sparql``, ``trace``, ``network`` with ``--endpoint URL``): ``query`` sends the text with the project's
prefixes declared and the parameters written in as a ``VALUES`` block at the head of the outer ``WHERE``
(a server knows no Oxigraph substitutions), and parses the W3C results with pyoxigraph, so callers see
the same solution objects as from a local store. ``push`` uploads every named graph of a local store
with HTTP ``PUT`` (SPARQL 1.1 Graph Store HTTP Protocol), and by default the merged default graph too, for
servers whose default graph is its own graph (Oxigraph, Fuseki, QLever). A server whose default graph
is something else (Virtuoso: every graph it holds, system graphs included) takes the merge as a named
graph (``--merge-graph IRI``), and queries then name their dataset with the protocol's
``default-graph-uri``/``named-graph-uri``. Only the standard library speaks HTTP here.
"""

from __future__ import annotations

import io
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pyoxigraph as ox

from ..errors import UserError
from ..iris import BASE, PREFIXES
from . import guard

_PARSED = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV}
_GRAPHS = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE,
           "application/rdf+xml": ox.RdfFormat.RDF_XML, "text/plain": ox.RdfFormat.N_TRIPLES}
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)
_DECLARED = re.compile(r"\bPREFIX\s+([\w.-]*):", re.I)


def prepared(text: str, substitutions: dict | None = None) -> str:
    """``text`` with the project's undeclared prefixes declared and each substitution as a leading VALUES."""
    declared = {m.lower() for m in _DECLARED.findall(text)}
    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p.lower() not in declared)
    if substitutions:
        names = " ".join(str(v) if str(v).startswith("?") else f"?{v.value}" for v in substitutions)
        values = f" VALUES ({names}) {{ ({' '.join(str(t) for t in substitutions.values())}) }} "
        where = _WHERE.search(text)
        if where is None:
            raise UserError("a query with parameters needs a WHERE clause to bind them in")
        text = text[:where.end()] + values + text[where.end():]
    return head + text


def names_dataset(text: str) -> bool:
    """Whether the query names its own dataset (``FROM`` or ``FROM NAMED``), read from its keywords as
    ``guard.screen`` reads them: a "from" in a string, an IRI, a comment or a name does not count."""
    return "FROM" in guard.keywords(text)


#: The project's named graphs all live under this IRI (``nhskg:graph/…``).
GRAPHS_BASE = BASE + "graph/"


class RemoteStore:
    """A SPARQL 1.1 query endpoint, answering ``query`` like a local store (read-only).

    ``merge_graph``: the server graph holding the merged default graph (``nhskg push --merge-graph``),
    for a server whose own default graph is something else (Virtuoso's is every graph it holds, its
    system graphs included). Each query then names its dataset by the protocol's ``default-graph-uri``
    (that graph) and ``named-graph-uri`` (the project's named graphs there), as the local store has it."""

    def __init__(self, url: str, timeout: float = 60.0, merge_graph: str | None = None):
        if not re.match(r"^https?://", url):
            raise UserError(f"--endpoint {url!r}: give the SPARQL query endpoint as an http:// or https:// URL")
        self.url, self.timeout, self.merge_graph = url, timeout, merge_graph
        self._dataset: list[tuple[str, str]] | None = None

    def dataset(self) -> list[tuple[str, str]]:
        """The protocol parameters naming the query dataset (none without ``merge_graph``)."""
        if self.merge_graph is None:
            return []
        if self._dataset is None:
            self._dataset = []  # the question itself is asked of the whole server
            media, data = self.request("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                       f'FILTER (STRSTARTS(STR(?g), "{GRAPHS_BASE}")) }}',
                                       "application/sparql-results+json")
            named = sorted(s["g"].value for s in ox.parse_query_results(data, format=_PARSED[media]))
            self._dataset = [("default-graph-uri", self.merge_graph)] + [
                ("named-graph-uri", g) for g in named if g != self.merge_graph]
        return self._dataset

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    def request(self, text: str, accept: str = _ACCEPT, dataset: list[tuple[str, str]] | None = None,
                timeout: float | None = None, max_bytes: int | None = None) -> tuple[str, bytes]:
        """POST ``text`` (as sent) to the endpoint; the media type and bytes of the answer. ``dataset``: the
        protocol's ``default-graph-uri``/``named-graph-uri`` pairs a client asked for, else the project's —
        unless the query names its own (``FROM``/``FROM NAMED``), which the protocol's would override;
        ``timeout``: this request's, else the store's; ``max_bytes``: refused past this many bytes of answer."""
        if not dataset and not names_dataset(text):
            dataset = self.dataset()
        body = urllib.parse.urlencode([("query", text), *(dataset or [])]).encode()
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        return _send(request, timeout or self.timeout, self.url, max_bytes)

    def query(self, text: str, substitutions: dict | None = None, prefixes: dict | None = None, **_ignored):
        media, data = self.request(prepared(text, substitutions))
        if media in _PARSED:
            return ox.parse_query_results(data, format=_PARSED[media])
        if media in _GRAPHS:
            return list(ox.parse(data, format=_GRAPHS[media]))
        raise RemoteError(self.url, f"answered {media or 'no media type'}, not SPARQL results or RDF")


    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:
        """The default graph's triples matching a pattern (``None`` matches anything), as a local store's
        ``quads_for_pattern`` gives them, for the server's pages. A blank node cannot be named to a server (in a
        query it is a variable), so a pattern with one matches nothing here: a description served from
        ``--endpoint`` stops at a blank node (the built graph has none; its structured values are hash IRIs)."""
        if not isinstance(graph_name, (ox.DefaultGraph, type(None))):
            raise ValueError("a remote store answers patterns over its default graph only")
        terms = {"s": subject, "p": predicate, "o": object}
        if any(isinstance(term, ox.BlankNode) for term in terms.values()):
            return iter(())
        where = " ".join(str(term) if term is not None else f"?{name}" for name, term in terms.items())
        free = [name for name, term in terms.items() if term is None]
        text = f"SELECT {' '.join('?' + n for n in free) or '*'} WHERE {{ {where} }}" if free else \
            f"SELECT * WHERE {{ {where} }} LIMIT 1"
        quads = []
        for solution in self.query(text):
            bound = {name: terms[name] if terms[name] is not None else solution[name] for name in terms}
            quads.append(ox.Quad(bound["s"], bound["p"], bound["o"], ox.DefaultGraph()))
        return iter(quads)

    def named_graphs(self) -> list[ox.NamedNode]:
        """The project's named graphs on the server (those under ``nhskg:graph/``)."""
        solutions = self.query(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), '
                               f'"{GRAPHS_BASE}")) }}')
        return sorted((s["g"] for s in solutions), key=lambda g: g.value)


class FollowedRemote:
    """A SPARQL server's graph for a process that lives across pushes (``nhskg serve --endpoint``).

    As ``store.ReopeningStore`` does for a rebuilt TriG, ``current_pair()`` answers the store with its companion
    (the server's renderer: page counts and the trace index, read from the whole graph), and at most every
    ``every`` seconds a background thread asks the server for a fingerprint of its graph — the totals of the
    statistics graph the build writes (graphs and triples), one small query at any size; when it has changed
    (a new ``nhskg push``), the companion is made again there and swapped in, so no request waits. A push that
    leaves both totals as they were is not noticed (a restart is); a server that does not answer keeps the old
    companion and is asked again next time."""

    FINGERPRINT = ("SELECT (COUNT(?graph) AS ?graphs) (SUM(?triples) AS ?total) WHERE { GRAPH <" + BASE +
                   "graph/statistics> { ?dataset <http://rdfs.org/ns/void#subset> ?graph . ?graph "
                   "<http://rdfs.org/ns/void#triples> ?triples } }")

    def __init__(self, remote: "RemoteStore", every: float = 60.0):
        self.remote, self.every = remote, every
        self._prepare = None
        self._pair: tuple = (remote, None)
        self._seen = self._fingerprint()
        self._checked = time.monotonic()
        self._checking: threading.Thread | None = None
        self._lock = threading.Lock()
        self.generation = 0

    def attach(self, prepare) -> None:
        """Make ``prepare(remote)`` now, and again in the background thread after each change on the server."""
        self._prepare = prepare
        self._pair = (self.remote, prepare(self.remote))

    def current_pair(self) -> tuple:
        now = time.monotonic()
        if now - self._checked >= self.every:
            with self._lock:
                if self._checking is None or not self._checking.is_alive():
                    self._checked = now
                    self._checking = threading.Thread(target=self._follow, daemon=True)
                    self._checking.start()
        return self._pair

    def _fingerprint(self) -> tuple | None:
        try:
            row = next(iter(self.remote.query(self.FINGERPRINT)))
            return tuple(None if row[name] is None else row[name].value for name in ("graphs", "total"))
        except (UserError, StopIteration):  # down or slow (RemoteError, RemoteTimeout): asked again next time
            return None

    def _follow(self) -> None:
        seen = self._fingerprint()
        if seen is None or seen == self._seen:
            return
        try:
            companion = self._prepare(self.remote) if self._prepare else None
        except Exception:  # noqa: BLE001 — a push caught half-way: keep the old pages, ask again next time
            return
        self._pair, self._seen, self.generation = (self.remote, companion), seen, self.generation + 1


class RemoteError(UserError):
    """The server could not be reached, refused the request or answered what is not SPARQL results or RDF.

    The message names the server (for the command line, whose user gave the URL); ``detail`` does not (for the
    web, whose clients are not told where the server behind it is)."""

    def __init__(self, url: str, detail: str):
        super().__init__(f"{url}: {detail}")
        self.detail = detail


class RemoteTimeout(guard.QueryTimeout):
    """The server did not answer within the time limit (a 503, as a local query over its time is)."""


#: Bytes of a server's answer read at most, per megabyte of the limits' memory ceiling: the answer is held
#: several times over (its bytes, their parse, the answer written again in the format asked for), and there is
#: no child here whose memory the system caps. (2,048 MB, the default ceiling: 512 MB of answer.)
ANSWER_BYTES_PER_MB = 2**20 // 4
_CHUNK = 2**20


def _send(request: urllib.request.Request, timeout: float, url: str, max_bytes: int | None = None) -> tuple[str, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            media = response.headers.get_content_type()
            if max_bytes is None:
                return media, response.read()
            chunks, held = [], 0
            while chunk := response.read(_CHUNK):  # stopped at the budget, never read whole first
                held += len(chunk)
                if held > max_bytes:
                    raise guard.QueryRefused(f"the server's answer is over {max_bytes / 2**20:g} MB, more than a query "
                                             "here may return: add a LIMIT, or select fewer or shorter values")
                chunks.append(chunk)
            return media, b"".join(chunks)
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise RemoteError(url, f"HTTP {exc.code} {exc.reason}" + (f": {detail[0][:300]}" if detail else "")) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(exc, TimeoutError) or isinstance(reason, TimeoutError):
            raise RemoteTimeout(f"the SPARQL server did not answer within the time limit of {timeout:g} s — narrow "
                                "the query (a selective pattern first, a LIMIT)") from None
        raise RemoteError(url, f"cannot reach the server ({reason}) — is it running, and is the URL right?") from None


def query_endpoint_for(graph_store: str) -> str | None:
    """The query endpoint beside a Graph Store endpoint, for the servers whose layout is known."""
    for suffix, query in (("/store", "/query"),              # Oxigraph
                          ("/data", "/sparql"),              # Fuseki (/{dataset}/data)
                          ("/sparql-graph-crud-auth", "/sparql"), ("/sparql-graph-crud", "/sparql")):  # Virtuoso
        if graph_store.rstrip("/").endswith(suffix):
            return graph_store.rstrip("/")[: -len(suffix)] + query
    return None


def push(store: ox.Store, graph_store: str, default_graph: bool = True, merge_graph: str | None = None,
         timeout: float = 600.0) -> list[tuple[str, int]]:
    """PUT each named graph of ``store`` to ``graph_store``, and the merged default graph as the server's
    default graph (``default_graph``) or as the named graph ``merge_graph``; (graph, triples) sent."""
    sent = []
    targets = [(g.value, {"graph": g.value}, g) for g in sorted(store.named_graphs(), key=lambda g: g.value)]
    if merge_graph:
        targets.append((merge_graph, {"graph": merge_graph}, ox.DefaultGraph()))
    elif default_graph:
        targets.append(("(default graph: the merge)", {"default": ""}, ox.DefaultGraph()))
    for label, query, graph in targets:
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        sep = "&" if "?" in graph_store else "?"
        url = graph_store + sep + urllib.parse.urlencode(query).replace("default=", "default")
        request = urllib.request.Request(url, data=data, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        _send(request, timeout, graph_store)
        sent.append((label, data.count(b"\n")))
    return sent


def count_triples(endpoint: RemoteStore, graph: str | None) -> int:
    """Triples the query endpoint holds in ``graph`` (None: its default graph)."""
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    solutions = endpoint.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(next(iter(solutions))["n"].value)


def answer(remote: RemoteStore, text: str, results_format: str = "json", graph_format: str = "turtle",
           limits: guard.Limits | None = None, substitutions: dict | None = None, default_graph: list | None = None,
           named_graphs: list | None = None):
    """``text`` asked of ``remote`` as ``guard.run`` asks the local store: refused when it is an update or
    SERVICE, within the row limit (the server is asked for JSON or N-Triples, the answers counted, then written
    by Oxigraph in the format asked for, the same bytes a local answer has), the time limit the request's.
    The protocol's dataset, when given, is passed on; a ``guard.Answer``."""
    limits = limits or guard.Limits()
    guard.screen(text)  # read-only here too: an update is refused before it is sent
    try:  # a syntax error is the asker's, said as the local store says it, not the server's failure
        ox.Store().query(text, prefixes=PREFIXES, substitutions=substitutions or None)
    except SyntaxError as exc:
        raise UserError(f"SPARQL syntax error: {exc}") from None
    dataset = [("default-graph-uri", g.value) for g in default_graph or []] + \
              [("named-graph-uri", g.value) for g in named_graphs or []]
    media, data = remote.request(prepared(text, substitutions),
                                 "application/sparql-results+json, application/n-triples;q=0.9", dataset or None,
                                 min(remote.timeout, limits.seconds), limits.memory_mb * ANSWER_BYTES_PER_MB)
    if media in _GRAPHS:
        triples = list(ox.parse(data, format=_GRAPHS[media]))
        if len(triples) > limits.rows:
            raise guard.TooManyResults(guard.too_many(limits.rows))
        fmt = guard.GRAPH_FORMATS[graph_format]
        written = ox.serialize(triples, format=fmt, prefixes=PREFIXES if fmt != ox.RdfFormat.N_TRIPLES else None)
        return guard.Answer("graph", graph_format, fmt.media_type, iter([written]))
    if media not in _PARSED:
        raise RemoteError(remote.url, f"answered {media or 'no media type'}, not SPARQL results or RDF")
    results = ox.parse_query_results(data, format=_PARSED[media])
    form = "boolean" if isinstance(results, ox.QueryBoolean) else "solutions"
    if form == "solutions":
        if sum(1 for _ in results) > limits.rows:
            raise guard.TooManyResults(guard.too_many(limits.rows))
        results = ox.parse_query_results(data, format=_PARSED[media])  # counting read them: the bytes are here
    fmt = guard.RESULT_FORMATS[results_format]
    written = io.BytesIO()
    results.serialize(written, fmt)
    return guard.Answer(form, results_format, fmt.media_type, iter([written.getvalue()]))
