"""``app.prepare(unix=path)`` without a host or port: ``app.state.host``/``port`` and the
server settings hold the default address (``127.0.0.1``, 8000) beside the path, as in
Sanic 25.12 (seed 001's ``UnixSocketApp``); the socket served is still the path's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sanic import Sanic, text


@pytest.fixture
def app() -> Iterator[Sanic]:
    Sanic.test_mode = True
    app = Sanic("UnixAddressApp", configure_logging=False)
    yield app
    Sanic._app_registry.clear()


def test_a_unix_run_records_the_default_address(app: Sanic, tmp_path: Path) -> None:
    path = str(tmp_path / "app.sock")
    app.prepare(unix=path, single_process=True, motd=False)
    settings = app.state.server_info[0].settings
    assert (settings["host"], settings["port"], settings["unix"]) == ("127.0.0.1", 8000, path)
    assert (app.state.host, app.state.port, app.state.unix) == ("127.0.0.1", 8000, path)


def test_a_unix_run_serves_on_its_path(app: Sanic, tmp_path: Path) -> None:
    import asyncio

    path = str(tmp_path / "app.sock")
    replies: list[bytes] = []

    @app.get("/")
    async def index(request):
        return text(f"{app.state.host} {app.state.port}")

    @app.after_server_start
    async def probe(app: Sanic) -> None:
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        replies.append(await asyncio.wait_for(reader.read(), 5))
        writer.close()
        app.stop()

    app.run(unix=path, single_process=True, motd=False)
    assert replies[0].startswith(b"HTTP/1.1 200 OK")
    assert replies[0].endswith(b"127.0.0.1 8000")
