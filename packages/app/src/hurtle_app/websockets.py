"""Websocket routes: upgrade the connection, run ``handler(request, ws, **params)``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from hurtle_http.exceptions import WebsocketClosed

websockets_logger = logging.getLogger("sanic.websockets")


class WebsocketHandler(partial):  # type: ignore[type-arg]
    # The route handler of a websocket route: ``app._websocket_handler`` bound to the
    # user's handler, as a ``functools.partial`` (plugins such as sanic-ext unwrap it by
    # comparing ``.func`` with ``app._websocket_handler`` and reading ``.args[0]``).
    # Its docstring is partial's, as Sanic's handler is a plain partial: sanic-ext's
    # OpenAPI shows a route handler's docstring as the operation's summary.
    __doc__ = partial.__doc__
    # Set per instance by __new__.
    __name__: str

    def __new__(
        cls, app: Any, handler: Callable[..., Any], subprotocols: list[str] | None
    ) -> WebsocketHandler:
        self = super().__new__(cls, app._websocket_handler, handler, subprotocols=subprotocols)
        # No ``view_class``, even for a class-based view's handler, as Sanic's partial:
        # plugins take ``hasattr(handler, "view_class")`` to mean an HTTP view (sanic-ext's
        # OpenAPI does, and would document the websocket's methods as operations).
        self.__name__ = getattr(handler, "__name__", "websocket")
        return self

    @property
    def app(self) -> Any:
        """The app whose websocket entry point this calls."""
        bound: Any = self.func  # app._websocket_handler, a bound method
        return bound.__self__

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
    longer HTTP); a closed connection ends the handler quietly. An error of a
    ``websocket.handler.before`` or ``.exception`` handler is the request's: raised, once
    the websocket is closed, to the error handling (signals, error and report handlers;
    the error page is not sent on the websocket).
    """
    # Imported here, not at start-up: an app without websocket routes never loads the
    # ``websockets`` library (memory in every worker).
    from websockets.exceptions import ConnectionClosed

    protocol = request.transport.get_protocol()
    # The request and response timeouts stop here: a websocket lives as long as it likes.
    websockets_logger.debug("Handling websocket. Timeouts disabled.")
    ws = await protocol.websocket_handshake(request, subprotocols)
    events = getattr(app, "_signal_events", ())
    signals_sends = "http.lifecycle.send" in events
    if signals_sends:
        # As Sanic: the 101's http.lifecycle.send (dispatched in a task of its own) runs
        # before websocket.handler.before.
        await asyncio.sleep(0)
    context = {"request": request, "websocket": ws}
    task: asyncio.Future[Any] | None = None
    escaped: Exception | None = None  # a signal handler's error, for the error handling
    try:
        if "websocket.handler.before" in events:
            try:
                await app.dispatch("websocket.handler.before", inline=True, context=context)
            except Exception as exc:
                raise _SignalFailed(exc) from None
        task = asyncio.ensure_future(handler(request, ws, *args, **kwargs))
        app.websocket_tasks.add(task)
        _cancel_if_left_waiting(ws, task)
        await task
        if "websocket.handler.after" in events:
            await app.dispatch("websocket.handler.after", inline=True, context=context)
    except _SignalFailed as failed:
        escaped = failed.error
    except (asyncio.CancelledError, ConnectionClosed) as exc:
        if _written_after_own_close(exc, ws):
            # A send or ping made once the handler (or the server) had closed the
            # connection (Hurtle's WebsocketClosed is also a ConnectionClosed): signalled
            # as in Sanic, where it is only Sanic's error (quiet: logged only with
            # NOISY_EXCEPTIONS).
            escaped = await _handler_failed(app, request, exc, context, events)
    except Exception as exc:
        if not _only_closed(exc, ConnectionClosed):
            escaped = await _handler_failed(app, request, exc, context, events)
    finally:
        if task is not None:
            app.websocket_tasks.discard(task)
            # (the Task keeps its error, whose traceback holds this frame: without this,
            # a cycle that kept the connection for the cyclic collector)
            task = None
        await ws.close()
        if signals_sends:
            # (and the close frame's before http.handler.after, as in Sanic)
            await asyncio.sleep(0)
    if escaped is not None:
        raise escaped


class _SignalFailed(Exception):
    """A ``websocket.handler.before`` handler's error, carried past the handler's own."""

    def __init__(self, error: Exception) -> None:
        super().__init__(error)
        self.error = error


def _written_after_own_close(exc: BaseException, ws: Any) -> bool:
    """A ``WebsocketClosed`` that Sanic signals: not a ``recv`` after the close, nor any
    call once the peer had ended the connection (a client that left is no error: Sanic
    ends such a handler, by cancelling it, without a signal)."""
    if not isinstance(exc, WebsocketClosed):
        return False
    # (imported here: the module imports the websockets library, which an app without
    # websockets never loads; see sanic's test_startup_imports)
    from hurtle_http.websocket_errors import is_recv_after_close

    return not is_recv_after_close(exc) and not getattr(ws, "ended_by_peer", False)


def _cancel_if_left_waiting(ws: Any, task: asyncio.Future[Any]) -> None:
    """Leave no handler waiting for ever once its peer has gone, without turning the end
    into a ``CancelledError`` where a websocket call can report it (issue 5: the handler
    gets ``ConnectionClosed``, where Sanic cancels it).

    - A handler in a websocket call (``recv``, ``send``, a ping), or waiting through
      ``asyncio.wait_for``/``gather``/a ``TaskGroup`` on a task in one, gets the
      ``ConnectionClosed`` that call raises.
    - A handler awaiting ``asyncio.gather(reader(), writer())`` gets the reader's
      ``ConnectionClosed``, and the children still waiting elsewhere (the writer on a
      queue) are cancelled then: they would run on, owned by nobody, for the life of the
      worker. (A ``TaskGroup`` cancels them itself; its ``ExceptionGroup`` of
      ``ConnectionClosed`` ends the handler quietly, see ``run_websocket``.)
    - A handler that still waits on something else (a sleep, a queue) a few loop turns
      after the peer's close frame, its EOF or the connection's loss is cancelled, as in
      Sanic: nothing would ever wake it."""
    lost = getattr(ws, "connection_lost_waiter", None)
    on_peer_gone = getattr(ws, "on_peer_gone", None)
    owns = getattr(ws, "owns_waiter", None)
    if lost is None or on_peer_gone is None or owns is None:
        return
    loop = lost.get_loop()

    def waiting_elsewhere() -> Any:
        # (the future the Task waits on; a Task implementation without this attribute is
        # left alone)
        if task.done():
            return None
        waiting_on = getattr(task, "_fut_waiter", None)
        if waiting_on is None or waiting_on.done() or owns(waiting_on):
            return None
        return waiting_on

    def cancel_if_still(waited: Any) -> None:
        # Cancel the handler if it still waits on what it waited on when the peer went (a
        # sleep, a queue...): it did not move on, nothing will wake it. A wait that the
        # websocket's end completes (through wait_for, gather, a TaskGroup) is done by
        # then and the handler has its ConnectionClosed; a clean-up it began since is left
        # alone (checked again at the connection's loss, as it always was).
        if waited is not None and waiting_elsewhere() is waited:
            task.cancel()

    def check_later(turns: int, waited: Any) -> None:
        _after_turns(loop, turns, cancel_if_still, waited)

    def on_gone() -> None:
        waiting_on = waiting_elsewhere()
        children = getattr(waiting_on, "_children", None)  # (asyncio.gather's future)
        if children is not None:
            waiting_on.add_done_callback(lambda _: _cancel_pending(children))
        check_later(_GONE_CHECK_TURNS, waiting_on)

    on_peer_gone(on_gone)
    # (once more at the loss, for a handler that began to wait after the peer's close
    # frame or EOF)
    lost.add_done_callback(lambda _: check_later(_GONE_CHECK_TURNS, waiting_elsewhere()))


def _after_turns(
    loop: asyncio.AbstractEventLoop, turns: int, callback: Callable[[Any], None], arg: Any
) -> None:
    """``callback(arg)`` after ``turns`` turns of the loop. (A module function: a closure
    that scheduled itself was a cycle through its own cell, which kept the handler's Task,
    its websocket and connection for the cyclic collector.)"""
    if turns:
        loop.call_soon(_after_turns, loop, turns - 1, callback, arg)
    else:
        callback(arg)


# Loop turns for the websocket's end to reach a handler through wait_for(), gather() or a
# TaskGroup (one or two each) before a handler still waiting elsewhere is cancelled.
_GONE_CHECK_TURNS = 8


def _cancel_pending(children: Any) -> None:
    for child in children:
        if not child.done():
            child.cancel()


def _only_closed(error: BaseException, closed: type[BaseException]) -> bool:
    """Whether ``error`` is an exception group of ``closed`` errors alone (a TaskGroup's
    reader and writer ended by the peer's going)."""
    split = getattr(error, "split", None)
    return split is not None and split(closed)[1] is None


async def _handler_failed(
    app: Any, request: Any, exc: BaseException, context: dict[str, Any], events: Any
) -> Exception | None:
    """Log the handler's error and signal it; returns the error a
    ``websocket.handler.exception`` handler raised, if one did."""
    from websockets.exceptions import ConnectionClosed

    app.error_handler.log(request, exc)
    if "websocket.handler.exception" not in events:
        return None
    try:
        await app.dispatch(
            "websocket.handler.exception", inline=True, context={**context, "exception": exc}
        )
    except (asyncio.CancelledError, ConnectionClosed):
        pass
    except Exception as error:
        return error
    return None


__all__ = ["WebsocketHandler", "run_websocket"]
