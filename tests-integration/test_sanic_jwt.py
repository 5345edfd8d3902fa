"""The real sanic-jwt plugin runs on Hurtle unchanged: log in, protected routes, injected
user, the plugin's own /auth/me and /auth/verify endpoints.

A scratch venv gets every workspace package (editable) plus sanic-jwt and PyJWT installed
with ``--no-deps`` (so the real ``sanic`` never comes in), as ``test_sanic_ext`` does.
The expected answers are what the same script printed under Sanic 25.12.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

HERE = Path(__file__).parent / "sanic_jwt_app"

EXPECTED = [
    "bad auth 401 {'reasons': ['Bad credentials.'], 'exception': 'AuthenticationFailed'}",
    "auth 200 ['access_token']",
    "no token 401 {'reasons': ['Authorization header not present.'], 'exception': 'Unauthorized'}",
    "token 200 {'protected': True}",
    "me 200 {'me': {'user_id': 1, 'username': 'user1'}}",
    "auth/me 200 {'me': {'user_id': 1, 'username': 'user1'}}",
    "verify 200 {'valid': True}",
]


def run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def test_sanic_jwt_flow(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    if uv is None:
        raise AssertionError("this test needs `uv` on PATH to build its scratch venv")
    venv = tmp_path / "venv"
    run(uv, "venv", "-q", "--python", sys.executable, str(venv))
    python = str(venv / "bin" / "python")
    editable = [arg for pkg in sorted((ROOT / "packages").iterdir()) for arg in ("-e", str(pkg))]
    run(uv, "pip", "install", "-q", "--python", python, *editable)
    run(uv, "pip", "install", "-q", "--python", python, "--no-deps", "sanic-jwt==1.8.0", "pyjwt")
    installed = run(uv, "pip", "list", "--python", python)
    assert not any(line.split()[0] == "sanic" for line in installed.splitlines()[2:] if line)
    lines = [line for line in run(python, str(HERE / "check.py")).splitlines() if line]
    assert lines[-len(EXPECTED) :] == EXPECTED
