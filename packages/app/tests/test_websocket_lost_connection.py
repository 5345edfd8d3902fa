"""A websocket handler waiting on something else when its client leaves is cancelled, as
in Sanic (before, nothing ever woke it: its Task stayed for the life of the worker, one
per connection); a handler in ``recv`` still gets ``ConnectionClosed``."""

from __future__ import annotations

import asyncio
import socket
import struct
from typing import Any

import pytest
import websockets.exceptions as ws_errors
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from hurtle_app import Sanic


async def _serve(app: Sanic) -> tuple[Any, int]:
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    assert server is not None
    await server.startup()
    await server.start_serving()
    return server, server.server.sockets[0].getsockname()[1]


async def _wait_for(outcome: list[str], count: int) -> None:
    for _ in range(500):  # at most 5 s
        if len(outcome) >= count:
            return
        await asyncio.sleep(0.01)


@pytest.mark.parametrize("leave", ["close", "reset"])
async def test_a_handler_waiting_elsewhere_is_cancelled(app: Sanic, leave: str) -> None:
    outcome: list[str] = []

    @app.websocket("/ws")
    async def handler(request: Any, ws: Any) -> None:
        try:
            await asyncio.Event().wait()  # a queue, a pub/sub... that never fires
        except BaseException as error:
            outcome.append(type(error).__name__)
            raise

    server, port = await _serve(app)
    try:
        async with connect(f"ws://127.0.0.1:{port}/ws") as client:
            await asyncio.sleep(0.05)
            if leave == "reset":
                sock = client.transport.get_extra_info("socket")
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                client.transport.abort()
        await _wait_for(outcome, 1)
        assert outcome == ["CancelledError"]
        for _ in range(100):
            if not app.websocket_tasks:
                break
            await asyncio.sleep(0.01)
        assert not app.websocket_tasks
    finally:
        server.close()
        await server.wait_closed()


async def test_a_handler_in_recv_gets_connection_closed(app: Sanic) -> None:
    outcome: list[str] = []

    @app.websocket("/ws")
    async def handler(request: Any, ws: Any) -> None:
        try:
            await ws.recv()
            await ws.recv()
        except BaseException as error:
            outcome.append(type(error).__name__)
            raise

    server, port = await _serve(app)
    try:
        async with connect(f"ws://127.0.0.1:{port}/ws") as client:
            await client.send("one")
            await asyncio.sleep(0.05)
            client.transport.abort()
        await _wait_for(outcome, 1)
        assert len(outcome) == 1
        assert issubclass(getattr(ws_errors, outcome[0]), ConnectionClosed)
    finally:
        server.close()
        await server.wait_closed()
