"""``--repl``: the console beside the server, its names, and the no-TTY refusal."""

from __future__ import annotations

import asyncio
import io
import logging
import sys

import pytest

from hurtle_app import Sanic
from hurtle_cli.repl import BANNER, NOT_A_TTY, banner, repl_locals, start_repl


@pytest.fixture
def app():
    app = Sanic("ReplApp")

    @app.get("/hi")
    async def hi(request):
        response = await request.respond(content_type="text/plain")
        await response.send(f"hi {request.method}", end_stream=True)

    def helper():
        """Helps."""

    app.repl_ctx.add(helper)
    yield app
    Sanic._app_registry.pop("ReplApp", None)


def test_without_a_tty_the_console_is_refused_with_sanics_message(app, caplog) -> None:
    with caplog.at_level(logging.ERROR):
        assert start_repl(app, interactive=False) is None
    assert ("sanic.error", logging.ERROR, NOT_A_TTY) in caplog.record_tuples


def test_the_console_offers_the_app_do_and_the_repl_ctx_names(app) -> None:
    names = repl_locals(app)
    assert names["app"] is app and callable(names["do"]) and names["helper"].__name__ == "helper"
    assert banner(app).startswith(BANNER) and "helper - Helps." in banner(app)


def test_the_console_runs_what_is_typed(app, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("print('name is', app.name)\n"))
    thread = start_repl(app, interactive=True)
    assert thread is not None
    thread.join(timeout=10)
    captured = capsys.readouterr()
    assert "name is ReplApp" in captured.out and ">>> " in captured.out
    assert BANNER in captured.err


async def test_do_sends_a_request_to_the_running_server(app) -> None:
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        app.state.port = server.server.sockets[0].getsockname()[1]
        status, headers, body = await asyncio.to_thread(repl_locals(app)["do"], "/hi", "post")
        allowed = {name.lower(): value for name, value in headers.items()}["allow"]
        assert status == 405 and "GET" in allowed
        status, _, body = await asyncio.to_thread(repl_locals(app)["do"], "/hi")
        assert (status, body) == (200, "hi GET")
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()
