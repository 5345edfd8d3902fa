"""The raw ASGI driver, against hand-written ASGI apps (no framework involved)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosedOK

from sanic_testing.asgi_driver import (
    asgi_http,
    asgi_http_scope,
    asgi_websocket,
    build_scope,
)


def test_build_scope_decodes_the_path_and_keeps_the_raw_one() -> None:
    scope = build_scope("http", "http", ("h", 80), b"/a%20b", b"x=1", [(b"host", b"h")])
    assert scope["path"] == "/a b"
    assert scope["raw_path"] == b"/a%20b"
    assert scope["query_string"] == b"x=1"
    assert scope["client"] == ("mockserver", 1234)
    assert scope["asgi"]["version"] == "3.0"


async def _echo_app(scope: Any, receive: Any, send: Any) -> None:
    message = await receive()
    body = f"{scope['method']} {scope['path']} {scope['query_string'].decode()} ".encode()
    await send({"type": "http.response.start", "status": 201, "headers": [(b"x-k", b"v")]})
    await send({"type": "http.response.body", "body": body, "more_body": True})
    await send({"type": "http.response.body", "body": message["body"]})


async def test_asgi_http_collects_a_streamed_response() -> None:
    request = httpx.Request("PUT", "http://mock/p/q?z=9", content=b"data")
    status, headers, body = await asgi_http(_echo_app, request)
    assert status == 201
    assert headers == [(b"x-k", b"v")]
    assert body == b"PUT /p/q z=9 data"


async def test_an_app_waiting_for_disconnect_gets_it_after_responding() -> None:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"done"})
        assert (await receive())["type"] == "http.disconnect"

    scope = build_scope("http", "http", ("h", 80), b"/", b"", [])
    scope["method"] = "GET"
    assert await asgi_http_scope(app, scope, b"") == (200, [], b"done")


async def test_asgi_http_raises_what_the_app_raises() -> None:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        raise KeyError("lost")

    with pytest.raises(KeyError):
        await asgi_http(app, httpx.Request("GET", "http://mock/"))


async def _ws_app(scope: Any, receive: Any, send: Any) -> None:
    assert (await receive())["type"] == "websocket.connect"
    await send({"type": "websocket.accept", "subprotocol": (scope["subprotocols"] or [None])[0]})
    while True:
        message = await receive()
        if message["type"] == "websocket.disconnect":
            return
        if message.get("text") == "bye":
            await send({"type": "websocket.close", "code": 1000})
            return
        await send({"type": "websocket.send", "bytes": (message.get("text") or "").encode()})


async def test_websocket_session_records_both_directions() -> None:
    async def mimic(ws: Any) -> None:
        await ws.send("a")
        assert await ws.recv() == b"a"

    result = await asgi_websocket(_ws_app, httpx.URL("ws://mock/ws"), [], ["chat"], mimic)
    assert result == {"opened": True}
    assert result.subprotocol == "chat"
    assert result.server_received == ["a"]
    assert result.server_sent == [b"a"]


async def test_recv_after_the_app_closed_raises_connection_closed() -> None:
    async def mimic(ws: Any) -> None:
        await ws.send("bye")
        with pytest.raises(ConnectionClosedOK):
            await ws.recv()

    result = await asgi_websocket(_ws_app, httpx.URL("ws://mock/ws"), [], None, mimic)
    assert result.close_code == 1000


async def test_a_refused_websocket_is_not_opened() -> None:
    async def refusing(scope: Any, receive: Any, send: Any) -> None:
        await receive()
        await send({"type": "websocket.close", "code": 1008})

    called = []

    async def mimic(ws: Any) -> None:
        called.append(ws)

    result = await asgi_websocket(refusing, httpx.URL("ws://mock/"), [], None, mimic)
    assert result == {"opened": False}
    assert result.close_code == 1008
    assert called == []


async def test_an_error_in_the_websocket_app_is_raised() -> None:
    async def failing(scope: Any, receive: Any, send: Any) -> None:
        await receive()
        raise ZeroDivisionError("ws app")

    with pytest.raises(ZeroDivisionError):
        await asgi_websocket(failing, httpx.URL("ws://mock/"), [], None, None)
