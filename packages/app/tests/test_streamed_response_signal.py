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


async def test_each_streamed_piece_is_announced_with_its_wire_bytes(app: Sanic) -> None:
    # As Sanic: ``http.lifecycle.send`` for the head (with the first piece), then for each
    # later piece and for the body's end, with the bytes written (chunk framing included).
    sent: list[bytes] = []

    @app.signal("http.lifecycle.send")
    async def on_send(data: bytes) -> None:
        sent.append(data)

    @app.get("/chunks")
    async def chunks(request: Any) -> None:
        response = await request.respond(content_type="text/plain")
        for piece in ("c0", "c1", "c2"):
            await response.send(piece)

    (response,) = await _get(app, "/chunks")
    assert response.body == b"c0c1c2"
    assert sent[0].endswith(b"\r\n\r\n2\r\nc0\r\n")
    assert sent[1:] == [b"2\r\nc1\r\n", b"2\r\nc2\r\n", b"0\r\n\r\n"]


async def test_a_head_file_stream_under_lifecycle_signals_stops_reading(app: Sanic) -> None:
    # With lifecycle signals the connection's writer is wrapped (each write announced):
    # the built-in file_stream still sees that a HEAD answer drops its body, so an
    # endless file (/dev/zero) no longer keeps the connection from its next request.
    import asyncio

    from hurtle_http.response import file_stream, text

    @app.signal("http.lifecycle.send")
    async def on_send(data: Any) -> None:
        pass

    @app.route("/endless", methods=["GET", "HEAD"])
    async def endless(request: Any) -> Any:
        return await file_stream("/dev/zero", chunk_size=7)

    @app.get("/next")
    async def after(request: Any) -> Any:
        return text("next")

    await app._startup()
    conn = FakeConnection(app)
    conn.receive(b"HEAD /endless HTTP/1.1\r\nhost: x\r\n\r\nGET /next HTTP/1.1\r\nhost: x\r\n\r\n")
    data = b""
    for _ in range(1000):  # the file is read in a thread: wait for it, a bounded while
        await asyncio.sleep(0.01)
        data += conn.take()
        if data.endswith(b"next"):
            break
    split = data.index(b"HTTP/1.1 200 OK", 1)
    [head], [second] = parse_responses(data[:split], head_only=True), parse_responses(data[split:])
    assert (head.status, second.status, second.body) == (200, 200, b"next")
