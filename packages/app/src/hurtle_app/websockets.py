"""Websocket routes: upgrade the connection, run ``handler(request, ws, **params)``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

websockets_logger = logging.getLogger("sanic.websockets")


class WebsocketHandler(partial):  # type: ignore[type-arg]
    """The route handler of a websocket route: ``app._websocket_handler`` bound to the
    user's handler, as a ``functools.partial`` (plugins such as sanic-ext unwrap it by
    comparing ``.func`` with ``app._websocket_handler`` and reading ``.args[0]``)."""

    def __new__(
        cls, app: Any, handler: Callable[..., Any], subprotocols: list[str] | None
    ) -> WebsocketHandler:
        self = super().__new__(cls, app._websocket_handler, handler, subprotocols=subprotocols)
        self.__name__ = getattr(handler, "__name__", "websocket")
        self.view_class = getattr(handler, "view_class", None)
        return self

    @property
    def app(self) -> Any:
        """The app whose websocket entry point this calls."""
        return self.func.__self__

    @property
    def handler(self) -> Callable[..., Any]:
        """The user's websocket handler."""
        return self.args[0]

    @property
    def subprotocols(self) -> list[str] | None:
        """The subprotocols the route accepts."""
        return self.keywords.get("subprotocols")


async def run_websocket(
    app: Any,
    handler: Callable[..., Any],
    request: Any,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    subprotocols: list[str] | None,
) -> None:
    """Do the handshake, run the handler, close the websocket when it returns."""
    from websockets.exceptions import ConnectionClosed

    protocol = request.transport.get_protocol()
    # The request and response timeouts stop here: a websocket lives as long as it likes.
    websockets_logger.debug("Handling websocket. Timeouts disabled.")
    ws = await protocol.websocket_handshake(request, subprotocols)
    task = asyncio.ensure_future(handler(request, ws, *args, **kwargs))
    app.websocket_tasks.add(task)
    try:
        await task
    except (asyncio.CancelledError, ConnectionClosed):
        pass
    finally:
        app.websocket_tasks.discard(task)
        await ws.close()


__all__ = ["WebsocketHandler", "run_websocket"]
