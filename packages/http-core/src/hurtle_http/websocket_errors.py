"""What a websocket handler's ``send``/``ping``/``recv`` raise on a connection that is closed.

Sanic code catches ``sanic.exceptions.WebsocketClosed`` there; code written for the
``websockets`` library catches ``ConnectionClosed`` (``ConnectionClosedOK`` for a normal
close). The exception raised is both, so either ``except`` clause works; it carries the
close frames (``rcvd``/``sent``) as ``ConnectionClosed`` does and Sanic's message.
"""

from __future__ import annotations

from typing import cast

from websockets.exceptions import ConnectionClosed, ConnectionClosedError, ConnectionClosedOK

from hurtle_http.exceptions import WebsocketClosed

SEND_AFTER_CLOSE = "Cannot write to websocket interface after it is closed."
PING_AFTER_CLOSE = "Cannot send a ping when the websocket interface is closed."
RECV_AFTER_CLOSE = "Cannot receive from websocket interface after it is closed."
#: A second ``recv`` while one is waiting (a ``ServerError``, as Sanic: the websockets
#: library's rule and message).
RECV_WHILE_WAITING = "cannot call recv while another task is already waiting for the next message"


class _UseAfterClose(WebsocketClosed):
    #: Raised by a ``recv`` (not a ``send`` or ping): the app reads this, never the
    #: message text, to end a handler's own close quietly, as Sanic does.
    from_recv = False

    # The ConnectionClosed class comes first in the subclasses' MRO, so that
    # SanicException.__init__'s super() call reaches Exception, not ConnectionClosed.
    def __init__(self, message: str, closed: ConnectionClosed) -> None:
        WebsocketClosed.__init__(self, message)
        # (a mixin: each subclass is also a ConnectionClosed)
        ConnectionClosed.__init__(
            cast(ConnectionClosed, self), closed.rcvd, closed.sent, closed.rcvd_then_sent
        )

    def __str__(self) -> str:
        return str(self.message)


class WebsocketClosedOK(ConnectionClosedOK, _UseAfterClose):
    """Use of a websocket closed normally (``WebsocketClosed`` and ``ConnectionClosedOK``)."""

    __init__ = _UseAfterClose.__init__
    __str__ = _UseAfterClose.__str__


class WebsocketClosedError(ConnectionClosedError, _UseAfterClose):
    """Use of a websocket closed by an error (``WebsocketClosed`` and ``ConnectionClosedError``)."""

    __init__ = _UseAfterClose.__init__
    __str__ = _UseAfterClose.__str__


def use_after_close(message: str, closed: ConnectionClosed) -> _UseAfterClose:
    """The exception for using a websocket whose closing ``closed`` describes."""
    cls = WebsocketClosedOK if isinstance(closed, ConnectionClosedOK) else WebsocketClosedError
    return cls(message, closed)


def recv_after_close(closed: ConnectionClosed) -> WebsocketClosed:
    """The exception for a ``recv`` on a websocket whose closing ``closed`` describes
    (its ``from_recv`` is true)."""
    exc = use_after_close(RECV_AFTER_CLOSE, closed)
    exc.from_recv = True
    return exc


def is_recv_after_close(exc: BaseException) -> bool:
    """Whether ``exc`` is what a ``recv`` on a closed websocket raised."""
    return getattr(exc, "from_recv", False) is True


__all__ = [
    "WebsocketClosedError",
    "WebsocketClosedOK",
    "is_recv_after_close",
    "recv_after_close",
    "use_after_close",
]
