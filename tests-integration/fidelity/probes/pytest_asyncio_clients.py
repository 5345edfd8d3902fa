"""Test clients, API audit: the clients inside pytest-asyncio tests (one loop per test).

Not collected (no test_ prefix). Run it by name under each venv and compare the R lines:
    PY -m pytest -q -s -p no:cacheprovider tests-integration/fidelity/probes/pytest_asyncio_clients.py | grep "^R "
"""

import asyncio

import pytest

from sanic import Sanic, response
from sanic_testing.reusable import ReusableClient

RESULTS = []


@pytest.fixture
def app():
    Sanic.test_mode = True
    a = Sanic(f"pa{len(RESULTS)}_{id(RESULTS)}".replace("-", "_"))
    ev = []
    a.ctx.ev = ev

    @a.before_server_start
    async def b(app_):
        ev.append("bss")

    @a.after_server_stop
    async def s(app_):
        ev.append("ass")

    @a.get("/")
    async def r(request):
        return response.json({"loop_running": asyncio.get_running_loop().is_running()})

    yield a
    Sanic._app_registry.clear()


def rec(label, fn):
    try:
        out = fn()
    except BaseException as e:
        out = f"raises {type(e).__name__}: {str(e)[:120]}"
    RESULTS.append(f"{label}: {out}")


@pytest.mark.asyncio
async def test_asgi_in_async(app):
    rec("asgi async", lambda: None)
    _, r = await app.asgi_client.get("/")
    RESULTS.append(f"asgi async: {r.status} {r.json} {app.ctx.ev}")


@pytest.mark.asyncio
async def test_asgi_again_new_loop(app):
    _, r = await app.asgi_client.get("/")
    _, r = await app.asgi_client.get("/")
    RESULTS.append(f"asgi twice: {r.status} {app.ctx.ev}")


@pytest.mark.asyncio
async def test_sync_in_async(app):
    rec("sync in async", lambda: app.test_client.get("/")[1].status)
    RESULTS.append(f"sync in async ev: {app.ctx.ev}")


def test_sync(app):
    rec("sync", lambda: app.test_client.get("/")[1].json)


@pytest.mark.asyncio
async def test_reusable_in_async(app):
    def go():
        with ReusableClient(app) as c:
            return c.get("/")[1].status

    rec("reusable in async", go)


def test_zz_report():
    print("\nREPORT")
    for line in RESULTS:
        print("R", line)
