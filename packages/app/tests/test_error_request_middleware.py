"""A request the HTTP core fails before the app's pipeline ran its request middleware (a
malformed head, a request timeout, a body over the limit or badly framed) still goes
through that middleware once, as in Sanic: the response middleware then finds what it set
up, a response it returns answers instead of the error page, an error it raises is
answered in place of the first. A response timeout while the body is read does not run
it (Sanic neither), nor does anything run it twice."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, parse_responses


def _recording_app(app: Sanic, seen: list[Any]) -> None:
    @app.on_request
    async def start(request: Any) -> Any:
        seen.append(("request", request.path))
        mode = request.headers.get("x-mw")
        if mode == "answer":
            return text("from middleware", status=299)
        if mode == "raise":
            raise ValueError("middleware failed")
        request.ctx.started = True
        return None

    @app.on_response
    async def finish(request: Any, response: Any) -> None:
        seen.append(("response", response.status, getattr(request.ctx, "started", False)))

    @app.post("/body")
    async def body(request: Any) -> Any:
        return text(str(len(request.body)))


@pytest.mark.parametrize(
    ("raw", "status", "path"),
    [
        (b"garbage\r\n\r\n", 400, "*"),
        (b"POST /body HTTP/1.1\r\nhost: x\r\ncontent-length: 500\r\n\r\n", 413, "/body"),
        (
            b"POST /body HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n",
            400,
            "/body",
        ),
    ],
)
async def test_the_request_middleware_runs_once_for_an_early_error(
    app: Sanic, raw: bytes, status: int, path: str
) -> None:
    seen: list[Any] = []
    _recording_app(app, seen)
    await app._startup()
    conn = FakeConnection(app, config={"REQUEST_MAX_SIZE": 100})
    conn.receive(raw)
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == status
    assert seen == [("request", path), ("response", status, True)]


async def test_the_request_middleware_runs_for_a_request_timeout(app: Sanic) -> None:
    seen: list[Any] = []
    _recording_app(app, seen)
    await app._startup()
    conn = FakeConnection(app, config={"REQUEST_TIMEOUT": 2})
    conn.receive(b"GET / HTTP/1.1\r\nhost: x\r\n")
    await conn.advance(2.5)
    [res] = parse_responses(conn.take())
    assert res.status == 408
    assert seen == [("request", "*"), ("response", 408, True)]


async def test_a_response_from_the_request_middleware_replaces_the_error_page(
    app: Sanic,
) -> None:
    seen: list[Any] = []
    _recording_app(app, seen)
    await app._startup()
    conn = FakeConnection(app, config={"REQUEST_MAX_SIZE": 100})
    conn.receive(b"POST /body HTTP/1.1\r\nhost: x\r\nx-mw: answer\r\ncontent-length: 500\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert (res.status, res.body) == (299, b"from middleware")
    assert seen == [("request", "/body"), ("response", 299, False)]
    assert conn.closed  # the body was not read: the connection cannot carry on


async def test_an_error_in_the_request_middleware_is_answered_once(app: Sanic) -> None:
    seen: list[Any] = []
    _recording_app(app, seen)
    await app._startup()
    conn = FakeConnection(app, config={"REQUEST_MAX_SIZE": 100})
    conn.receive(b"POST /body HTTP/1.1\r\nhost: x\r\nx-mw: raise\r\ncontent-length: 500\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 500
    assert seen == [("request", "/body"), ("response", 500, False)]


async def test_a_response_timeout_while_the_body_is_read_does_not_run_it(app: Sanic) -> None:
    seen: list[Any] = []
    _recording_app(app, seen)
    await app._startup()
    conn = FakeConnection(app, config={"RESPONSE_TIMEOUT": 3})
    conn.receive(b"POST /body HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\nabc")
    await conn.advance(3.5)
    [res] = parse_responses(conn.take())
    assert res.status == 503
    assert seen == [("response", 503, False)]
