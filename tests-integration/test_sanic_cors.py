"""The real Sanic-CORS plugin runs on Hurtle unchanged: allowed and refused origins, an
error page with CORS fields, a preflight, the ``cross_origin`` decorator.

Sanic-CORS puts its middleware straight into ``app.request_middleware`` /
``app.response_middleware`` and wraps the app's error handler. A scratch venv gets every
workspace package (editable) plus Sanic-CORS installed with ``--no-deps`` (so the real
``sanic`` never comes in), as ``test_sanic_jwt`` does. The expected lines are what the same
script printed under Sanic 25.12.
"""

from __future__ import annotations

from pathlib import Path

from helpers import plugin_venv, run_checked

HERE = Path(__file__).parent / "sanic_cors_app"

EXPECTED = [
    "GET /api/items http://allowed.example 200 [('access-control-allow-origin', 'http://allowed.example'), ('access-control-expose-headers', 'X-Total')]",
    'GET /api/items http://other.example 200 []',
    "GET /api/missing http://allowed.example 404 [('access-control-allow-origin', 'http://allowed.example'), ('access-control-expose-headers', 'X-Total')]",
    "OPTIONS /api/items http://allowed.example 200 [('access-control-allow-headers', 'X-Token'), ('access-control-allow-methods', 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT'), ('access-control-allow-origin', 'http://allowed.example'), ('access-control-expose-headers', 'X-Total')]",
    "GET /open http://anyone.example 200 [('access-control-allow-origin', '*')]",
    'GET /private http://allowed.example 200 []',
]


def test_sanic_cors_fields(tmp_path: Path) -> None:
    python = plugin_venv(tmp_path, ["Sanic-Cors==2.2.0"], ["packaging"])
    output = run_checked(python, str(HERE / "check.py")).splitlines()
    # The test client logs each call's server lifecycle on stdout (as sanic-testing does
    # under Sanic); the script's own lines are the rest.
    lines = [line for line in output if line and " INFO: " not in line and " DEBUG: " not in line]
    assert lines[-len(EXPECTED) :] == EXPECTED
