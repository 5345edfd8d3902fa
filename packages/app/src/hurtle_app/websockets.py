"""Websocket routes: upgrade the connection, run ``handler(request, ws, **params)``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


class WebsocketHandler:
    """The route handler of a websocket route (wraps the user's handler)."""

    def __init__(
        self, app: Any, handler: Callable[..., Any], subprotocols: list[str] | None
    ) -> None:
        self.app = app
        self.handler = handler
        self.subprotocols = subprotocols
        self.__name__ = getattr(handler, "__name__", "websocket")
        self.view_class = getattr(handler, "view_class", None)

    async def __call__(self, request: Any, *args: Any, **kwargs: Any) -> None:
        """Do the handshake, run the handler, close the websocket when it returns."""
        from websockets.exceptions import ConnectionClosed

        protocol = request.transport.get_protocol()
        ws = await protocol.websocket_handshake(request, self.subprotocols)
        task = asyncio.ensure_future(self.handler(request, ws, *args, **kwargs))
        self.app.websocket_tasks.add(task)
        try:
            await task
        except (asyncio.CancelledError, ConnectionClosed):
            pass
        finally:
            self.app.websocket_tasks.discard(task)
            await ws.close()


__all__ = ["WebsocketHandler"]
