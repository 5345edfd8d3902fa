"""The request/response cycle of Http, through a fake connection (no sockets)."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest

from hurtle_http.config import HttpConfig
from hurtle_http.exceptions import BadRequest, NotFound, SanicException
from hurtle_http.response import HTTPResponse, empty, text
from hurtle_http.stages import Stage
from hurtle_http.testing import FakeConnection, FakeTransport, parse_responses

from .conftest import echo, exchange, hello

GET = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"


async def test_keep_alive_serves_several_requests_on_one_connection() -> None:
    conn = FakeConnection(hello)
    for _ in range(3):
        [res] = await exchange(conn, GET)
        assert (res.status, res.body) == (200, b"hello")
        assert res.header("connection") == "keep-alive"
        assert res.header("content-length") == "5"
        assert res.header("content-type") == "text/plain; charset=utf-8"
    assert not conn.closed


async def test_response_head_matches_sanic_byte_for_byte() -> None:
    # Sanic's head, with the Date field RFC 9110 6.6.1 asks for (Sanic sends none).
    conn = FakeConnection(hello)
    conn.receive(GET)
    await conn.settle()
    assert re.fullmatch(
        rb"HTTP/1.1 200 OK\r\ncontent-length: 5\r\nconnection: keep-alive\r\n"
        rb"date: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\r\n"
        rb"content-type: text/plain; charset=utf-8\r\n\r\nhello",
        conn.take(),
    )


async def test_http10_closes_after_the_response() -> None:
    conn = FakeConnection(hello)
    [res] = await exchange(conn, b"GET / HTTP/1.0\r\n\r\n")
    assert res.header("connection") == "close" and res.body == b"hello"
    assert conn.closed


async def test_http10_with_keep_alive_stays_open() -> None:
    conn = FakeConnection(hello)
    [res] = await exchange(conn, b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
    assert res.header("connection") == "keep-alive"
    assert not conn.closed


@pytest.mark.parametrize(
    "fields",
    [
        b"Connection: keep-alive, close\r\n",
        b"Connection: Close, Keep-Alive\r\n",
        b"Connection: keep-alive\r\nConnection: close\r\n",
    ],
)
async def test_http10_close_option_wins_over_keep_alive(fields: bytes) -> None:
    # RFC 9112 section 9.6: a "close" option MUST end the connection after the answer;
    # llhttp keeps an HTTP/1.0 connection alive once "keep-alive" is among the options.
    conn = FakeConnection(echo)
    responses = await exchange(
        conn, b"GET /a HTTP/1.0\r\n" + fields + b"\r\nGET /b HTTP/1.0\r\n\r\n"
    )
    assert [(res.body, res.header("connection")) for res in responses] == [
        (b"GET /a ", "close")
    ]
    assert conn.closed


async def test_proxy_connection_does_not_make_an_http10_request_persistent() -> None:
    # llhttp reads Proxy-Connection as Connection; no HTTP/1.0 keep-alive comes of it
    # (as in Sanic), and the request stays HTTP/1.0 (it was given as 1.1, and so a
    # streamed answer went out chunked to an HTTP/1.0 client, RFC 9112 section 6.1).
    async def handler(request: Any) -> Any:
        response = await request.respond(content_type="text/plain")
        await response.send(request.version)
        await response.eof()

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.0\r\nProxy-Connection: keep-alive\r\n\r\nGET / HTTP/1.0\r\n\r\n")
    await conn.settle()
    head, _, body = conn.take().partition(b"\r\n\r\n")
    assert b"transfer-encoding" not in head.lower() and b"connection: close" in head
    assert body == b"1.0"
    assert conn.closed


@pytest.mark.parametrize("second", [b"GET /b", b"BREW /b"])
async def test_proxy_connection_close_does_not_end_an_http11_connection(second: bytes) -> None:
    # As Sanic: Proxy-Connection is no Connection field; llhttp took its "close" for one
    # and refused what followed (a clean close, or a 400 for a pipelined request).
    conn = FakeConnection(echo)
    responses = await exchange(
        conn,
        b"GET /a HTTP/1.1\r\nHost: x\r\nProxy-Connection: close\r\n\r\n"
        + second
        + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    )
    assert [(res.status, res.header("connection")) for res in responses] == [
        (200, "keep-alive"),
        (200, "keep-alive"),
    ]
    assert responses[1].body.startswith(second.split()[0] + b" /b")
    [res] = await exchange(conn, b"GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert res.header("connection") == "close" and conn.closed


async def test_proxy_connection_keep_alive_on_http11_persists() -> None:
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn, b"GET /a HTTP/1.1\r\nHost: x\r\nProxy-Connection: keep-alive\r\n\r\n"
    )
    assert res.header("connection") == "keep-alive" and not conn.closed


async def test_connection_close_is_honoured() -> None:
    conn = FakeConnection(hello)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert res.header("connection") == "close"
    assert conn.closed


async def test_keep_alive_disabled_in_config_closes() -> None:
    conn = FakeConnection(hello, config={"KEEP_ALIVE": False})
    [res] = await exchange(conn, GET)
    assert res.header("connection") == "close" and conn.closed


async def test_pipelined_requests_are_answered_in_order() -> None:
    async def handler(request: Any) -> Any:
        if request.path == "/slow":
            await asyncio.sleep(0)
            await asyncio.sleep(0)
        return text(request.path + ":" + request.body.decode())

    conn = FakeConnection(handler)
    responses = await exchange(
        conn,
        b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
        b"POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
        b"GET /c HTTP/1.1\r\nHost: x\r\n\r\n",
    )
    assert [r.body for r in responses] == [b"/slow:", b"/b:abc", b"/c:"]


async def test_request_body_split_over_many_packets() -> None:
    conn = FakeConnection(echo)
    conn.receive(b"POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nab")
    await conn.settle()
    assert conn.take() == b""
    conn.receive(b"cd")
    conn.receive(b"ef")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.body == b"POST /p abcdef"


async def test_chunked_request_body() -> None:
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn,
        b"POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n",
    )
    assert res.body == b"POST /c abcde"


async def test_expect_100_continue_is_sent_when_the_body_is_read() -> None:
    conn = FakeConnection(echo)
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n")
    await conn.settle()
    assert conn.take() == b"HTTP/1.1 100 Continue\r\n\r\n"
    conn.receive(b"xyz")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.body == b"POST / xyz"


async def test_expect_100_continue_is_sent_even_if_the_body_came_along() -> None:
    conn = FakeConnection(echo)
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\nhi")
    await conn.settle()
    raw = conn.take()
    assert raw.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n")
    assert raw.endswith(b"POST / hi")


@pytest.mark.parametrize("ows", [b" ", b"\t", b"  \t"])
async def test_expect_100_continue_with_whitespace_after_it_is_100_continue(ows: bytes) -> None:
    """RFC 9110 5.5: whitespace after a field value is no part of it; `Expect:
    100-continue ` was refused with 417 "Unknown Expect" (as in Sanic)."""
    conn = FakeConnection(echo)
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-Continue" + ows + b"\r\n\r\n")
    await conn.settle()
    assert conn.take() == b"HTTP/1.1 100 Continue\r\n\r\n"
    conn.receive(b"xyz")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert (res.status, res.body) == (200, b"POST / xyz")


@pytest.mark.parametrize(
    "value", [b", 100-continue", b"100-continue,", b" ,100-Continue , ", b"100-continue, 100-continue"]
)
async def test_expect_100_continue_with_empty_list_elements_is_100_continue(value: bytes) -> None:
    """RFC 9110 5.6.1.2: a recipient MUST ignore empty list elements; `Expect: ,
    100-continue` was refused with 417 "Unknown Expect" (as in Sanic)."""
    conn = FakeConnection(echo)
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: " + value + b"\r\n\r\n")
    await conn.settle()
    assert conn.take() == b"HTTP/1.1 100 Continue\r\n\r\n"
    conn.receive(b"xyz")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert (res.status, res.body) == (200, b"POST / xyz")


async def test_expect_100_continue_beside_another_expectation_is_417() -> None:
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn,
        b"POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue, , foo\r\nContent-Length: 3\r\n\r\nabc",
    )
    assert res.status == 417


async def test_head_drops_the_body_but_keeps_content_length() -> None:
    conn = FakeConnection(hello)
    conn.receive(b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    raw = conn.take()
    assert raw.endswith(b"\r\n\r\n") and b"hello" not in raw
    [res] = parse_responses(raw, head_only=True)
    assert res.header("content-length") == "5"
    [res] = await exchange(conn, GET)
    assert res.body == b"hello"


@pytest.mark.parametrize(
    "head",
    [
        b"HEAD /\xc3\xbf HTTP/1.1\r\nHost: x\r\n\r\n",  # a target that is not ASCII
        b"HEAD / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        b"HEAD / HTTP/1.1\r\nHost: a b\r\n\r\n",
        b"HEAD / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
        b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\nHEAD /\xc3\xbf HTTP/1.1\r\nHost: x\r\n\r\n",
    ],
)
async def test_a_refused_head_request_is_answered_without_content(head: bytes) -> None:
    """RFC 9110 9.3.2 (and Sanic): the error answer to a HEAD whose head is refused has the
    error's length but no content, which the client would read as the next response."""
    conn = FakeConnection(hello)
    conn.receive(head)
    await conn.settle()
    *_, res = parse_responses(conn.take(), head_only=True)
    assert res.status in (400, 501) and res.body == b""
    assert int(res.header("content-length")) > 0


@pytest.mark.parametrize(
    ("head", "status"),
    [
        (b"HEAD / HTTP/9.1\r\n\r\n", 505),  # no HTTP/1.x request line: content, as Sanic
        (b"HEAD / HTTP/2.0\r\n\r\n", 505),  # (llhttp parses this one; it had no content)
        (b"HEAD / HTTP/0.9\r\n\r\n", 400),  # (llhttp's reading of a line without a version)
        (b"HEAD / HTTP/1.10\r\n\r\n", 400),
        (b"GET /\xc3\xbf HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\nXYZ\x01 / HTTP/1.1\r\nHost: x\r\n\r\n", 400),  # after a HEAD
    ],
)
async def test_other_refused_requests_keep_the_error_content(head: bytes, status: int) -> None:
    conn = FakeConnection(hello)
    conn.receive(head)
    await conn.settle()
    *_, res = parse_responses(conn.take())
    assert res.status == status and res.body


async def test_head_answer_keeps_the_length_the_handler_states() -> None:
    # RFC 9110 8.6: a HEAD answer may state the GET's length; an empty body does not
    # turn it into 0 (Sanic keeps the handler's value too). GET still counts its body.
    async def sized(request: Any) -> Any:
        return HTTPResponse(headers={"content-length": "11"})

    conn = FakeConnection(sized)
    conn.receive(b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take(), head_only=True)
    assert res.header("content-length") == "11"
    [res] = await exchange(conn, GET)
    assert (res.header("content-length"), res.body) == ("0", b"")


async def test_streaming_response_without_length_is_chunked() -> None:
    async def handler(request: Any) -> None:
        response = await request.respond(content_type="text/plain")
        await response.send("a")
        await response.send(b"bc")
        await response.eof()

    conn = FakeConnection(handler)
    conn.receive(GET)
    await conn.settle()
    raw = conn.take()
    assert raw.startswith(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n")
    assert raw.endswith(b"\r\n\r\n1\r\na\r\n2\r\nbc\r\n0\r\n\r\n")
    [res] = parse_responses(raw)
    assert res.body == b"abc"


async def test_streaming_response_with_content_length_is_not_chunked() -> None:
    async def handler(request: Any) -> None:
        response = await request.respond(headers={"content-length": "4"})
        await response.send("ab")
        await response.send("cd", end_stream=True)

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.header("transfer-encoding") is None and res.body == b"abcd"
    [res] = await exchange(conn, GET)  # still usable
    assert res.body == b"abcd"


async def test_stream_left_open_by_the_handler_is_finished_for_it() -> None:
    async def handler(request: Any) -> None:
        response = await request.respond()
        await response.send("part")

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.body == b"part"
    assert not conn.closed


async def test_response_longer_than_its_content_length_cuts_the_connection() -> None:
    # A later piece that overflows: the head and the first piece went out, so the
    # connection is cut, and the excess is not written. (A first piece that overflows
    # sends nothing and gets the 500 page: test_response_framing.py.)
    async def handler(request: Any) -> None:
        response = await request.respond(headers={"content-length": "2"})
        await response.send("a")
        await response.send("bc")

    conn = FakeConnection(handler)
    conn.receive(GET)
    await conn.settle()
    assert conn.closed
    assert conn.take().endswith(b"\r\n\r\na")


async def test_streaming_to_a_head_request_sends_only_the_head() -> None:
    async def handler(request: Any) -> None:
        response = await request.respond()
        await response.send("abc")
        await response.eof()

    conn = FakeConnection(handler)
    conn.receive(b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    raw = conn.take()
    assert raw.endswith(b"\r\n\r\n") and b"abc" not in raw
    assert not conn.closed


@pytest.mark.parametrize("status", [204, 304])
async def test_no_content_statuses_have_no_body_and_no_length(status: int) -> None:
    async def handler(request: Any) -> Any:
        return HTTPResponse("ignored", status=status, headers={"content-type": "text/plain"})

    conn = FakeConnection(handler)
    conn.receive(GET)
    await conn.settle()
    raw = conn.take()
    assert raw.endswith(b"\r\n\r\n") and b"ignored" not in raw
    [res] = parse_responses(raw)
    assert res.status == status and res.header("content-length") is None
    if status == 304:
        assert res.header("content-type") is None


async def test_empty_response() -> None:
    async def handler(request: Any) -> Any:
        return empty()

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.status == 204


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0x3\r\nabc\r\n0\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 9000 + b"\r\n\r\n", 431),
        (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 200000000\r\n\r\n", 413),
        (b"\x00\x01garbage\r\n\r\n", 400),
    ],
)
async def test_protocol_errors_are_answered_then_closed(raw: bytes, status: int) -> None:
    conn = FakeConnection(echo)
    [res] = await exchange(conn, raw)
    assert res.status == status
    assert res.header("connection") == "close"
    assert conn.closed


async def test_error_page_is_plain_text_like_sanic() -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 100})
    [res] = await exchange(conn, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n")
    assert res.status == 413
    assert res.body.decode() == (
        "\u26a0\ufe0f 413 \u2014 Request Entity Too Large\n"
        "=================================\n"
        "Request body exceeds the size limit\n\n"
    )


async def test_chunked_body_over_the_limit_is_413() -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 60})
    [res] = await exchange(
        conn,
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3d\r\n"
        + b"a" * 61
        + b"\r\n0\r\n\r\n",
    )
    assert res.status == 413 and conn.closed
    assert b"Request body exceeds the size limit" in res.body


async def test_error_after_good_pipelined_requests_comes_in_order() -> None:
    conn = FakeConnection(echo)
    responses = await exchange(conn, GET + GET + b"BROKEN\r\n\r\n")
    assert [r.status for r in responses] == [200, 200, 400]
    assert conn.closed


async def test_handler_exception_gives_500_and_keeps_the_connection() -> None:
    async def handler(request: Any) -> Any:
        raise RuntimeError("boom")

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.status == 500
    assert b"boom" not in res.body
    assert not conn.closed


async def test_sanic_exception_status_and_headers_are_used() -> None:
    async def handler(request: Any) -> Any:
        raise SanicException("nope", status_code=418, headers={"x-why": "tea"})

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.status == 418 and res.header("x-why") == "tea"
    assert b"nope" in res.body


async def test_handler_returning_nothing_is_a_500() -> None:
    async def handler(request: Any) -> None:
        return None

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.status == 500


class RecordingApp:
    """A minimal app following the ServerApp contract."""

    def __init__(self) -> None:
        self.config = HttpConfig(REQUEST_MAX_SIZE=100)
        self.errors: list[tuple[Any, BaseException]] = []
        self.body_errors: list[BaseException | None] = []
        self.requests: list[Any] = []

    async def handle_request(self, request: Any) -> None:
        self.requests.append(request)
        if request.path == "/missing":
            raise NotFound("no such page")
        response = request.stream.respond(text("ok"))
        await response.send(end_stream=True)

    async def handle_exception(self, request: Any, exception: BaseException) -> None:
        self.errors.append((request, exception))
        self.body_errors.append(request.stream.body_error())
        status = getattr(exception, "status_code", 500)
        response = request.stream.respond(text(f"custom {status}", status=status))
        await response.send(end_stream=True)


async def test_protocol_errors_go_through_the_apps_handle_exception() -> None:
    app = RecordingApp()
    conn = FakeConnection(app)
    [res] = await exchange(conn, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n")
    assert res.body == b"custom 413"
    [(request, exception)] = app.errors
    assert exception.status_code == 413
    # The head was fine: the app gets the request itself (to route it, as Sanic does
    # before answering), and the stream says this error stopped it before any handler.
    assert (request.method, request.path) == ("POST", "/")
    assert app.body_errors == [exception]
    assert app.requests == []


async def test_a_broken_head_is_answered_with_a_stand_in_request() -> None:
    app = RecordingApp()
    conn = FakeConnection(app)
    [res] = await exchange(conn, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n")
    [(request, exception)] = app.errors
    assert exception.status_code == 400
    assert request.method == "NONE"  # no request could be built
    assert app.body_errors == [None]


@pytest.mark.parametrize(
    ("data", "path", "query"),
    [
        # as Sanic: a head refused after its request line keeps that target...
        (b"GET /a?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n", "/a", "x=1"),
        (b"GET /b HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "/b", ""),
        # ...not one refused for its size, nor bytes that are no request line
        (b"GET /c HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 9000 + b"\r\n\r\n", "*", ""),
        (b"GARBAGE\r\n\r\n", "*", ""),
    ],
)
async def test_the_stand_in_request_has_the_refused_requests_target(
    data: bytes, path: str, query: str
) -> None:
    app = RecordingApp()
    conn = FakeConnection(app)
    await exchange(conn, data)
    [(request, exception)] = app.errors
    assert exception.status_code in (400, 413, 431)
    assert (request.method, request.path, request.query_string) == ("NONE", path, query)


@pytest.mark.parametrize("ssl", [False, True])
async def test_the_stand_in_request_knows_no_client_but_the_scheme(ssl: bool) -> None:
    # As Sanic: bytes that are no request get a stand-in without connection info, so a
    # middleware keying on request.ip (a rate limiter) sees "" there, not the peer; the
    # scheme still says whether the connection is TLS.
    app = RecordingApp()
    conn = FakeConnection(app, transport=FakeTransport(ssl=ssl))
    await exchange(conn, b"GET /a HTTP/1.1 extra\r\nHost: x\r\n\r\n")
    [(request, exception)] = app.errors
    assert exception.status_code == 400
    assert (request.conn_info, request.ip, request.port) == (None, "", 0)
    assert request.scheme == ("https" if ssl else "http")


async def test_exception_escaping_handle_request_is_answered_by_handle_exception() -> None:
    app = RecordingApp()
    conn = FakeConnection(app)
    [res] = await exchange(conn, b"GET /missing HTTP/1.1\r\nHost: x\r\n\r\n")
    assert res.body == b"custom 404"
    assert app.errors[0][0].path == "/missing"


async def test_app_request_has_stream_and_conn_info() -> None:
    app = RecordingApp()
    conn = FakeConnection(app)
    await exchange(conn, GET)
    [request] = app.requests
    assert request.stream.stage is Stage.IDLE
    assert request.conn_info.client_ip == "127.0.0.1"
    assert request.headers.getone("host") == "x"


async def test_error_handler_that_fails_still_gives_a_response() -> None:
    class BrokenErrors(RecordingApp):
        async def handle_exception(self, request: Any, exception: BaseException) -> None:
            raise RuntimeError("error handler broke")

    conn = FakeConnection(BrokenErrors())
    [res] = await exchange(conn, b"BROKEN\r\n\r\n")
    assert res.status == 400 and conn.closed


async def test_streamed_request_body_with_stream_option() -> None:
    from hurtle_http.server import HandlerApp

    async def handler(request: Any) -> Any:
        chunks = [chunk async for chunk in request.stream]
        return text(str(len(chunks)) + ":" + b"".join(chunks).decode())

    conn = FakeConnection(HandlerApp(handler, stream=True))
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n")
    await conn.settle()
    conn.receive(b"1\r\nb\r\n0\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.body == b"2:ab"


async def test_unread_body_of_an_unfinished_request_is_drained_until_it_fails() -> None:
    """The rest of a body nobody read is read after the response (the connection stays
    open meanwhile); bad framing in it closes the connection without another answer."""
    from hurtle_http.server import HandlerApp

    conn = FakeConnection(HandlerApp(hello, stream=True))
    [res] = await exchange(
        conn, b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"
    )
    assert res.body == b"hello" and res.header("connection") == "keep-alive"
    assert not conn.closed
    conn.receive(b"zz\r\nnot a chunk\r\n")
    await conn.settle()
    assert conn.take() == b""
    assert conn.closed


async def test_respond_twice_before_sending_replaces_the_response() -> None:
    async def handler(request: Any) -> Any:
        request.stream.respond(text("first"))
        return text("second")

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.body == b"second"


async def test_respond_with_something_not_a_response_changes_nothing() -> None:
    # It fails at once; the connection can still answer (it was cut without a response).
    async def handler(request: Any) -> Any:
        with pytest.raises(AttributeError):
            request.stream.respond(True)
        return text("answered")

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert (res.status, res.body) == (200, b"answered")
    assert not conn.closed


async def test_header_names_are_lower_case_and_the_head_is_kept_as_received() -> None:
    # As Sanic: iterating request.headers (or dict(request.headers)) shows lower-case
    # names; raw_headers and head show the fields as the client wrote them.
    seen: list[Any] = []

    async def handler(request: Any) -> Any:
        seen.append(
            (
                list(request.headers.keys()),
                dict(request.headers),
                request.raw_headers,
                request.head,
            )
        )
        return text("ok")

    conn = FakeConnection(handler)
    raw = b"GET /p?q=1 HTTP/1.1\r\nHost: h\r\nX-Custom: caf\xc3\xa9\r\nACCEPT: */*\r\n\r\n"
    [res] = await exchange(conn, raw)
    assert res.status == 200
    [(keys, as_dict, raw_headers, head)] = seen
    assert keys == ["host", "x-custom", "accept"]
    assert as_dict == {"host": "h", "x-custom": "café", "accept": "*/*"}
    assert raw_headers == b"Host: h\r\nX-Custom: caf\xc3\xa9\r\nACCEPT: */*"
    assert head == b"GET /p?q=1 HTTP/1.1\r\n" + raw_headers


async def test_bad_request_raised_by_handler_keeps_connection() -> None:
    async def handler(request: Any) -> Any:
        raise BadRequest("bad input")

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.status == 400 and not conn.closed


@pytest.mark.parametrize(
    ("status", "line"),
    [
        (418, b"HTTP/1.1 418 I'm a teapot\r\n"),
        # Sanic knows no phrase for these two; the phrase is informative only (RFC 9112 4).
        (421, b"HTTP/1.1 421 UNKNOWN\r\n"),
        (425, b"HTTP/1.1 425 UNKNOWN\r\n"),
        (299, b"HTTP/1.1 299 UNKNOWN\r\n"),
        (451, b"HTTP/1.1 451 Unavailable For Legal Reasons\r\n"),
    ],
)
async def test_status_lines_carry_sanics_reason_phrases(status: int, line: bytes) -> None:
    async def handler(request: Any) -> Any:
        return text("x", status=status)

    conn = FakeConnection(handler)
    conn.receive(GET)
    await conn.settle()
    assert conn.take().startswith(line)


@pytest.mark.parametrize("status", [100, 101, 103, 199])
async def test_an_informational_status_from_a_handler_becomes_a_500(status: int) -> None:
    # RFC 9110 15.2: a 1xx is never a final response; a client would wait for another.
    async def handler(request: Any) -> Any:
        return text("x", status=status)

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.status == 500
    assert b"x" != res.body and res.body.startswith("\u26a0\ufe0f 500".encode())


@pytest.mark.parametrize("status", [1000, 12345])
@pytest.mark.parametrize("streamed", [False, True])
async def test_a_status_of_more_than_three_digits_becomes_a_500(
    status: int, streamed: bool
) -> None:
    # RFC 9110 15: a status code is three digits; "HTTP/1.1 1000 UNKNOWN" is no status line
    # (clients refuse it). Sanic drops the connection without an answer.
    async def handler(request: Any) -> Any:
        if streamed:
            response = await request.respond(status=status)
            await response.send("x", end_stream=True)
            return None
        return text("x", status=status)

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.status == 500
    assert res.body.startswith("\u26a0\ufe0f 500".encode())


def test_a_head_is_not_formatted_for_a_status_of_more_than_three_digits() -> None:
    from hurtle_http.headers import format_http1_response

    assert format_http1_response(999, []) == b"HTTP/1.1 999 UNKNOWN\r\n\r\n"
    with pytest.raises(RuntimeError, match="Invalid response status 1000"):
        format_http1_response(1000, [])


async def test_unknown_expectation_with_a_body_is_417() -> None:
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn, b"POST / HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Length: 3\r\n\r\nabc"
    )
    assert res.status == 417
    assert "Unknown Expect: teapot" in res.body.decode()


async def test_unknown_expectation_with_an_empty_content_length_is_417() -> None:
    """`Content-Length: 0` frames a body too: Sanic refuses the expectation there, and
    Hurtle served the request (no body to wait for, so no check was made)."""
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn, b"POST / HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Length: 0\r\n\r\n"
    )
    assert res.status == 417
    assert res.header("connection") == "close"
    assert "Unknown Expect: teapot" in res.body.decode()


@pytest.mark.parametrize(
    ("version", "framing"),
    [(b"1.1", b"Transfer-Encoding: gzip\r\n"), (b"1.0", b"Transfer-Encoding: chunked\r\n")],
)
async def test_unknown_expectation_is_refused_before_the_framing_is_read(
    version: bytes, framing: bytes
) -> None:
    """Sanic answers 417 for an unknown expectation before it reads the framing fields;
    Hurtle answered the framing error instead (501 for an unknown coding, 400 for
    Transfer-Encoding in HTTP/1.0). (A Content-Length that is no number is refused by
    llhttp as the field is read, before the head is complete: a 400 there, kept.)"""
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn,
        b"POST / HTTP/" + version + b"\r\nHost: x\r\nExpect: teapot\r\n" + framing + b"\r\n0\r\n\r\n",
    )
    assert res.status == 417
    assert "Unknown Expect: teapot" in res.body.decode()


async def test_unknown_expectation_without_a_body_is_ignored() -> None:
    conn = FakeConnection(echo)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\n\r\n")
    assert (res.status, res.body) == (200, b"GET / ")


async def test_100_continue_from_http10_is_ignored() -> None:
    # RFC 9110 10.1.1: a server MUST ignore a 100-continue expectation in HTTP/1.0.
    conn = FakeConnection(echo)
    conn.receive(b"POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc")
    await conn.settle()
    raw = conn.take()
    assert b"100 Continue" not in raw
    assert parse_responses(raw)[0].body == b"POST / abc"


async def test_many_headers_within_the_size_limit_are_accepted() -> None:
    # Like Sanic, only REQUEST_MAX_HEADER_SIZE limits the head: 150 short fields are fine.
    fields = b"".join(b"X-H%d: v\r\n" % i for i in range(150))
    conn = FakeConnection(echo)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n" + fields + b"\r\n")
    assert res.status == 200


@pytest.mark.parametrize("line", [b"GET / HTTP/1.01", b"GET / HTTP/12.0", b"GET / http/1.1", b"GET /"])
async def test_malformed_versions_are_a_plain_bad_request(line: bytes) -> None:
    conn = FakeConnection(echo)
    [res] = await exchange(conn, line + b"\r\nHost: x\r\n\r\n")
    assert res.status == 400
    assert res.body.decode().splitlines()[2] == "Bad Request"


@pytest.mark.parametrize("version", [b"2.0", b"3.0", b"2.1", b"9.9", b"0.8"])
async def test_another_major_version_is_505_saying_what_is_spoken(version: bytes) -> None:
    """RFC 9110 15.6.6: 505 is the answer to a request of a major version the server does
    not speak, and it SHOULD say why and what it speaks (Sanic: a plain 400). On a
    connection that served HTTP/1.1 first too (the refused request is found again)."""
    for before in (b"", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"):
        conn = FakeConnection(echo)
        *_, res = await exchange(conn, before + b"GET / HTTP/" + version + b"\r\nHost: x\r\n\r\n")
        assert res.status == 505 and conn.closed
        assert f"HTTP/{version.decode()} is not supported".encode() in res.body
        assert b"HTTP/1.1" in res.body


async def test_a_content_length_past_any_integer_is_413_like_a_too_large_body() -> None:
    # Only digits: a valid length the server will not take (as Sanic), not a bad one.
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + b"9" * 30 + b"\r\n\r\nabc"
    )
    assert res.status == 413
    assert "Request body exceeds the size limit" in res.body.decode()
    assert conn.closed


@pytest.mark.parametrize("zeros", [4299, 8000])
async def test_a_content_length_of_thousands_of_leading_zeros(zeros: int) -> None:
    # llhttp reads "000...01" as 1; Python's int() refuses more than 4,300 digits. Within
    # that, the body is read as usual; past it, Sanic's 400 (it was a 500).
    conn = FakeConnection(echo)
    length = b"0" * zeros + b"3"
    [res] = await exchange(conn, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + b"\r\n\r\nabc")
    if zeros < 4300:
        assert (res.status, res.body) == (200, b"POST / abc")
    else:
        assert res.status == 400
        assert "Bad content-length" in res.body.decode()


async def test_chunk_size_overflow_is_413_like_a_too_large_body() -> None:
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn,
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"ffffffffffffffffffff\r\nabc\r\n0\r\n\r\n",
    )
    assert res.status == 413
    assert "Request body exceeds the size limit" in res.body.decode()
    assert conn.closed


@pytest.mark.parametrize(
    "value", ["a\r\nSet-Cookie: evil=1", "a\nX: y", "a\rb", "ok\r\n\r\n<html>"]
)
async def test_cr_or_lf_in_a_header_value_never_reaches_the_wire(value: str) -> None:
    # RFC 9110 5.5: a sender must not generate CR/LF in a field value (response
    # splitting). Sanic 25.12 writes it out as is; Hurtle answers 500 instead.
    async def handler(request: Any) -> Any:
        return HTTPResponse("x", headers={"X-Bad": value})

    conn = FakeConnection(handler)
    conn.receive(GET)
    await conn.settle()
    raw = conn.take()
    [res] = parse_responses(raw)
    assert res.status == 500
    assert b"evil" not in raw and b"X: y" not in raw and b"<html>" not in raw


@pytest.mark.parametrize("content_type", ["text/plain\r\nSet-Cookie: evil=1", "a\nX: evil"])
@pytest.mark.parametrize("stream", [False, True])
async def test_cr_or_lf_in_the_content_type_never_reaches_the_wire(
    content_type: str, stream: bool
) -> None:
    # The content type is a field too (RFC 9110 5.5); it was written out as given, so an
    # app passing a client's value there let the client add fields (response splitting).
    async def handler(request: Any) -> Any:
        if stream:
            response = request.stream.respond(HTTPResponse(content_type=content_type))
            await response.send("x", end_stream=True)
            return None
        return HTTPResponse("x", content_type=content_type)

    conn = FakeConnection(handler)
    conn.receive(GET)
    await conn.settle()
    raw = conn.take()
    [res] = parse_responses(raw)
    assert res.status == 500
    assert b"evil" not in raw


class _OwnHead(HTTPResponse):
    @property
    def processed_headers(self) -> Any:
        return [(b"x-own", b"a\r\nSet-Cookie: evil=1")]


async def test_cr_or_lf_from_a_response_class_building_its_own_head_is_refused() -> None:
    async def handler(request: Any) -> Any:
        return _OwnHead("x")

    conn = FakeConnection(handler)
    conn.receive(GET)
    await conn.settle()
    raw = conn.take()
    [res] = parse_responses(raw)
    assert res.status == 500
    assert b"evil" not in raw


@pytest.mark.parametrize("stream", [False, True])
async def test_a_request_header_echoed_in_a_response_keeps_its_bytes(stream: bool) -> None:
    # A value that is not UTF-8 (a client's latin-1 "caf\xe9") is kept as surrogates;
    # echoed into a response field (or a cookie) it was a 500 with a traceback logged:
    # the client's bytes go back as they came, as in Sanic.
    async def handler(request: Any) -> Any:
        value = request.headers["x-in"]
        response = HTTPResponse("x", headers={"x-out": value})
        response.add_cookie("c", value)
        if stream:
            response = request.stream.respond(response)
            await response.send("x", end_stream=True)
            return None
        return response

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nhost: x\r\nx-in: caf\xe9 \xff\r\n\r\n")
    await conn.settle()
    raw = conn.take()
    [res] = parse_responses(raw)
    assert res.status == 200
    assert b"\r\nx-out: caf\xe9 \xff\r\n" in raw
    assert b'set-cookie: c="caf\xe9 \xff"' in raw.lower()


@pytest.mark.parametrize("status", [200.5, 404.25, 1000.5])
@pytest.mark.parametrize("stream", [False, True])
async def test_a_status_that_is_not_an_integer_is_a_500(status: float, stream: bool) -> None:
    # It went out as "HTTP/1.1 200.5 UNKNOWN": no client can parse that status line.
    async def handler(request: Any) -> Any:
        if stream:
            response = request.stream.respond(HTTPResponse(status=status))  # type: ignore[arg-type]
            await response.send("x", end_stream=True)
            return None
        return HTTPResponse("x", status=status)  # type: ignore[arg-type]

    conn = FakeConnection(handler)
    conn.receive(GET)
    await conn.settle()
    raw = conn.take()
    [res] = parse_responses(raw)
    assert res.status == 500
    assert b"UNKNOWN" not in raw


@pytest.mark.parametrize("status", [200, 202, 404])
async def test_bodyless_response_without_a_type_sends_no_content_type(status: int) -> None:
    # Sanic 25.12 sends a literal "content-type: None" here; that is not a media type
    # (RFC 9110 8.3), so Hurtle leaves the field out.
    async def handler(request: Any) -> Any:
        return empty(status=status)

    conn = FakeConnection(handler)
    [res] = await exchange(conn, GET)
    assert res.status == status
    assert res.header("content-type") is None
    assert res.header("content-length") == "0"


async def test_whitespace_before_the_colon_is_rejected() -> None:
    # RFC 9112 5.1: a server MUST reject it with 400 (Sanic 25.12 accepts it).
    conn = FakeConnection(echo)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost : x\r\n\r\n")
    assert res.status == 400
    assert conn.closed


async def test_body_of_an_upgrade_request_that_stays_http11_reaches_the_handler() -> None:
    # llhttp stops at the head of an Upgrade request; the server ignores an Upgrade it
    # does not speak (RFC 9110 7.8) and the declared body is still the request's.
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn,
        b"POST /u HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: foo\r\n"
        b"Content-Length: 3\r\n\r\nabc",
    )
    assert (res.status, res.body) == (200, b"POST /u abc")


@pytest.mark.parametrize("upgrade", [b"foo", b"h2c"])
async def test_body_of_an_upgrade_request_arriving_after_its_head_reaches_the_handler(
    upgrade: bytes,
) -> None:
    """The body of an Upgrade request the server answers in HTTP/1.1 (an h2c upgrade as
    curl sends with `--http2 -d`) that comes in later reads than its head: those reads
    were taken for the new protocol, so the handler ran at once and read an empty body
    (Sanic reads the whole body)."""
    conn = FakeConnection(echo)
    conn.receive(
        b"POST /u HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: " + upgrade
        + b"\r\nContent-Length: 6\r\n\r\nab"
    )
    await conn.settle()
    assert conn.take() == b""  # the handler waits for the rest
    conn.receive(b"cd")
    await conn.settle()
    assert conn.take() == b""
    [res] = await exchange(conn, b"efGET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert (res.status, res.body) == (200, b"POST /u abcdef")
    assert res.header("connection") == "close"


async def test_chunked_body_of_an_upgrade_request_after_its_head_reaches_the_handler() -> None:
    """A chunked body of an Upgrade request answered in HTTP/1.1, in reads after its
    head: it was left to the new protocol, and the handler read an empty body (Sanic
    reads it)."""
    conn = FakeConnection(echo)
    conn.receive(
        b"POST /u HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n3\r\nab"
    )
    await conn.settle()
    assert conn.take() == b""  # the handler waits for the rest
    [res] = await exchange(conn, b"c\r\n2\r\nde\r\n0\r\n\r\n")
    assert (res.status, res.body) == (200, b"POST /u abcde")


async def test_malformed_chunked_body_of_an_upgrade_request_is_400() -> None:
    conn = FakeConnection(echo)
    conn.receive(
        b"POST /u HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    await conn.settle()
    [res] = await exchange(conn, b"3\r\nabc\r\nzz\r\n\r\n")
    assert res.status == 400
    assert b"Bad chunked encoding" in res.body


async def test_too_large_body_of_an_upgrade_request_is_413() -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 100})
    [res] = await exchange(
        conn,
        b"POST /u HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: foo\r\n"
        b"Content-Length: 101\r\n\r\n" + b"a" * 101,
    )
    assert res.status == 413
    assert b"Request body exceeds the size limit" in res.body


async def test_chunked_not_last_is_400_bad_content_length() -> None:
    # RFC 9112 6.3: chunked must be the final coding, else 400 and close.
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn,
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n"
        b"3\r\nabc\r\n0\r\n\r\n",
    )
    assert res.status == 400
    assert "Bad content-length" in res.body.decode()
    assert conn.closed


@pytest.mark.parametrize("status", [204, 304])
async def test_a_stream_without_content_drops_what_it_writes(status: int) -> None:
    # RFC 9110 15.3.5, 15.4.5: no content; the writes are dropped until eof (as Sanic),
    # not failed (which used to add a second, unasked-for 500 after the head).
    async def handler(request: Any) -> Any:
        response = await request.respond(status=status)
        await response.send("dropped")
        await response.send("again")
        await response.eof()

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    raw = conn.take()
    assert raw.count(b"HTTP/1.1 ") == 2 and b"dropped" not in raw and b" 500 " not in raw
    assert raw.startswith(b"HTTP/1.1 %d " % status)


async def test_an_error_after_the_response_ended_sends_nothing_more() -> None:
    # The response is complete: the error is logged, the connection serves the next
    # request (as in Sanic), and no extra response appears in the byte stream.
    async def handler(request: Any) -> Any:
        response = await request.respond(content_type="text/plain")
        await response.send("done", end_stream=True)
        if request.path == "/fail":
            raise ValueError("after the end")

    conn = FakeConnection(handler)
    conn.receive(b"GET /fail HTTP/1.1\r\nHost: x\r\n\r\nGET /ok HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    responses = parse_responses(conn.take())
    assert [(r.status, r.body) for r in responses] == [(200, b"done"), (200, b"done")]
    assert not conn.transport.closed


def _head_with(size: int) -> bytes:
    return b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * size + b"\r\n\r\n"


async def test_header_limit_of_the_config_is_capped_by_the_ceiling(monkeypatch: Any) -> None:
    from hurtle_http.http import Http

    monkeypatch.setattr(Http, "HEADER_MAX_SIZE", 0)
    config = {"REQUEST_MAX_HEADER_SIZE": 30_000}
    assert Http.HEADER_CEILING == 16_384
    [res] = await exchange(FakeConnection(echo, config=config), _head_with(16_000))
    assert res.status == 200
    [res] = await exchange(FakeConnection(echo, config=config), _head_with(17_000))
    assert res.status == 431
    monkeypatch.setattr(Http, "HEADER_CEILING", 32_768)
    [res] = await exchange(FakeConnection(echo, config=config), _head_with(17_000))
    assert res.status == 200


async def test_set_header_max_size_sets_the_limit_of_new_connections(monkeypatch: Any) -> None:
    from hurtle_http.http import Http

    monkeypatch.setattr(Http, "HEADER_MAX_SIZE", 0)
    Http.set_header_max_size(900, 300)
    assert Http.HEADER_MAX_SIZE == 300
    [res] = await exchange(FakeConnection(echo), _head_with(200))
    assert res.status == 200
    [res] = await exchange(FakeConnection(echo), _head_with(400))
    assert res.status == 431
    Http.set_header_max_size(50_000)
    assert Http.HEADER_MAX_SIZE == Http.HEADER_CEILING == 16_384
    with pytest.raises(TypeError):
        Http.set_header_max_size()


async def test_two_host_fields_get_400_and_the_connection_closes() -> None:
    # RFC 9112 section 3.2 (a MUST): a cache in front could key the page by one Host
    # while the app serves the other.
    conn = FakeConnection(hello)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n")
    assert res.status == 400 and b"Multiple Host headers" in res.body
    assert res.header("connection") == "close" and conn.closed


async def test_a_host_field_in_a_trailer_section_is_a_400_that_says_so() -> None:
    # RFC 9110 section 6.5.1: Host routes the request, so it cannot come after the body;
    # the answer names the trailer, not a second Host line of the head.
    conn = FakeConnection(hello)
    chunked = b"POST / HTTP/1.1\r\nHost: a.example\r\nTransfer-Encoding: chunked\r\n\r\n"
    [res] = await exchange(conn, chunked + b"3\r\nabc\r\n0\r\nHost: b.example\r\n\r\n")
    assert res.status == 400 and b"Host is not allowed in a trailer section" in res.body
    assert conn.closed


@pytest.mark.parametrize(
    "field", [b"Connection: close", b"connection: Close", b"Proxy-Connection: close"]
)
@pytest.mark.parametrize("pipelined", [True, False])
async def test_a_close_option_in_a_trailer_section_keeps_the_connection(
    field: bytes, pipelined: bool
) -> None:
    # RFC 9110 section 6.5.1: a trailer field is not merged into the head unless its
    # definition allows it, and Connection's does not. The answer says keep-alive (from the
    # head); llhttp took the trailer's "close" and refused the next request with a 400.
    conn = FakeConnection(echo)
    chunked = b"POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
    first = chunked + b"3\r\nabc\r\n0\r\n" + field + b"\r\n\r\n"
    second = b"GET /b HTTP/1.1\r\nHost: x\r\n\r\n"
    responses = await exchange(conn, first + second if pipelined else first)
    if not pipelined:
        responses += await exchange(conn, second)
    assert [(res.status, res.header("connection"), res.body) for res in responses] == [
        (200, "keep-alive", b"POST /a abc"),
        (200, "keep-alive", b"GET /b "),
    ]
    assert not conn.closed


@pytest.mark.parametrize(
    "hosts", [(b"seen.example", b"seen.example"), (b"seen.example", b"other.example:8")]
)
async def test_host_values_seen_before_are_read_the_same_and_two_are_still_a_400(
    hosts: tuple[bytes, bytes],
) -> None:
    # A valid Host value is remembered with its field: a request that repeats it gets the
    # same field, and a head with two of them (both remembered) is still refused.
    async def handler(request: Any) -> Any:
        return text(repr((list(request.headers.items()), request.raw_headers, request.host)))

    conn = FakeConnection(handler)
    answers = []
    for host in (*hosts, hosts[0]):
        [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHOST: " + host + b"\r\nA: 1\r\n\r\n")
        answers.append(res.body)
    host = hosts[0].decode()
    first = repr(([("host", host), ("a", "1")], b"HOST: " + hosts[0] + b"\r\nA: 1", host))
    assert answers[0] == answers[2] == first.encode()
    two = b"GET / HTTP/1.1\r\nHost: " + hosts[0] + b"\r\nHost: " + hosts[1] + b"\r\n\r\n"
    [res] = await exchange(conn, two)
    assert res.status == 400 and b"Multiple Host headers" in res.body


async def test_a_malformed_host_gets_400_then_a_valid_one_is_served_on_a_new_connection() -> None:
    conn = FakeConnection(hello)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: a b\r\n\r\n")
    assert res.status == 400 and b"Invalid Host header" in res.body and conn.closed
    conn = FakeConnection(hello)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: a.example:8000\r\n\r\n")
    assert (res.status, res.body) == (200, b"hello")


@pytest.mark.parametrize("ows", [b" ", b"\t", b" \t "])
async def test_whitespace_after_a_host_is_no_part_of_it(ows: bytes) -> None:
    """RFC 9110 5.5: whitespace after a field value is excluded before the value is
    evaluated; `Host: a.example ` was refused as a malformed Host (a 400). Sanic serves
    it, with the spaces in request.host."""

    async def host(request: Any) -> Any:
        return text(request.host)

    for _ in range(2):  # the second time, the valid host is remembered (hostfield.py)
        conn = FakeConnection(host)
        [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: a.example:80" + ows + b"\r\n\r\n")
        assert (res.status, res.body) == (200, b"a.example:80") and not conn.closed
    conn = FakeConnection(host)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: a b" + ows + b"\r\n\r\n")
    assert res.status == 400 and conn.closed


async def test_a_request_without_host_is_served_as_sanic_serves_it() -> None:
    # RFC 9112 section 3.2 would have a 400 for HTTP/1.1; kept as Sanic 25.12 answers
    # (tests-integration/fidelity/README.md).
    conn = FakeConnection(hello)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert (res.status, res.body) == (200, b"hello") and not conn.closed


async def _streamed(request: Any) -> None:
    response = await request.respond(content_type="text/plain")
    await response.send("ab")
    await response.send("cd")
    await response.eof()


@pytest.mark.parametrize("connection", [b"", b"Connection: keep-alive\r\n"])
async def test_a_stream_to_an_http10_client_is_not_chunked_and_ends_with_the_connection(
    connection: bytes,
) -> None:
    # RFC 9112 section 6.1: a server MUST NOT send Transfer-Encoding to an HTTP/1.0 client.
    conn = FakeConnection(_streamed)
    conn.receive(b"GET / HTTP/1.0\r\n" + connection + b"\r\n")
    await conn.settle()
    data = conn.take()
    head, _, body = data.partition(b"\r\n\r\n")
    assert b"transfer-encoding" not in head.lower() and b"content-length" not in head.lower()
    assert b"connection: close" in head and body == b"abcd"
    assert conn.closed


async def test_a_stream_to_an_http11_client_is_still_chunked() -> None:
    conn = FakeConnection(_streamed)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert res.header("transfer-encoding") == "chunked" and res.body == b"abcd"
    assert not conn.closed


@pytest.mark.parametrize("lines", [b"\r\n\r\n", b"\r\n", b"\n"])
async def test_empty_lines_before_the_first_request_line_are_ignored(lines: bytes) -> None:
    """RFC 9112 2.2: a server SHOULD ignore at least one empty line before a request line.
    Kept on purpose: Sanic 25.12 answers 400 when they open the connection (405 for a bare
    LF, read as part of the method)."""
    conn = FakeConnection(echo)
    [res] = await exchange(conn, lines + b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
    assert (res.status, res.body) == (200, b"GET /a ")


@pytest.mark.parametrize(
    ("target", "path"), [(b"http://h.example", b"/"), (b"http://h.example?a=1", b"/")]
)
async def test_an_absolute_form_target_without_a_path_is_the_root(
    target: bytes, path: bytes
) -> None:
    """RFC 9110 4.2.3: an empty path of an http URI is "/". Kept on purpose: Sanic 25.12
    answers 500."""
    conn = FakeConnection(echo)
    [res] = await exchange(conn, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert (res.status, res.body) == (200, b"GET " + path + b" ")


async def test_the_connection_closes_after_answering_a_connect() -> None:
    """Kept on purpose: after a CONNECT the client may already send tunnel data (RFC 9110
    9.3.6), which must not be read as requests; the answer closes the connection. Sanic
    keeps it open and serves the bytes after a refused CONNECT as the next request."""
    conn = FakeConnection(echo)
    responses = await exchange(conn, b"CONNECT * HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n")
    assert [r.header("connection") for r in responses] == ["close"]
    assert conn.closed


@pytest.mark.parametrize(
    ("target", "path"),
    [
        (b"http://ab[.example/a=20b", b"/a=20b"),
        (b"http://a]b/x?q=1", b"/x"),
        (b"http://[::1/x#f", b"/x"),
        (b"http://[::1", b"/"),
    ],
)
async def test_an_absolute_form_target_with_a_bad_authority_still_has_a_path(
    target: bytes, path: bytes
) -> None:
    # urlsplit refuses these authorities; reading request.path must not fail (it was an
    # error inside the error handler: a 500 "An error occurred while handling an error").
    conn = FakeConnection(echo)
    [res] = await exchange(conn, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert (res.status, res.body) == (200, b"GET " + path + b" ")


async def _host_echo(request: Any) -> Any:
    return text(f"{request.host} {request.url}")


@pytest.mark.parametrize(
    "target", [b"http://a:b/x", b"http://a.example:80x/x", b"http://a:1:2/x", b"http://a%zz/x"]
)
async def test_an_absolute_form_authority_refused_as_a_host_field_is_not_the_host(
    target: bytes,
) -> None:
    # The target's authority stands for Host (RFC 9112 3.2.2), and such a Host field is a
    # 400: it reached the app as request.host and in request.url; Host is used instead.
    conn = FakeConnection(_host_echo)
    [res] = await exchange(conn, b"GET " + target + b" HTTP/1.1\r\nHost: b.example\r\n\r\n")
    assert (res.status, res.body) == (200, b"b.example http://b.example/x")


async def _version_echo(request: Any) -> Any:
    return text(f"{request.method} {request.version} {request.body.decode()}")


@pytest.mark.parametrize(
    ("data", "bodies"),
    [
        (b"GET / HTTP/1.2\r\nHost: x\r\n\r\n", [b"GET 1.1 "]),
        (b"get / HTTP/1.9\r\nHost: x\r\n\r\n", [b"get 1.1 "]),
        (
            b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
            b"POST / HTTP/1.3\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
            b"GET / HTTP/1.4\r\nHost: x\r\n\r\n",
            [b"GET 1.1 ", b"POST 1.1 abc", b"GET 1.1 "],
        ),
    ],
)
async def test_a_higher_http1_minor_version_is_served_as_http11(
    data: bytes, bodies: list[bytes]
) -> None:
    # RFC 9110 6.2: a recipient SHOULD process a higher minor version of a major version
    # it speaks as the highest minor version it speaks; RFC 9112 2.3: the answer says
    # HTTP/1.1. Sanic (and llhttp) refuse HTTP/1.2 ... 1.9 with a 400.
    conn = FakeConnection(_version_echo)
    conn.receive(data)
    await conn.settle()
    raw = conn.take()
    assert raw.startswith(b"HTTP/1.1 200 OK\r\n")
    responses = parse_responses(raw)
    assert [res.body for res in responses] == bodies
    assert all(res.header("connection") == "keep-alive" for res in responses)
    assert not conn.closed


@pytest.mark.parametrize(
    ("version", "status"), [(b"1.10", 400), (b"2.1", 505), (b"3.0", 505), (b"0.8", 505)]
)
async def test_other_versions_stay_refused(version: bytes, status: int) -> None:
    conn = FakeConnection(_version_echo)
    conn.receive(b"GET / HTTP/" + version + b"\r\nHost: x\r\n\r\n")
    await conn.settle()
    (res,) = parse_responses(conn.take())
    assert res.status == status and conn.closed


async def test_chunked_body_of_an_upgrade_request_that_stays_http11_reaches_the_handler() -> None:
    # As with Content-Length above: llhttp stops at the head, the chunked body that came
    # with it is still the request's (it was dropped: the handler read b"").
    conn = FakeConnection(echo)
    [res] = await exchange(
        conn,
        b"POST /u HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: foo\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nT: 1\r\n\r\n",
    )
    assert (res.status, res.body) == (200, b"POST /u abcde")
