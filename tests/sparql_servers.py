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
        _stop(process, 10)


@contextlib.contextmanager
def virtuoso_server(folder: Path):
    """Debian's Virtuoso (``virtuoso-opensource``) with its database in ``folder``, on free ports; yields the
    base URL (``/sparql-graph-crud`` for GSP, ``/sparql`` for queries). The anonymous SPARQL user is
    granted updates for the Graph Store endpoint, as an administrator would for a private server."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    template = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
    if not (binary and isql and template.exists()):
        pytest.skip("Virtuoso is not installed: apt-get install virtuoso-opensource")
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = template.read_text(encoding="utf-8").replace("/var/lib/virtuoso-opensource-7/db", str(folder))
    ini = ini.replace("ServerPort               = 1111", f"ServerPort               = {sql_port}")
    ini = ini.replace("ServerPort                  = 8890", f"ServerPort                  = 127.0.0.1:{http_port}")
    ini = ini.replace("DefaultHost  = localhost:8890", f"DefaultHost  = 127.0.0.1:{http_port}")
    # Its cost estimate refuses queries it would answer in milliseconds; no cap on rows the tests read.
    ini = ini.replace("MaxQueryCostEstimationTime = 400", "MaxQueryCostEstimationTime = 0")
    ini = ini.replace("ResultSetMaxRows           = 10000", "ResultSetMaxRows           = 1000000")
    (folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{http_port}"
    try:
        _wait(base + "/sparql?query=ASK%7B%7D", process, seconds=120)
        granted = subprocess.run([isql, str(sql_port), "dba", "dba", "exec=GRANT SPARQL_UPDATE TO \"SPARQL\";"],
                                 capture_output=True, text=True, timeout=60)
        if granted.returncode:
            raise RuntimeError(f"isql-vt: {granted.stdout[-300:]} {granted.stderr[-300:]}")
        yield base
    finally:
        _stop(process, 30)


def _stop(process: subprocess.Popen, seconds: float) -> None:
    """Terminate a server, and kill it if it has not stopped within ``seconds``."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
