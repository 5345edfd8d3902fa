"""``ReusableClient``: one real server for many requests (``with ReusableClient(app)``)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from sanic_testing.capture import RequestRecorder
from sanic_testing.client import _send
from sanic_testing.constants import HOST
from sanic_testing.running import LoopRunner, ServerSession, enable_test_mode
from sanic_testing.websocket import Mimic

__all__ = ["ReusableClient"]


class ReusableClient:
    """Start the app's server once (``run()`` / ``with``), send many requests, ``stop()``.

    The server listens on a real loopback socket (a free port unless ``port`` is given)
    and runs on the client's own event loop (``loop=`` to supply one).  Calls return
    ``(request, response)`` like ``SanicTestClient``; ``client_kwargs`` configure the
    shared ``httpx.AsyncClient``.
    """

    def __init__(
        self,
        app: Any,
        host: str = HOST,
        port: int | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
        server_kwargs: dict[str, Any] | None = None,
        client_kwargs: dict[str, Any] | None = None,
    ) -> None:
        self.app = app
        self.host = host
        self.port = port
        self.debug = False
        self._loop = loop
        self._server_kwargs = server_kwargs or {}
        self._client_kwargs = client_kwargs or {}
        self._server: ServerSession | None = None
        self._session: httpx.AsyncClient | None = None
        self._runner: LoopRunner | None = None
        self._recorder = RequestRecorder.for_app(app)
        enable_test_mode(app)

    def __enter__(self) -> ReusableClient:
        self.run()
        return self

    def __exit__(self, *_: Any) -> None:
        self.stop()

    def run(self) -> None:
        """Start the server (listeners included) and open the HTTP session."""
        if self._server is not None:
            raise RuntimeError("This ReusableClient is already running; call stop() first.")
        self._runner = LoopRunner(self._loop)
        self._loop = self._runner.loop
        server = ServerSession(
            self.app, self.host, self.port, debug=self.debug, server_kwargs=self._server_kwargs
        )
        self._recorder.install()
        try:
            self._runner.run(server.start())
        except BaseException:
            self._recorder.uninstall()
            self._runner.close()
            self._runner = None
            raise
        self._server = server
        self.port = server.port
        options = {"verify": False, "follow_redirects": True, **self._client_kwargs}
        self._session = httpx.AsyncClient(**options)

    def stop(self) -> None:
        """Close the HTTP session, run the stop listeners and close the server."""
        server, session, runner = self._server, self._session, self._runner
        self._server = self._session = self._runner = None
        if runner is None:
            return
        try:
            if session is not None:
                runner.run(session.aclose())
            if server is not None:
                runner.run(server.stop())
        finally:
            self._recorder.uninstall()
            runner.close()

    def _run(self, coro: Any) -> Any:
        if self._runner is None:
            raise RuntimeError(_NOT_RUNNING)
        return self._runner.run(coro)

    def _sanic_endpoint_test(
        self,
        method: str = "get",
        uri: str = "/",
        gather_request: bool = True,
        debug: bool = False,
        server_kwargs: dict[str, Any] | None = None,
        host: str | None = None,
        port: int | None = None,
        allow_none: bool = False,
        *request_args: Any,
        **request_kwargs: Any,
    ) -> tuple[Any, Any]:
        server = self._server
        if server is None:
            raise RuntimeError(_NOT_RUNNING)
        url = server.url(uri, websocket=method == "websocket")
        self._recorder.requests.clear()
        # As sanic-testing's ReusableClient: an error of the call (a refused websocket, a
        # bad argument) is raised as it is; no answer from the server is logged by _send.
        response = self._run(_send(self, url, method, request_args, request_kwargs))
        request = self._recorder.take() if gather_request else None
        if response is None and not allow_none:
            raise ValueError(f"Request and response object expected, got ({request}, {response})")
        return request, response

    def get_new_session(self, **kwargs: Any) -> Any:
        """The shared HTTP session (request-level client options are not supported here)."""
        if kwargs:
            raise TypeError(
                f"ReusableClient shares one HTTP session; pass {sorted(kwargs)} as "
                "ReusableClient(app, client_kwargs={...}) instead."
            )
        return _Borrowed(self._session)

    def request(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """Any method: ``request(uri, http_method="post", ...)`` (default ``get``)."""
        method = kwargs.pop("http_method", "get")
        return self._sanic_endpoint_test(method, *args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``GET uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("get", *args, **kwargs)

    def post(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``POST uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("post", *args, **kwargs)

    def put(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``PUT uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("put", *args, **kwargs)

    def patch(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``PATCH uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("patch", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``DELETE uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("delete", *args, **kwargs)

    def options(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``OPTIONS uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("options", *args, **kwargs)

    def head(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``HEAD uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("head", *args, **kwargs)

    def websocket(self, *args: Any, mimic: Mimic | None = None, **kwargs: Any) -> tuple[Any, Any]:
        """Open a websocket to ``uri``; ``await mimic(ws)`` plays the client's part."""
        return self._sanic_endpoint_test("websocket", *args, mimic=mimic, **kwargs)


class _Borrowed:
    """An ``async with`` wrapper that lends the shared session without closing it."""

    def __init__(self, session: Any) -> None:
        self.session = session

    async def __aenter__(self) -> Any:
        return self.session

    async def __aexit__(self, *_: Any) -> None:
        return None


_NOT_RUNNING = (
    "The ReusableClient is not running: use `with ReusableClient(app) as client:` "
    "or call client.run() first."
)
