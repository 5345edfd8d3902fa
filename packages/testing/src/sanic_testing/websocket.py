"""Client side of the websocket test calls: a recording proxy over a connection."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from typing import Any

__all__ = ["WebsocketProxy", "websocket_proxy"]

Mimic = Callable[..., Awaitable[Any]]


class WebsocketProxy:
    """Wraps a client websocket connection and records what went each way.

    The ``mimic`` coroutine of a ``websocket()`` test call receives this object and talks to
    the server through ``send``/``recv`` (or ``async for``); any other attribute is the
    underlying connection's.  After the call, ``server_received`` lists what the client
    sent and ``server_sent`` what it received.
    """

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.opened = ws is not None
        self.client_received: list[Any] = []
        self.client_sent: list[Any] = []

    @property
    def server_received(self) -> list[Any]:
        """Messages the server received (those this client sent)."""
        return self.client_sent

    @property
    def server_sent(self) -> list[Any]:
        """Messages the server sent (those this client received)."""
        return self.client_received

    # The names of the connection sanic-testing hands to a mimic (websockets' legacy
    # client), which this library's current client spells differently.
    @property
    def open(self) -> bool:
        """Whether the connection is open (messages can be sent)."""
        from websockets.protocol import State

        return self.ws.state is State.OPEN

    @property
    def closed(self) -> bool:
        """Whether the connection is closed (the closing handshake is over)."""
        from websockets.protocol import State

        return self.ws.state is State.CLOSED

    @property
    def path(self) -> str:
        """The request target of the opening handshake."""
        return self.ws.request.path

    @property
    def request_headers(self) -> Any:
        """The headers of the opening handshake's request."""
        return self.ws.request.headers

    @property
    def response_headers(self) -> Any:
        """The headers of the server's handshake response."""
        return self.ws.response.headers

    async def send(self, message: Any) -> None:
        """Send a text (``str``) or binary (``bytes``) message to the server."""
        await self.ws.send(message)
        self.client_sent.append(message)

    async def recv(self, *args: Any, **kwargs: Any) -> Any:
        """Receive the server's next message."""
        message = await self.ws.recv(*args, **kwargs)
        self.client_received.append(message)
        return message

    def __aiter__(self) -> AsyncIterator[Any]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[Any]:
        async for message in self.ws:
            self.client_received.append(message)
            yield message

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ws, name)


def websocket_proxy(url: str, *args: Any, **kwargs: Any) -> Any:
    """A client websocket to ``url``, as a ``WebsocketProxy``.

    ``await websocket_proxy(url, mimic=...)`` (sanic-testing's form) connects, lets the
    ``mimic`` coroutine talk, closes and returns the proxy; ``async with
    websocket_proxy(url) as ws`` keeps it open for the block. Other arguments go to
    ``websockets``' ``connect``.
    """
    return _ProxyConnect(url, args, kwargs)


class _ProxyConnect:
    def __init__(self, url: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self._url, self._args, self._kwargs = url, args, kwargs
        self._connect: Any = None
        self.proxy: WebsocketProxy | None = None

    def __await__(self) -> Generator[Any, None, WebsocketProxy]:
        from sanic_testing.client import open_websocket

        return open_websocket(self._url, *self._args, **self._kwargs).__await__()

    async def __aenter__(self) -> WebsocketProxy:
        from websockets.asyncio.client import connect

        self._connect = connect(self._url, *self._args, **self._kwargs)
        self.proxy = WebsocketProxy(await self._connect.__aenter__())
        return self.proxy

    async def __aexit__(self, *exc: Any) -> None:
        await self._connect.__aexit__(*exc)
