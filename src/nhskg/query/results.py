"""Query results as a table for a person, or in the W3C SPARQL 1.1 results formats.

CSV, TSV, JSON and XML are Oxigraph's serialisations of the W3C SPARQL 1.1 results formats, so any
consumer's parser reads them; the table is for a person at a terminal.
"""

from __future__ import annotations

import pyoxigraph as ox

from .. import paths
from ..catalogue import Query, bindings
from ..errors import UserError
from ..iris import curie
from .store import run_query

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


def run_catalogue_query(query: Query, given: dict[str, str], store: ox.Store):
    """The solutions of a catalogue query with its parameters bound; a syntax error names the file."""
    subs = bindings(query, given)
    try:
        return run_query(store, query.text, subs)
    except UserError as exc:
        raise UserError(f"{query.path.relative_to(paths.ROOT)}: {exc}") from None
