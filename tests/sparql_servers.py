"""Real SPARQL 1.1 servers for the tests, started on 127.0.0.1 and stopped by them.

``oxigraph_server`` runs the ``oxigraph`` binary the PyPI package ``oxigraph`` installs beside the
Python interpreter (an in-memory store unless a folder is given); the test is skipped, saying why, when
the binary is not installed.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from live_server import free_port


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def _wait(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {process.stderr.read().decode(errors='replace')[-500:]}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextlib.contextmanager
def oxigraph_server(*options: str):
    """``oxigraph serve`` on a free port; yields its base URL (``/store`` for GSP, ``/query`` for queries)."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed: pip install oxigraph (the PyPI package ships the binary)")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}", *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/query?query=ASK%7B%7D", process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
