"""Websockets across the server's life, found by tests-integration/fidelity/wslife/run.py.

Real loopback sockets, the app served in-process by ``create_server``.
"""

from __future__ import annotations

import asyncio
import struct
import time
from typing import Any

import pytest
from test_fidelity_ws_signals import HOST, new_app, serving, upgrade


def _masked(opcode: int, payload: bytes) -> bytes:
    key = b"\x01\x02\x03\x04"
    body = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
    return struct.pack("!BB", 0x80 | opcode, 0x80 | len(payload)) + key + body


@pytest.mark.parametrize("leaves_with", ["close frame", "FIN"])
async def test_a_peer_that_left_is_no_handler_exception(leaves_with: str) -> None:
    # A chat handler reads, does some work, reads again: the client has left meanwhile
    # (its close frame, or its FIN). Its websocket.handler.exception signal (an error
    # reporter) fired for that ordinary leave; under Sanic it does not (the handler ends).
    app = new_app("WsPeerLeft")
    seen: list[str] = []

    @app.websocket("/chat")
    async def chat(request: Any, ws: Any) -> None:
        await ws.recv()
        for _ in range(100_000):  # (busy, not waiting: the leave arrives meanwhile)
            if ws.connection_closed:
                break
            await asyncio.sleep(0)
        await ws.recv()  # "more", sent before the client's close frame
        await ws.recv()

    @app.signal("websocket.handler.exception")
    async def failed(request: Any, websocket: Any, exception: Exception) -> None:
        seen.append(f"exception {type(exception).__name__}")

    @app.signal("websocket.handler.after")
    async def after(request: Any, websocket: Any) -> None:
        seen.append("after")

    async with serving(app) as port:
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            writer.write(upgrade("/chat") + _masked(1, b"hello"))
            await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            await asyncio.sleep(0.1)
            if leaves_with == "FIN":
                writer.write_eof()
            else:
                writer.write(_masked(8, struct.pack("!H", 1000)))
            await asyncio.wait_for(reader.read(), 5)  # the server's answer, then its FIN
            await asyncio.sleep(0.2)
        finally:
            writer.close()
    assert seen == []


async def test_recv_after_the_handlers_own_close_is_no_handler_exception() -> None:
    # A handler closes with its own code while the client still sends, then reads once
    # more: under Sanic it ends without websocket.handler.exception; Hurtle signalled the
    # WebsocketClosed its recv() raised (a send after the close stays signalled, as Sanic).
    app = new_app("WsOwnClose")
    seen: list[str] = []
    ended = asyncio.Event()

    @app.websocket("/bye")
    async def bye(request: Any, ws: Any) -> None:
        try:
            await ws.recv()
            await ws.close(4001, "bye")
            for _ in range(300):  # (busy, not waiting: the client's answer arrives meanwhile)
                time.sleep(0.001)  # noqa: ASYNC251  (busy on purpose)
                await asyncio.sleep(0)
            await ws.recv()  # "more", sent before the client's close frame
            await ws.recv()
        finally:
            ended.set()

    @app.signal("websocket.handler.exception")
    async def failed(request: Any, websocket: Any, exception: Exception) -> None:
        seen.append(f"exception {type(exception).__name__}")

    async with serving(app) as port:
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            writer.write(upgrade("/bye") + _masked(1, b"hello"))
            await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            closing = await asyncio.wait_for(reader.readexactly(7), 5)
            writer.write(_masked(1, b"more") + _masked(8, closing[2:4]))
            await asyncio.wait_for(reader.read(), 5)
            await asyncio.wait_for(ended.wait(), 5)
            await asyncio.sleep(0.1)
        finally:
            writer.close()
    assert closing == b"\x88\x05\x0f\xa1bye"
    assert seen == []
