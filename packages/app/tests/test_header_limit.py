"""The request-head limit a served app sets (``REQUEST_MAX_HEADER_SIZE`` via ``Http``)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.http import Http
from hurtle_http.response import text


@pytest.fixture(autouse=True)
def _restore_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Http, "HEADER_MAX_SIZE", Http.HEADER_MAX_SIZE)


async def _status(port: int, field_size: int) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * field_size + b"\r\nConnection: close\r\n\r\n"
    )
    line = await asyncio.wait_for(reader.readline(), 5)
    writer.close()
    return line.split(b" ")[1]


async def _serve(app: Sanic) -> Any:
    @app.get("/")
    async def handler(request: Any) -> Any:
        return text("ok")

    server = await app.create_server(port=0, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    return server


async def test_start_up_sets_the_limit_from_the_config_under_the_ceiling() -> None:
    app = Sanic("Limits", configure_logging=False)
    app.config.REQUEST_MAX_HEADER_SIZE = 30_000
    seen: list[int] = []
    app.before_server_start(lambda app: seen.append(Http.HEADER_MAX_SIZE))
    server = await _serve(app)
    try:
        port = server.server.sockets[0].getsockname()[1]
        assert seen == [16_384]
        assert await _status(port, 16_000) == b"200"
        assert await _status(port, 17_000) == b"431"
    finally:
        server.close()
        await server.wait_closed()


async def test_a_listener_may_lower_the_limit() -> None:
    app = Sanic("Lowered", configure_logging=False)
    app.config.REQUEST_MAX_HEADER_SIZE = 1_000
    app.before_server_start(lambda app: Http.set_header_max_size(300))
    server = await _serve(app)
    try:
        port = server.server.sockets[0].getsockname()[1]
        assert await _status(port, 200) == b"200"
        assert await _status(port, 500) == b"431"
    finally:
        server.close()
        await server.wait_closed()
