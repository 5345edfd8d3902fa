"""Websocket routes: upgrade the connection, run ``handler(request, ws, **params)``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

websockets_logger = logging.getLogger("sanic.websockets")


class WebsocketHandler(partial):  # type: ignore[type-arg]
    # The route handler of a websocket route: ``app._websocket_handler`` bound to the
    # user's handler, as a ``functools.partial`` (plugins such as sanic-ext unwrap it by
    # comparing ``.func`` with ``app._websocket_handler`` and reading ``.args[0]``).
    # Its docstring is partial's, as Sanic's handler is a plain partial: sanic-ext's
    # OpenAPI shows a route handler's docstring as the operation's summary.
    __doc__ = partial.__doc__

    def __new__(
        cls, app: Any, handler: Callable[..., Any], subprotocols: list[str] | None
    ) -> WebsocketHandler:
        self = super().__new__(cls, app._websocket_handler, handler, subprotocols=subprotocols)
        self.__name__ = getattr(handler, "__name__", "websocket")
        view_class = getattr(handler, "view_class", None)
        if view_class is not None:
            # Only a class-based view's handler has one (as Sanic's partial: plugins take
            # ``hasattr(handler, "view_class")`` to mean a view, sanic-ext's OpenAPI does).
            self.view_class = view_class
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
    """Do the handshake, run the handler, close the websocket when it returns.

    As Sanic: the ``websocket.handler.before``/``after`` signals run around the handler
    (``after`` only when it returns), and an error it raises is logged and goes to
    ``websocket.handler.exception``, not to the error handlers (the connection is no
    longer HTTP); a closed connection ends the handler quietly.
    """
    # Imported here, not at start-up: an app without websocket routes never loads the
    # ``websockets`` library (memory in every worker).
    from websockets.exceptions import ConnectionClosed

    protocol = request.transport.get_protocol()
    # The request and response timeouts stop here: a websocket lives as long as it likes.
    websockets_logger.debug("Handling websocket. Timeouts disabled.")
    ws = await protocol.websocket_handshake(request, subprotocols)
    events = getattr(app, "_signal_events", ())
    context = {"request": request, "websocket": ws}
    task: asyncio.Future[Any] | None = None
    try:
        if "websocket.handler.before" in events:
            await app.dispatch("websocket.handler.before", inline=True, context=context)
        task = asyncio.ensure_future(handler(request, ws, *args, **kwargs))
        app.websocket_tasks.add(task)
        _cancel_if_left_waiting(ws, task)
        await task
        if "websocket.handler.after" in events:
            await app.dispatch("websocket.handler.after", inline=True, context=context)
    except (asyncio.CancelledError, ConnectionClosed):
        pass
    except Exception as exc:
        await _handler_failed(app, request, exc, context, events)
    finally:
        if task is not None:
            app.websocket_tasks.discard(task)
        await ws.close()


def _cancel_if_left_waiting(ws: Any, task: asyncio.Future[Any]) -> None:
    """Cancel the handler when the peer goes (its close frame, its EOF, the connection's
    loss) while the handler waits on something other than the websocket, as Sanic does:
    nothing would ever wake it, and its Task (and whatever it holds) stayed for the life
    of the worker, per connection. A handler in a websocket call (``recv``, ``send``...)
    is woken by the end and gets ``ConnectionClosed`` from it instead, as before.

    The check runs before the end wakes a ``recv``, so a handler awaiting
    ``asyncio.gather(reader(), writer())`` or a ``TaskGroup`` of them is cancelled, which
    cancels both (as Sanic's cancel at the peer's FIN does); checked later, the reader's
    ``ConnectionClosed`` ended the gather first and the writer ran on unowned (a
    ``TaskGroup`` raised an ``ExceptionGroup``, logged as the handler's error)."""
    lost = getattr(ws, "connection_lost_waiter", None)
    on_peer_gone = getattr(ws, "on_peer_gone", None)
    owns = getattr(ws, "owns_waiter", None)
    if lost is None or on_peer_gone is None or owns is None:
        return

    def on_gone(*_: Any) -> None:
        if task.done():
            return
        # (the future the Task waits on; a Task implementation without this attribute is
        # left alone)
        waiting_on = getattr(task, "_fut_waiter", None)
        if waiting_on is not None and not waiting_on.done() and not owns(waiting_on):
            task.cancel()

    on_peer_gone(on_gone)
    # Once more when the connection is lost (a loop turn after): the handler may not
    # have begun waiting when the peer went.
    lost.add_done_callback(on_gone)


async def _handler_failed(
    app: Any, request: Any, exc: Exception, context: dict[str, Any], events: Any
) -> None:
    from websockets.exceptions import ConnectionClosed

    app.error_handler.log(request, exc)
    if "websocket.handler.exception" not in events:
        return
    try:
        await app.dispatch(
            "websocket.handler.exception", inline=True, context={**context, "exception": exc}
        )
    except (asyncio.CancelledError, ConnectionClosed):
        pass
    except Exception:
        websockets_logger.exception("Exception occurred in a websocket.handler.exception signal")


__all__ = ["WebsocketHandler", "run_websocket"]
