"""``SanicTestClient``: each call starts a real server on a loopback socket, sends one
request with ``httpx`` (or opens one websocket), stops the server, and returns
``(request, response)``."""

from __future__ import annotations

import functools
import logging
import os
from typing import Any

import httpx

from sanic_testing.capture import RequestRecorder
from sanic_testing.methods import MethodCalls
from sanic_testing.response import TestingResponse, as_testing_response, attach_raw_cookies
from sanic_testing.running import (
    ServerSession,
    cookies_as_header,
    enable_test_mode,
    run_sync,
    split_client_options,
    wants_uvloop,
)
from sanic_testing.websocket import Mimic, WebsocketProxy

__all__ = ["SanicTestClient", "endpoint_result", "open_websocket"]

# As with sanic-testing on Sanic (its client runs the app's single-process server per
# call): the worker's lifecycle lines on sanic.server, the request URL and the last line
# on sanic.root.
logger = logging.getLogger("sanic.root")
server_logger = logging.getLogger("sanic.server")
error_logger = logging.getLogger("sanic.error")


class SanicTestClient(MethodCalls):
    """The synchronous client behind ``app.test_client``: one server start per call.

    ``get/post/put/patch/delete/head/options(uri, ...)`` take ``httpx`` request arguments
    (``params``, ``headers``, ``json``, ``data``, ``content``, ``cookies``, ...) plus
    ``gather_request``, ``debug``, ``server_kwargs``, ``host`` and ``allow_none``, and
    return ``(request, response)``: the ``Request`` the app built and a
    ``TestingResponse``.
    """

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, app: Any, port: int | None = None, host: str = "127.0.0.1") -> None:
        self.app = app
        self.port = port
        self.host = host
        enable_test_mode(app)

    def get_new_session(self, **kwargs: Any) -> httpx.AsyncClient:
        """The ``httpx.AsyncClient`` a call uses (``kwargs`` are its options; certificates
        are not verified). A subclass may return its own; redirects are followed per
        request (``allow_redirects=False`` stops at one), whatever the session's default."""
        kwargs.setdefault("verify", False)
        return httpx.AsyncClient(**kwargs)

    async def _local_request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        """Send one request (or open the websocket) to the started server: the
        ``TestingResponse``, or ``None`` when no response came (sanic-testing's hook:
        subclasses override it, and call it for the request itself)."""
        return await _send(self, url, method, args, kwargs)

    def _sanic_endpoint_test(
        self,
        method: str = "get",
        uri: str = "/",
        gather_request: bool = True,
        debug: bool = False,
        server_kwargs: dict[str, Any] | None = None,
        host: str | None = None,
        allow_none: bool = False,
        *request_args: Any,
        **request_kwargs: Any,
    ) -> tuple[Any, Any]:
        # As sanic-testing: setting testing.PORT moves nothing (its clients' default port
        # is None, a free port for every call).
        port = self.port
        _install_method_not_allowed_handler(self.app)
        session = ServerSession(
            self.app,
            host or self.host,
            port,
            debug=debug,
            server_kwargs=server_kwargs,
            as_run=True,
        )
        recorder = RequestRecorder.for_app(self.app)
        exceptions: list[BaseException] = []

        async def run() -> Any:
            with recorder.installed():
                recorder.requests.clear()
                pid = os.getpid()
                session.prepare()  # the banner shows the run's mode (debug=True)
                motd = getattr(self.app, "motd", None)
                if motd is not None and (server_kwargs or {}).get("motd", True):
                    # the banner app.run shows (sanic-testing's client runs the app)
                    motd({"host": session.host, "port": session.port, "ssl": session.options.get("ssl")})
                server_logger.info("Starting worker [%s]", pid)
                try:
                    await session.start()
                except BaseException:
                    # As sanic-testing, whose client runs the app as app.run does: a start
                    # that fails (a listener raising) is logged, then the server stops.
                    error_logger.exception("Experienced exception while trying to serve")
                    logger.info("Server Stopped")
                    raise
                self.port = session.port  # as sanic-testing: the port the server got
                url = session.url(uri, websocket=method == "websocket")
                logger.info(url)
                try:
                    return await self._local_request(
                        method, url, *request_args, **request_kwargs
                    )
                except Exception as error:  # reported below, as sanic-testing does
                    logger.exception("Exception")
                    exceptions.append(error)
                    return None
                finally:
                    # Sanic's client sends from a start-up listener: the worker is "ready"
                    # once the request is over.
                    server_logger.info("Worker ready [%s]", pid)
                    server_logger.info("Stopping worker [%s]", pid)
                    await session.stop()
                    server_logger.info("Worker complete [%s]", pid)
                    logger.info("Server Stopped")

        # As Sanic's test client, which runs the app as app.run does: on uvloop when the app
        # would use it (its loop clock is not the one time-freezing test tools patch).
        response = run_sync(run, uvloop=wants_uvloop(self.app))
        return endpoint_result(
            recorder.take(),
            response,
            exceptions,
            gather_request=gather_request,
            allow_none=allow_none,
        )


# As sanic-testing's SanicTestClient: a 405 to these methods has an empty body.
_EMPTY_405_METHODS = frozenset({"HEAD", "PUT", "PATCH", "DELETE"})


def _install_method_not_allowed_handler(app: Any) -> None:
    """Answer ``MethodNotAllowed`` as sanic-testing's client does, unless the app has its own.

    Like sanic-testing, the handler is registered on the app's error handler at the first
    request (so the app cannot register one for ``MethodNotAllowed`` afterwards): a
    ``HEAD``, ``PUT``, ``PATCH`` or ``DELETE`` gets the status and ``Allow`` with an empty
    ``text/plain`` body; other methods get the usual error page.
    """
    from hurtle_app.router import MethodNotAllowed

    error_handler = app.error_handler
    if error_handler.registered_handler(MethodNotAllowed) is not None:
        return

    # As sanic-testing's: a coroutine that hands back, unawaited, what the app's error
    # handler *at the time* returns from ``default()``. A wrapper installed in front of the
    # app's handler (APM agents do this) whose ``default()`` is itself a coroutine that
    # looks this handler up again then gets one invalid-response 500, not a recursion.
    async def method_not_allowed(request: Any, exception: Any) -> Any:
        if request.method not in _EMPTY_405_METHODS:
            return app.error_handler.default(request, exception)
        # As sanic-testing: answered directly, so not logged (NOISY_EXCEPTIONS) and no
        # error page chosen (the debug `Error Page` line).
        from hurtle_app.errorpages import HTTPResponse

        return HTTPResponse(
            b"",
            status=exception.status_code,
            headers=exception.headers,
            content_type="text/plain; charset=utf-8",
        )

    try:
        error_handler.add(MethodNotAllowed, method_not_allowed)
    except Exception as error:
        # Already there, seen through a wrapper whose own ``handlers`` is empty (Sanic-CORS
        # puts its error handler in front of the app's and passes ``add`` through).
        if "Duplicate exception handler" not in str(error):
            raise


async def _send(
    client: Any,
    url: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    *,
    allow_redirects_alias: bool = True,
) -> Any:
    """One HTTP request (or websocket session) to an already started server.

    As sanic-testing, the request goes through the session's helper of that name
    (``session.get(...)``): a helper without body arguments refuses them (``get(json=...)``
    is a ``TypeError``); ``request(uri, http_method=...)`` goes through
    ``session.request``, which takes any method and a body.
    An httpx error (no answer in time, connection refused, too many redirects) is logged
    and gives ``None``, which the caller reports as "no response".
    """
    if method == "websocket":
        return await open_websocket(url, *args, **kwargs)
    if allow_redirects_alias:
        # sanic-testing's name for it (from requests), per request: redirects are followed
        # unless allow_redirects=False, whatever the session's own default.
        kwargs.setdefault("follow_redirects", kwargs.pop("allow_redirects", True))
    raw_cookies = kwargs.pop("raw_cookies", False)
    options = split_client_options(kwargs)
    cookies_as_header(kwargs, url)
    async with client.get_new_session(**options) as session:
        if method == "request":  # request(uri, http_method=...): httpx's own request()
            method = str(kwargs.pop("http_method", "GET")).upper()
            send = functools.partial(session.request, method)
        else:
            send = getattr(session, method.lower())
        try:
            response = await send(url, *args, **kwargs)
        except httpx.HTTPError:
            logger.exception("%s %s received no response!", method.upper(), url)
            return None
        response = as_testing_response(response)
    return attach_raw_cookies(response) if raw_cookies else response


async def open_websocket(
    url: str,
    subprotocols: list[str] | None = None,
    *,
    mimic: Mimic | None = None,
    headers: Any = None,
    **kwargs: Any,
) -> WebsocketProxy:
    """Connect to ``url``, run ``mimic`` (if any) against the proxy, close, return it.

    ``extra_headers`` (the name sanic-testing's websockets client takes), ``headers`` and
    ``additional_headers`` all add request headers.
    """
    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosedOK

    for alias in ("extra_headers", "headers"):
        value = headers if alias == "headers" else kwargs.pop(alias, None)
        if value is not None:
            kwargs.setdefault("additional_headers", value)
    async with connect(url, subprotocols=subprotocols, **kwargs) as ws:
        proxy = WebsocketProxy(ws)
        if mimic is not None:
            try:
                await mimic(proxy)
            except ConnectionClosedOK:
                # As sanic-testing: a mimic stopped by the server's normal close (a handler
                # that ended or raised while the mimic still waits) ends the call quietly,
                # with what was exchanged until then. A close with another code (a
                # handler's `ws.close(code=4000)`) is a ConnectionClosedError, which
                # sanic-testing lets through: the call fails ("Exception during request").
                return proxy
            # As sanic-testing: closing after a mimic is recorded as a last "" sent. Its
            # client sends that empty message as it closes, and Sanic's handler, cancelled
            # by the close, rarely reads it: it is not sent, so a handler never sees it.
            proxy.client_sent.append("")
    return proxy


def endpoint_result(
    request: Any,
    response: TestingResponse | WebsocketProxy | None,
    exceptions: list[BaseException],
    *,
    gather_request: bool,
    allow_none: bool,
) -> tuple[Any, Any]:
    """The ``(request, response)`` a sync call returns, or the error sanic-testing raises:
    an exception raised by the call, even with ``allow_none``, else "no response" (the
    request is listed only when it was gathered)."""
    if exceptions:
        raise ValueError(f"Exception during request: {exceptions}") from exceptions[0]
    if response is None and not allow_none:
        if not gather_request:
            raise ValueError(f"Request object expected, got ({[None, None]})")
        raise ValueError(f"Request and response object expected, got ({[request, response]})")
    return (request if gather_request else None), response
