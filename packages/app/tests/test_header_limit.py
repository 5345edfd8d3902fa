"""The request-head limit a served app sets (``REQUEST_MAX_HEADER_SIZE`` via ``Http``)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.http import Http
from hurtle_http.response import text

from .conftest import served


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


def _route(app: Sanic) -> Sanic:
    @app.get("/")
    async def handler(request: Any) -> Any:
        return text("ok")

    return app


async def test_start_up_sets_the_limit_from_the_config_under_the_ceiling() -> None:
    app = Sanic("Limits", configure_logging=False)
    app.config.REQUEST_MAX_HEADER_SIZE = 30_000
    seen: list[int] = []
    app.before_server_start(lambda app: seen.append(Http.HEADER_MAX_SIZE))
    async with served(_route(app)) as port:
        assert seen == [16_384]
        assert await _status(port, 16_000) == b"200"
        assert await _status(port, 17_000) == b"431"


async def test_a_listener_may_lower_the_limit() -> None:
    app = Sanic("Lowered", configure_logging=False)
    app.config.REQUEST_MAX_HEADER_SIZE = 1_000
    app.before_server_start(lambda app: Http.set_header_max_size(300))
    async with served(_route(app)) as port:
        assert await _status(port, 200) == b"200"
        assert await _status(port, 500) == b"431"


async def test_the_limit_follows_the_setting_once_served() -> None:
    # As Sanic: REQUEST_MAX_HEADER_SIZE set in a listener or by a handler bounds the heads
    # of the connections opened after. It was read once, before before_server_start:
    # raised in a listener it still refused a 10000-byte field, lowered by a handler it
    # still let through what the handler meant to refuse.
    app = Sanic("Live", configure_logging=False)
    app.before_server_start(lambda app: app.config.update(REQUEST_MAX_HEADER_SIZE=12_000))

    @app.get("/lower")
    async def lower(request: Any) -> Any:
        app.config.REQUEST_MAX_HEADER_SIZE = 300
        return text("lowered")

    async with served(_route(app)) as port:
        assert await _status(port, 10_000) == b"200"
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /lower HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert b" 200 " in await asyncio.wait_for(reader.readline(), 5)
        writer.close()
        assert await _status(port, 200) == b"200"
        assert await _status(port, 500) == b"431"


def test_a_new_config_sets_the_limit_of_the_process() -> None:
    # As Sanic: the last config made or changed decides (Http.HEADER_MAX_SIZE).
    Sanic("First", configure_logging=False).config.REQUEST_MAX_HEADER_SIZE = 1_000
    assert Http.HEADER_MAX_SIZE == 1_000
    Sanic("Second", configure_logging=False)
    assert Http.HEADER_MAX_SIZE == 8192
