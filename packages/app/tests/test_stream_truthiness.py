"""``bool(request.stream)`` (the connection's ``Http``) as in Sanic: true while a request
is handled or answered, false once its response is complete, so ``if response.stream:``
tells a handler or a task whether it can still send."""

from __future__ import annotations

import asyncio
from typing import Any

from hurtle_app import Sanic
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection

from .test_stream_size_limit import _answers


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
    conn = FakeConnection(app)
    (answer,) = await _answers(app, b"GET /streamed HTTP/1.1\r\nHost: x\r\n\r\n", 1, conn)
    assert answer.body == b"a"
    (answer,) = await _answers(app, b"GET /returned HTTP/1.1\r\nHost: x\r\n\r\n", 1, conn)
    await asyncio.wait_for(done.wait(), 5)
    assert seen == [
        ("respond", True, True),
        ("send", True, True),
        ("eof", False, False),
        ("handler", True, True),
        ("task", False, True),
    ]
