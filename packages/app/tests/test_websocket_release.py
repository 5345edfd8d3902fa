"""A finished websocket connection is freed by reference counting, as an HTTP one (see
test_connection_release.py): nothing of it is left for the cyclic collector, whether the
client closes, leaves without a close frame, or the handler fails.

Before, each one left 35 to 50 objects in cycles (the parser's error for the Upgrade head
and the frames that had read it; the handler's Task, its error and ``run_websocket``'s
frame; a closure that scheduled itself; the protocol and its websocket, never released;
the websockets library's EOF error and its parser's frame), and with them the protocol,
the request and the websocket, until a collection of the generation they had reached.

On uvloop (what ``app.run`` uses) a connection's objects are then all gone at once; on
asyncio's own loop a cancelled timer keeps its context (so the request) until its time,
and the selector transport is a cycle of its own (both the standard library's), so there
only the cyclic garbage is checked.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
import uvloop
from websockets.asyncio.client import connect
from websockets.server import ServerProtocol

from hurtle_app import Sanic
from hurtle_http.http import Http
from hurtle_http.protocol import HttpProtocol
from hurtle_http.request import Request
from hurtle_http.websocket import WebsocketImplProtocol

_CONNECTION_TYPES = (Http, HttpProtocol, Request, WebsocketImplProtocol, ServerProtocol)


def _connection_part(thing: object) -> str:
    """The type's name of a part of a connection (a handler's Task included), else ''."""
    kind = type(thing)  # (not isinstance: the garbage may hold dead weak proxies)
    if kind in _CONNECTION_TYPES:
        return kind.__name__
    if kind is asyncio.Task and getattr(thing.get_coro(), "__name__", "") == "handler":  # type: ignore[attr-defined]
        return "Task"
    return ""


def _connection_parts() -> Counter[str]:
    """Hurtle's parts alive (the library's protocol objects end with their parsers')."""
    return Counter(
        name
        for name in map(_connection_part, gc.get_objects())
        if name and name != "ServerProtocol"
    )


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(200):  # at most 2 s
        if condition():
            return
        await asyncio.sleep(0.01)


async def _three_connections(app: Sanic, ending: str) -> tuple[Counter[str], list[str]]:
    """With the collector off: what is left alive of the connections (more than before),
    and which of their types a collection then finds unreachable."""
    ended: list[str] = []

    @app.websocket("/ws")
    async def handler(request: Any, ws: Any) -> None:
        try:
            async for message in ws:
                await ws.send(message)
                if ending == "handler-fails":
                    raise ValueError("the handler failed")
        finally:
            ended.append("ended")

    @app.signal("websocket.handler.exception")
    async def quiet(**_: Any) -> None:  # (the error is handled, not kept in a log record)
        pass

    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    assert server is not None
    await server.startup()
    await server.start_serving()
    port = server.server.sockets[0].getsockname()[1]
    try:
        gc.collect()
        gc.disable()
        before = _connection_parts()
        for count in range(1, 4):
            async with connect(f"ws://127.0.0.1:{port}/ws") as client:
                await client.send("hello")
                assert await asyncio.wait_for(client.recv(), 5) == "hello"
                if ending == "client-leaves":
                    client.transport.abort()  # no close frame
            await _until(lambda count=count: len(ended) == count and not app.websocket_tasks)
        assert ended == ["ended"] * 3
        for _ in range(10):
            await asyncio.sleep(0.01)
        left = _connection_parts() - before
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        garbage = sorted({name for name in map(_connection_part, gc.garbage) if name})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
        server.close()
        await server.wait_closed()
    return left, garbage


_ENDINGS = ["client-closes", "client-leaves", "handler-fails"]


@pytest.mark.parametrize("ending", _ENDINGS)
def test_on_uvloop_a_finished_websocket_connection_is_freed_at_once(
    app: Sanic, ending: str
) -> None:
    logging.disable(logging.CRITICAL)  # (a captured record of the error would keep it)
    try:
        left, garbage = uvloop.run(_three_connections(app, ending))
    finally:
        logging.disable(logging.NOTSET)
    assert garbage == []
    assert left == Counter()


@pytest.mark.parametrize("ending", _ENDINGS)
async def test_a_finished_websocket_connection_leaves_no_cyclic_garbage(
    app: Sanic, ending: str
) -> None:
    _, garbage = await _three_connections(app, ending)
    assert garbage == []
