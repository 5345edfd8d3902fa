"""What ``app.create_server`` called by the user says, as Sanic 25.12: warnings about what
it cannot honour (main-process listeners, a USE_UVLOOP setting: the loop already exists),
and an address in use named as asyncio names it."""

from __future__ import annotations

import errno
import logging
from collections.abc import Iterator

import pytest

from hurtle_app.serving import banner_shown
from sanic import Sanic

MAIN_PROCESS = "Listener events for the main process are not available with create_server()"
UVLOOP = (
    "You are trying to change the uvloop configuration, but this is only effective when "
    "using the run(...) method. When using the create_server(...) method Sanic will use "
    "the already existing loop."
)


@pytest.fixture
def app() -> Iterator[Sanic]:
    Sanic.test_mode = True
    app = Sanic("CreateServerWarnings", configure_logging=False)
    app.config.MOTD = False
    yield app
    Sanic._app_registry.clear()


async def _warnings(app: Sanic, caplog: pytest.LogCaptureFixture) -> list[tuple[str, str]]:
    with caplog.at_level(logging.WARNING):
        server = await app.create_server(host="127.0.0.1", port=0)
    server.close()
    await server.wait_closed()
    return [(r.name, r.getMessage()) for r in caplog.records if r.levelno == logging.WARNING]


@pytest.mark.parametrize("event", ["main_process_start", "main_process_stop"])
async def test_main_process_listeners(app: Sanic, event: str, caplog) -> None:
    app.register_listener(lambda app: None, event)
    assert await _warnings(app, caplog) == [("sanic.root", MAIN_PROCESS)]


@pytest.mark.parametrize("value", [True, False])
async def test_a_uvloop_setting(app: Sanic, value: bool, caplog) -> None:
    app.config.USE_UVLOOP = value
    assert await _warnings(app, caplog) == [("sanic.error", UVLOOP)]


async def test_nothing_to_say(app: Sanic, caplog) -> None:
    app.main_process_ready(lambda app: None)  # Sanic says nothing of this one
    assert await _warnings(app, caplog) == []


async def test_not_when_a_test_client_serves_the_app(app: Sanic, caplog) -> None:
    app.main_process_start(lambda app: None)
    app.config.USE_UVLOOP = False
    token = banner_shown.set(True)
    try:
        assert await _warnings(app, caplog) == []
    finally:
        banner_shown.reset(token)


async def test_an_address_in_use_names_it_as_sanics_create_server(app: Sanic) -> None:
    # Sanic's create_server lets asyncio bind, whose message says where.
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError) as caught:
            await app.create_server(host="127.0.0.1", port=port)
    assert caught.value.errno == errno.EADDRINUSE
    assert str(caught.value) == (
        f"[Errno {errno.EADDRINUSE}] error while attempting to bind on address "
        f"('127.0.0.1', {port}): address already in use"
    )


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_the_warning_follows_the_banner_as_in_sanic(app: Sanic, caplog) -> None:
    # Sanic prints its banner, then says what create_server cannot honour; Hurtle said
    # it first, so the warning stood above the banner it is about.
    app.config.MOTD = True
    app.main_process_start(lambda app: None)
    with caplog.at_level(logging.INFO):
        server = await app.create_server(host="127.0.0.1", port=_free_port())
    server.close()
    await server.wait_closed()
    messages = [r.getMessage() for r in caplog.records]
    assert MAIN_PROCESS in messages
    banner = [i for i, m in enumerate(messages) if m.startswith("Goin' Fast @ http://127.0.0.1:")]
    assert banner and banner[0] < messages.index(MAIN_PROCESS)


async def test_the_users_server_counts_one_worker_as_in_sanic(app: Sanic) -> None:
    # app.state.workers read 0 under create_server; Sanic's reads 1 (one server, here).
    assert app.state.workers == 0
    server = await app.create_server(host="127.0.0.1", port=_free_port())
    try:
        assert app.state.workers == 1
    finally:
        server.close()
        await server.wait_closed()
