"""A request middleware that answers a path no route takes with a stream (a file server
written as middleware: ``return await file_stream(path)``) is answered with that stream."""

from __future__ import annotations

from typing import Any

from hurtle_app import Sanic
from hurtle_http.response import ResponseStream, text


async def test_a_stream_from_request_middleware_answers_an_unrouted_path(
    app: Sanic, call: Any
) -> None:
    # As Sanic: RT's backend serves its media files from a request middleware with
    # file_stream(); the stream is sent as a handler's would be, and the response
    # middleware sees it. Hurtle answered 500 "Invalid response type <ResponseStream>".
    @app.middleware("request")
    async def serve(request: Any) -> Any:
        if request.path.endswith(".gen"):

            async def gen(response: Any) -> None:
                await response.write("one,")
                await response.write("two")

            return ResponseStream(gen, content_type="text/csv")
        return None

    @app.middleware("response")
    async def tag(request: Any, response: Any) -> None:
        response.headers["x-mw"] = type(response).__name__

    @app.get("/page")
    async def page(request: Any) -> Any:
        return text("page")

    streamed = await call("GET", "/media/a.gen")
    assert streamed.status == 200 and streamed.body == b"one,two"
    assert streamed.headers["content-type"] == "text/csv"
    assert streamed.headers["x-mw"] == "ResponseStream"
    assert (await call("GET", "/nothing")).status == 404
    assert (await call("GET", "/page")).text == "page"


async def test_a_non_response_from_response_middleware_leaves_that_stream_alone(
    app: Sanic, call: Any
) -> None:
    # As Sanic: on this path (no route, the request middleware's stream) the value is
    # dropped and the stream goes out; for a handler's stream it is a 500
    # (test_stream_response_middleware.py).
    @app.middleware("request")
    async def serve(request: Any) -> Any:
        async def gen(response: Any) -> None:
            await response.write("streamed")

        return ResponseStream(gen, content_type="text/csv")

    @app.middleware("response")
    async def junk(request: Any, response: Any) -> Any:
        return "not a response"

    sent = await call("GET", "/anything")
    assert (sent.status, sent.body) == (200, b"streamed")
