"""An ``http.lifecycle.read_head`` handler that raises: the request is answered as a bad
head, as in Sanic (a 400 ``BadRequest("Bad Request")`` whose context is the handler's error,
whatever it raised, and the connection closes after it)."""

from __future__ import annotations

import asyncio
from typing import Any

from hurtle_app import Sanic
from hurtle_http.exceptions import BadRequest, Forbidden
from hurtle_http.response import text

from .conftest import served


def _app(name: str, error: Exception) -> tuple[Sanic, list[str]]:
    app = Sanic(name, configure_logging=False)
    seen: list[str] = []

    @app.signal("http.lifecycle.read_head")
    async def read_head(head: bytes) -> None:
        if b"X-Fail" in head:
            raise error

    @app.report_exception
    async def report(app_: Sanic, exception: Exception) -> None:
        seen.append(f"reported {type(exception).__name__}")

    @app.exception(BadRequest)
    async def bad_request(request: Any, exception: Exception) -> Any:
        context = exception.__context__
        seen.append(f"handler {exception!r} context={type(context).__name__}")
        return text("bad head", status=exception.status_code)

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    return app, seen


async def _exchange(port: int) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        # a failing head, then a good request on the same connection
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nX-Fail: 1\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
        return await asyncio.wait_for(reader.read(), 5)  # until the server closes
    finally:
        writer.close()


async def test_a_raising_read_head_handler_is_a_400_that_closes() -> None:
    app, seen = _app("ReadHeadRuntime", RuntimeError("boom"))
    async with served(app) as port:
        data = await _exchange(port)
    assert data.startswith(b"HTTP/1.1 400 Bad Request\r\n")
    assert b"connection: close" in data.lower()
    assert data.endswith(b"bad head")  # the second request got no answer
    assert seen == [
        "reported RuntimeError",
        "reported BadRequest",
        "handler BadRequest('Bad Request') context=RuntimeError",
    ]


async def test_an_http_error_in_read_head_is_still_a_bad_request() -> None:
    app, seen = _app("ReadHeadForbidden", Forbidden("nope"))
    async with served(app) as port:
        data = await _exchange(port)
    assert data.startswith(b"HTTP/1.1 400 Bad Request\r\n")
    assert "handler BadRequest('Bad Request') context=Forbidden" in seen
