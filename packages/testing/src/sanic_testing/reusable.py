"""``ReusableClient``: one real server for many requests (``with ReusableClient(app)``)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from sanic_testing.capture import RequestRecorder
from sanic_testing.client import _send
from sanic_testing.constants import HOST
from sanic_testing.methods import MethodCalls
from sanic_testing.response import TestingResponse as TestingResponse
from sanic_testing.running import (
    LoopRunner,
    ServerSession,
    check_create_server_kwargs,
    enable_test_mode,
    free_port,
)
from sanic_testing.websocket import websocket_proxy as websocket_proxy

__all__ = ["ReusableClient"]


class ReusableClient(MethodCalls):
    """Start the app's server once (``run()`` / ``with``), send many requests, ``stop()``.

    The server listens on a real loopback socket (``port``, or a free port chosen when the
    client is made) and runs on the client's own event loop (``loop=`` to supply one).
    Calls return ``(request, response)`` like ``SanicTestClient``, with sanic-testing's
    differences for this client: redirects are not followed unless
    ``follow_redirects=True``, and an exception raised by a call (a ``TypeError`` for
    an argument httpx does not take) is raised as it is. ``client_kwargs`` configure the
    shared ``httpx.AsyncClient`` (``_session``, made with the client);
    ``server_kwargs`` go to ``app.create_server``.
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
        check_create_server_kwargs(app, server_kwargs)
        self.app = app
        self.host = host
        self.port = port if port is not None else free_port(host)
        self.debug = False
        self._given_loop = loop
        self._made_loop: asyncio.AbstractEventLoop | None = None
        self._server_kwargs = server_kwargs or {}
        self._client_kwargs = client_kwargs or {}
        self._server: ServerSession | None = None
        self._session: httpx.AsyncClient | None = self._new_session()
        self._runner: LoopRunner | None = None
        self._recorder = RequestRecorder.for_app(app)
        enable_test_mode(app)

    @property
    def _loop(self) -> asyncio.AbstractEventLoop:
        """The event loop the server runs on: the one given, else one this client makes
        when first asked (as sanic-testing's, it exists before ``run()``); ``stop()``
        closes a loop the client made, and the next ``run()`` makes another."""
        if self._given_loop is not None:
            return self._given_loop
        if self._made_loop is None or self._made_loop.is_closed():
            self._made_loop = asyncio.new_event_loop()
        return self._made_loop

    @_loop.setter
    def _loop(self, loop: asyncio.AbstractEventLoop | None) -> None:
        # Setting it (before run) is giving it: the client will not close it.
        self._given_loop = loop

    def __enter__(self) -> ReusableClient:
        self.run()
        return self

    def __exit__(self, *_: Any) -> None:
        self.stop()

    def run(self) -> None:
        """Start the server (listeners included) and open the HTTP session."""
        if self._server is not None:
            raise RuntimeError("This ReusableClient is already running; call stop() first.")
        self._runner = LoopRunner(self._loop, owned=self._given_loop is None)
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
        if self._session is None:  # run again after stop()
            self._session = self._new_session()

    def _new_session(self) -> httpx.AsyncClient:
        # httpx's defaults (redirects not followed), as sanic-testing's session.
        return httpx.AsyncClient(**{"verify": False, **self._client_kwargs})

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
        try:
            response = self._run(self._local_request(method, url, *request_args, **request_kwargs))
        finally:
            # After followed redirects, the request that answered (as sanic-testing's).
            request = self._recorder.take(last=True)
        if response is None and not allow_none:
            shown = request if gather_request else None  # as sanic-testing's message
            raise ValueError(f"Request and response object expected, got ({shown!r}, None)")
        return (request if gather_request else None), response

    async def _local_request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        """Send one request (or open the websocket) through the shared session: the
        ``TestingResponse``, or ``None`` when no response came (sanic-testing's hook)."""
        return await _send(self, url, method, args, kwargs, allow_redirects_alias=False)

    def get_new_session(self, **kwargs: Any) -> Any:
        """The shared HTTP session (request-level client options are not supported here)."""
        if kwargs:
            raise TypeError(
                f"ReusableClient shares one HTTP session; pass {sorted(kwargs)} as "
                "ReusableClient(app, client_kwargs={...}) instead."
            )
        return _Borrowed(self._session)


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
