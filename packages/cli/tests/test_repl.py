"""``--repl``: the console beside the server, its names, and the no-TTY refusal."""

from __future__ import annotations

import io
import logging
import os
import signal
import sys
import types

import pytest

from hurtle_app import Sanic
from hurtle_cli.repl import BANNER, NOT_A_TTY, Result, banner, repl_locals, start_repl


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


@pytest.fixture(autouse=True)
def signals_sent(monkeypatch) -> list[tuple[int, int]]:
    """The signals the console sends (recorded, not sent: they would stop pytest)."""
    sent: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    return sent


@pytest.mark.parametrize("typed", ["exit()\n", "print('bye')\n"])  # exit(), or Ctrl-D (EOF)
def test_leaving_the_console_stops_the_server_as_ctrl_c_does(app, monkeypatch, signals_sent,
                                                            typed) -> None:
    # As Sanic: exit() or Ctrl-D at the prompt ends the run (the server stops, exit 0);
    # Hurtle's console used to leave the server running without a prompt.
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    thread = start_repl(app, interactive=True)
    assert thread is not None
    thread.join(timeout=10)
    assert signals_sent == [(os.getpid(), signal.SIGINT)]


def test_dev_mode_input_ending_before_enter_leaves_the_server_running(
        app, monkeypatch, signals_sent) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    thread = start_repl(app, interactive=True, wait_for_enter=True)
    assert thread is not None
    thread.join(timeout=10)
    assert signals_sent == []


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


async def test_do_runs_the_request_through_the_app_and_gives_request_and_response(app) -> None:
    do = repl_locals(app)["do"]
    result = await do("/hi")
    assert isinstance(result, Result) and result._fields == ("request", "response")
    request, response = result
    assert repr(request) == "<Request: GET /hi>" and request.method == "GET"
    assert response.status == 200
    missing = await do("/nowhere", headers={"x-one": "1"})
    assert missing.response.status == 404 and missing.request.headers["x-one"] == "1"
    assert app.state.asgi is False  # the console's requests leave the app's mode alone


async def test_do_sees_routes_added_at_the_prompt_and_sends_bodies(app) -> None:
    do = repl_locals(app)["do"]
    await do("/hi")

    seen: list[tuple[str, str | None]] = []

    @app.post("/added")
    async def added(request):
        seen.append((request.body.decode(), request.headers.get("x-h")))
        response = await request.respond(content_type="text/plain")
        await response.send("ok", end_stream=True)

    result = await do("/added", method="post", body="payload", headers=[("x-h", "v")])
    assert result.response.status == 200
    assert seen == [("payload", "v")]


def test_await_works_at_the_prompt(app, monkeypatch, capsys) -> None:
    typed = 'r = await do("/hi")\nprint("status", r.response.status)\nawait asyncio.sleep(0)\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO("import asyncio\n" + typed))
    thread = start_repl(app, interactive=True)
    assert thread is not None
    thread.join(timeout=10)
    captured = capsys.readouterr()
    assert "status 200" in captured.out
    assert "Traceback" not in captured.err


def test_client_points_at_the_running_server_when_httpx_is_there(app, monkeypatch) -> None:
    class FakeClient:
        def __init__(self, base_url: str) -> None:
            self.base_url = base_url

    monkeypatch.setitem(sys.modules, "httpx", types.SimpleNamespace(Client=FakeClient))
    app.state.host, app.state.port = "0.0.0.0", 8123
    assert repl_locals(app)["client"].base_url == "http://127.0.0.1:8123"
    assert "client - " in banner(app)
    monkeypatch.setitem(sys.modules, "httpx", None)  # not installed: no client
    assert "client" not in repl_locals(app)


def test_dev_mode_opens_the_console_once_enter_is_pressed(app, monkeypatch, capsys) -> None:
    from hurtle_cli.repl import PRESS_ENTER

    monkeypatch.setattr(sys, "stdin", io.StringIO("\nprint('after enter')\n"))
    thread = start_repl(app, interactive=True, wait_for_enter=True)
    assert thread is not None
    thread.join(timeout=10)
    captured = capsys.readouterr()
    assert captured.out.startswith(PRESS_ENTER + "\n")
    assert "after enter" in captured.out and BANNER in captured.err


def test_dev_mode_never_opens_the_console_when_input_ends_first(app, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    thread = start_repl(app, interactive=True, wait_for_enter=True)
    assert thread is not None
    thread.join(timeout=10)
    assert BANNER not in capsys.readouterr().err
