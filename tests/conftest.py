"""Shared fixtures: the curated context and the built dataset, made once per test session."""

from __future__ import annotations

import pytest

from nhskg.build.context import load_context
from nhskg.build.dataset import build_dataset
from nhskg.validation.checks import with_check_results


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="Rewrite tests/golden/ from the current build instead of comparing with it.")


@pytest.fixture(scope="session")
def ctx():
    return load_context()


@pytest.fixture(scope="session")
def dataset(ctx):
    return with_check_results(build_dataset(ctx))


@pytest.fixture(scope="session")
def regen_golden(request) -> bool:
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture(scope="session")
def union(dataset):
    """All named graphs as one graph, for questions that cross graphs."""
    from nhskg.build.dataset import union_graph

    return union_graph(dataset)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The release written to a temporary dist/ (never the project's), and its store, as commands open it."""
    from nhskg.query.store import load_store
    from nhskg.release.pipeline import run_build

    dist = tmp_path_factory.mktemp("dist")
    run_build(dist)
    return load_store(dist / "nhskg.trig"), dist
