"""``sanic.server.serve(..., run_async=True)`` (seed 000): the server is returned, not run."""

from __future__ import annotations

import asyncio
from typing import Any

from sanic import Sanic
from sanic.response import text
from sanic.server import AsyncioServer, serve


def test_run_async_returns_a_server_that_serves_once_awaited() -> None:
    # As Sanic 25.12: an AsyncioServer for the given loop; `await server` binds and starts
    # it, and its steps run the listeners. It was refused with a ServerError.
    app = Sanic("ServeRunAsync")
    ran: list[str] = []

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("served")

    @app.after_server_start
    async def started(app: Any) -> None:
        ran.append("after_server_start")

    loop = asyncio.new_event_loop()
    try:
        server = serve("127.0.0.1", 0, app, run_async=True, loop=loop)
        assert isinstance(server, AsyncioServer)
        assert not server.is_serving()

        async def drive() -> bytes:
            assert await server is server
            await server.startup()
            await server.before_start()
            await server.after_start()
            port = server.server.sockets[0].getsockname()[1]
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            reply = await reader.read()
            writer.close()
            await server.before_stop()
            server.close()
            await server.wait_closed()
            await server.after_stop()
            return reply

        reply = loop.run_until_complete(asyncio.wait_for(drive(), 10))
    finally:
        loop.close()
    assert reply.startswith(b"HTTP/1.1 200 OK") and reply.endswith(b"served")
    assert ran == ["after_server_start"]


def test_run_async_server_not_awaited_stays_unbound() -> None:
    # As Sanic: its listener steps run, but nothing listens until it is awaited.
    app = Sanic("ServeRunAsyncUnbound")

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("x")

    loop = asyncio.new_event_loop()
    try:
        server = serve("127.0.0.1", 0, app, run_async=True, loop=loop)

        async def drive() -> bool:
            await server.startup()
            await server.before_start()
            await server.after_start()
            serving = server.is_serving()
            server.close()
            await server.wait_closed()
            return serving

        assert loop.run_until_complete(asyncio.wait_for(drive(), 10)) is False
    finally:
        loop.close()
