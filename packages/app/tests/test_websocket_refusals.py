"""A request to a websocket route that cannot be upgraded: the refusal names what the
client must send (RFC 9110 15.5.22, RFC 6455 4.2.2)."""

from __future__ import annotations

from hurtle_app import Sanic

UPGRADE = {
    "connection": "Upgrade",
    "upgrade": "websocket",
    "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
}


def _ws_app(app: Sanic) -> None:
    @app.websocket("/ws")
    async def ws(request, ws):
        await ws.send("hi")


async def test_a_426_names_the_protocol_to_upgrade_to(app: Sanic, call) -> None:
    # MUST send Upgrade in a 426 (Sanic sends none).
    _ws_app(app)
    sent = await call("GET", "/ws")
    assert sent.status == 426 and sent.headers["upgrade"] == "websocket"


async def test_an_unknown_version_is_refused_with_the_version_spoken(app: Sanic, call) -> None:
    # RFC 6455 4.2.2: the refusal (a 426, with Upgrade) MUST carry Sec-WebSocket-Version
    # (Sanic: 400 without).
    _ws_app(app)
    sent = await call("GET", "/ws", {**UPGRADE, "sec-websocket-version": "8"})
    assert sent.status == 426 and sent.headers["sec-websocket-version"] == "13"
    assert sent.headers["upgrade"] == "websocket"
    assert "invalid Sec-WebSocket-Version header: 8" in sent.text
    other = await call("GET", "/ws", {**UPGRADE, "sec-websocket-key": "bad"})
    assert other.status == 400 and "sec-websocket-version" not in other.headers
