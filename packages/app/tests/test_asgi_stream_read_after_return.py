"""Under ASGI, a stream=True handler that hands the rest of its body to a task and returns:
once the exchange is over the task's reads get the body's end, as in Sanic's ASGI mode."""

from __future__ import annotations

import asyncio
from typing import Any

from hurtle_app import Sanic
from hurtle_http.response import text

from .test_asgi import http_scope


async def test_a_task_reading_after_the_exchange_ended_gets_the_end(app: Sanic) -> None:
    # Nothing read the server's messages once the handler returned, so the task waited
    # on them forever (a task leaked per request); Sanic's ends it with the body's end.
    tasks: list[asyncio.Task] = []
    got: list[bytes] = []

    async def rest(request: Any) -> str:
        async for chunk in request.stream:
            got.append(chunk)
        return "ended"

    @app.post("/upload", stream=True)
    async def upload(request: Any) -> Any:
        first = await request.stream.read()
        tasks.append(asyncio.ensure_future(rest(request)))
        await asyncio.sleep(0)
        return text(f"first {len(first)}")

    client_left = asyncio.Event()
    messages = [{"type": "http.request", "body": b"abc", "more_body": True}]

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        await client_left.wait()  # the rest of the body never comes
        return {"type": "http.disconnect"}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = http_scope("POST", "/upload")
    scope["headers"].append((b"content-length", b"10"))
    await asyncio.wait_for(app(scope, receive, send), 10)
    assert b"".join(m.get("body", b"") for m in sent) == b"first 3"
    assert await asyncio.wait_for(tasks[0], 5) == "ended"
    assert got == []
    client_left.set()
