"""Start `nhskg serve` for a test: on a free port of 127.0.0.1, in a copy of the project, waited for."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from nhskg import paths


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def project_copy(folder: Path) -> Path:
    """The project's inputs copied under ``folder`` (the server builds its own dist/ there)."""
    root = folder / "project"
    for name in ("graph", "ontology", "shapes", "queries"):
        shutil.copytree(paths.ROOT / name, root / name)
    return root


def start_server(root: Path, *options: str) -> tuple[subprocess.Popen, str]:
    """`nhskg serve` on a free port, waited for until it answers (at most 60 s: it may build first)."""
    port = free_port()
    env = {**os.environ, "NHSKG_ROOT": str(root), "NHSKG_DIST": str(root / "dist")}
    process = subprocess.Popen([sys.executable, "-m", "nhskg", "serve", "--port", str(port), *options], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {process.stderr.read()}")
        try:
            if httpx.get(base + "/sparql", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not answer within 60 s")
