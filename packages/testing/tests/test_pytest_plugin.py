"""The pytest plugin's fixtures, exercised in a separate pytest run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

TEST_MODULE = """
import pytest
from hurtle_app import Sanic

from sanic_testing.asgi import SanicASGITestClient
from sanic_testing.client import SanicTestClient

EVENTS = []


@pytest.fixture
def app():
    app = Sanic("PluginApp")

    @app.after_server_stop
    async def stopped(app):
        EVENTS.append("stopped")

    @app.get("/")
    async def index(request):
        response = await request.respond(content_type="text/plain")
        await response.send(b"plugin", end_stream=True)

    return app


def test_sanic_client(sanic_client):
    assert isinstance(sanic_client, SanicTestClient)
    request, response = sanic_client.get("/")
    assert response.text == "plugin"


async def test_asgi_client(asgi_client):
    assert isinstance(asgi_client, SanicASGITestClient)
    request, response = await asgi_client.get("/")
    assert response.text == "plugin"


def test_asgi_client_ran_its_stop_listeners():
    assert EVENTS[-1] == "stopped"


def test_reusable_client(reusable_client):
    assert reusable_client.get("/")[1].text == "plugin"
    assert reusable_client.get("/")[1].status == 200


def test_inprocess_client(inprocess_client):
    assert inprocess_client.get("/")[1].text == "plugin"
"""


def test_fixtures_work_in_a_user_suite(tmp_path: Path) -> None:
    (tmp_path / "test_user_suite.py").write_text(textwrap.dedent(TEST_MODULE))
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 passed" in result.stdout
