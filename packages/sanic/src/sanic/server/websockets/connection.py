"""``sanic.server.websockets.connection``: ``WebSocketConnection``, a websocket over ASGI
messages with Sanic's constructor ``(send, receive, subprotocols=None)``, ``accept()`` and
``receive()``; the rest (``recv``, ``send``, ``close``, ``async for``) is Hurtle's
``ASGIWebsocket``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hurtle_app.models.asgi import ASGIReceive, ASGISend, ASGIWebsocket
from hurtle_http.exceptions import InvalidUsage as InvalidUsage


class WebSocketConnection(ASGIWebsocket):
    """The websocket of one ASGI connection; ``subprotocols`` are those the client offered."""

    def __init__(self, send: ASGISend, receive: ASGIReceive,
                 subprotocols: list[str] | None = None) -> None:
        super().__init__(send, receive)
        self.subprotocols = list(subprotocols or [])

    async def accept(self, subprotocols: Sequence[str] | None = None) -> None:
        """Send ``websocket.accept`` with the first of ``subprotocols`` the client offered
        (``subprotocol`` is None when there is none)."""
        chosen = next((p for p in subprotocols or () if p in self.subprotocols), None)
        self.subprotocol = chosen
        await self._send({"type": "websocket.accept", "subprotocol": chosen})

    async def receive(self, *args: Any, **kwargs: Any) -> Any:
        """The next message's text or bytes (Sanic's name for ``recv``)."""
        return await self.recv(*args, **kwargs)


__all__ = ["WebSocketConnection"]
