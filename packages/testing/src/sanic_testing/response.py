"""``TestingResponse``: an ``httpx.Response`` with the attribute names Sanic tests use."""

from __future__ import annotations

import json as _json
from typing import Any

import httpx

__all__ = [
    "LazyRequestResponse",
    "TestingResponse",
    "as_testing_response",
    "attach_raw_cookies",
    "lazy_response",
]


class TestingResponse(httpx.Response):
    """An ``httpx.Response`` that also answers to ``status``, ``body``, ``content_type``
    and a ``json`` *property* (``None`` when the body is not JSON), as sanic-testing's does."""

    __test__ = False  # not a pytest test class, despite the name

    @property
    def status(self) -> int:
        """The HTTP status code (same as ``status_code``)."""
        return self.status_code

    @property
    def body(self) -> bytes:
        """The raw response body (same as ``content``)."""
        return self.content

    @property
    def content_type(self) -> str | None:
        """The ``Content-Type`` header, or ``None``."""
        return self.headers.get("content-type")

    @property
    def json(self) -> Any:  # type: ignore[override]
        """The body parsed as JSON, or ``None`` when it is empty or not JSON.

        Parsed once: every read returns the same object (as sanic-testing's), so a test
        that changes ``response.json[...]`` sees its change on the next read.
        """
        try:
            return self._json
        except AttributeError:
            pass
        try:
            self._json = _json.loads(self.content)
        except (ValueError, UnicodeDecodeError):
            self._json = None
        return self._json


class LazyRequestResponse(TestingResponse):
    """A ``TestingResponse`` whose ``httpx.Request`` is built only when asked for.

    The in-process client sends requests without httpx; building the ``httpx.Request``
    (for ``response.request``, ``response.url``, ``response.cookies``) costs as much as the
    whole in-process call, so it waits until something reads it.
    """

    _lazy_method: str
    _lazy_url: str

    @property  # type: ignore[override]
    def request(self) -> httpx.Request:
        """The request this response answers (built on first access)."""
        if self._request is None:
            self._request = httpx.Request(self._lazy_method, self._lazy_url)
        return self._request

    @request.setter
    def request(self, value: httpx.Request) -> None:
        self._request = value


def as_testing_response(response: httpx.Response | None) -> TestingResponse | None:
    """Give an ``httpx.Response`` the ``TestingResponse`` interface (in place)."""
    if response is None or isinstance(response, TestingResponse):
        return response
    # The class only adds properties, so re-classing keeps every httpx field intact.
    response.__class__ = TestingResponse
    return response  # type: ignore[return-value]


def attach_raw_cookies(response: Any) -> Any:
    """Set ``response.raw_cookies``: each cookie the response set, by name, as the
    ``http.cookiejar.Cookie`` the client keeps (``expires``, ``secure``...), as
    sanic-testing does for ``raw_cookies=True``."""
    if response is not None:
        response.raw_cookies = {cookie.name: cookie for cookie in response.cookies.jar}
    return response


def lazy_response(
    status: int, headers: list[tuple[bytes, bytes]], body: bytes, method: str, url: str
) -> LazyRequestResponse:
    """A complete ``TestingResponse`` for an in-process call, built as cheaply as httpx
    allows: the body is already whole, so it is not streamed through httpx's decoders
    unless the app compressed it."""
    response = LazyRequestResponse(status, headers=headers, stream=httpx.ByteStream(body))
    response._lazy_method = method
    response._lazy_url = url
    if "content-encoding" in response.headers:
        response.read()  # let httpx decode gzip/deflate/...
    else:
        # PERF: httpx's read() re-chunks the bytes through a decoder; the body is final.
        response._content = body
    response.is_stream_consumed = True
    response.is_closed = True
    return response
