"""A stream=True handler that hands the rest of its body to a task and returns: the task
reads what still comes while the server waits for the body's end, as in Sanic 25.12."""

from __future__ import annotations

import asyncio
from typing import Any

from hurtle_http.response import text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, parse_responses

HEAD = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n"
NEXT = b"GET /next HTTP/1.1\r\nHost: x\r\n\r\n"


async def test_a_task_reading_after_the_handler_returned_gets_the_rest_and_ends() -> None:
    # The server's own read of the unread rest replaced the task's wait, so the task was
    # never woken: it waited forever (a leaked task) and its bytes went to the drain.
    got: list[bytes] = []
    ended: list[bool] = []
    tasks: list[asyncio.Task] = []

    async def rest(request: Any) -> None:
        async for chunk in request.stream:
            got.append(chunk)
        ended.append(True)

    async def handler(request: Any) -> Any:
        if request.path == "/next":
            return text("next")
        first = await request.stream.read()
        tasks.append(asyncio.ensure_future(rest(request)))
        await asyncio.sleep(0)
        return text(f"first {len(first)}")

    conn = FakeConnection(HandlerApp(handler, stream=True))
    conn.receive(HEAD + b"a" * 10)
    await conn.settle()
    assert [r.body for r in parse_responses(conn.take())] == [b"first 10"]
    conn.receive(b"b" * 5)
    await conn.settle()
    conn.receive(b"c" * 5 + NEXT)
    await conn.settle()
    assert [r.body for r in parse_responses(conn.take())] == [b"next"]
    assert (b"".join(got), ended) == (b"bbbbbccccc", [True])
    assert tasks[0].done() and not conn.closed
