"""Test cases collected from the curated files at import time, so each record is its own test."""

from __future__ import annotations

from nhskg.build.context import load_context

CONTEXT = load_context()

#: Sections whose records carry exact words, and the id field that names a record.
ANCHORED = {"surveys": "id", "findings": "id", "verbal_figures": "id", "derived": "id",
            "respondents": "id", "roles": "name_form", "quotations": "id", "mentions": "words",
            "not_figures": "words"}


def record_cases() -> list[tuple[str, str, object]]:
    """(document id, section, record) for every anchored curated record."""
    cases = []
    for doc_id, doc in CONTEXT.documents.items():
        for section in ANCHORED:
            cases.extend((doc_id, section, rec) for rec in doc.sections[section])
    return cases


def case_id(case: tuple[str, str, object]) -> str:
    doc_id, section, rec = case
    key = rec[ANCHORED[section]]
    key = key if isinstance(key, str) else key[0]
    return f"{doc_id}/{section}/{key[:40]}@{rec.line}"
