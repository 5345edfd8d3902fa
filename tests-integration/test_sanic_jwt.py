"""The real sanic-jwt plugin runs on Hurtle unchanged: log in, protected routes, injected
user, the plugin's own /auth/me and /auth/verify endpoints; a second app set up after those
requests, with refresh tokens, refreshed while freezegun has frozen the clock hours later.

A scratch venv gets every workspace package (editable) plus sanic-jwt and PyJWT installed
with ``--no-deps`` (so the real ``sanic`` never comes in), as ``test_sanic_ext`` does.
The expected answers are what the same script printed under Sanic 25.12.
"""

from __future__ import annotations

from pathlib import Path

from helpers import plugin_venv, run_checked

HERE = Path(__file__).parent / "sanic_jwt_app"

EXPECTED = [
    "bad auth 401 {'reasons': ['Bad credentials.'], 'exception': 'AuthenticationFailed'}",
    "auth 200 ['access_token']",
    "no token 401 {'reasons': ['Authorization header not present.'], 'exception': 'Unauthorized'}",
    "token 200 {'protected': True}",
    "me 200 {'me': {'user_id': 1, 'username': 'user1'}}",
    "auth/me 200 {'me': {'user_id': 1, 'username': 'user1'}}",
    "verify 200 {'valid': True}",
    "second app access_token refresh_token",
    "auth2 200 ['access_token', 'refresh_token']",
    "refresh later 200 ['access_token']",
]


def test_sanic_jwt_flow(tmp_path: Path) -> None:
    python = plugin_venv(tmp_path, ["sanic-jwt==1.8.0", "pyjwt"], ["freezegun"])
    output = run_checked(python, str(HERE / "check.py")).splitlines()
    # The test client logs each call's server lifecycle on stdout (as sanic-testing does
    # under Sanic); the script's own lines are the rest.
    lines = [line for line in output if line and " INFO: " not in line]
    assert lines[-len(EXPECTED) :] == EXPECTED
