"""``sanic.server.websockets.connection.WebSocketConnection`` over plain ASGI callables, and
``app.asgi`` / ``serve_location`` under an ASGI server."""

from __future__ import annotations

from typing import Any

from sanic import Sanic
from sanic.response import text
from sanic.server.websockets.connection import WebSocketConnection


def pipes(incoming: list[dict[str, Any]]) -> tuple[Any, Any, list[dict[str, Any]]]:
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    return send, receive, sent


async def test_accept_picks_the_first_offered_subprotocol_the_server_takes() -> None:
    send, receive, sent = pipes([])
    await WebSocketConnection(send, receive, ["graphql-ws", "hello", "world"]).accept(
        ["hello", "world"]
    )
    await WebSocketConnection(send, receive).accept()
    assert sent == [
        {"type": "websocket.accept", "subprotocol": "hello"},
        {"type": "websocket.accept", "subprotocol": None},
    ]


async def test_send_and_receive_text_and_bytes() -> None:
    incoming = [{"type": "websocket.receive", "text": "hi"},
                {"type": "websocket.receive", "bytes": b"\x00"}]
    send, receive, sent = pipes(incoming)
    ws = WebSocketConnection(send, receive)
    await ws.send("hello")
    await ws.send(b"raw")
    assert sent == [{"type": "websocket.send", "text": "hello"},
                    {"type": "websocket.send", "bytes": b"raw"}]
    assert await ws.receive() == "hi"
    assert await ws.recv() == b"\x00"


async def test_serve_location_under_asgi() -> None:
    app = Sanic("AsgiLocation")

    @app.get("/")
    async def where(request):
        return text(request.app.serve_location)

    assert app.asgi is False
    _, response = await app.asgi_client.get("/")
    assert response.text == "http://<ASGI>"
    app.asgi = False  # settable, as in Sanic
    assert app.asgi is False
    Sanic._app_registry.pop("AsgiLocation", None)


async def test_the_served_request_is_current_over_asgi_and_sockets() -> None:
    from sanic import Request
    from sanic.response import json

    app = Sanic("CurrentRequest")

    @app.get("/")
    async def same(request):
        return json({"same": Request.get_current() is request})

    _, over_asgi = await app.asgi_client.get("/")
    assert over_asgi.json == {"same": True}
    Sanic._app_registry.pop("CurrentRequest", None)


def test_the_served_request_is_current_over_a_socket() -> None:
    from sanic import Request
    from sanic.response import json

    app = Sanic("CurrentRequestSocket")

    @app.get("/")
    async def same(request):
        return json({"same": Request.get_current() is request})

    _, response = app.test_client.get("/")
    assert response.json == {"same": True}
    Sanic._app_registry.pop("CurrentRequestSocket", None)


async def test_an_asgi_servers_lifespan_start_prints_sanics_asgi_banner(caplog) -> None:
    import logging

    Sanic.test_mode = True
    try:
        app = Sanic("AsgiBanner", configure_logging=False)
        app.get("/")(lambda request: text("hi"))
        send, receive, sent = pipes([{"type": "lifespan.startup"},
                                     {"type": "lifespan.shutdown"}])
        with caplog.at_level(logging.INFO):
            await app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send)
    finally:
        Sanic._app_registry.pop("AsgiBanner", None)
        Sanic.test_mode = False
    assert sent == [{"type": "lifespan.startup.complete"},
                    {"type": "lifespan.shutdown.complete"}]
    lines = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    assert lines[1:4] == ["app: AsgiBanner", "mode: production, ASGI", "server: ASGI"]
    assert not [line for line in lines if line.startswith("Goin' Fast")]
