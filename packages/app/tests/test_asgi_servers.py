"""What differs between ASGI servers: lifespan support (daphne has none) and how a failed
start-up is reported in the log (the servers print only the ``message``)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text

from .conftest import run_asgi

LIFESPAN = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]


def http_scope(path: str = "/") -> dict[str, Any]:
    # As daphne sends it: no raw_path, no extensions, asgi version only.
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"x")],
        "client": ["127.0.0.1", 5000],
        "server": ["127.0.0.1", 8000],
    }


def body_of(sent: list[dict[str, Any]]) -> bytes:
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


REQUEST = [{"type": "http.request", "body": b"", "more_body": False}]


async def test_a_server_without_lifespan_is_told_once_that_listeners_do_not_run(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    ran: list[str] = []
    app.register_listener(lambda app: ran.append("start"), "before_server_start")

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    with caplog.at_level(logging.WARNING, logger="sanic.error"):
        first = await run_asgi(app, http_scope(), REQUEST)
        second = await run_asgi(app, http_scope(), REQUEST)
    assert body_of(first) == body_of(second) == b"ok"
    assert ran == []
    warned = [r for r in caplog.records if "lifespan" in r.getMessage()]
    assert len(warned) == 1
    assert '"before_server_start" do not run' in warned[0].getMessage()


async def test_no_warning_when_the_lifespan_started_the_app(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    ran: list[str] = []
    app.register_listener(lambda app: ran.append("start"), "before_server_start")

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    with caplog.at_level(logging.WARNING, logger="sanic.error"):
        sent = await run_asgi(app, {"type": "lifespan"}, LIFESPAN)
        assert sent[0] == {"type": "lifespan.startup.complete"}
        assert body_of(await run_asgi(app, http_scope(), REQUEST)) == b"ok"
    assert ran == ["start"]
    assert "lifespan" not in caplog.text


@pytest.mark.parametrize(
    ("phase", "listener", "logged"),
    [
        ("startup", "before_server_start", "db down"),
        ("shutdown", "after_server_stop", "db down"),
    ],
)
async def test_a_failed_lifespan_logs_the_error_message(
    app: Sanic, caplog: pytest.LogCaptureFixture, phase: str, listener: str, logged: str
) -> None:
    def boom(app: Sanic) -> None:
        raise RuntimeError("db down")

    app.register_listener(boom, listener)
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        sent = await run_asgi(app, {"type": "lifespan"}, LIFESPAN)
    assert sent[-1] == {"type": f"lifespan.{phase}.failed", "message": "db down"}
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in errors] == [logged]
    assert errors[0].exc_info is not None


async def test_a_failed_lifespan_without_a_message_logs_which_phase_failed(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(app: Sanic) -> None:
        raise RuntimeError()

    app.register_listener(boom, "before_server_start")
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        sent = await run_asgi(app, {"type": "lifespan"}, LIFESPAN)
    assert sent == [{"type": "lifespan.startup.failed", "message": ""}]
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == [
        "Application startup failed"
    ]


async def test_string_ports_in_the_scope_are_numbers_on_the_request(app: Sanic) -> None:
    # granian sends client and server as ("127.0.0.1", "59062"); the spec says int.
    @app.get("/")
    async def index(request: Any) -> Any:
        info = request.conn_info
        return text(repr((request.ip, request.port, info.server_port, info.client_port)))

    scope = http_scope()
    scope["client"] = ("127.0.0.1", "59062")
    scope["server"] = ("127.0.0.1", "8000")
    sent = await run_asgi(app, scope, REQUEST)
    assert body_of(sent) == b"('127.0.0.1', 59062, 8000, 59062)"


async def test_an_unhashable_app_class_is_served_without_lifespan() -> None:
    class Comparable(Sanic):
        def __eq__(self, other: object) -> bool:  # and so no __hash__
            return other is self

    app = Comparable("Comparable")

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    assert body_of(await run_asgi(app, http_scope(), REQUEST)) == b"ok"
