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
