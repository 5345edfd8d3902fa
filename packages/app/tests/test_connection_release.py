"""An app's finished connections are freed by reference counting (no cycle through the
request, the route, the middleware or an error page keeps them for the cyclic collector;
see http-core's test_connection_release.py)."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.http import Http
from hurtle_http.request import Request
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, parse_responses


def alive() -> tuple[int, int]:
    objects = gc.get_objects()
    return (
        sum(isinstance(o, Http) for o in objects),
        sum(isinstance(o, Request) for o in objects),
    )


@pytest.mark.parametrize(
    ("target", "status"), [("/", 200), ("/missing", 404), ("/raise", 500), ("/stream", 200)]
)
async def test_a_finished_connection_of_the_app_is_freed_without_the_cycle_collector(
    app: Sanic, target: str, status: int
) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        request.ctx.seen = True
        return text("ok")

    @app.get("/raise")
    async def fails(request: Any) -> Any:
        raise ValueError("no")

    @app.exception(ValueError)
    async def on_value_error(request: Any, exc: Exception) -> Any:
        # (answered here, not logged: a log record kept by the test's log capture would
        # keep the exception, its traceback and so the request)
        return text("handled", status=500)

    @app.get("/stream")
    async def stream(request: Any) -> Any:
        response = await request.respond()
        await response.send("a")
        await response.eof()

    @app.on_request
    async def before(request: Any) -> None:
        request.ctx.started = True

    @app.on_response
    async def after(request: Any, response: Any) -> None:
        response.headers["x-mw"] = "1"

    await app._startup()
    gc.collect()
    gc.disable()
    try:
        before_count = alive()
        for _ in range(3):
            conn = FakeConnection(app)
            conn.receive(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            await conn.settle()
            assert parse_responses(conn.take())[0].status == status
            assert conn.closed
            del conn
        await asyncio.sleep(0)
        assert alive() == before_count
    finally:
        gc.enable()
