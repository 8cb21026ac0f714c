"""The package's layout is its data flow: stages import only from stages before them, and never in a circle.

Imports are read with ``ast`` from every module, including imports inside functions, so a circle hidden
in a function body fails here as surely as one at the top of a file.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from nhskg import paths

PACKAGE = paths.PACKAGE_DIR

#: Ground first, then each stage; a module may import from its own stage or an earlier one.
GROUND = {"paths", "errors", "iris", "vocab", "figures", "catalogue", "trace_index", "answers"}
RANK = {"ground": 0, "build": 1, "validation": 2, "release": 3, "query": 4, "trace": 5, "network": 5, "web": 6,
        "cli": 7}
USE_SIDE = {"query", "trace", "network", "web"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join(base + ([target] if target else []))


def imports_of(module: str) -> set[str]:
    """Every project module ``module`` imports, anywhere in its file."""
    path = MODULES[module]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "nhskg")
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, path.name == "__init__.py", node.level, node.module) if node.level else node.module
            if not target or target.split(".")[0] != "nhskg":
                continue
            for alias in node.names:  # `from .pkg import module` imports that module
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target)
    return {m for m in found if m in MODULES and m != module}


GRAPH = {m: imports_of(m) for m in MODULES}


def stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "ground"  # the package's own __init__
    if parts[1] in GROUND or parts[1] == "__main__":
        return "cli" if parts[1] == "__main__" else "ground"
    return parts[1]


def test_the_modules_were_found():
    assert len(MODULES) >= 40
    assert set(map(stage, MODULES)) == set(RANK)
    assert sum(len(targets) for targets in GRAPH.values()) >= 80, "the import reader finds too few imports"


def test_no_import_circle_between_modules():
    try:
        tuple(TopologicalSorter(GRAPH).static_order())
    except CycleError as exc:
        pytest.fail(f"import circle: {' -> '.join(exc.args[1])}")


def test_no_import_circle_between_stages():
    stages: dict[str, set[str]] = {}
    for module, targets in GRAPH.items():
        stages.setdefault(stage(module), set()).update(stage(t) for t in targets if stage(t) != stage(module))
    try:
        tuple(TopologicalSorter(stages).static_order())
    except CycleError as exc:
        pytest.fail(f"stages import each other in a circle: {' -> '.join(exc.args[1])}")


@pytest.mark.parametrize("module", sorted(MODULES), ids=sorted(MODULES))
def test_a_stage_imports_only_earlier_stages(module):
    late = sorted(t for t in GRAPH[module] if RANK[stage(t)] > RANK[stage(module)])
    assert not late, f"{module} ({stage(module)}) imports later stages: {late}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if stage(m) in USE_SIDE), ids=str)
def test_the_use_side_meets_the_build_side_only_at_dist(module):
    """Library code of the use side never builds; a command asks `release.freshness` for a current dist/."""
    reaches = {t for t in GRAPH[module] if stage(t) in {"build", "validation", "release"}}
    if module.endswith(".commands"):
        assert reaches <= {"nhskg.release.freshness"}, reaches
    else:
        assert not reaches, f"{module} reaches the build side: {sorted(reaches)}"


def test_the_ground_and_the_use_side_do_not_need_rdflib():
    """`iris` holds the prefixes as strings so query, trace and network start without rdflib."""
    for module in MODULES:
        if stage(module) in USE_SIDE | {"cli"} or module in {"nhskg.iris", "nhskg.paths", "nhskg.errors",
                                                              "nhskg.figures", "nhskg.catalogue",
                                                              "nhskg.trace_index"}:
            text = MODULES[module].read_text(encoding="utf-8")
            assert "import rdflib" not in text and "from rdflib" not in text, module
            assert "nhskg.vocab" not in {*GRAPH[module]}, f"{module} imports vocab (rdflib)"


@pytest.mark.parametrize("package", sorted(s for s in RANK if s not in {"ground", "cli"}))
def test_each_stage_says_what_flows_in_and_out(package):
    doc = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text(encoding="utf-8")))
    assert doc and len(doc) > 150, f"nhskg/{package}/__init__.py needs a docstring: what comes in, what goes out"
    assert " in" in doc.lower() and "out" in doc.lower()


def test_the_ground_code_the_build_side_runs_is_an_input_of_dist():
    """A ground module the build, validation or release imports shapes dist/ (``answers`` writes dist/answers/,
    ``trace_index`` the trace index): an edit to it must make dist/ stale (``paths.BUILD_CODE_FILES``), as an
    edit to the build's own code does. ``errors`` only words messages."""
    used = {t for m, targets in GRAPH.items() if stage(m) in {"build", "validation", "release"} for t in targets
            if stage(t) == "ground" and t not in {"nhskg", "nhskg.errors"}}
    inputs = {module_name(f) for f in paths.BUILD_CODE_FILES}
    assert sorted(used - inputs) == []
