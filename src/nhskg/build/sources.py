"""The verbatim source texts and their publication facts (``graph/curation/documents.yaml``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .. import paths
from .curation import CurationError, Record, read_section


@dataclass(frozen=True)
class Source:
    """One source document: its curated publication facts and its verbatim text."""

    record: Record
    text: str
    sha256: str

    @property
    def doc_id(self) -> str:
        return self.record["id"]


def read_text(record: Record) -> tuple[str, str]:
    """The decoded text of a document and the SHA-256 of its bytes as received."""
    path = paths.SOURCES_DIR / record["file"]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise record.error("file", f"{path.name} is not in graph/sources/ — copy the verbatim text there") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise record.error("file", f"{path.name} is not UTF-8 (byte {exc.start}) — keep the text as received, in UTF-8") from None
    return text, hashlib.sha256(raw).hexdigest()


def load_sources() -> dict[str, Source]:
    """Every source document by id, in id order; ids must be unique."""
    sources: dict[str, Source] = {}
    for record in read_section(paths.DOCUMENTS_YAML, "documents"):
        if record["id"] in sources:
            raise record.error("id", f"document {record['id']!r} is listed twice")
        text, digest = read_text(record)
        if record["date_words"] and record["date_words"] not in text:
            raise record.error("date_words", f"{record['date_words']!r} is not in {record['file']}")
        sources[record["id"]] = Source(record, text, digest)
    if not sources:
        raise CurationError(paths.DOCUMENTS_YAML, 1, "documents", "no documents listed")
    return dict(sorted(sources.items()))
