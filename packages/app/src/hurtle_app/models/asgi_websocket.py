"""Websockets served through ASGI messages (``ASGIWebsocket``, ``WebSocketConnection``).

Separate from the transport stand-ins so that the ``websockets`` library, whose exceptions
these raise, is loaded only when an ASGI websocket is accepted: an app without websockets
never pays for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any

from websockets.exceptions import ConnectionClosed, ConnectionClosedError, ConnectionClosedOK
from websockets.frames import Close, Frame, Opcode

from hurtle_app.models.asgi import ASGIMessage, ASGIReceive, ASGISend
from hurtle_http.exceptions import ServerError
from hurtle_http.websocket import control_payload, iterate_messages, refuse_message
from hurtle_http.websocket_errors import (
    PING_AFTER_CLOSE,
    RECV_WHILE_WAITING,
    SEND_AFTER_CLOSE,
    recv_after_close,
    use_after_close,
)

Data = str | bytes


def _closed(code: int, reason: str = "") -> ConnectionClosed:
    close = Close(code, reason)
    if code in (1000, 1001):
        return ConnectionClosedOK(close, None)
    return ConnectionClosedError(close, None)  # as websockets: any other code is an error


class ASGIWebsocket:
    """A websocket served through ASGI messages: ``recv``/``send``/``close``/``async for``."""

    def __init__(
        self,
        send: ASGISend,
        receive: ASGIReceive,
        subprotocol: str | None = None,
        max_size: int | None = None,
    ):
        self._send = send
        self._receive = receive
        self.subprotocol = subprotocol
        self.max_size = max_size
        self.close_code: int | None = None
        self.close_reason: str | None = None
        self._closed = False
        self._receiving = False

    def _closed_exception(self) -> ConnectionClosed:
        return _closed(self.close_code or 1000, self.close_reason or "")

    @property
    def connection_closed(self) -> bool:
        """Whether the connection is closed (by either side)."""
        return self._closed

    async def recv(self, timeout: float | None = None) -> Data | None:
        """The next message (``str`` or ``bytes``); ``None`` if ``timeout`` passes first.

        Raises ``websockets.ConnectionClosed`` once the client has gone away (called after
        that: Sanic's ``WebsocketClosed``, also a ``ConnectionClosed``, as when Hurtle
        serves the socket).
        """
        if self._closed:
            raise recv_after_close(self._closed_exception())
        if self._receiving:
            # As when Hurtle or Sanic serve the socket: one reader at a time (two would
            # race for the server's messages, each getting some).
            raise ServerError(RECV_WHILE_WAITING)
        self._receiving = True
        try:
            message = await asyncio.wait_for(self._receive(), timeout=timeout)
        except TimeoutError:
            return None
        finally:
            self._receiving = False
        kind = message.get("type")
        if kind == "websocket.receive":
            text = message.get("text")
            data = text if text is not None else message.get("bytes") or b""
            limit = self.max_size
            # PERF: a text of n characters is n to 4n bytes: encoded only when that decides.
            if limit is not None and (len(data) > limit or (text is not None and len(text) * 4 > limit)):
                size = len(text.encode("utf-8", "surrogatepass")) if text is not None else len(data)
                if size > limit:
                    # WEBSOCKET_MAX_SIZE (bytes) holds under ASGI too: 1009 (RFC 6455
                    # 7.4.1), with the reason the websocket library gives on the socket
                    # (the server hands over whole messages: one frame as far as we know).
                    reason = f"frame with {size} bytes exceeds limit of {limit} bytes"
                    await self.close(1009, reason)
                    raise _closed(1009, reason)
            return data
        if kind == "websocket.disconnect":
            self._closed = True
            self.close_code = int(message.get("code", 1000))
            self.close_reason = str(message.get("reason", "") or "")
            raise _closed(self.close_code, self.close_reason)
        return None

    async def recv_burst(self, max_recv: int = 256) -> Sequence[Data]:
        """Up to ``max_recv`` messages that are ready now (at least one)."""
        first = await self.recv()
        return [first] if first is not None else []

    async def recv_streaming(self) -> AsyncIterator[Data]:
        """The next message, as a one-piece stream (ASGI delivers whole messages)."""
        message = await self.recv()
        if message is not None:
            yield message

    async def send(self, data: Data | Iterable[Data], *args: Any, **kwargs: Any) -> None:
        """Send a text (``str``) or binary (``bytes``) message (other types are refused
        as when Hurtle serves: a mapping or another type ``TypeError``, an iterable of
        fragments ``NotImplementedError``). As Sanic's ASGI websocket, the message is
        ``data`` by name, and further arguments are accepted and unused."""
        if self._closed:
            # As when Hurtle serves the socket: WebsocketClosed, also a ConnectionClosed.
            raise use_after_close(SEND_AFTER_CLOSE, self._closed_exception())
        if isinstance(data, str):
            await self._send_message({"type": "websocket.send", "text": data})
        elif isinstance(data, (bytes, bytearray, memoryview)):
            await self._send_message({"type": "websocket.send", "bytes": bytes(data)})
        else:
            refuse_message(data)

    async def _send_message(self, message: ASGIMessage) -> None:
        try:
            await self._send(message)
        except OSError:
            # The ASGI server's word for a client that has gone (uvicorn's
            # ClientDisconnected): websockets' ConnectionClosed, 1006 (RFC 6455 section
            # 7.1.5), as when Hurtle serves the socket, so the handler ends quietly.
            self._closed = True
            self.close_code, self.close_reason = 1006, ""
            raise _closed(1006) from None

    async def ping(self, data: Data | None = None) -> asyncio.Future[None]:
        """ASGI servers handle pings themselves: returns an already-resolved future
        (after the same checks as when Hurtle serves the socket)."""
        if data is not None:
            control_payload(data)
        if self._closed:
            raise use_after_close(PING_AFTER_CLOSE, self._closed_exception())
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        future.set_result(None)
        return future

    async def pong(self, data: Data = b"") -> None:
        """ASGI servers answer pings themselves; nothing to send (the payload is checked
        as when Hurtle serves the socket: not once the websocket is closed)."""
        if not self._closed:
            control_payload(data)

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Close the websocket (idempotent)."""
        if self._closed:
            return
        # An invalid code (999, 1005, 5000...) or a reason over 123 bytes raises the
        # websocket library's ProtocolError and leaves the connection open, as when
        # Hurtle or Sanic serve the socket; the ASGI server failed such a close (the
        # client saw 1006) and the handler was not told.
        if code == 1006:
            # Abnormal closure, which no close frame may carry (RFC 6455 7.4.1): the
            # connection ends without one, as ``close(1006)`` does when Hurtle or Sanic
            # serve the socket. ASGI has no message for that: nothing more is sent, and
            # the server drops the connection once the handler returns.
            self._closed = True
            self.close_code, self.close_reason = code, reason
            return
        Frame(Opcode.CLOSE, Close(code, reason).serialize()).check()
        self._closed = True
        self.close_code, self.close_reason = code, reason
        try:
            await self._send({"type": "websocket.close", "code": code, "reason": reason})
        except Exception:
            return

    async def wait_for_connection_lost(self, timeout: float | None = None) -> bool:
        """Whether the connection closed (ASGI reports it through ``recv``)."""
        return self._closed

    def __aiter__(self) -> AsyncIterator[Data]:
        return iterate_messages(self)


class WebSocketConnection(ASGIWebsocket):
    """Sanic's name for an ASGI websocket (``sanic.server.websockets.connection``), built
    with the subprotocols the client offered; ``accept`` picks one and answers."""

    def __init__(
        self, send: ASGISend, receive: ASGIReceive, subprotocols: Sequence[str] | None = None
    ) -> None:
        super().__init__(send, receive)
        self.subprotocols = list(subprotocols or ())

    async def accept(self, subprotocols: Sequence[str] | None = None) -> None:
        """Send ``websocket.accept`` with the first of ``subprotocols`` the client offered
        (``None`` when there is none)."""
        chosen = next((p for p in subprotocols or () if p in self.subprotocols), None)
        self.subprotocol = chosen
        await self._send({"type": "websocket.accept", "subprotocol": chosen})

    async def receive(self, timeout: float | None = None) -> Data | None:
        """Sanic's name for ``recv``."""
        return await self.recv(timeout)


__all__ = ["ASGIWebsocket", "WebSocketConnection"]
