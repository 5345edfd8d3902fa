"""HttpProtocol: lifecycle, cancellation, eager and task dispatch, arbitrary input."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hurtle_http.protocol import HttpProtocol
from hurtle_http.response import text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, FakeTransport, parse_responses

from .conftest import echo, exchange, hello


async def test_connection_is_tracked_and_forgotten() -> None:
    connections: set = set()
    app = HandlerApp(hello)
    protocol = HttpProtocol(loop=asyncio.get_running_loop(), app=app, connections=connections)
    transport = FakeTransport()
    protocol.connection_made(transport)
    assert connections == {protocol}
    protocol.connection_lost(None)
    assert connections == set()


async def test_client_going_away_cancels_the_running_handler() -> None:
    started = asyncio.Event()
    outcome: list[str] = []

    async def handler(request: Any) -> Any:
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            outcome.append("cancelled")
            raise
        return text("never")

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    assert started.is_set()
    conn.client_disconnects()
    await conn.settle()
    assert outcome == ["cancelled"]
    assert conn.take() == b""


async def test_close_if_idle_closes_only_idle_connections() -> None:
    gate = asyncio.Event()

    async def handler(request: Any) -> Any:
        await gate.wait()
        return text("done")

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    assert conn.protocol.close_if_idle() is False
    gate.set()
    await conn.settle()
    assert parse_responses(conn.take())[0].body == b"done"
    assert conn.protocol.close_if_idle() is True
    assert conn.closed


async def test_handlers_run_in_a_task_by_default() -> None:
    seen: list[Any] = []

    async def handler(request: Any) -> Any:
        seen.append(asyncio.current_task())
        if sys.version_info >= (3, 11):  # asyncio.timeout needs the current Task
            async with asyncio.timeout(5):
                await asyncio.sleep(0)
        else:
            await asyncio.wait_for(asyncio.sleep(0), 5)
        return text("ok")

    conn = FakeConnection(handler)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert res.body == b"ok" and seen[0] is not None


@pytest.mark.parametrize("eager", [True, False])
async def test_task_and_eager_dispatch_answer_the_same(eager: bool) -> None:
    async def handler(request: Any) -> Any:
        if request.path == "/wait":
            await asyncio.sleep(0)
        return text(request.path)

    conn = FakeConnection(handler, config={"HTTP_EAGER_DISPATCH": eager})
    responses = await exchange(
        conn, b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /wait HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
    )
    assert [r.body for r in responses] == [b"/a", b"/wait", b"/b"]


async def test_eager_handler_that_does_not_wait_is_answered_within_data_received() -> None:
    conn = FakeConnection(hello, config={"HTTP_EAGER_DISPATCH": True})
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")  # no settle: answered synchronously
    assert parse_responses(conn.take())[0].body == b"hello"


@pytest.mark.parametrize("split", [False, True])
async def test_a_later_request_with_any_token_method_reaches_the_handler(split: bool) -> None:
    # Sanic routes "get" and "BREW" (405 with Allow) on any request of a connection, so
    # the handler sees them whether they arrive in the same read as the one before or not.
    conn = FakeConnection(echo)
    first = b"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
    later = b"get /b HTTP/1.1\r\nHost: x\r\n\r\nBREW /c HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx"
    if split:
        conn.receive(first)
        await conn.settle()
        conn.receive(later)
    else:
        conn.receive(first + later)
    await conn.settle()
    bodies = [r.body for r in parse_responses(conn.take())]
    assert bodies == [b"POST /a hi", b"get /b ", b"BREW /c x"]


@pytest.mark.parametrize("method", [b"BREW", b"!OST", b"get"])
@pytest.mark.parametrize(
    ("field", "status"),
    [
        (b"Transfer-Encoding: x", 400),
        (b"Transfer-Encoding: gzip", 400),
        (b"Transfer-Encoding: gzip, chunked", 501),
        (b"Content-Length: 99999999999999", 413),
        (b"Content-Length: 1\r\nContent-Length: 2", 400),
    ],
)
@pytest.mark.parametrize("later", [False, True])
async def test_a_refused_head_with_any_token_method_gets_its_4xx_or_501(
    method: bytes, field: bytes, status: int, later: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """A head with a method llhttp does not know is parsed again with a stand-in; what
    the head's checks refuse there is answered as for GET, not as an unexpected error
    (it was a 500, with the parser's "Invalid method" traceback logged)."""
    conn = FakeConnection(echo)
    head = method + b" /a HTTP/1.1\r\nHost: x\r\n" + field + b"\r\n\r\n"
    if later:
        conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
    conn.receive(head)
    await conn.settle()
    responses = parse_responses(conn.take())
    assert [r.status for r in responses] == ([200] if later else []) + [status]
    assert conn.closed
    assert "Invalid method" not in caplog.text


async def _read_fields(request: Any) -> Any:
    from hurtle_http.response.ranges import ContentRangeHandler

    request.accept  # noqa: B018 (parsed on access)
    if "range" in request.headers:
        ContentRangeHandler(request, os.stat(__file__))
    return text("read")


@pytest.mark.parametrize(
    ("field", "status", "quoted"),
    [
        (b"Expect: 100-conti\xbcue", 417, "Unknown Expect: 100-conti\ufffdue"),
        (b"Accept: \xff/;q=1", 400, "Accept: \ufffd/;q=1"),
        (b"Range: by\xfftes=1-2", 416, "by\ufffdtes is not"),
        (b"Range: bytes=1-\xed\xa0", 416, "'\ufffd\ufffd' is invalid"),
    ],
)
async def test_a_field_that_is_not_utf8_is_quoted_in_its_4xx(
    field: bytes, status: int, quoted: str, caplog: pytest.LogCaptureFixture
) -> None:
    """An error message quoting a field value that is not UTF-8 (kept as surrogates)
    shows U+FFFD for those bytes: the error page could not encode the value, so the
    answer was a 500 with "Exception occurred in the error handler" logged."""
    conn = FakeConnection(_read_fields)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n" + field + b"\r\nContent-Length: 1\r\n\r\nx")
    await conn.settle()
    [response] = parse_responses(conn.take())
    assert response.status == status
    assert quoted in response.body.decode("utf-8")
    assert "error handler" not in caplog.text and "UnicodeEncodeError" not in caplog.text


async def test_data_after_close_is_ignored() -> None:
    conn = FakeConnection(hello)
    await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    assert conn.take() == b""


async def test_conn_info_describes_the_peer() -> None:
    transport = FakeTransport(peername=("::1", 5555, 0, 0), sockname=("::1", 8000, 0, 0))
    conn = FakeConnection(hello, transport=transport)
    info = conn.protocol.conn_info
    assert (info.client_ip, info.client_port, info.client) == ("::1", 5555, "[::1]")
    assert (info.server, info.server_port, info.ssl) == ("[::1]:8000", 8000, False)


async def test_access_log_line_has_sanic_fields(caplog: pytest.LogCaptureFixture) -> None:
    conn = FakeConnection(hello, config={"ACCESS_LOG": True})
    with caplog.at_level("INFO", logger="sanic.access"):
        await exchange(conn, b"GET /path HTTP/1.1\r\nHost: example.com\r\n\r\n")
    [record] = [r for r in caplog.records if r.name == "sanic.access"]
    assert record.status == 200
    assert record.byte == 5
    assert record.host == "127.0.0.1:54321"
    assert record.request.startswith("GET ") and "/path" in record.request


async def test_access_log_says_chunked_for_a_response_sent_in_chunks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Sanic: the size field of a chunked response is the word "chunked"; a stream
    # with a declared length, or one that sent nothing, gives its bytes.
    async def streaming(request: Any) -> Any:
        headers = {"content-length": "3"} if request.path == "/sized" else None
        response = await request.respond(content_type="text/plain", headers=headers)
        if request.path != "/nothing":
            await response.send("ab")
            await response.send("c")
        await response.eof()

    conn = FakeConnection(streaming, config={"ACCESS_LOG": True})
    with caplog.at_level("INFO", logger="sanic.access"):
        for path in (b"/chunks", b"/sized", b"/nothing"):
            await exchange(conn, b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    sizes = [r.byte for r in caplog.records if r.name == "sanic.access"]
    assert sizes == ["chunked", 3, 0]


async def test_access_log_host_is_the_client_a_trusted_proxy_reports(
    caplog: pytest.LogCaptureFixture,
) -> None:
    conn = FakeConnection(hello, config={"ACCESS_LOG": True, "PROXIES_COUNT": 2})
    with caplog.at_level("INFO", logger="sanic.access"):
        await exchange(
            conn, b"GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 1.1.1.1, 2.2.2.2\r\n\r\n"
        )
    [record] = [r for r in caplog.records if r.name == "sanic.access"]
    assert record.host == "1.1.1.1:54321"


async def test_access_log_host_over_a_unix_socket_names_the_connection(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Sanic: no peer address, so four hex digits per connection and "unx" (":0" before);
    # a client a trusted proxy reports is logged as over TCP.
    conns = [
        FakeConnection(
            hello, transport=FakeTransport(peername="", sockname="/run/app.sock"),
            config={"ACCESS_LOG": True, "PROXIES_COUNT": 1},
        )
        for _ in range(2)
    ]
    with caplog.at_level("INFO", logger="sanic.access"):
        for conn in (*conns, conns[0]):
            await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        await exchange(conns[1], b"GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 1.2.3.4\r\n\r\n")
    hosts = [r.host for r in caplog.records if r.name == "sanic.access"]
    assert all(re.fullmatch("[0-9A-F]{4}unx", host) for host in hosts[:3])
    assert hosts[0] == hosts[2] != hosts[1]
    assert hosts[3] == "1.2.3.4:0"


async def test_access_log_host_of_a_tcp_client_without_an_address_names_the_connection(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A client that reset before its connection was served has no peer address: Sanic
    # logs the "unx" form, as over a UNIX socket; this was ":0".
    conn = FakeConnection(
        hello, transport=FakeTransport(peername=None), config={"ACCESS_LOG": True}
    )
    with caplog.at_level("INFO", logger="sanic.access"):
        await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    [record] = [r for r in caplog.records if r.name == "sanic.access"]
    assert re.fullmatch("[0-9A-F]{4}unx", record.host)


async def test_access_log_has_a_line_for_bytes_that_are_no_request(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Sanic: the 400 for garbage is logged too, with no duration and the connection's
    # stand-in host (its stand-in request knows no peer); a request's line has both.
    with caplog.at_level("INFO", logger="sanic.access"):
        await exchange(FakeConnection(hello, config={"ACCESS_LOG": True}), b"GARBAGE\r\n\r\n")
        await exchange(
            FakeConnection(hello, config={"ACCESS_LOG": True}), b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
        )
    bad, good = [r for r in caplog.records if r.name == "sanic.access"]
    assert bad.status == 400 and bad.duration == ""
    assert re.fullmatch("[0-9A-F]{4}unx", bad.host)
    assert good.status == 200 and re.fullmatch(r" \d+\.\dms", good.duration)
    assert good.host == "127.0.0.1:54321"


async def test_no_access_log_by_default(caplog: pytest.LogCaptureFixture) -> None:
    conn = FakeConnection(hello)
    with caplog.at_level("INFO", logger="sanic.access"):
        await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert [r for r in caplog.records if r.name == "sanic.access"] == []


async def test_lifecycle_hook_sees_the_request_events() -> None:
    events: list[str] = []

    async def hook(name: str, context: dict) -> None:
        events.append(name)

    app = HandlerApp(echo)
    app.lifecycle_hook = hook  # type: ignore[assignment]
    conn = FakeConnection(app)
    [res] = await exchange(conn, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi")
    assert res.body == b"POST / hi"
    conn.client_disconnects()
    await conn.settle()
    assert events == [
        "http.lifecycle.begin",
        "http.lifecycle.read_head",
        "http.lifecycle.request",
        "http.lifecycle.read_body",
        "http.lifecycle.send",
        "http.lifecycle.complete",
    ]


async def test_lifecycle_begin_and_complete_come_once_per_connection() -> None:
    # As Sanic: http.lifecycle.begin is the connection's start and complete its end, so
    # a keep-alive connection's requests share them (a handler of begin can set up
    # conn_info.ctx for all of them), and a connection without a request has both too.
    events: list[tuple[str, Any]] = []

    async def hook(name: str, context: dict) -> None:
        events.append((name.rsplit(".", 1)[1], context.get("conn_info")))

    app = HandlerApp(hello)
    app.lifecycle_hook = hook  # type: ignore[assignment]
    conn = FakeConnection(app)
    get = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
    assert len(await exchange(conn, get)) == 1
    assert len(await exchange(conn, get)) == 1
    conn.client_disconnects()
    await conn.settle()
    names = [name for name, _ in events]
    assert names.count("begin") == names.count("complete") == 1
    assert names[0] == "begin" and names[-1] == "complete" and names.count("read_head") == 2
    assert events[0][1] is events[-1][1] is conn.protocol.conn_info

    events.clear()
    idle = FakeConnection(app)
    await idle.settle()
    idle.client_disconnects()
    await idle.settle()
    assert [name for name, _ in events] == ["begin", "complete"]


async def test_a_failing_lifecycle_begin_closes_the_connection_unanswered(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Sanic: no answer, a clean close, the error logged as Sanic's connection task logs
    # it, and http.lifecycle.complete still comes (whether or not a request was read).
    events: list[str] = []

    async def hook(name: str, context: dict) -> None:
        events.append(name.rsplit(".", 1)[1])
        if name == "http.lifecycle.begin":
            raise RuntimeError("no")

    app = HandlerApp(hello)
    app.lifecycle_hook = hook  # type: ignore[assignment]
    for request in (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", b""):
        events.clear()
        caplog.clear()
        conn = FakeConnection(app)
        with caplog.at_level("ERROR", logger="sanic.error"):
            assert await exchange(conn, request) == []
            assert conn.closed
            await conn.settle()
        assert events == ["begin", "complete"]
        [record] = [r for r in caplog.records if r.name == "sanic.error"]
        assert record.getMessage() == "protocol.connection_task uncaught"
        assert record.exc_info and str(record.exc_info[1]) == "no"


def _run_bytes(chunks: list[bytes]) -> tuple[bytes, bool, list]:
    async def main() -> tuple[bytes, bool, list]:
        errors: list = []
        asyncio.get_running_loop().set_exception_handler(lambda loop, ctx: errors.append(ctx))
        conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 64, "REQUEST_MAX_HEADER_SIZE": 256})
        for chunk in chunks:
            conn.receive(chunk)
            await conn.settle()
        await conn.advance(1000)  # every timeout fires
        return conn.take(), conn.closed, errors

    return asyncio.run(main())


_request_like = st.lists(
    st.one_of(
        st.binary(max_size=64),
        st.sampled_from(
            [
                b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
                b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
                b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
                b"HEAD / HTTP/1.0\r\n\r\n",
                b"Content-Length: 99\r\n",
                b"\r\n",
                b"Transfer-Encoding: chunked\r\n",
                b"GET /\xff HTTP/1.1\r\nHost: x\r\n",
            ]
        ),
    ),
    max_size=6,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_request_like)
def test_arbitrary_bytes_give_responses_or_a_clean_close_never_a_crash(
    chunks: list[bytes],
) -> None:
    out, closed, loop_errors = _run_bytes(chunks)
    assert loop_errors == []
    assert closed  # answered and closed, or closed by a timeout
    if out:
        assert out.startswith(b"HTTP/1.1 ")
        for line in out.split(b"\r\n"):
            if line.startswith(b"HTTP/1.1 "):
                assert 100 <= int(line[9:12]) < 600


async def test_protocol_state_counts_the_requests_of_its_connection() -> None:
    # Sanic's per-connection ``protocol.state["requests_count"]``, read through
    # ``request.protocol``: one, then two on the same keep-alive connection.
    seen: list[int] = []

    async def handler(request: Any) -> Any:
        seen.append(request.protocol.state["requests_count"])
        return text("ok")

    conn = FakeConnection(handler)
    await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert seen == [1, 2]
    other = FakeConnection(handler)
    await exchange(other, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert seen == [1, 2, 1]  # counted per connection


async def test_a_handlers_message_quoting_bytes_that_are_not_utf8_keeps_its_status() -> None:
    """A plain handler's error quoting a field value that is not UTF-8 gets its own
    status, the bytes shown as U+FFFD (the page could not be encoded: a 500)."""
    from hurtle_http.exceptions import SanicException

    async def quoting(request: Any) -> Any:
        raise SanicException(f"bad: {request.headers['x-v']}", status_code=422)

    conn = FakeConnection(quoting)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\nX-V: a\xffb\r\n\r\n")
    await conn.settle()
    [response] = parse_responses(conn.take())
    assert response.status == 422
    assert "bad: a\ufffdb" in response.body.decode("utf-8")


_field_value = st.binary(max_size=24).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b""))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    method=st.sampled_from([b"GET", b"POST", b"BREW", b"get", b"!OST"]),
    fields=st.lists(
        st.tuples(
            st.sampled_from([b"Expect", b"Accept", b"Range", b"Transfer-Encoding", b"X-V"]),
            _field_value,
        ),
        max_size=4,
    ),
)
def test_any_field_bytes_never_make_a_500(method: bytes, fields: list[tuple[bytes, bytes]]) -> None:
    """Whatever bytes a client puts in the fields a handler reads (Accept, Range) or the
    server checks (Expect, Transfer-Encoding), with any method token, the answer is never
    a 500 and nothing is logged as an unexpected error."""
    import logging

    async def reading(request: Any) -> Any:
        await _read_fields(request)
        from hurtle_http.exceptions import SanicException

        raise SanicException(f"x-v: {request.headers.get('x-v')}", status_code=422)

    async def main() -> tuple[bytes, list]:
        records: list = []
        handler = logging.Handler()
        handler.emit = lambda record: records.append(record)  # type: ignore[method-assign]
        logger = logging.getLogger("sanic.error")
        logger.addHandler(handler)
        try:
            conn = FakeConnection(reading)
            head = b"".join(name + b": " + value + b"\r\n" for name, value in fields)
            conn.receive(method + b" / HTTP/1.1\r\nHost: x\r\n" + head + b"Content-Length: 1\r\n\r\nx")
            await conn.settle()
            return conn.take(), [r for r in records if r.levelno >= logging.ERROR]
        finally:
            logger.removeHandler(handler)

    out, errors = asyncio.run(main())
    statuses = [r.status for r in parse_responses(out)]
    assert statuses and all(status != 500 for status in statuses)
    assert errors == []
