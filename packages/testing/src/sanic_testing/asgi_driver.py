"""Talk to an ASGI app directly: one HTTP exchange or one websocket session, no socket."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote

import httpx

from sanic_testing.constants import ASGI_HOST, ASGI_PORT

__all__ = [
    "ASGIWebsocketConnection",
    "WebsocketResult",
    "asgi_http",
    "asgi_http_scope",
    "asgi_websocket",
    "build_scope",
    "websocket_headers",
]

CLIENT_ADDR = (ASGI_HOST, ASGI_PORT)
#: Seconds the app gets to finish its websocket handler after the client closed.
CLOSE_TIMEOUT = 5.0


def build_scope(
    kind: str,
    scheme: str,
    server: tuple[str, int],
    raw_path: bytes,
    query: bytes,
    headers: list[tuple[bytes, bytes]],
) -> dict[str, Any]:
    """An ASGI ``http`` or ``websocket`` scope, as an ASGI server would build it."""
    return {
        "type": kind,
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "scheme": scheme,
        "path": unquote(raw_path.decode("latin-1")),
        "raw_path": raw_path,
        "query_string": query,
        "root_path": "",
        "headers": headers,
        "client": CLIENT_ADDR,
        "server": server,
    }


def _scope(kind: str, url: httpx.URL, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    default_port = {"http": 80, "https": 443, "ws": 80, "wss": 443}.get(url.scheme, 80)
    return build_scope(
        kind,
        url.scheme,
        (url.host, url.port or default_port),
        url.raw_path.split(b"?", 1)[0],
        url.query,
        headers,
    )


async def asgi_http(
    app: Any, request: httpx.Request
) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """Send ``request`` to the ASGI ``app``; return (status, raw headers, body)."""
    body = request.content if hasattr(request, "_content") else await request.aread()
    scope = _scope("http", request.url, list(request.headers.raw))
    scope["method"] = request.method
    return await asgi_http_scope(app, scope, body)


async def asgi_http_scope(
    app: Any, scope: dict[str, Any], body: bytes
) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """Run one ASGI HTTP exchange for ``scope`` with request ``body``.

    Returns (status, raw headers, body); an exception escaping the app is raised here.
    """
    sent_body = False
    done = False
    status = 500
    headers: list[tuple[bytes, bytes]] = []
    chunks: list[bytes] = []
    finished: asyncio.Event | None = None

    async def receive() -> dict[str, Any]:
        nonlocal sent_body, finished
        if not sent_body:
            sent_body = True
            return {"type": "http.request", "body": body, "more_body": False}
        # Asked again: the app waits for a disconnect; it comes once the response is done.
        if not done:
            if finished is None:
                finished = asyncio.Event()
            await finished.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, headers, done
        kind = message["type"]
        if kind == "http.response.start":
            status = message["status"]
            headers = list(message.get("headers", ()))
        elif kind == "http.response.body":
            chunk = message.get("body", b"")
            if chunk:
                chunks.append(chunk)
            if not message.get("more_body", False):
                done = True
                if finished is not None:
                    finished.set()

    try:
        await app(scope, receive, send)
    finally:
        if finished is not None:
            finished.set()
    return status, headers, b"".join(chunks)


class WebsocketResult(dict):  # type: ignore[type-arg]
    """What an in-process ``websocket()`` call returns: ``{"opened": bool}`` plus the
    exchanged messages as ``server_received`` / ``server_sent``."""

    def __init__(self, connection: ASGIWebsocketConnection) -> None:
        super().__init__(opened=connection.opened)
        self.connection = connection

    @property
    def opened(self) -> bool:
        """Whether the app accepted the websocket."""
        return bool(self["opened"])

    @property
    def subprotocol(self) -> str | None:
        """The subprotocol the app chose, if any."""
        return self.connection.subprotocol

    @property
    def server_received(self) -> list[Any]:
        """Messages the app received (those the client sent)."""
        return self.connection.client_sent

    @property
    def server_sent(self) -> list[Any]:
        """Messages the app sent (those the client received)."""
        return self.connection.client_received

    @property
    def close_code(self) -> int | None:
        """The close code the app sent, if it closed the websocket."""
        return self.connection.close_code


class ASGIWebsocketConnection:
    """The client end of an in-process websocket: ``send``, ``recv``, ``close``,
    ``async for``; raises ``websockets.ConnectionClosed`` once the app has closed."""

    def __init__(self) -> None:
        self.to_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.from_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.opened = False
        self.subprotocol: str | None = None
        self.close_code: int | None = None
        self.client_sent: list[Any] = []
        self.client_received: list[Any] = []
        self.task: asyncio.Task[Any] | None = None

    async def send(self, message: str | bytes) -> None:
        """Send a text (``str``) or binary (``bytes``) message to the app."""
        self._raise_if_closed()
        key = "text" if isinstance(message, str) else "bytes"
        await self.to_app.put({"type": "websocket.receive", key: message})
        self.client_sent.append(message)

    async def recv(self) -> str | bytes:
        """The app's next message."""
        while True:
            self._raise_if_closed()
            message = await self._next_from_app()
            kind = message.get("type")
            if kind == "websocket.send":
                data = message.get("text")
                if data is None:
                    data = message.get("bytes") or b""
                self.client_received.append(data)
                return data
            if kind == "websocket.close":
                self.close_code = int(message.get("code", 1000))

    def __aiter__(self) -> ASGIWebsocketConnection:
        return self

    async def __anext__(self) -> str | bytes:
        from websockets.exceptions import ConnectionClosedOK

        try:
            return await self.recv()
        except ConnectionClosedOK:
            raise StopAsyncIteration from None

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Tell the app the client went away."""
        if self.close_code is None:
            self.close_code = code
        await self.to_app.put({"type": "websocket.disconnect", "code": code, "reason": reason})

    async def _next_from_app(self) -> dict[str, Any]:
        getter = asyncio.ensure_future(self.from_app.get())
        task = self.task
        waiting: set[asyncio.Future[Any]] = {getter} if task is None else {getter, task}
        done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
        if getter in done:
            return getter.result()
        getter.cancel()
        if task is not None and task.done() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
        # The app finished without a close message: treat as a normal close.
        self.close_code = self.close_code or 1000
        return {"type": "websocket.close", "code": self.close_code}

    def _raise_if_closed(self) -> None:
        if self.close_code is not None:
            from websockets.exceptions import ConnectionClosedOK
            from websockets.frames import Close

            raise ConnectionClosedOK(Close(self.close_code, ""), None)


def websocket_headers(
    url: httpx.URL,
    headers: Any,
    subprotocols: list[str] | None,
    defaults: tuple[tuple[str, str], ...],
) -> list[tuple[bytes, bytes]]:
    """The fields of a websocket upgrade request to ``url``: the caller's ``headers``, then
    ``host``, each of ``defaults`` and the offered ``subprotocols``, each unless given."""
    built = httpx.Headers(headers)
    built.setdefault("host", url.netloc.decode("ascii"))
    for name, value in defaults:
        built.setdefault(name, value)
    if subprotocols:
        built.setdefault("sec-websocket-protocol", ", ".join(subprotocols))
    return list(built.raw)


async def asgi_websocket(
    app: Any,
    url: httpx.URL,
    headers: list[tuple[bytes, bytes]],
    subprotocols: list[str] | None = None,
    mimic: Callable[..., Awaitable[Any]] | None = None,
) -> WebsocketResult:
    """Open a websocket to the ASGI ``app``, let ``mimic`` talk, close, and report."""
    scope = _scope("websocket", url, headers)
    scope["subprotocols"] = list(subprotocols or ())
    conn = ASGIWebsocketConnection()
    await conn.to_app.put({"type": "websocket.connect"})
    conn.task = asyncio.ensure_future(app(scope, conn.to_app.get, conn.from_app.put))
    try:
        first = await conn._next_from_app()
        if first.get("type") == "websocket.accept":
            conn.opened = True
            conn.subprotocol = first.get("subprotocol")
        elif first.get("type") == "websocket.close":
            conn.close_code = int(first.get("code", 1000))
        else:  # an HTTP response instead of the handshake
            conn.close_code = 1006
        if conn.opened and mimic is not None:
            await mimic(conn)
        if not conn.task.done():
            await conn.close()
        await asyncio.wait_for(asyncio.shield(conn.task), CLOSE_TIMEOUT)
    finally:
        if not conn.task.done():
            conn.task.cancel()
            await asyncio.gather(conn.task, return_exceptions=True)
    error = conn.task.exception() if not conn.task.cancelled() else None
    if error is not None:
        raise error
    return WebsocketResult(conn)
