"""``http.lifecycle.send`` around a websocket handler, in Sanic's order: the 101's before
``websocket.handler.before``, the close frame's before ``http.handler.after``."""

from __future__ import annotations

from typing import Any

from sanic import Sanic
from sanic.signals import Event


def test_the_101_and_the_close_frame_are_signalled_in_sanics_order() -> None:
    app = Sanic("WsSendOrder")
    seen: list[str] = []

    @app.signal(Event.HTTP_LIFECYCLE_SEND)
    async def send(data: bytes) -> None:
        if bytes(data).startswith(b"HTTP/1.1 101"):
            seen.append("send 101")
        elif bytes(data)[:1] == b"\x88":
            seen.append("send close")

    @app.signal(Event.WEBSOCKET_HANDLER_BEFORE)
    async def before(request: Any, websocket: Any) -> None:
        seen.append("websocket.handler.before")

    @app.signal(Event.WEBSOCKET_HANDLER_AFTER)
    async def after(request: Any, websocket: Any) -> None:
        seen.append("websocket.handler.after")

    @app.signal(Event.HTTP_HANDLER_AFTER)
    async def handler_after(request: Any) -> None:
        seen.append("http.handler.after")

    @app.websocket("/ws")
    async def ws(request: Any, ws: Any) -> None:
        seen.append("handler")

    async def client(ws: Any) -> None:
        pass

    app.test_client.websocket("/ws", mimic=client)
    assert seen == [
        "send 101",
        "websocket.handler.before",
        "handler",
        "websocket.handler.after",
        "send close",
        "http.handler.after",
    ]
