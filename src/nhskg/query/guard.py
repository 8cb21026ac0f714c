"""Running a query somebody else wrote: read-only, local, within a time and a row limit, stoppable.

The same path serves ``nhskg sparql``, ``nhskg query run`` and the HTTP endpoint, so the command line
and the server refuse and limit alike:

- updates (INSERT, DELETE, LOAD, DROP, ...) and ``SERVICE`` are refused before anything runs, from a
  scan of the query's words outside strings, IRIs and comments; and because a scan can be fooled, the
  child that runs the query first leaves the network (a new, empty network namespace), so a ``SERVICE``
  the scan missed fails instead of reaching any address (Oxigraph would otherwise send the request);
- the query runs in a forked child process that the caller kills when the time limit passes, when the
  caller is interrupted (Ctrl-C) or when the reader goes away, so no query outlives its request; the
  child also has a memory ceiling;
- more results than the row limit is an error that says to add a ``LIMIT`` (the child evaluates once and
  keeps the answers up to one past the limit before it writes a byte, so nothing partial is ever sent as if
  complete);
- results are serialised by Oxigraph in the child and streamed through a pipe, never collected here;
- the project's prefixes (``nhskg:``, ``id:``, ``rdfs:``, ``schema:`` …) are declared for every query.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import itertools
import os
import re
import resource
import select
import signal
import threading
import time
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import UserError
from ..iris import PREFIXES

RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                 "rdfxml": ox.RdfFormat.RDF_XML}
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}

# Strings (long and short), IRIs, comments: removed before looking for keywords, so "SERVICE" in a
# literal or an IRI is not mistaken for the keyword.
_NOT_KEYWORDS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                           r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
# A keyword may touch a prefixed name ("SERVICE:x" is SERVICE then ":x"), so a colon after a word does not
# make it a name; a colon before it does ("ex:service").
_WORD = re.compile(r"(?<![\w:?$-])([A-Za-z]+)(?![\w-])")
_ANY_SERVICE = re.compile(r"service", re.IGNORECASE)
_DECLARATIONS = re.compile(r"\b(?:PREFIX\s+[\w.-]*:|BASE\b)", re.IGNORECASE)  # the prologue's own words
_PROLOGUE = {"PREFIX", "BASE"}


class QueryRefused(UserError):
    """A query the endpoint does not run: an update, SERVICE, or one over a limit."""

    status = 400


class QueryTimeout(QueryRefused):
    status = 503


class TooManyResults(QueryRefused):
    status = 400


class QueryCancelled(QueryRefused):
    status = 499  # nobody reads it: the client has gone


@dataclass(frozen=True)
class Limits:
    """Per-query limits; the defaults are those of a public endpoint on a small machine."""

    seconds: float = 30.0
    rows: int = 10_000
    memory_mb: int = 2_048
    concurrent: int = 2 * (os.cpu_count() or 1)  # queries the endpoint runs at once


def screen(text: str, isolated: bool = True) -> None:
    """Refuse updates and federated queries before anything runs; the message says what is allowed.

    The scan is for a clear message; what keeps SERVICE from reaching the network is the child's own empty
    network namespace. Where the system refuses one (``isolated`` False), any "service" at all is refused."""
    if not isolated and _ANY_SERVICE.search(text):
        raise QueryRefused("SERVICE: federated queries are not run here (and this system cannot isolate the query "
                           "from the network, so any 'service' in the text is refused)")
    words = keywords(text)
    body = [w for w in words if w not in _PROLOGUE]
    if body and body[0] in UPDATE_WORDS:
        raise QueryRefused(f"{body[0]}: updates are not accepted — this endpoint is read-only "
                           "(SELECT, ASK, CONSTRUCT and DESCRIBE only)")
    if "SERVICE" in words:
        raise QueryRefused("SERVICE: federated queries are not run here — the endpoint answers from its own "
                           "graph only; run the remote part on its own endpoint")


def keywords(text: str) -> list[str]:
    """The query's words outside strings, IRIs, comments and names, upper-cased, in order (the prologue's
    ``PREFIX x:`` and ``BASE`` declarations left out, their keywords kept)."""
    return [w.upper() for w in _WORD.findall(_DECLARATIONS.sub(" ", _NOT_KEYWORDS.sub(" ", text)))]


@dataclass
class Answer:
    """A query's answer as it streams: the form (solutions, boolean, graph), the format chosen, the bytes."""

    form: str
    format_name: str
    media_type: str
    chunks: Iterator[bytes] = field(repr=False)
    reader: "_Reader | None" = field(default=None, repr=False)

    def read(self) -> bytes:
        return b"".join(self.chunks)

    def close(self) -> None:
        """Stop the query's child now (an answer nobody will read)."""
        if self.reader is not None:
            self.reader.close()


def run(store: ox.Store, text: str, results_format: str = "json", graph_format: str = "turtle",
        limits: Limits | None = None, substitutions: dict | None = None,
        default_graph: list | None = None, named_graphs: list | None = None,
        cancel: threading.Event | None = None) -> Answer:
    """Screen and run ``text``; raise before the first byte on refusal, syntax error, time-out or too many rows.

    ``default_graph``/``named_graphs``: the protocol's dataset (default: the merge, and every named graph);
    ``cancel``: set it to stop the query (its client went away)."""
    limits = limits or Limits()
    screen(text, isolated=network_isolation())
    deadline = time.monotonic() + limits.seconds
    # Pipe, fork and closing the parent's write end under one lock: a child forked by another thread in
    # between would inherit this write end and hold this query's answer open until that child exits.
    with GATE.forking():
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: evaluate, report, serialise; never return into the caller's code
            os.close(read_fd)
            dataset = {"default_graph": default_graph, "named_graphs": named_graphs,
                       "substitutions": substitutions or None}
            _child(store, text, results_format, graph_format, limits, dataset, write_fd)
        os.close(write_fd)
    reader = _Reader(pid, read_fd, deadline, limits, cancel)
    try:
        header = reader.line()
    except BaseException:
        reader.close()
        raise
    status, _, rest = header.partition(" ")
    if status != "OK":
        reader.close()
        raise _ERRORS.get(status, QueryRefused)(rest)
    form, format_name, media_type = rest.split(" ", 2)
    return Answer(form, format_name, media_type, reader.chunks(), reader)


class _ForkGate:
    """Forks wait for the store reads in progress in this process, and new reads wait for a fork: a child
    forked while another thread was inside the store inherited a lock held by nobody and hung until the
    time limit (the load test: 3 of 3,000 requests, only when pages were read during queries)."""

    def __init__(self):
        self._cond = threading.Condition()
        self._readers = 0
        self._forking = False
        self._waiting = 0

    @contextlib.contextmanager
    def reading(self):
        """Hold while reading the store in this process (pages, trace, network)."""
        with self._cond:
            self._cond.wait_for(lambda: not self._forking and not self._waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def forking(self):
        with self._cond:
            self._waiting += 1
            self._cond.wait_for(lambda: not self._forking and not self._readers)
            self._waiting -= 1
            self._forking = True
        try:
            yield
        finally:
            with self._cond:
                self._forking = False
                self._cond.notify_all()


#: Setting up a child (pipe, fork, closing the write end) happens alone, with no store read in progress.
GATE = _ForkGate()
_ERRORS = {"SYNTAX": UserError, "ROWS": TooManyResults, "FAILED": QueryRefused}


#: Answers kept in the child to be serialised without evaluating the query again. Above this many the child
#: counts to the limit and evaluates again: keeping and writing them again costs ~7 µs and ~1.5 KB a row
#: (100,000 rows of ``?s ?p ?o`` at 1M triples: 0.70 s and 149 MB, measured 2026-11-28), which a cheap query
#: with many rows would pay for nothing.
KEPT_AT_MOST = 50_000
#: ... and no more than this many characters of their terms' text: a kept answer is held several times over
#: on its way out (the terms, the TSV document they go through, its parse, the serialisation), so ten rows of
#: 20 MB literals needed more than the child's 2,500 MB where streaming them took under 1,000 MB (measured
#: 2026-11-28, found in review). Past it the child counts and evaluates again, streaming.
KEPT_CHARACTERS_AT_MOST = 32 * 2**20
#: ... nor a row over this many characters: pyoxigraph's TSV parser reads no line over 16 MiB, and a character may
#: take up to 6 bytes there (an escape), so one 20 MB literal failed the round trip (found by a helper's review).
ROW_CHARACTERS_AT_MOST = 16 * 2**20 // 6


def _keep(result, rows: int, characters: int) -> tuple[list, bool]:
    """Up to ``rows`` answers of ``result``, and whether their terms went over ``characters`` of text (then
    keeping stopped there, and the answers are to be evaluated again and streamed, not written from these)."""
    kept, held = [], 0
    for answer in itertools.islice(result, rows):
        kept.append(answer)
        row = sum(_text_length(term) for term in answer if term is not None)
        held += row
        if held > characters or row > ROW_CHARACTERS_AT_MOST:
            return kept, True
    return kept, False


def _text_length(term) -> int:
    if isinstance(term, ox.Triple):
        return _text_length(term.subject) + _text_length(term.predicate) + _text_length(term.object)
    return len(term.value)


def too_many(rows: int) -> str:
    """What a query with more results than ``rows`` is told (here and for a remote server's answer)."""
    return f"more than {rows} results: add LIMIT {rows} (or less) to the query, or page through with OFFSET"


def _tsv_term(term) -> str:
    """A term as the TSV results format writes it: ``str`` is its N-Triples form, but for an RDF 1.2 triple
    term, which TSV writes ``<<( s p o )>>`` (found in review)."""
    if isinstance(term, ox.Triple):
        return f"<<( {_tsv_term(term.subject)} {_tsv_term(term.predicate)} {_tsv_term(term.object)} )>>"
    return str(term)


def solutions_from(variables: list[ox.Variable], solutions: list[ox.QuerySolution]) -> ox.QuerySolutions:
    """Solutions already read, as Oxigraph query results again (so Oxigraph serialises them in any format).

    pyoxigraph cannot make ``QuerySolutions`` from a list, so they go through the TSV results format, whose
    terms are their N-Triples forms (``str`` of a term, escapes included): one pass over rows held in memory,
    where evaluating the query again cost the whole query."""
    names = [variable.value for variable in variables]
    lines = ["\t".join("?" + name for name in names)]
    for solution in solutions:
        lines.append("\t".join("" if solution[name] is None else _tsv_term(solution[name]) for name in names))
    document = "\n".join(lines) + "\n"
    return ox.parse_query_results(document.encode(), format=ox.QueryResultsFormat.TSV)


def _child(store, text, results_format, graph_format, limits, options, write_fd) -> None:
    code, out = 0, None
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if not _isolate():  # checked by the parent first; a failure here is refused, never run connected
            raise RuntimeError("the query could not be cut off from the network")
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)  # Oxigraph aborts with a message on stderr when the memory ceiling is reached
        faulthandler.disable()  # and an inherited fault handler would print a Python traceback for it
        _cap_memory(limits.memory_mb)
        out = os.fdopen(write_fd, "wb", buffering=65536)

        def execute():
            return store.query(text, prefixes=PREFIXES, **{k: v for k, v in options.items() if v is not None})

        try:
            result = execute()
            if isinstance(result, (ox.QuerySolutions, ox.QueryTriples)):
                # Evaluated once where the answers are few enough to keep: counting and then evaluating again to
                # serialise cost every query twice (at 10M triples a listing's 3 s became 6 s).
                kept, over_budget = _keep(result, min(limits.rows, KEPT_AT_MOST) + 1, KEPT_CHARACTERS_AT_MOST)
                counted = len(kept) + sum(1 for _ in itertools.islice(result, max(0, limits.rows + 1 - len(kept))))
                if counted > limits.rows:
                    out.write(f"ROWS {too_many(limits.rows)}\n".encode())
                    out.close()
                    return
                if over_budget or counted > len(kept):
                    result = execute()
                elif isinstance(result, ox.QuerySolutions):
                    result = solutions_from(result.variables, kept)
                else:
                    result = kept
        except SyntaxError as exc:
            out.write(f"SYNTAX SPARQL syntax error: {exc}".replace("\n", " ").encode() + b"\n")
            out.close()
            return
        if isinstance(result, (list, ox.QueryTriples)):
            fmt = GRAPH_FORMATS[graph_format]
            out.write(f"OK graph {graph_format} {fmt.media_type}\n".encode())
            ox.serialize(result, out, fmt, prefixes=PREFIXES if fmt != ox.RdfFormat.N_TRIPLES else None)
        else:
            form = "boolean" if isinstance(result, ox.QueryBoolean) else "solutions"
            fmt = RESULT_FORMATS[results_format]
            out.write(f"OK {form} {results_format} {fmt.media_type}\n".encode())
            result.serialize(out, fmt)
        out.close()
    except BrokenPipeError:
        code = 0  # the reader went away: nothing left to do
    except MemoryError:
        _try_write(write_fd, b"FAILED the query needed more memory than an endpoint query may use\n")
        code = 1
    except BaseException as exc:  # the child must never fall back into the parent's code
        _try_write(write_fd, f"FAILED the query could not be evaluated: {exc}\n".encode())
        code = 1
    finally:
        os._exit(code)


_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000
_ISOLATION: list[bool] = []


try:  # loaded here, in the parent: a forked child must not call the dynamic loader (its lock may be held)
    _LIBC = ctypes.CDLL(None, use_errno=True)
    _UNSHARE = _LIBC.unshare
except (OSError, AttributeError):
    _UNSHARE = None


def _isolate() -> bool:
    """Move this process into a new, empty network namespace (no interface but a down loopback)."""
    if _UNSHARE is None:
        return False
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):  # root needs no user namespace
        if _UNSHARE(flags) == 0:
            return True
    return False


def network_isolation() -> bool:
    """Whether a query child can be cut off from the network here (tried once, in a throwaway child)."""
    if not _ISOLATION:
        pid = os.fork()
        if pid == 0:
            os._exit(0 if _isolate() else 1)
        _, status = os.waitpid(pid, 0)
        _ISOLATION.append(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0)
    return _ISOLATION[0]


def _try_write(fd: int, data: bytes) -> None:
    try:
        os.write(fd, data)
    except OSError:
        pass


def _cap_memory(megabytes: int) -> None:
    """Address space for the child: what it already maps (shared with the parent) plus ``megabytes``."""
    with open("/proc/self/statm") as handle:
        mapped = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    ceiling = mapped + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def _reap(pid: int, fd: int) -> int:
    """Close the pipe, stop the child if it still runs, and collect it; its wait status."""
    os.close(fd)
    finished, status = os.waitpid(pid, os.WNOHANG)
    if not finished:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(pid, 0)
    return status


class _Reader:
    """The parent's end of the pipe: every read waits at most until the deadline (or a cancel), then kills
    the child. An answer dropped unread still reaps its child and closes its pipe (``weakref.finalize``)."""

    def __init__(self, pid: int, fd: int, deadline: float, limits: Limits, cancel: threading.Event | None = None):
        self.pid, self.fd, self.deadline, self.limits, self.cancel = pid, fd, deadline, limits, cancel
        self.buffer = b""
        self.status = 0
        self._finalizer = weakref.finalize(self, _reap, pid, fd)

    def _read(self) -> bytes:
        while True:
            left = self.deadline - time.monotonic()
            if left <= 0:
                self.close()
                raise QueryTimeout(f"the query ran longer than the time limit of {self.limits.seconds:g} s and "
                                   "was stopped — narrow it (a selective pattern first, a LIMIT)")
            if self.cancel is not None and self.cancel.is_set():
                self.close()
                raise QueryCancelled("the query was stopped: its client went away")
            if select.select([self.fd], [], [], min(left, 0.25))[0]:
                return os.read(self.fd, 65536)

    def line(self) -> str:
        while b"\n" not in self.buffer:
            data = self._read()
            if not data:
                status = self.close()
                if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGABRT, signal.SIGSEGV, signal.SIGKILL):
                    raise QueryRefused(f"the query needed more than the {self.limits.memory_mb} MB an endpoint query "
                                       "may use and was stopped — narrow it (a selective pattern first, a LIMIT)")
                raise QueryRefused(f"the query could not be evaluated (exit status {status})")
            self.buffer += data
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode("utf-8", "replace")

    def chunks(self) -> Iterator[bytes]:
        try:
            if self.buffer:
                yield self.buffer
            while data := self._read():
                yield data
        finally:
            self.close()

    def close(self) -> int:
        """Stop the child (if it still runs) and reap it; its wait status."""
        if self._finalizer.alive:
            self.status = self._finalizer()
        return self.status
