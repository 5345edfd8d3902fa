"""In-process clients for large suites: no socket, no httpx transport, listeners once.

``AsyncInProcessClient`` (``async with``) and ``InProcessClient`` (``with``, for sync
tests) call the app's ASGI interface directly with a hand-built scope, run the server
listeners once for the whole session, and return ``(request, response)`` with the same
``TestingResponse`` as the other clients.  Requests are built with ``httpx.Request``, so
``params``, ``headers``, ``cookies``, ``json``, ``data``, ``files`` and ``content`` work as
with httpx.
"""

from __future__ import annotations

import asyncio
import json as _json
from typing import Any

import httpx

from sanic_testing.asgi_driver import (
    WebsocketResult,
    asgi_http,
    asgi_http_scope,
    asgi_websocket,
    build_scope,
    websocket_headers,
)
from sanic_testing.capture import RequestRecorder, recording_sink
from sanic_testing.constants import ASGI_BASE_URL
from sanic_testing.lifespan import ListenerLifespan
from sanic_testing.response import TestingResponse, lazy_response
from sanic_testing.running import LoopRunner, enable_test_mode
from sanic_testing.websocket import Mimic

__all__ = ["AsyncInProcessClient", "InProcessClient"]

_REQUEST_ARGS = ("params", "headers", "cookies", "content", "data", "files", "json")
_FAST_ARGS = frozenset({"headers", "content", "json"})
_PLAIN = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?&=%+:@!$'()*,;"
)


def _plain(uri: str) -> bool:
    """A relative URI that needs no quoting (so no httpx URL parsing)."""
    return uri.startswith("/") and _PLAIN.issuperset(uri)


class AsyncInProcessClient:
    """Many requests through the whole framework, in-process, listeners run once.

    ``async with AsyncInProcessClient(app) as client:`` then
    ``request, response = await client.get("/")``.  Leaving the block runs the stop
    listeners.  Exceptions escaping the app are raised unless ``suppress_exceptions``.
    """

    def __init__(
        self,
        app: Any,
        base_url: str = ASGI_BASE_URL,
        *,
        headers: Any = None,
        suppress_exceptions: bool = False,
    ) -> None:
        self.app = app
        self.base_url = httpx.URL(base_url)
        default_port = 443 if self.base_url.scheme == "https" else 80
        self._base = str(self.base_url).rstrip("/")
        self._scheme = self.base_url.scheme
        self._server = (self.base_url.host, self.base_url.port or default_port)
        self.headers = httpx.Headers(
            {
                "host": self.base_url.netloc.decode("ascii"),
                "accept": "*/*",
                "user-agent": f"python-httpx/{httpx.__version__}",
            }
        )
        self.headers.update(httpx.Headers(headers))
        self._default_raw = [(name.lower(), value) for name, value in self.headers.raw]
        self.suppress_exceptions = suppress_exceptions
        self.last_request: Any = None
        self._recorder = RequestRecorder.for_app(app)
        self._lifespan = ListenerLifespan(app)
        self._recording = False
        enable_test_mode(app)

    async def __aenter__(self) -> AsyncInProcessClient:
        await self.start()
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.close()

    async def start(self) -> None:
        """Run the start-up listeners (done lazily by the first request otherwise)."""
        if not self._recording:
            self._recorder.install()
            self._recording = True
        await self._lifespan.ensure_started()

    async def close(self) -> None:
        """Run the stop listeners and leave the app as it was."""
        try:
            await self._lifespan.shutdown()
        finally:
            if self._recording:
                self._recorder.uninstall()
                self._recording = False

    def _url(self, uri: str) -> httpx.URL:
        if uri.startswith(("http:", "https:", "ws:", "wss:")):
            return httpx.URL(uri)
        if not uri.startswith("/"):
            uri = "/" + uri
        return httpx.URL(self._base + uri)

    async def request(
        self, method: str, uri: str = "/", gather_request: bool = True, **kwargs: Any
    ) -> tuple[Any, TestingResponse]:
        """Send ``method uri``; returns ``(request, response)``."""
        if not self._lifespan.started:
            await self.start()
        method = method.upper()
        with recording_sink() as sink:
            try:
                if kwargs.keys() <= _FAST_ARGS and _plain(uri):
                    response = await self._fast_request(method, uri, **kwargs)
                else:
                    response = await self._httpx_request(method, uri, **kwargs)
            except Exception:
                if not self.suppress_exceptions:
                    raise
                response = TestingResponse(500, request=httpx.Request(method, self._url(uri)))
        request = sink[0] if sink else None
        self.last_request = request
        return (request if gather_request else None), response

    async def _fast_request(
        self, method: str, uri: str, headers: Any = None, content: Any = None, json: Any = None
    ) -> TestingResponse:
        # PERF: building httpx.URL/httpx.Request costs more than the whole framework call
        # (benchmarks/bench_clients.py); plain relative URIs skip them.
        raw = list(self._default_raw)
        if headers:
            given = httpx.Headers(headers)
            names = {name.lower() for name, _ in given.raw}
            raw = [item for item in raw if item[0] not in names]
            raw.extend(given.raw)
        body = b""
        if json is not None:
            body = _json.dumps(json, ensure_ascii=False, separators=(",", ":")).encode()
            raw.append((b"content-type", b"application/json"))
        elif content is not None:
            body = content.encode() if isinstance(content, str) else bytes(content)
        if body or method in ("POST", "PUT", "PATCH"):
            raw.append((b"content-length", str(len(body)).encode()))
        path, _, query = uri.partition("?")
        scope = build_scope(
            "http", self._scheme, self._server, path.encode("ascii"), query.encode("ascii"), raw
        )
        scope["method"] = method
        status, response_headers, response_body = await asgi_http_scope(self.app, scope, body)
        return lazy_response(status, response_headers, response_body, method, self._base + uri)

    async def _httpx_request(self, method: str, uri: str, **kwargs: Any) -> TestingResponse:
        unknown = set(kwargs) - set(_REQUEST_ARGS)
        if unknown:
            raise TypeError(
                f"Unsupported argument(s) {sorted(unknown)}; the in-process client takes "
                f"{', '.join(_REQUEST_ARGS)}."
            )
        headers = self.headers.copy()
        headers.update(httpx.Headers(kwargs.pop("headers", None)))
        outgoing = httpx.Request(method, self._url(uri), headers=headers, **kwargs)
        status, raw_headers, body = await asgi_http(self.app, outgoing)
        return TestingResponse(status, headers=raw_headers, content=body, request=outgoing)

    async def websocket(
        self,
        uri: str,
        subprotocols: list[str] | None = None,
        *,
        mimic: Mimic | None = None,
        headers: Any = None,
        gather_request: bool = True,
    ) -> tuple[Any, WebsocketResult]:
        """Open a websocket in-process; ``await mimic(ws)`` plays the client's part."""
        if not self._lifespan.started:
            await self.start()
        url = self._url(uri)
        url = url.copy_with(scheme="wss" if url.scheme in ("https", "wss") else "ws")
        fields = websocket_headers(
            url, headers, subprotocols, (("connection", "upgrade"), ("upgrade", "websocket"))
        )
        with recording_sink() as sink:
            result = await asgi_websocket(self.app, url, fields, subprotocols, mimic)
        request = sink[0] if sink else None
        self.last_request = request
        return (request if gather_request else None), result

    async def get(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``GET uri``."""
        return await self.request("GET", uri, **kwargs)

    async def post(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``POST uri``."""
        return await self.request("POST", uri, **kwargs)

    async def put(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``PUT uri``."""
        return await self.request("PUT", uri, **kwargs)

    async def patch(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``PATCH uri``."""
        return await self.request("PATCH", uri, **kwargs)

    async def delete(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``DELETE uri``."""
        return await self.request("DELETE", uri, **kwargs)

    async def head(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``HEAD uri``."""
        return await self.request("HEAD", uri, **kwargs)

    async def options(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``OPTIONS uri``."""
        return await self.request("OPTIONS", uri, **kwargs)


class InProcessClient:
    """The synchronous in-process client: ``with InProcessClient(app) as client:`` then
    ``request, response = client.get("/")``; one event loop and one listener run for the
    whole block."""

    def __init__(
        self,
        app: Any,
        base_url: str = ASGI_BASE_URL,
        *,
        headers: Any = None,
        suppress_exceptions: bool = False,
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        self.client = AsyncInProcessClient(
            app, base_url, headers=headers, suppress_exceptions=suppress_exceptions
        )
        self._loop = loop
        self._runner: LoopRunner | None = None

    def __enter__(self) -> InProcessClient:
        self.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    def start(self) -> None:
        """Create the event loop and run the start-up listeners."""
        if self._runner is None:
            self._runner = LoopRunner(self._loop)
        self._runner.run(self.client.start())

    def close(self) -> None:
        """Run the stop listeners and close the event loop."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        try:
            runner.run(self.client.close())
        finally:
            runner.close()

    def _run(self, coro: Any) -> Any:
        if self._runner is None:
            self.start()
        if self._runner is None:  # pragma: no cover - start() sets it
            raise RuntimeError("InProcessClient failed to start")
        return self._runner.run(coro)

    def request(self, method: str, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """Send ``method uri``; returns ``(request, response)``."""
        return self._run(self.client.request(method, uri, **kwargs))

    def websocket(self, uri: str, *args: Any, **kwargs: Any) -> tuple[Any, WebsocketResult]:
        """Open a websocket in-process; ``await mimic(ws)`` plays the client's part."""
        return self._run(self.client.websocket(uri, *args, **kwargs))

    def get(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``GET uri``."""
        return self.request("GET", uri, **kwargs)

    def post(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``POST uri``."""
        return self.request("POST", uri, **kwargs)

    def put(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``PUT uri``."""
        return self.request("PUT", uri, **kwargs)

    def patch(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``PATCH uri``."""
        return self.request("PATCH", uri, **kwargs)

    def delete(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``DELETE uri``."""
        return self.request("DELETE", uri, **kwargs)

    def head(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``HEAD uri``."""
        return self.request("HEAD", uri, **kwargs)

    def options(self, uri: str = "/", **kwargs: Any) -> tuple[Any, TestingResponse]:
        """``OPTIONS uri``."""
        return self.request("OPTIONS", uri, **kwargs)
