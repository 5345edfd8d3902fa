"""What ``request.scheme`` and ``request.url`` say for a request carrying
``Upgrade: websocket``, with and without websockets on the app."""

from __future__ import annotations

from hurtle_app import Sanic
from hurtle_http.response import json

UPGRADE = {"upgrade": "websocket", "connection": "Upgrade"}


def _echo_app(app: Sanic) -> None:
    @app.get("/echo")
    async def echo(request):
        return json({"scheme": request.scheme, "url": request.url})


async def test_an_upgrade_header_on_an_app_without_websockets_is_plain_http(app, call) -> None:
    # As Sanic 25.12: the URL is ws:// only on an app that serves websockets; elsewhere
    # the request is a plain HTTP one (it was ws://example.com/echo).
    _echo_app(app)
    sent = await call("GET", "/echo", UPGRADE)
    assert sent.status == 200
    assert sent.text == '{"scheme":"http","url":"http://example.com/echo"}'


async def test_an_upgrade_header_on_an_app_with_websockets_names_ws(app, call) -> None:
    _echo_app(app)

    @app.websocket("/ws")
    async def ws(request, ws):
        pass

    sent = await call("GET", "/echo", UPGRADE)
    assert sent.text == '{"scheme":"ws","url":"ws://example.com/echo"}'
    plain = await call("GET", "/echo")
    assert plain.text == '{"scheme":"http","url":"http://example.com/echo"}'


async def test_enable_websocket_names_ws_too(app: Sanic, call) -> None:
    app.enable_websocket()
    _echo_app(app)
    sent = await call("GET", "/echo", UPGRADE)
    assert sent.text == '{"scheme":"ws","url":"ws://example.com/echo"}'
