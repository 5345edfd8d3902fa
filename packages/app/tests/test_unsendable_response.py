"""A response the connection cannot send (CR or LF in a field set by the app) is answered
with a 500 saying so, through the app's error handler, and nothing of it reaches the wire."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, ParsedResponse, parse_responses


async def _get(app: Sanic) -> tuple[bytes, ParsedResponse]:
    """Serve ``GET /`` through the real protocol on a fake transport: the bytes that went
    out, and the one response they hold."""
    await app._startup()
    conn = FakeConnection(app)
    conn.receive(b"GET / HTTP/1.1\r\nhost: x\r\n\r\n")
    await conn.settle()
    raw = conn.take()
    [res] = parse_responses(raw)
    return raw, res


@pytest.mark.parametrize(
    "headers",
    [{"X-A": "a\r\nSet-Cookie: evil=1"}, {"X-A\r\nSet-Cookie: evil": "1"}, {"X-A": "a\nX-Evil: 1"}],
)
async def test_cr_or_lf_in_a_field_is_a_500_that_says_why(
    app: Sanic, caplog: pytest.LogCaptureFixture, headers: dict[str, str]
) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("x", headers=headers)

    with caplog.at_level(logging.ERROR, "sanic.error"):
        raw, res = await _get(app)
    assert res.status == 500
    assert b"evil" not in raw.lower()
    # It was "Invalid response type None (need HTTPResponse)": the handler did return one.
    assert "Response header field contains CR or LF" in res.body.decode()
    logged = "\n".join(r.getMessage() + str(r.exc_info) for r in caplog.records)
    assert "Invalid response type None" not in logged
    assert "Response header field contains CR or LF" in logged


async def test_cr_or_lf_in_the_content_type_is_a_500(app: Sanic) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("x", content_type="text/plain\r\nSet-Cookie: evil=1")

    raw, res = await _get(app)
    assert res.status == 500
    assert b"evil" not in raw.lower()
    assert "Response header field contains CR or LF" in res.body.decode()


async def test_cr_or_lf_in_a_streamed_response_field_is_a_500(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond(headers={"X-A": "a\r\nSet-Cookie: evil=1"})
        await response.send("hello")
        await response.eof()

    with caplog.at_level(logging.ERROR, "sanic.error"):
        raw, res = await _get(app)
    assert res.status == 500
    assert b"evil" not in raw.lower()
    # The app's page, saying why; it was a bare "Internal Server Error" after four logged
    # errors claiming a response had been partly sent and that the handler returned None.
    assert "Response header field contains CR or LF" in res.body.decode()
    assert [r.getMessage() for r in caplog.records] == [
        "Exception occurred while handling uri: 'http://x/'"
    ]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"headers": {"X-A": "a\x00b"}},
        {"headers": {"X-A\x00": "1"}},
        {"content_type": "text/plain\x00evil"},
    ],
)
async def test_nul_in_a_field_is_a_500_that_says_why(app: Sanic, kwargs: dict[str, Any]) -> None:
    # RFC 9110 section 5.5: NUL in a field is invalid and dangerous (a value echoed from
    # the request went out with the raw byte, which clients cut or refuse).
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("x", **kwargs)

    raw, res = await _get(app)
    assert res.status == 500
    assert b"\x00" not in raw
    assert "Response header field contains NUL" in res.body.decode()


async def test_nul_in_a_streamed_response_field_is_a_500(app: Sanic) -> None:
    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond(headers={"X-A": "a\x00b"})
        await response.send("hello")
        await response.eof()

    raw, res = await _get(app)
    assert res.status == 500
    assert b"\x00" not in raw
    assert "Response header field contains NUL" in res.body.decode()
