"""``bool(request.stream)`` (the connection's ``Http``) as in Sanic: true while a request
is handled or answered, false once its response is complete, so ``if response.stream:``
tells a handler or a task whether it can still send."""

from __future__ import annotations

import asyncio
from typing import Any

from hurtle_app import Sanic
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, parse_responses


async def _serve(app: Sanic, data: bytes, count: int) -> list:
    conn = FakeConnection(app)
    conn.receive(data)
    sent = b""
    for _ in range(200):
        await conn.settle()
        sent += conn.take()
        parsed = parse_responses(sent) if sent else []
        if len(parsed) >= count:
            return parsed
        await asyncio.sleep(0.001)
    raise AssertionError(f"fewer than {count} answers: {sent!r}")


async def test_the_stream_is_false_once_the_response_is_complete(app: Sanic) -> None:
    seen: list[tuple[str, bool, bool]] = []
    done = asyncio.Event()
    tasks: list[asyncio.Task] = []

    @app.get("/streamed")
    async def streamed(request: Any) -> None:
        response = await request.respond(content_type="text/plain")
        seen.append(("respond", bool(request.stream), bool(response.stream)))
        await response.send("a")
        seen.append(("send", bool(request.stream), bool(response.stream)))
        await response.eof()
        seen.append(("eof", bool(request.stream), bool(response.stream)))

    @app.get("/returned")
    async def returned(request: Any) -> Any:
        async def later() -> None:
            await asyncio.sleep(0.01)
            seen.append(("task", bool(request.stream), True))
            done.set()

        tasks.append(asyncio.ensure_future(later()))
        seen.append(("handler", bool(request.stream), True))
        return text("ok")

    await app._startup()
    (answer,) = await _serve(app, b"GET /streamed HTTP/1.1\r\nHost: x\r\n\r\n", 1)
    assert answer.body == b"a"
    (answer,) = await _serve(app, b"GET /returned HTTP/1.1\r\nHost: x\r\n\r\n", 1)
    await asyncio.wait_for(done.wait(), 5)
    assert seen == [
        ("respond", True, True),
        ("send", True, True),
        ("eof", False, False),
        ("handler", True, True),
        ("task", False, True),
    ]
