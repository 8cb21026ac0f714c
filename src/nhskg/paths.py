"""Every project path, in one place: code never builds a project path by hand."""

from __future__ import annotations

import os
from pathlib import Path

#: The project root: the folder holding pyproject.toml. NHSKG_ROOT overrides it for tests.
ROOT = Path(os.environ.get("NHSKG_ROOT") or Path(__file__).resolve().parents[2])

ONTOLOGY = ROOT / "ontology" / "nhskg.ttl"
SHAPES_DIR = ROOT / "shapes"
QUERIES_DIR = ROOT / "queries"

GRAPH_DIR = ROOT / "graph"
SOURCES_DIR = GRAPH_DIR / "sources"
SOURCES_MD = SOURCES_DIR / "SOURCES.md"
REFERENCE_DIR = GRAPH_DIR / "reference" / "ons-ods-2013"
CURATION_DIR = GRAPH_DIR / "curation"
DOCUMENTS_YAML = CURATION_DIR / "documents.yaml"
ORGANISATIONS_YAML = CURATION_DIR / "organisations.yaml"
PEOPLE_YAML = CURATION_DIR / "people.yaml"
TOPICS_YAML = CURATION_DIR / "topics.yaml"
JUDGEMENTS_YAML = CURATION_DIR / "judgements.yaml"
SERIES_YAML = CURATION_DIR / "series.yaml"
DOCUMENT_CURATION_DIR = CURATION_DIR / "documents"

#: Build outputs; NHSKG_DIST moves them (the test suite builds into a temporary folder, never dist/).
DEFAULT_DIST_DIR = ROOT / "dist"
DIST_DIR = Path(os.environ.get("NHSKG_DIST") or DEFAULT_DIST_DIR)

#: The package's own folder; the build side's code is an input of dist/ like the curated files.
PACKAGE_DIR = Path(__file__).resolve().parent
WEB_TEMPLATES_DIR = PACKAGE_DIR / "web" / "templates"
WEB_STATIC_DIR = PACKAGE_DIR / "web" / "static"
BUILD_CODE_DIRS = tuple(PACKAGE_DIR / stage for stage in ("build", "validation", "release"))
BUILD_CODE_FILES = tuple(PACKAGE_DIR / name for name in ("paths.py", "iris.py", "vocab.py", "figures.py", "catalogue.py",
                                                         "trace_index.py", "answers.py"))


def register_file(name: str) -> Path:
    """The path of one published register file, e.g. ``CCG_APR_2013.csv``."""
    return REFERENCE_DIR / name


def document_curation_files() -> list[Path]:
    """The per-document curation files, in document order."""
    return sorted(DOCUMENT_CURATION_DIR.glob("*.yaml"))


def curation_files() -> list[Path]:
    """Every curated YAML file (shared files first, then per-document files)."""
    return [DOCUMENTS_YAML, ORGANISATIONS_YAML, PEOPLE_YAML, TOPICS_YAML, SERIES_YAML, JUDGEMENTS_YAML,
            *document_curation_files()]


def dist_file(name: str, dist_dir: Path | None = None) -> Path:
    """A build output under ``dist/`` (or another output folder)."""
    return (dist_dir or DIST_DIR) / name


#: The built graph under ``dist/``: what every reading command opens (``release.freshness`` builds it first
#: when stale), and what the store and the trace index are stamped against.
TRIG = "nhskg.trig"
#: The on-disk Oxigraph store of ``nhskg.trig`` under ``dist/`` (``nhskg build`` writes it, readers open it),
#: and the file inside it naming the TriG it was loaded from (size, time, pyoxigraph version).
STORE = "store"
STORE_STAMP = "nhskg-trig.stamp"
#: The trace index ``nhskg build`` writes beside the dumps (``nhskg.trace_index``), and its stamp.
TRACE_INDEX = "trace-index.jsonl"
TRACE_INDEX_STAMP = "trace-index.stamp"
#: The catalogue's answers ``nhskg build`` evaluates once and readers take instead of evaluating again
#: (``nhskg.answers``).
ANSWERS = "answers"
#: Where ``benchmarks/bench_scale.py`` keeps its synthetic graphs and stores (never in a test).
BENCH_DIR = ROOT / "benchmarks" / ".scale"


def store_dir(dist_dir: Path | None = None) -> Path:
    """The on-disk store of the built graph, ``dist/store/`` (or under another output folder)."""
    return dist_file(STORE, dist_dir)


def answers_dir(dist_dir: Path | None = None) -> Path:
    """The materialised answers of the catalogue's queries, ``dist/answers/`` (or under another output folder)."""
    return dist_file(ANSWERS, dist_dir)


def trace_index_files(dist_dir: Path | None = None) -> tuple[Path, Path]:
    """The trace index of the built graph and its stamp, ``dist/trace-index.jsonl`` and ``.stamp``."""
    return dist_file(TRACE_INDEX, dist_dir), dist_file(TRACE_INDEX_STAMP, dist_dir)


def store_stamp(trig: Path, engine_version: str) -> str:
    """The stamp of a store loaded from ``trig``: the file's size and time, and the engine's version."""
    st = trig.stat()
    return f"{st.st_size} {st.st_mtime_ns} pyoxigraph {engine_version}\n"


def shown(path: Path) -> str:
    """A path as a person reads it: relative to the project when inside it, else as given."""
    resolved = Path(path).resolve()
    return str(resolved.relative_to(ROOT.resolve())) if resolved.is_relative_to(ROOT.resolve()) else str(path)
