"""An exception handler that answers with a ``ResponseStream``: it is streamed (with the
response middleware), as in Sanic, not refused with a 500."""

from __future__ import annotations

from typing import Any

from hurtle_app import Sanic
from hurtle_http.response import ResponseStream


class Teapot(Exception):
    pass


async def test_a_response_stream_from_an_exception_handler_is_streamed(
    app: Sanic, call: Any
) -> None:
    @app.exception(Teapot)
    async def streamed(request: Any, exception: Exception) -> ResponseStream:
        async def write(response: Any) -> None:
            await response.write("short ")
            await response.write("and stout")

        return ResponseStream(write, status=418, content_type="text/plain")

    @app.on_response
    async def mark(request: Any, response: Any) -> None:
        response.headers["x-mw"] = "1"

    @app.get("/")
    async def index(request: Any) -> None:
        raise Teapot()

    sent = await call("GET", "/")
    assert sent.status == 418
    assert sent.text == "short and stout"
    assert sent.headers["content-type"] == "text/plain"
    assert sent.headers["x-mw"] == "1"


async def test_a_handler_can_run_a_response_stream_with_its_stream_method(
    app: Sanic, call: Any
) -> None:
    # Sanic's ResponseStream.stream() is the coroutine awaiting the object runs: it sends
    # the head, runs the streaming function and returns the underlying response.
    returned: list[Any] = []

    @app.get("/")
    async def index(request: Any) -> None:
        async def write(response: Any) -> None:
            await response.write("a")
            await response.write("b")

        streamed = ResponseStream(write, content_type="text/plain")
        streamed(request)
        returned.append(await streamed.stream())
        returned.append(streamed.response)

    sent = await call("GET", "/")
    assert sent.status == 200
    assert sent.text == "ab"
    assert returned[0] is returned[1]
