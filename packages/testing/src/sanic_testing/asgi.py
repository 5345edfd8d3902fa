"""``SanicASGITestClient``: an ``httpx.AsyncClient`` that calls the app in-process through
its ASGI interface; every call returns ``(request, response)``."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import httpx

from sanic_testing.asgi_driver import (
    CLIENT_ADDR,
    WebsocketResult,
    asgi_websocket,
    websocket_headers,
)
from sanic_testing.capture import _SINK, RequestRecorder, recording_sink
from sanic_testing.constants import ASGI_BASE_URL
from sanic_testing.lifespan import ListenerLifespan
from sanic_testing.response import as_testing_response, attach_raw_cookies
from sanic_testing.running import cookies_as_header, enable_test_mode
from sanic_testing.websocket import Mimic

__all__ = ["SanicASGITestClient", "app_call_with_return"]


class SanicASGITestClient(httpx.AsyncClient):
    """The async client behind ``app.asgi_client``: no socket, no server.

    ``await client.get(uri, ...)`` (and ``post``, ``put``, ``patch``, ``delete``, ``head``,
    ``options``, ``request(method, uri, gather_request=True, ...)``) return
    ``(request, response)``.  As in Sanic, every call is a whole ASGI lifespan: the app's
    start-up listeners run before it and its stop listeners after it.  With ``suppress_exceptions=True`` an
    exception escaping the app becomes a 500 response instead of being raised.
    """

    __test__ = False  # not a pytest test class, despite the name

    def __init__(
        self, app: Any, base_url: str = ASGI_BASE_URL, suppress_exceptions: bool = False
    ) -> None:
        transport = httpx.ASGITransport(
            app=app, raise_app_exceptions=not suppress_exceptions, client=CLIENT_ADDR
        )
        super().__init__(transport=transport, base_url=base_url)
        self._base_given = base_url != ASGI_BASE_URL
        self.sanic_app = app
        self.gather_request = True
        self.last_request: Any = None
        enable_test_mode(app)
        # As sanic-testing's: the app counts as served by ASGI from here on (``app.asgi``,
        # ``serve_location``, ``app.loop`` before start-up); serving it otherwise (the
        # socket client, ``app.run``) sets it back.
        app.asgi = True

    # Made on first use, from ``sanic_app``: a subclass whose __init__ skips this one's
    # (and sets ``sanic_app``, ``gather_request``, ``last_request`` and its own transport,
    # as sanic-testing's subclasses do) still gets them.
    @cached_property
    def _recorder(self) -> RequestRecorder:
        return RequestRecorder.for_app(self.sanic_app)

    @cached_property
    def _lifespan(self) -> ListenerLifespan:
        return ListenerLifespan(self.sanic_app, keep_tasks=True)

    def __getstate__(self) -> dict[str, Any]:
        # An app is picklable (workers started with "spawn" get it that way), and with it
        # the clients its TestManager attached; httpx's cookie jar holds a lock, which
        # cannot be pickled: the copy starts with an empty jar.
        state = self.__dict__.copy()
        state.pop("_cookies", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._cookies = httpx.Cookies()

    async def request(  # type: ignore[override]
        self, method: str, url: Any, gather_request: bool = True, *args: Any, **kwargs: Any
    ) -> tuple[Any, Any]:
        """Send one request through the app; returns ``(request, response)``
        (``(None, response)`` with ``gather_request=False``)."""
        await self._lifespan.ensure_started()
        raw_cookies = kwargs.pop("raw_cookies", False)
        url = self._call_url(url)
        cookies_as_header(kwargs, self.base_url.join(url))
        self.gather_request = gather_request
        try:
            with self._recorder.installed(), recording_sink() as sink:
                response = await super().request(method, url, *args, **kwargs)
        finally:
            await self._lifespan.shutdown()
        # The last request the app saw: with ``follow_redirects=True`` that is the one that
        # made the final response, as under sanic-testing.
        request = sink[-1] if sink else None
        self.last_request = request
        response = as_testing_response(response)
        if raw_cookies:
            attach_raw_cookies(response)
        return (request if gather_request else None), response

    def _call_url(self, url: Any) -> Any:
        """As sanic-testing: a path goes to ``testing.ASGI_HOST:ASGI_PORT`` as they are at
        the call (a suite may set them); a ``base_url`` given to the client wins."""
        if (
            self.__dict__.get("_base_given", False)
            or not isinstance(url, str)
            or not url.startswith("/")
            or url.startswith("//")
        ):
            return url
        from sanic_testing import testing

        return f"http://{testing.ASGI_HOST}:{testing.ASGI_PORT}{url}"

    async def websocket(
        self,
        uri: str,
        subprotocols: list[str] | None = None,
        *args: Any,
        mimic: Mimic | None = None,
        headers: Any = None,
        gather_request: bool = True,
        **kwargs: Any,
    ) -> tuple[Any, WebsocketResult]:
        """Open a websocket to ``uri`` in-process; ``await mimic(ws)`` plays the client.

        Returns ``(request, result)``: ``result["opened"]`` says whether the app accepted,
        and ``result.server_received`` / ``result.server_sent`` list the messages.
        """
        await self._lifespan.ensure_started()
        url = self._merge_url(uri)
        url = url.copy_with(scheme="wss" if url.scheme == "https" else "ws")
        fields = websocket_headers(
            url,
            headers,
            subprotocols,
            (
                ("connection", "upgrade"),
                ("upgrade", "websocket"),
                ("sec-websocket-version", "13"),
                ("sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="),
            ),
        )
        try:
            with self._recorder.installed(), recording_sink() as sink:
                result = await asgi_websocket(self.sanic_app, url, fields, subprotocols, mimic)
        finally:
            await self._lifespan.shutdown()
        request = sink[0] if sink else None
        self.last_request = request
        return (request if gather_request else None), result

    async def __aexit__(self, *exc_info: Any) -> None:
        try:
            await self._lifespan.shutdown()
        finally:
            await super().__aexit__(*exc_info)

    async def aclose(self) -> None:
        """Close the client and run the app's stop listeners (if its start-up ones ran)."""
        try:
            await self._lifespan.shutdown()
        finally:
            await super().aclose()


async def app_call_with_return(self: Any, scope: Any, receive: Any, send: Any) -> Any:
    """Serve one ASGI call as ``app(scope, receive, send)`` does and return the
    ``Request`` the app built for it (``None`` for a lifespan call).

    sanic-testing's name: client subclasses install it as the app class's ``__call__``.
    """
    from hurtle_app.asgi import ASGIApp

    with RequestRecorder.for_app(self).installed():
        outer = _SINK.get()
        if outer is None:
            with recording_sink() as sink:
                await ASGIApp.create(self, scope, receive, send)
            return sink[0] if sink else None
        # Inside a client's call: the request also goes to that call's record.
        start = len(outer)
        await ASGIApp.create(self, scope, receive, send)
        return outer[start] if len(outer) > start else None
