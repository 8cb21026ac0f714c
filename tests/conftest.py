"""Shared fixtures: the curated context and the built dataset, made once per test session."""

from __future__ import annotations

import os
import tempfile

# Before nhskg is imported: everything the suite builds (in process and in the commands it runs) goes to a
# temporary folder, never the project's dist/. A test that needs a project of its own sets NHSKG_ROOT and
# NHSKG_DIST for its commands.
os.environ["NHSKG_DIST"] = tempfile.mkdtemp(prefix="nhskg-test-dist-")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

PROJECT_DIST = Path(__file__).resolve().parents[1] / "dist"
_BEFORE = {p: p.stat().st_mtime_ns for p in PROJECT_DIST.rglob("*") if p.is_file()} if PROJECT_DIST.exists() else {}


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove the suite's own dist/, and fail the run if the project's dist/ was written after all."""
    shutil.rmtree(os.environ["NHSKG_DIST"], ignore_errors=True)
    after = {p: p.stat().st_mtime_ns for p in PROJECT_DIST.rglob("*") if p.is_file()} if PROJECT_DIST.exists() else {}
    if after != _BEFORE:
        changed = sorted(str(p) for p in set(after) | set(_BEFORE) if after.get(p) != _BEFORE.get(p))
        print(f"\nthe tests wrote the project's dist/ ({len(changed)} files, e.g. {changed[:3]}): build into "
              "NHSKG_DIST (a temporary folder) instead")
        session.exitstatus = 1

import built_once  # noqa: E402

from nhskg.build.context import load_context
from nhskg.build.dataset import build_dataset
from nhskg.build.statistics import with_statistics
from nhskg.validation.checks import with_check_results


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="Rewrite tests/golden/ from the current build instead of comparing with it.")


@pytest.fixture(scope="session")
def ctx():
    return load_context()


#: Under `make mutation` a mutant of the trace or of the catalogue cannot change the build (build and validation
#: never import them: tests/test_architecture.py), so its tests reuse the dataset built with the original code in
#: mutmut's own process (tests/built_once.py); a mutant of anything the build calls builds afresh.
_CANNOT_CHANGE_THE_BUILD = ("nhskg.trace.", "nhskg.catalogue.")


def _reusing(name: str, make):
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    if mutant.startswith(_CANNOT_CHANGE_THE_BUILD) and name in built_once.BUILT:
        return built_once.BUILT[name]
    made = make()
    if mutant in ("", "stats"):  # mutmut's runs of the original code
        built_once.BUILT[name] = made
    return made


# mutmut maps each function to the tests that reached it, test by test; the functions a shared (module or session)
# fixture runs would go to whichever test set it up first, and a mutant of the build be tried against that one
# test alone. While mutmut collects that map, what a shared fixture ran counts for every test that uses it.
# (A plugin, not conftest hooks: a session fixture's setup is not seen by the hooks of a conftest below the root.)
class _SharedFixtureHits:
    def __init__(self, hits: set[str]):
        self.hits, self.by_fixture = hits, {}

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(self, fixturedef, request):
        if fixturedef.scope == "function":
            return (yield)
        before = set(self.hits)
        self.hits.clear()
        try:
            return (yield)
        finally:
            self.by_fixture.setdefault(fixturedef.argname, set()).update(self.hits)
            self.hits.update(before)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_teardown(self, item):
        for name in item.fixturenames:
            if name not in _THE_BUILD or item.path.name in _TESTS_OF_THE_BUILD:
                self.hits.update(self.by_fixture.get(name, ()))


#: The built dataset is read by hundreds of tests; a mutant of the build is tried against the ones that check the
#: build itself (each of the others would add tens of seconds to every surviving build mutant).
_THE_BUILD = {"ctx", "dataset", "canonical", "union"}
_TESTS_OF_THE_BUILD = {"test_golden.py", "test_checks.py", "test_anchoring.py"}


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        from mutmut.state import state  # mutmut 3.8 (pinned by the `mutation` extra): the functions reached so far

        config.pluginmanager.register(_SharedFixtureHits(state()._stats), "nhskg-mutmut-shared-fixture-hits")


@pytest.fixture(scope="session")
def dataset(ctx):
    return _reusing("dataset", lambda: with_statistics(with_check_results(build_dataset(ctx))))  # as the release


@pytest.fixture(scope="session")
def canonical(dataset) -> bytes:
    """The dataset as canonical TriG, for the tests that load it into a store of their own."""
    from nhskg.release.dumps import canonical_trig

    return _reusing("canonical", lambda: canonical_trig(dataset).encode())


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
