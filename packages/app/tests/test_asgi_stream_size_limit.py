"""Under ASGI, ``request.stream.request_max_size`` reads as in Sanic's ASGI mode:
``inf`` in a ``stream=True`` route (its body is read whatever its size), the app's
``REQUEST_MAX_SIZE`` in a plain one."""

from __future__ import annotations

import asyncio
from typing import Any

from hurtle_app import Sanic
from hurtle_http.response import text

from .test_asgi import http_scope


async def _body_of(app: Sanic, path: str) -> bytes:
    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"hello", "more_body": False}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = http_scope("POST", path)
    scope["headers"].append((b"content-length", b"5"))
    await asyncio.wait_for(app(scope, receive, send), 10)
    return b"".join(m.get("body", b"") for m in sent)


async def test_request_max_size_under_asgi(app: Sanic) -> None:
    app.config.REQUEST_MAX_SIZE = 2000

    @app.post("/streamed", stream=True)
    async def streamed(request: Any) -> Any:
        before = request.stream.request_max_size
        request.stream.request_max_size = 10_000
        body = b"".join([chunk async for chunk in request.stream])
        return text(f"{before} {request.stream.request_max_size} {body.decode()}")

    @app.post("/plain")
    async def plain(request: Any) -> Any:
        return text(f"{request.stream.request_max_size} {request.body.decode()}")

    assert await _body_of(app, "/streamed") == b"inf 10000 hello"
    assert await _body_of(app, "/plain") == b"2000 hello"


async def _answer_to_chunks(app: Sanic, path: str, chunks: list[bytes], length: int | None) -> tuple[int, bytes]:
    messages = [
        {"type": "http.request", "body": chunk, "more_body": n < len(chunks) - 1}
        for n, chunk in enumerate(chunks)
    ]

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        await asyncio.sleep(10)  # (nothing more: the exchange ends first)
        return {"type": "http.disconnect"}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = http_scope("POST", path)
    if length is not None:
        scope["headers"].append((b"content-length", str(length).encode()))
    await asyncio.wait_for(app(scope, receive, send), 10)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent)


async def test_a_limit_the_stream_handler_sets_is_applied_as_when_served(app: Sanic) -> None:
    # Served (Hurtle and Sanic), a limit set on request.stream by a stream=True handler
    # is applied to the reads after it: 413. Under ASGI it was read back but not applied.
    reads: list[str] = []

    @app.post("/limited", stream=True)
    async def limited(request: Any) -> Any:
        request.stream.request_max_size = 100
        size = 0
        try:
            while (chunk := await request.stream.read()) is not None:
                size += len(chunk)
        except Exception as error:
            reads.append(f"{type(error).__name__} after {size}")
            raise
        return text(f"read {size}")

    chunks = [b"a" * 60, b"b" * 60, b"c" * 60]
    status, body = await _answer_to_chunks(app, "/limited", chunks, None)
    assert (status, reads) == (413, ["PayloadTooLarge after 60"]), body
    reads.clear()
    status, body = await _answer_to_chunks(app, "/limited", chunks, 180)
    assert (status, reads) == (413, ["PayloadTooLarge after 0"]), body


async def test_a_stream_handler_may_raise_the_limit_above_request_max_size(app: Sanic) -> None:
    app.config.REQUEST_MAX_SIZE = 50

    @app.post("/raised", stream=True)
    async def raised(request: Any) -> Any:
        request.stream.request_max_size = 1000
        return text(f"read {len(b''.join([chunk async for chunk in request.stream]))}")

    assert await _answer_to_chunks(app, "/raised", [b"x" * 100, b"y" * 100], 200) == (200, b"read 200")
