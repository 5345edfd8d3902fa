"""A streamed response cut short (the client leaves mid-stream; the server's stop closes
the connection; ``RESPONSE_TIMEOUT`` fires while the handler waits) gets an access line,
as in Sanic: its status, ``DISCONNECTED`` for the size and no duration. It got none: an
aborted download left no trace in the access log. As in Sanic, a chunked stream's own
line (``chunked``) is written when its head goes out, so a cut one has both."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pytest

from hurtle_http.testing import FakeConnection


def _streaming(go_on: asyncio.Event) -> Any:
    async def handler(request: Any) -> Any:
        response = await request.respond(content_type="text/plain", status=206)
        await response.send("first")
        await go_on.wait()
        await response.send("second")
        await response.eof()

    return handler


def _access(caplog: pytest.LogCaptureFixture) -> list[tuple[Any, Any, Any]]:
    return [(r.status, r.byte, r.duration) for r in caplog.records if r.name == "sanic.access"]


def _sizes(caplog: pytest.LogCaptureFixture) -> list[tuple[Any, Any]]:
    return [(status, size) for status, size, _ in _access(caplog)]


async def test_a_stream_the_client_left_is_logged_disconnected(
    caplog: pytest.LogCaptureFixture,
) -> None:
    conn = FakeConnection(_streaming(asyncio.Event()), config={"ACCESS_LOG": True})
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET /s HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
        assert b"first" in conn.take()
        conn.client_disconnects()
        await conn.settle()
    assert _sizes(caplog) == [(206, "chunked"), (206, "DISCONNECTED")]
    assert _access(caplog)[1] == (206, "DISCONNECTED", "")


async def test_a_stream_the_server_closed_is_logged_disconnected(
    caplog: pytest.LogCaptureFixture,
) -> None:
    go_on = asyncio.Event()
    conn = FakeConnection(_streaming(go_on), config={"ACCESS_LOG": True})
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET /s HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
        conn.protocol.close()  # the stop's grace ran out
        go_on.set()
        await conn.settle()
    assert _sizes(caplog) == [(206, "chunked"), (206, "DISCONNECTED")]


async def test_a_finished_stream_is_logged_once_as_chunked(
    caplog: pytest.LogCaptureFixture,
) -> None:
    go_on = asyncio.Event()
    go_on.set()
    conn = FakeConnection(_streaming(go_on), config={"ACCESS_LOG": True})
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET /s HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
        conn.client_disconnects()
        await conn.settle()
    [(status, size, duration)] = _access(caplog)
    assert (status, size) == (206, "chunked") and duration.endswith("ms")


async def test_a_chunked_stream_is_logged_when_its_head_goes_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Sanic: the line is there while the stream still runs (a long download or an
    # event stream is in the access log from its start); it was written at the end.
    go_on = asyncio.Event()
    conn = FakeConnection(_streaming(go_on), config={"ACCESS_LOG": True})
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET /s HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
        assert b"first" in conn.take()
        assert _sizes(caplog) == [(206, "chunked")]
        go_on.set()
        await conn.settle()
        assert b"second" in conn.take()
    assert _sizes(caplog) == [(206, "chunked")]


async def test_a_stream_the_response_timeout_cut_is_logged_disconnected(
    caplog: pytest.LogCaptureFixture,
) -> None:
    conn = FakeConnection(
        _streaming(asyncio.Event()), config={"ACCESS_LOG": True, "RESPONSE_TIMEOUT": 2}
    )
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET /s HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
        await conn.advance(2.5)
    assert conn.closed
    assert _sizes(caplog) == [(206, "chunked"), (206, "DISCONNECTED")]


async def test_a_handler_the_client_left_before_any_response_is_logged_disconnected(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Sanic's last line for it: the client went away while the handler ran (a slow
    # handler, one reading a body that never came); it got no access line at all.
    async def waiting(request: Any) -> Any:
        await asyncio.Event().wait()

    conn = FakeConnection(waiting, config={"ACCESS_LOG": True})
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET /w HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
        conn.client_disconnects()
        await conn.settle()
    assert _access(caplog) == [(500, "DISCONNECTED", "")]
    assert [r.request for r in caplog.records if r.name == "sanic.access"] == ["GET http://x/w"]


async def test_a_handler_the_client_left_is_not_logged_with_the_access_log_off(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def waiting(request: Any) -> Any:
        await asyncio.Event().wait()

    conn = FakeConnection(waiting, config={"ACCESS_LOG": False})
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET /w HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
        conn.client_disconnects()
        await conn.settle()
    assert _access(caplog) == []


async def _hello(request: Any) -> Any:
    from hurtle_http.response import text

    return text("hi")


@pytest.mark.parametrize(
    "sent",
    [
        b"GET / HT",
        b"GET / HTTP/1.1\r\nHost: x\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n",  # after a request answered
    ],
)
async def test_a_client_that_left_mid_head_is_logged_disconnected(
    sent: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic's last line for it: the stand-in request, 500 DISCONNECTED, no duration
    # (the line was missing: a client that gave up halfway through a head left no trace).
    conn = FakeConnection(_hello, config={"ACCESS_LOG": True})
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(sent)
        await conn.settle()
        conn.client_disconnects()
        await conn.settle()
    records = [r for r in caplog.records if r.name == "sanic.access"]
    assert [(r.status, r.byte, r.duration) for r in records][-1] == (500, "DISCONNECTED", "")
    # (the URL is urllib's urlunparse of scheme, no host and "*", as Sanic's: Python 3.13
    # made it "http:*", earlier versions "http:///*")
    url = "http:///*" if sys.version_info < (3, 13) else "http:*"
    assert records[-1].request == f"NONE {url}" and records[-1].host.endswith("unx")
    assert len(records) == sent.count(b"\r\n\r\n") + 1


@pytest.mark.parametrize(
    "sent",
    [b"", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", b"GARBAGE\r\n\r\n"],
)
async def test_no_such_line_without_a_head_in_progress(
    sent: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    # Nothing sent, a request answered, bytes answered with a 400: one line each at most,
    # none of them DISCONNECTED.
    conn = FakeConnection(_hello, config={"ACCESS_LOG": True})
    with caplog.at_level("INFO", logger="sanic.access"):
        if sent:
            conn.receive(sent)
        await conn.settle()
        conn.client_disconnects()
        await conn.settle()
    lines = [(r.status, r.byte) for r in caplog.records if r.name == "sanic.access"]
    assert len(lines) == (1 if sent else 0)
    assert "DISCONNECTED" not in [size for _, size in lines]


async def test_a_head_left_unfinished_at_the_request_timeout_gets_only_its_408(
    caplog: pytest.LogCaptureFixture,
) -> None:
    conn = FakeConnection(_hello, config={"ACCESS_LOG": True, "REQUEST_TIMEOUT": 2})
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n")
        await conn.settle()
        await conn.advance(2.1)
        conn.client_disconnects()
        await conn.settle()
    assert [r.status for r in caplog.records if r.name == "sanic.access"] == [408]


@pytest.mark.parametrize("headers", [{}, {"content-length": "4"}])
async def test_a_response_returned_after_the_client_left_is_logged_disconnected(
    headers: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    # The handler caught the cancellation of the client's reset and answered anyway:
    # nothing went out, so not `200 4 ...ms` (as if sent) but Sanic's last line for it.
    from hurtle_http.response import text

    async def handler(request: Any) -> Any:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            pass
        return text("late", headers=headers)

    conn = FakeConnection(handler, config={"ACCESS_LOG": True})
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
        conn.client_disconnects()
        await conn.settle()
    assert _access(caplog) == [(500, "DISCONNECTED", "")]
