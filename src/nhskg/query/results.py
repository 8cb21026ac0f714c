"""Query results as a table for a person, or in the W3C SPARQL 1.1 results formats.

CSV, TSV, JSON and XML are Oxigraph's serialisations of the W3C SPARQL 1.1 results formats, so any
consumer's parser reads them; the table is for a person at a terminal.
"""

from __future__ import annotations

import pyoxigraph as ox

from .. import paths
from ..answers import Materialised
from ..catalogue import Query, bindings
from ..errors import UserError
from ..iris import curie
from .guard import RESULT_FORMATS, Answer, Limits, TooManyResults, too_many
from .store import run_query

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


def render(answer: Answer, fmt: str) -> str:
    """A guarded query's answer for the terminal (``table``) or as W3C results (csv, tsv, json, xml)."""
    if answer.form == "graph":
        if fmt != "table":
            raise UserError("a CONSTRUCT or DESCRIBE query gives triples, written as N-Triples: leave out --format")
        return answer.read().decode("utf-8")
    if fmt != "table":
        return answer.read().decode("utf-8")
    parsed = ox.parse_query_results(answer.read(), format=ox.QueryResultsFormat.JSON)
    if isinstance(parsed, ox.QueryBoolean):
        return "true" if bool(parsed) else "false"
    return table(parsed)


def run_catalogue_query(query: Query, given: dict[str, str], store: ox.Store):
    """The solutions of a catalogue query with its parameters bound; a syntax error names the file."""
    subs = bindings(query, given)
    try:
        return run_query(store, query.text, subs)
    except UserError as exc:
        raise UserError(f"{query.path.relative_to(paths.ROOT)}: {exc}") from None


def materialised_answer(found: Materialised, results_format: str, limits: Limits) -> Answer:
    """The materialised answer in ``results_format``, as the guard gives a live one (the same bytes); more
    rows than the limit is refused as a live query is."""
    if found.rows > limits.rows:
        raise TooManyResults(too_many(limits.rows))
    fmt = RESULT_FORMATS[results_format]
    if fmt == ox.QueryResultsFormat.TSV:  # kept as Oxigraph writes TSV: nothing to parse and write again
        return Answer("solutions", results_format, fmt.media_type, iter([found.data]))
    solutions = ox.parse_query_results(found.data, format=ox.QueryResultsFormat.TSV)
    return Answer("solutions", results_format, fmt.media_type, iter([solutions.serialize(format=fmt)]))
