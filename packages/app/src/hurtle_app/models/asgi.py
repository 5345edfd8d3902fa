"""Stand-ins for the asyncio transport and protocol when the app runs under ASGI.

``MockTransport`` answers ``get_extra_info`` from the ASGI scope (so ``ConnInfo`` and
``request.ip`` work unchanged) and ``get_protocol()`` returns a ``MockProtocol`` whose
``websocket_handshake`` accepts the ASGI websocket and returns an ``ASGIWebsocket``,
the same interface the HTTP core's websocket offers.
"""

from __future__ import annotations

import asyncio
from collections.abc import (
    Awaitable,
    Callable,
    MutableMapping,
    Sequence,
)
from typing import TYPE_CHECKING, Any

from hurtle_http.exceptions import BadRequest, SanicException

if TYPE_CHECKING:
    from hurtle_app.models.asgi_websocket import ASGIWebsocket, WebSocketConnection

ASGIScope = MutableMapping[str, Any]
ASGIMessage = MutableMapping[str, Any]
ASGIReceive = Callable[[], Awaitable[ASGIMessage]]
ASGISend = Callable[[ASGIMessage], Awaitable[None]]


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
    from websockets.exceptions import NegotiationError
    from websockets.server import ServerProtocol
    from websockets.typing import Subprotocol

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
        self._peer_gone = False

    def peer_gone(self) -> None:
        """The server reported the client's disconnect: ``is_closing()`` is True from now."""
        self._peer_gone = True

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
        """True once the server reported that the client left (``http.disconnect``), or
        a websocket of the exchange is closed (either side), as a served connection's
        transport says once its peer is gone; False before (the app cannot close the
        connection itself, see ``close()``). Handlers polling it in a streaming loop
        stop, and the request pipeline asks it when a send fails."""
        websocket = self._websocket
        return self._peer_gone or (websocket is not None and websocket.connection_closed)

    def close(self) -> None:
        """Not available under ASGI: the ASGI server owns the connection, and nothing the
        app can send closes it. As Sanic, this raises ``NotImplementedError`` rather than
        letting the app believe the connection was closed; its message says what to do."""
        raise NotImplementedError(
            "request.transport.close() is not available under ASGI: the ASGI server owns "
            "the connection. Return a response instead (with 'Connection: close' in its "
            "headers to end a kept-alive connection after it)."
        )

    def get_websocket_connection(self) -> ASGIWebsocket:
        """The exchange's websocket (after ``accept_websocket`` or
        ``create_websocket_connection``); ``BadRequest`` before, as Sanic's."""
        if self._websocket is None:
            raise BadRequest("Improper websocket connection.")
        return self._websocket

    def create_websocket_connection(self, send: ASGISend, receive: ASGIReceive) -> WebSocketConnection:
        """A ``WebSocketConnection`` over ``send``/``receive`` offering the scope's
        subprotocols, kept as this exchange's websocket (not accepted yet)."""
        from hurtle_app.models.asgi_websocket import WebSocketConnection

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
        from hurtle_app.models.asgi_websocket import WebSocketConnection

        # As in Sanic's ASGI mode, the handler's websocket is a ``WebSocketConnection``
        # (``receive()``, ``accept()`` and the offered ``subprotocols`` too).
        websocket = WebSocketConnection(self._send, self._receive, offered)
        websocket.subprotocol = chosen
        websocket.max_size = max_size
        self._websocket = websocket
        return websocket

    async def send(self, data: ASGIMessage) -> None:
        """Send one ASGI message."""
        await self._send(data)

    async def receive(self) -> ASGIMessage:
        """Receive one ASGI message."""
        return await self._receive()


def __getattr__(name: str) -> Any:
    # The websocket classes, imported on first use (they load the ``websockets`` library).
    if name in ("ASGIWebsocket", "WebSocketConnection"):
        from hurtle_app.models import asgi_websocket

        return getattr(asgi_websocket, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ASGIWebsocket", "MockProtocol", "MockTransport", "WebSocketConnection"]
