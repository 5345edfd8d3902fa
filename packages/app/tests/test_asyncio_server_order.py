"""``app.create_server(return_asyncio_server=True)`` gives an ``AsyncioServer`` whose steps
need ``await server.startup()`` first, as in Sanic 25.12: without it every listener step and
serving raise ``SanicException`` (and no listener runs)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import SanicException
from hurtle_http.response import text


@pytest.fixture
def app() -> Sanic:
    app = Sanic("ServerOrder", configure_logging=False)
    app.ctx.ran = []

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("x")

    for event in ("before_server_start", "after_server_start", "before_server_stop",
                  "after_server_stop"):
        app.register_listener(lambda app, event=event: app.ctx.ran.append(event), event)
    return app


@pytest.mark.parametrize("step", ["before_start", "after_start", "before_stop", "after_stop"])
async def test_a_listener_step_before_startup_is_refused(app: Sanic, step: str) -> None:
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    try:
        with pytest.raises(SanicException) as caught:
            await getattr(server, step)()
        assert str(caught.value) == (
            "Cannot dispatch server event without first running await server.startup()"
        )
        assert app.ctx.ran == []
        assert not server.is_serving()
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize("step", ["start_serving", "serve_forever"])
async def test_serving_before_startup_is_refused(app: Sanic, step: str) -> None:
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    try:
        with pytest.raises(SanicException) as caught:
            await asyncio.wait_for(getattr(server, step)(), timeout=5)
        assert str(caught.value) == (
            "Cannot run Sanic server without first running await server.startup()"
        )
    finally:
        server.close()
        await server.wait_closed()


async def test_an_app_marked_started_serves_without_startup(app: Sanic) -> None:
    # Sanic's check is app.state.is_started, which its guide's "HTTP to HTTPS redirect"
    # recipe sets by hand to serve a second app from the main app's listeners (then
    # serve_forever()). That server refused to serve here (the client waited for ever);
    # the app now composes its routes on the first request.
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    try:
        app.state.is_started = True
        await asyncio.wait_for(server.start_serving(), timeout=5)
        port = server.server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        reply = await asyncio.wait_for(reader.read(), timeout=5)
        writer.close()
        assert reply.startswith(b"HTTP/1.1 200 OK\r\n")
        assert reply.endswith(b"\r\n\r\nx")
    finally:
        server.close()
        await server.wait_closed()


async def test_every_step_runs_after_startup(app: Sanic) -> None:
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    assert server.is_serving()
    await server.before_stop()
    server.close()
    await server.wait_closed()
    await server.after_stop()
    assert app.ctx.ran == [
        "before_server_start", "after_server_start", "before_server_stop", "after_server_stop"
    ]


async def test_return_asyncio_server_false_is_ignored_with_a_deprecation(app: Sanic) -> None:
    """Sanic 25.12 ignores ``return_asyncio_server=False`` (with a DeprecationWarning): the
    server is returned all the same, and the usual steps start it."""
    with pytest.warns(DeprecationWarning, match=r"^\[DEPRECATION v24\.3\] The `return_asyncio_"):
        server = await app.create_server(
            host="127.0.0.1", port=0, return_asyncio_server=False
        )
    assert server is not None
    try:
        assert not server.is_serving()
        await server.startup()
        await server.before_start()
        await server.after_start()
        assert server.is_serving()
        assert app.ctx.ran == ["before_server_start", "after_server_start"]
    finally:
        server.close()
        await server.wait_closed()


async def test_is_running_turns_true_after_the_after_server_start_listeners(app: Sanic) -> None:
    # As Sanic: an after_server_start listener still sees is_running False.
    seen: list[bool] = []
    app.register_listener(lambda app: seen.append(app.state.is_running), "after_server_start")
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    try:
        await server.startup()
        await server.before_start()
        await server.after_start()
        assert server.is_serving()
        assert seen == [False]
        assert app.state.is_running
    finally:
        server.close()
        await server.wait_closed()


async def test_start_serving_false_is_honoured_until_start_serving(app: Sanic) -> None:
    # asyncio_server_kwargs={"start_serving": False} (seed 001): as in Sanic 25.12, the
    # listener steps do not start accepting; start_serving() does. after_start() used to
    # start serving regardless of what the caller asked.
    server = await app.create_server(
        host="127.0.0.1", port=0, asyncio_server_kwargs={"start_serving": False}
    )
    try:
        await server.startup()
        await server.before_start()
        await server.after_start()
        assert app.ctx.ran == ["before_server_start", "after_server_start"]
        assert not server.is_serving()
        await server.start_serving()
        assert server.is_serving()
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize(
    "step", ["before_start", "after_start", "before_stop", "after_stop", "start_serving",
             "serve_forever"]
)
async def test_a_step_before_startup_is_refused_at_the_call_not_the_await(
    app: Sanic, step: str
) -> None:
    # As Sanic: code written for older versions calls server.after_start() without awaiting
    # it (a livereload server started in a listener); it must fail there, not leave a bound
    # server that never answers.
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    try:
        with pytest.raises(SanicException, match="without first running await server.startup"):
            getattr(server, step)()
        assert app.ctx.ran == []
    finally:
        server.close()
        await server.wait_closed()


async def test_after_startup_the_steps_return_awaitables_that_run_the_listeners(
    app: Sanic,
) -> None:
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    try:
        await server.startup()
        pending = server.before_start()
        assert app.ctx.ran == []
        await pending
        await server.after_start()
        assert app.ctx.ran == ["before_server_start", "after_server_start"]
        assert server.is_serving()
        await server.before_stop()
    finally:
        server.close()
        await server.wait_closed()
        await server.after_stop()
    assert app.ctx.ran[-2:] == ["before_server_stop", "after_server_stop"]


def test_the_stop_steps_complete_after_a_ctrl_c_that_stopped_the_loop(app: Sanic) -> None:
    # A script driving the server by hand catches Ctrl-C around loop.run_forever() and
    # calls loop.stop() there (the loop no longer runs: that stop is left pending), then
    # runs before_stop(), close() and after_stop() with run_until_complete. As in Sanic,
    # each step with nothing to wait for ends within the first turn of the loop, so the
    # pending stop does not cut one short. after_stop() used to give the loop a turn
    # first even with no task to cancel: RuntimeError 'Event loop stopped before Future
    # completed', and the after_server_stop listeners never ran.
    loop = asyncio.new_event_loop()
    try:
        server = loop.run_until_complete(
            app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
        )
        loop.run_until_complete(server.startup())
        loop.run_until_complete(server.before_start())
        loop.run_until_complete(server.after_start())
        loop.stop()  # what the KeyboardInterrupt handler does
        loop.run_until_complete(server.before_stop())
        loop.run_until_complete(server.close())
        loop.run_until_complete(server.after_stop())
        assert app.ctx.ran == [
            "before_server_start", "after_server_start", "before_server_stop",
            "after_server_stop",
        ]
    finally:
        loop.close()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_a_port_given_as_a_string_is_served_as_in_sanic(app: Sanic) -> None:
    # Sanic's create_server lets asyncio look the string up, so port="8000" serves;
    # Hurtle's bind refused it ('str' object cannot be interpreted as an integer).
    port = _free_port()
    server = await app.create_server(host="127.0.0.1", port=str(port))
    try:
        await server.startup()
        await server.after_start()
        assert server.is_serving()
        assert app.state.port == port
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert (await reader.read()).startswith(b"HTTP/1.1 200 OK\r\n")
        writer.close()
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize("port", ["http-ish", 8000.5, [8000]])
async def test_a_port_that_is_not_a_number_is_named(app: Sanic, port: Any) -> None:
    with pytest.raises(TypeError) as caught:
        await app.create_server(host="127.0.0.1", port=port)
    assert str(caught.value) == f"port is a number from 0 to 65535, such as 8000, not {port!r}"


async def test_after_start_on_a_closed_server_runs_its_listeners_and_serves_nothing(
    app: Sanic,
) -> None:
    # As Sanic: after close(), startup() and after_start() run the after_server_start
    # listeners and the server stays closed. after_start() started serving on the closed
    # asyncio server, which failed inside asyncio (TypeError: 'NoneType' object is not
    # iterable) before the listeners, and left is_serving() True.
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    await server.close()
    await server.startup()
    await asyncio.wait_for(server.after_start(), timeout=5)
    assert app.ctx.ran == ["after_server_start"]
    assert not server.is_serving()
    await server.wait_closed()
