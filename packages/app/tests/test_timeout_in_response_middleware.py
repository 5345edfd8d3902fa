"""A response timeout while the response middleware runs: the 503 goes out at once, as in
Sanic, without running the response middleware again (a middleware slower than the
timeout held the 503 back, and one that never finished left the client without an answer
until the connection was cut)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, parse_responses


@pytest.mark.parametrize("signals", [False, True], ids=["plain", "with-signals"])
async def test_the_timeout_answers_503_without_running_the_middleware_again(
    app: Sanic, signals: bool
) -> None:
    never = asyncio.Event()
    runs: list[str] = []

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    @app.on_response
    async def stuck(request: Any, response: Any) -> None:
        runs.append(f"{response.status}")
        response.headers["x-mw"] = "seen"
        await never.wait()

    if signals:
        # A signal handler on the middleware takes the pipeline's general path.
        @app.signal("http.middleware.before")
        async def before(**_: Any) -> None:
            pass

    await app._startup()
    conn = FakeConnection(app, config={"RESPONSE_TIMEOUT": 5})
    conn.receive(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
    await conn.settle()
    assert runs == ["200"]
    await conn.advance(5.5)
    [res] = parse_responses(conn.take())
    assert res.status == 503
    assert "Response Timeout" in res.body.decode()
    assert res.header("x-mw") is None
    assert runs == ["200"]
    assert conn.closed


async def test_the_503_of_a_timeout_in_the_handler_still_goes_through_the_middleware(
    app: Sanic,
) -> None:
    never = asyncio.Event()

    @app.get("/")
    async def index(request: Any) -> Any:
        await never.wait()

    @app.on_response
    async def mark(request: Any, response: Any) -> None:
        response.headers["x-mw"] = str(response.status)

    await app._startup()
    conn = FakeConnection(app, config={"RESPONSE_TIMEOUT": 5})
    conn.receive(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
    await conn.advance(5.5)
    [res] = parse_responses(conn.take())
    assert res.status == 503
    assert res.header("x-mw") == "503"

