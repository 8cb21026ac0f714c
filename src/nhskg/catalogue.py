"""The catalogue of ready SPARQL queries (``queries/*.rq``): headers, parameters, results formats.

Each file starts with a header the CLI and the docs read::

    # title: Findings of one survey
    # description: Every finding of a survey, with question, option, value, unit and the exact words.
    # param: survey iri https://w3id.org/nhskg/id/survey/hsj-barometer-3 — the survey

A parameter's default ``-`` makes it required. Parameters are bound as RDF terms through Oxigraph's
substitutions (SEP-0007), never pasted into the query text; a parameter must therefore be projected by
the query's SELECT, which the catalogue checks.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import paths
from .errors import UserError
from .iris import expand_iri

XSD = "http://www.w3.org/2001/XMLSchema#"
PARAM_TYPES = {"iri": None, "string": None, "integer": XSD + "integer", "decimal": XSD + "decimal",
               "date": XSD + "date", "boolean": XSD + "boolean"}
_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s+(\w+)\s+(\S+)\s+[—-]+\s+(.+)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    meaning: str


@dataclass
class Query:
    """One catalogue query: its name (the file name), header and text."""

    name: str
    path: Path
    title: str
    description: str
    text: str
    params: list[Param] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "check" if self.path.parent.name == "checks" else "query"


def _fail(path: Path, line: int, message: str) -> UserError:
    return UserError(f"{path.relative_to(paths.ROOT) if path.is_relative_to(paths.ROOT) else path}:{line}: {message}")


def read_query(path: Path) -> Query:
    """Read one .rq file and check its header."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key != "param":
            fields[key] = value
            continue
        parsed = _PARAM.match(value)
        if not parsed or parsed[2] not in PARAM_TYPES:
            raise _fail(path, number, "write '# param: NAME TYPE DEFAULT — meaning' with TYPE one of "
                                      f"{', '.join(PARAM_TYPES)} and DEFAULT '-' when required")
        params.append(Param(parsed[1], parsed[2], None if parsed[3] == "-" else parsed[3], parsed[4]))
    for key in ("title", "description"):
        if not fields.get(key):
            raise _fail(path, 1, f"the header needs '# {key}: ...'")
    select = re.search(r"\bSELECT\b(.*?)\bWHERE\b", text, re.S | re.I)
    for param in params:
        if select and not re.search(rf"[?$]{param.name}\b", select.group(1)):
            raise _fail(path, 1, f"parameter {param.name} must be projected by the SELECT to be bound safely")
    return Query(path.stem, path, fields["title"], fields["description"], text, params)


def catalogue(queries_dir: Path | None = None) -> dict[str, Query]:
    """Every query and check by name (checks as ``checks/NAME``)."""
    root = queries_dir or paths.QUERIES_DIR
    found = {}
    for path in sorted(root.glob("*.rq")) + sorted(root.glob("checks/*.rq")):
        query = read_query(path)
        found[("checks/" if query.kind == "check" else "") + query.name] = query
    return found


def find(name: str, queries: dict[str, Query] | None = None) -> Query:
    """The query called ``name``; an unknown name suggests the nearest."""
    queries = queries if queries is not None else catalogue()
    if name in queries:
        return queries[name]
    near = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.4)
    hint = f" — did you mean {', '.join(near)}?" if near else " — `nhskg query list` shows them all"
    raise UserError(f"no query called {name!r}{hint}")


def term(param: Param, value: str):
    """A parameter value as an RDF term of its declared type."""
    if param.type == "iri":
        iri = expand_iri(value)
        if iri is None:
            raise UserError(f"parameter {param.name}: {value!r} is not an IRI")
        return ox.NamedNode(iri)
    if param.type == "string":
        return ox.Literal(value)
    checks = {"integer": r"^[+-]?\d+$", "decimal": r"^[+-]?\d+(\.\d+)?$", "date": r"^\d{4}-\d{2}-\d{2}$",
              "boolean": r"^(true|false)$"}
    if not re.match(checks[param.type], value):
        raise UserError(f"parameter {param.name}: {value!r} is not a {param.type}")
    return ox.Literal(value, datatype=ox.NamedNode(PARAM_TYPES[param.type]))


def bindings(query: Query, given: dict[str, str]) -> dict:
    """Substitutions for every parameter: given values, else defaults; an unknown or missing one is an error."""
    known = {p.name for p in query.params}
    for name in given:
        if name not in known:
            raise UserError(f"{query.name} has no parameter {name!r} (it has: {', '.join(sorted(known)) or 'none'})")
    subs = {}
    for param in query.params:
        value = given.get(param.name, param.default)
        if value is None:
            raise UserError(f"{query.name} needs parameter {param.name} ({param.type}: {param.meaning}) — "
                            f"give it with -p {param.name}=VALUE")
        subs[ox.Variable(param.name)] = term(param, value)
    return subs
