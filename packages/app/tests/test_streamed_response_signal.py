"""``http.lifecycle.response`` is dispatched for a response the handler streamed.

Sanic announces it once the handler is done: for ``await request.respond()`` (the body
ended by the handler or not) and for a returned ``ResponseStream``, with the started
response, before the body's end is sent. Tracing integrations (ddtrace's Sanic patch)
close the request's span in that signal, so without it a streamed request is never
recorded."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import ResponseStream
from hurtle_http.testing import FakeConnection, parse_responses


async def _get(app: Sanic, path: str) -> list[Any]:
    await app._startup()
    conn = FakeConnection(app)
    conn.receive(f"GET {path} HTTP/1.1\r\nhost: x\r\n\r\n".encode())
    data = b""
    for _ in range(50):
        await conn.settle()
        data += conn.take()
        if data.endswith(b"0\r\n\r\n"):
            break
    return parse_responses(data)


@pytest.mark.parametrize("path", ["/ended", "/open", "/function"])
async def test_streamed_response_is_announced(app: Sanic, path: str) -> None:
    seen: list[tuple[str, int, bool]] = []

    @app.signal("http.lifecycle.response")
    async def on_response(request: Any, response: Any) -> None:
        seen.append((request.path, response.status, response is request.stream.response))

    @app.get("/ended")
    async def ended(request: Any) -> None:
        response = await request.respond(content_type="text/plain", status=201)
        await response.send("a")
        await response.eof()

    @app.get("/open")
    async def still_open(request: Any) -> None:
        response = await request.respond(content_type="text/plain", status=201)
        await response.send("a")

    @app.get("/function")
    async def function(request: Any) -> Any:
        async def body(response: Any) -> None:
            await response.write("a")

        return ResponseStream(body, content_type="text/plain", status=201)

    (response,) = await _get(app, path)
    assert response.status == 201
    assert response.body == b"a"
    assert seen == [(path, 201, True)]
