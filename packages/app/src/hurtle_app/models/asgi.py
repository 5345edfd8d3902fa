"""Stand-ins for the asyncio transport and protocol when the app runs under ASGI.

``MockTransport`` answers ``get_extra_info`` from the ASGI scope (so ``ConnInfo`` and
``request.ip`` work unchanged) and ``get_protocol()`` returns a ``MockProtocol`` whose
``websocket_handshake`` accepts the ASGI websocket and returns an ``ASGIWebsocket``,
the same interface the HTTP core's websocket offers.
"""

from __future__ import annotations

import asyncio
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Mapping,
    MutableMapping,
    Sequence,
)
from typing import Any

from websockets.exceptions import (
    ConnectionClosed,
    ConnectionClosedError,
    ConnectionClosedOK,
    NegotiationError,
)
from websockets.frames import Close, Frame, Opcode
from websockets.server import ServerProtocol
from websockets.typing import Subprotocol

from hurtle_http.exceptions import BadRequest, SanicException
from hurtle_http.websocket import control_payload
from hurtle_http.websocket_errors import PING_AFTER_CLOSE, SEND_AFTER_CLOSE, use_after_close

ASGIScope = MutableMapping[str, Any]
ASGIMessage = MutableMapping[str, Any]
ASGIReceive = Callable[[], Awaitable[ASGIMessage]]
ASGISend = Callable[[ASGIMessage], Awaitable[None]]
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

    def _closed_exception(self) -> ConnectionClosed:
        return _closed(self.close_code or 1000, self.close_reason or "")

    @property
    def connection_closed(self) -> bool:
        """Whether the connection is closed (by either side)."""
        return self._closed

    async def recv(self, timeout: float | None = None) -> Data | None:
        """The next message (``str`` or ``bytes``); ``None`` if ``timeout`` passes first.

        Raises ``websockets.ConnectionClosed`` once the client has gone away.
        """
        if self._closed:
            raise self._closed_exception()
        try:
            message = await asyncio.wait_for(self._receive(), timeout=timeout)
        except TimeoutError:
            return None
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
        elif isinstance(data, Mapping):
            raise TypeError("data is a dict-like object")
        elif isinstance(data, Iterable):
            raise NotImplementedError("Fragmented websocket messages are not supported.")
        else:
            raise TypeError("Websocket data must be bytes, str.")

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
        as when Hurtle serves the socket)."""
        control_payload(data)

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Close the websocket (idempotent)."""
        if self._closed:
            return
        # An invalid code (999, 1005, 5000...) or a reason over 123 bytes raises the
        # websocket library's ProtocolError and leaves the connection open, as when
        # Hurtle or Sanic serve the socket; the ASGI server failed such a close (the
        # client saw 1006) and the handler was not told.
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
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[Data]:
        try:
            while True:
                message = await self.recv()
                if message is not None:
                    yield message
        except ConnectionClosedOK:
            return


class MockProtocol:
    """What ``request.transport.get_protocol()`` returns under ASGI."""

    def __init__(self, transport: MockTransport, loop: Any = None) -> None:
        self.transport = transport
        self.loop = loop
        self._not_paused = asyncio.Event()
        self._not_paused.set()
        self._complete = asyncio.Event()

    def pause_writing(self) -> None:
        """Hold writers until ``resume_writing``."""
        self._not_paused.clear()

    def resume_writing(self) -> None:
        """Let writers continue."""
        self._not_paused.set()

    async def complete(self) -> None:
        """End the response body (an empty last ``http.response.body``), as Sanic's."""
        self._not_paused.set()
        if not self._complete.is_set():
            self._complete.set()
            await self.transport.send({"type": "http.response.body", "body": b"", "more_body": False})

    @property
    def is_complete(self) -> bool:
        """Whether ``complete()`` ended the body (an attribute, as Sanic's)."""
        return self._complete.is_set()

    async def push_data(self, data: bytes) -> None:
        """Send body bytes as an ASGI ``http.response.body`` message."""
        if not self.is_complete:
            await self.transport.send(
                {"type": "http.response.body", "body": data, "more_body": True}
            )

    async def drain(self) -> None:
        """Wait while writing is paused."""
        await self._not_paused.wait()

    async def websocket_handshake(
        self, request: Any, subprotocols: Sequence[str] | None = None
    ) -> ASGIWebsocket:
        """Accept the ASGI websocket (choosing a subprotocol) and return it."""
        if self.transport.scope.get("type") != "websocket":
            # A plain HTTP request on a websocket route: 400, as Sanic answers under ASGI.
            raise BadRequest("Improper websocket connection.")
        config = getattr(getattr(request, "app", None), "config", None)
        limit = getattr(config, "WEBSOCKET_MAX_SIZE", None)
        return await self.transport.accept_websocket(subprotocols, limit)


def _choose_subprotocol(route: Sequence[str] | None, offered: Sequence[str]) -> str | None:
    """The route's first subprotocol the client offered, chosen by the websocket library
    as for a socket Hurtle serves; a ``SanicException`` 400 with the library's reason when
    the route has some and the client offered none of them."""
    if not route:
        return None
    library = ServerProtocol(subprotocols=[Subprotocol(name) for name in route])
    try:
        return library.select_subprotocol([Subprotocol(name) for name in offered])
    except NegotiationError as error:
        raise SanicException(
            f"Failed to open a WebSocket connection: {error}.\n", status_code=400
        ) from None


def _address(pair: Sequence[Any]) -> tuple[Any, ...]:
    """``(host, port)`` from a scope's ``client``/``server``, the port an ``int`` as the
    spec says (granian sends it as a string: ``request.port`` would be ``"5000"``)."""
    address = tuple(pair)
    if len(address) == 2 and isinstance(address[1], str) and address[1].isascii() and address[1].isdigit():
        return (address[0], int(address[1]))
    return address


class MockTransport:
    """The request's ``transport`` under ASGI: scope-based extra info, send and receive."""

    def __init__(self, scope: ASGIScope, receive: ASGIReceive, send: ASGISend) -> None:
        self.scope = scope
        self._receive = receive
        self._send = send
        self._protocol: MockProtocol | None = None
        self._websocket: ASGIWebsocket | None = None
        self._closing = False

    def get_protocol(self) -> MockProtocol:
        """The (single) ``MockProtocol`` of this exchange."""
        if self._protocol is None:
            self._protocol = MockProtocol(self)
        return self._protocol

    def get_extra_info(self, info: str, default: Any = None) -> Any:
        """``peername``/``sockname`` from the scope's client/server; ``sslcontext`` flag."""
        if info == "peername":
            client = self.scope.get("client")
            return _address(client) if client else default
        if info == "sockname":
            server = self.scope.get("server")
            return _address(server) if server else default
        if info == "sslcontext":
            return True if self.scope.get("scheme") in ("https", "wss") else default
        return default

    def is_closing(self) -> bool:
        """Whether ``close()`` was called."""
        return self._closing

    def close(self) -> None:
        """Mark the transport closed (the ASGI server owns the real connection)."""
        self._closing = True

    def get_websocket_connection(self) -> ASGIWebsocket:
        """The exchange's websocket (after ``accept_websocket`` or
        ``create_websocket_connection``); ``BadRequest`` before, as Sanic's."""
        if self._websocket is None:
            raise BadRequest("Improper websocket connection.")
        return self._websocket

    def create_websocket_connection(self, send: ASGISend, receive: ASGIReceive) -> WebSocketConnection:
        """A ``WebSocketConnection`` over ``send``/``receive`` offering the scope's
        subprotocols, kept as this exchange's websocket (not accepted yet)."""
        connection = WebSocketConnection(send, receive, self.scope.get("subprotocols") or ())
        self._websocket = connection
        return connection

    async def accept_websocket(
        self, subprotocols: Sequence[str] | None = None, max_size: int | None = None
    ) -> ASGIWebsocket:
        """Send ``websocket.accept``, choosing the route's first subprotocol the client offers.

        The route's order decides (as when Hurtle serves the websocket itself, and as Sanic).
        A route with subprotocols refuses a client offering none of them with the 400 the
        websocket library gives when Hurtle or Sanic serve the socket (Sanic's ASGI mode
        accepted it without one).
        """
        offered = [p for p in self.scope.get("subprotocols", ()) or ()]
        chosen = _choose_subprotocol(subprotocols, offered)
        message: dict[str, Any] = {"type": "websocket.accept"}
        if chosen:
            message["subprotocol"] = chosen
        await self._send(message)
        self._websocket = ASGIWebsocket(self._send, self._receive, chosen, max_size)
        return self._websocket

    async def send(self, data: ASGIMessage) -> None:
        """Send one ASGI message."""
        await self._send(data)

    async def receive(self) -> ASGIMessage:
        """Receive one ASGI message."""
        return await self._receive()


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


__all__ = ["ASGIWebsocket", "MockProtocol", "MockTransport", "WebSocketConnection"]
