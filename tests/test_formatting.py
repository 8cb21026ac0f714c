"""Curated files are kept in canonical form, so reviews see content changes only."""

from __future__ import annotations

import pytest

from nhskg import paths
from nhskg.build.formatting import canonical_text

FILES = paths.curation_files()


def test_all_curated_files_are_checked():
    assert len(FILES) >= 11


@pytest.mark.parametrize("path", FILES, ids=[p.name if p.parent == paths.CURATION_DIR else f"documents/{p.name}" for p in FILES])
def test_curated_file_is_canonical(path):
    assert path.read_text(encoding="utf-8") == canonical_text(path), \
        f"{path.relative_to(paths.ROOT)} is not in canonical form: run `make fmt` (or `nhskg fmt`)"
