"""Canonical form of the curated YAML files (``nhskg fmt`` rewrites them in it).

Canonical means: fields in the schema's order, block style, no comments, UTF-8 characters as
themselves, no line wrapping (so a ``words`` value stays on one line and diffs stay readable).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .. import paths
from .curation import DOCUMENT_SECTIONS, SCHEMA, read_yaml

_TOP_KEYS = {paths.DOCUMENTS_YAML.name: "documents", paths.ORGANISATIONS_YAML.name: "organisations",
             paths.PEOPLE_YAML.name: "people", paths.TOPICS_YAML.name: "topics",
             paths.SERIES_YAML.name: "series", paths.JUDGEMENTS_YAML.name: "judgements"}


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key and never emits aliases."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data) -> bool:
        return True


def _ordered(record: dict, section: str) -> dict:
    order = [name for name, _, _ in SCHEMA[section]]
    known = [k for k in order if k in record]
    return {k: _plain(record[k]) for k in known + [k for k in record if k not in order]}


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def canonical_text(path: Path) -> str:
    """The canonical text of one curated file."""
    data = read_yaml(path)
    out: dict = {}
    if path.parent == paths.DOCUMENT_CURATION_DIR:
        out["document"] = data["document"]
        for section in DOCUMENT_SECTIONS:
            out[section] = [_ordered(r, section) for r in (data.get(section) or [])]
    else:
        key = _TOP_KEYS[path.name]
        out = {k: _plain(v) for k, v in data.items() if k != key}
        out[key] = [_ordered(r, key) for r in (data.get(key) or [])]
    return yaml.dump(out, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000,
                     default_flow_style=False)


def unformatted_files() -> list[Path]:
    """The curated files whose text is not canonical."""
    return [p for p in paths.curation_files() if p.read_text(encoding="utf-8") != canonical_text(p)]
