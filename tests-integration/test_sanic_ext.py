"""The real sanic-ext 25.12 runs on Hurtle unchanged.

A scratch venv gets every workspace package (editable) plus sanic-ext installed with
``--no-deps`` (so the real ``sanic`` never comes in) and sanic-ext's imports (pyyaml,
pydantic, jinja2); an app using OpenAPI docs, ``@validate``, CORS, dependency injection,
templates and auto HEAD/OPTIONS is then driven through ASGI. Installs go through ``uv``
(its cache makes reruns fast).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

HERE = Path(__file__).parent / "sanic_ext_app"


def run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def test_sanic_ext_features_work(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    if uv is None:
        raise AssertionError("this test needs `uv` on PATH to build its scratch venv")
    venv = tmp_path / "venv"
    run(uv, "venv", "-q", "--python", sys.executable, str(venv))
    python = str(venv / "bin" / "python")
    editable = [arg for pkg in sorted((ROOT / "packages").iterdir()) for arg in ("-e", str(pkg))]
    run(uv, "pip", "install", "-q", "--python", python, *editable)
    run(uv, "pip", "install", "-q", "--python", python, "--no-deps", "sanic-ext==25.12.0")
    run(uv, "pip", "install", "-q", "--python", python, "pyyaml", "pydantic", "jinja2", "httpx")
    installed = run(uv, "pip", "list", "--python", python)
    assert not any(line.split()[0] == "sanic" for line in installed.splitlines()[2:] if line)
    results = json.loads(run(python, str(HERE / "check.py")).strip().splitlines()[-1])
    assert results == {name: True for name in results}
    assert len(results) == 11
