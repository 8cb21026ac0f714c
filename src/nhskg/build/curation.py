"""Curated YAML files -> records that remember their file and line, checked against a small schema.

Every error a curator can make is reported as ``file:line: field: what is wrong — what to do``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from .. import paths
from ..errors import UserError


class CurationError(UserError, ValueError):
    """A mistake in a curated file, located by file, line and field."""

    def __init__(self, path: Path, line: int, field_name: str, message: str):
        self.path, self.line, self.field, self.message = path, line, field_name, message
        super().__init__(str(self))

    def __str__(self) -> str:
        try:
            shown = self.path.resolve().relative_to(paths.ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}: {self.field}: {self.message}"


class _LineDict(dict):
    line: int = 0
    lines: dict[str, int]


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps line numbers and reads dates as plain strings."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    mapping = _LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.lines = {k.value: v.start_mark.line + 1 for k, v in node.value}
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Parse a curated YAML file, keeping line numbers; a syntax error names file and line."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except FileNotFoundError:
        raise CurationError(path, 0, "file", "missing — restore it from git or create it") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise CurationError(path, line, "yaml", f"{exc.problem or exc} — fix the YAML syntax") from None


# --- the schema -------------------------------------------------------------------------------

REQ, OPT = True, False
WORDS = ("words", REQ, "words")
OCC = ("occurrence", OPT, "occurrence")

#: Per section: (field, required, kind). The order here is the canonical order ``nhskg fmt`` writes.
SCHEMA: dict[str, list[tuple[str, bool, str]]] = {
    "documents": [("id", REQ, "str"), ("file", REQ, "str"), ("kind", REQ, "str"),
                  ("publisher", OPT, "ref"), ("issuers", OPT, "refs"), ("title", OPT, "str"),
                  ("title_basis", REQ, "str"), ("url", OPT, "str"), ("date", OPT, "str"),
                  ("date_basis", REQ, "str"), ("date_words", OPT, "str"), ("date_note", OPT, "str"),
                  ("curated", REQ, "str")],
    "organisations": [("id", REQ, "slug"), ("kind", REQ, "str"), ("label", REQ, "str"), ("register", OPT, "ref"),
                      ("alt_labels", OPT, "strs"), ("members", OPT, "refs"), ("operating_name", OPT, "str"),
                      ("operating_name_from", OPT, "str"), ("operating_name_note", OPT, "str"), ("note", OPT, "str")],
    "people": [("id", REQ, "slug"), ("name", REQ, "str"), ("honorific", OPT, "str")],
    "topics": [("id", REQ, "slug"), ("label", REQ, "str"), ("broader", OPT, "slug"),
               ("definition", REQ, "str")],
    "series": [("id", REQ, "slug"), ("label", REQ, "str"), ("conductors", REQ, "refs"), ("note", OPT, "str")],
    "judgements": [("id", REQ, "slug"), ("kind", REQ, "str"), ("subjects", REQ, "refs"),
                   ("confidence", REQ, "str"), ("rationale", REQ, "str")],
    "surveys": [("id", REQ, "slug"), ("label", REQ, "str"), ("conductors", REQ, "refs"),
                ("partners", OPT, "refs"), ("series", OPT, "slug"), ("wave", OPT, "posint"),
                ("wave_label", OPT, "str"), ("fieldwork", OPT, "str"), ("fieldwork_basis", REQ, "str"),
                ("fieldwork_words", OPT, "str"), ("fieldwork_note", OPT, "str"), ("population", OPT, "str"),
                ("words", OPT, "words"), ("note", OPT, "str")],
    "questions": [("id", REQ, "slug"), ("survey", REQ, "slug"), ("text", REQ, "str"),
                  ("exhaustive", OPT, "bool"), ("multiple_response", OPT, "bool"), ("words", OPT, "words"), OCC,
                  ("note", OPT, "str")],
    "findings": [("id", REQ, "slug"), ("survey", OPT, "slug"), ("question", OPT, "slug"),
                 ("option", OPT, "str"), ("category", OPT, "ref"), ("measure", OPT, "str"),
                 ("value", REQ, "num"), ("unit", REQ, "str"), ("topic", REQ, "slug"), ("base", OPT, "slug"),
                 ("figure", REQ, "str"), WORDS, OCC, ("note", OPT, "str")],
    "verbal_figures": [("id", REQ, "slug"), ("stands_for", REQ, "findingref"), ("figure", REQ, "str"), WORDS,
                       OCC, ("expect_fit", REQ, "str"), ("note", OPT, "str")],
    "derived": [("id", REQ, "slug"), ("survey", REQ, "slug"), ("question", OPT, "slug"),
                ("option", OPT, "str"), ("unit", REQ, "str"), ("topic", REQ, "slug"), ("operation", REQ, "str"),
                ("from", REQ, "slug"), ("plus", OPT, "strs"), ("change", OPT, "slug"), WORDS, OCC, ("note", OPT, "str")],
    "respondents": [("id", REQ, "slug"), ("survey", REQ, "slug"), ("label", REQ, "str"), WORDS, OCC],
    "roles": [("person", REQ, "ref"), ("role", REQ, "str"), ("organisation", OPT, "ref"),
              ("name_form", REQ, "str"), WORDS, OCC, ("note", OPT, "str")],
    "quotations": [("id", REQ, "slug"), ("speaker", REQ, "ref"), ("direct", REQ, "bool"), WORDS, OCC,
                   ("note", OPT, "str")],
    "mentions": [("entity", REQ, "ref"), WORDS, OCC, ("note", OPT, "str")],
    "not_figures": [WORDS, OCC, ("why", REQ, "str")],
}
DOCUMENT_SECTIONS = ["surveys", "questions", "findings", "verbal_figures", "derived", "respondents",
                     "roles", "quotations", "mentions", "not_figures"]
ENUMS = {
    "unit": {"percent", "mean-score", "count", "percentage-point"},
    "measure": {"answer", "responses", "responding-organisations", "population-size", "response-rate"},
    "expect_fit": {"exact", "rounded", "approximate", "fits", "stretched", "contradicts"},
    "date_basis": {"in-text", "from-address", "inferred", "not-in-text"},
    "fieldwork_basis": {"in-text", "from-address", "inferred", "not-in-text"},
    "title_basis": {"in-text", "public-copy", "not-identified"},
    "confidence": {"certain", "likely", "possible"},
    "operation": {"before-change", "remainder", "sum"},
}
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_FINDING_REF = re.compile(r"^finding:[A-Za-z0-9]+/[A-Za-z0-9][A-Za-z0-9._-]*$")
_REF = re.compile(r"^[a-z-]+:[A-Za-z0-9][A-Za-z0-9._/-]*$")


@dataclass
class Record:
    """One curated record: its fields, and where each one was written."""

    path: Path
    section: str
    data: dict[str, Any]
    line: int
    lines: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.data.get(name)

    def get(self, name: str, default: Any = None) -> Any:
        value = self.data.get(name)
        return default if value is None else value

    def error(self, name: str, message: str) -> CurationError:
        """An error located at this record's field ``name`` (or the record, if the field is absent)."""
        return CurationError(self.path, self.lines.get(name, self.line), f"{self.section}.{name}", message)


def _check_value(rec: Record, name: str, kind: str) -> None:
    value = rec[name]
    ok = {
        "str": lambda v: isinstance(v, str) and v.strip() != "",
        "slug": lambda v: isinstance(v, str) and bool(_SLUG.match(v)),
        "ref": lambda v: isinstance(v, str) and bool(_REF.match(v)),
        "refs": lambda v: isinstance(v, list) and all(isinstance(x, str) and _REF.match(x) for x in v),
        "strs": lambda v: isinstance(v, list) and all(isinstance(x, str) and x for x in v),
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "posint": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
        "findingref": lambda v: isinstance(v, str) and bool(_SLUG.match(v) or _FINDING_REF.match(v)),
        "num": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "bool": lambda v: isinstance(v, bool),
        "words": lambda v: (isinstance(v, str) and v != "") or (
            isinstance(v, list) and v and all(isinstance(x, str) and x for x in v)),
        "occurrence": lambda v: v == "all" or (isinstance(v, int) and not isinstance(v, bool) and v >= 1),
    }[kind]
    if not ok(value):
        hint = {"ref": "a reference like org:napc, ccg:02Q or person:michael-dixon",
                "refs": "a list of references like [org:napc, org:nhs-alliance]",
                "slug": "a slug of letters, digits, '.', '_' and '-'",
                "posint": "a whole number from 1",
                "findingref": "a finding id of this document, or finding:DOC/ID of another's",
                "words": "the exact words (a string, or a list of strings)",
                "occurrence": "a whole number from 1, or 'all'"}.get(kind, f"a {kind}")
        raise rec.error(name, f"{value!r} is not {hint}")
    if name in ENUMS and value not in ENUMS[name]:
        raise rec.error(name, f"{value!r} is not one of {', '.join(sorted(ENUMS[name]))}")


def make_record(path: Path, section: str, raw: Any, parent_line: int) -> Record:
    """Check one raw mapping against the schema of ``section`` and wrap it."""
    if not isinstance(raw, dict):
        raise CurationError(path, parent_line, section, "each entry must be a mapping of field: value")
    rec = Record(path, section, dict(raw), getattr(raw, "line", parent_line), getattr(raw, "lines", {}))
    known = {name for name, _, _ in SCHEMA[section]}
    for name in rec.data:
        if name not in known:
            raise rec.error(name, f"unknown field — expected one of {', '.join(sorted(known))}")
    for name, required, kind in SCHEMA[section]:
        if rec[name] is None:
            if required:
                raise rec.error(name, "missing — this field is required")
            continue
        _check_value(rec, name, kind)
    return rec


def read_section(path: Path, section: str, top_key: str | None = None) -> list[Record]:
    """The records of one section of a file (``top_key`` defaults to the section name)."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise CurationError(path, 1, "file", "the file must be a mapping with a top-level key")
    raw = data.get(top_key or section)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise CurationError(path, data.lines.get(top_key or section, 1), section, "must be a list")
    return [make_record(path, section, item, data.lines.get(top_key or section, 1)) for item in raw]


@dataclass
class DocumentCuration:
    """Everything one per-document file says, by section."""

    doc_id: str
    path: Path
    sections: dict[str, list[Record]]

    def __iter__(self) -> Iterator[Record]:
        for section in DOCUMENT_SECTIONS:
            yield from self.sections[section]


def read_document_file(path: Path) -> DocumentCuration:
    """Read and schema-check one ``graph/curation/documents/NNN.yaml``."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("document"), str):
        raise CurationError(path, 1, "document", "the file must start with document: 'NNN' (quoted)")
    unknown = set(data) - {"document", *DOCUMENT_SECTIONS}
    if unknown:
        name = sorted(unknown)[0]
        raise CurationError(path, data.lines.get(name, 1), name,
                            f"unknown section — expected {', '.join(DOCUMENT_SECTIONS)}")
    sections = {}
    for section in DOCUMENT_SECTIONS:
        raw = data.get(section) or []
        if not isinstance(raw, list):
            raise CurationError(path, data.lines.get(section, 1), section, "must be a list")
        sections[section] = [make_record(path, section, item, data.lines.get(section, 1)) for item in raw]
    return DocumentCuration(data["document"], path, sections)
