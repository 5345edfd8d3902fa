"""How big a request head may be (REQUEST_MAX_HEADER_SIZE, REQUEST_MAX_SIZE, the read buffer,
a field line that never ends), and the framing of a chunked body (chunk-size lines and
trailer fields that never end), and the memory a body of tiny chunks takes."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_http.http import Http
from hurtle_http.response import text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, parse_responses

from .conftest import echo, exchange

_SMALL = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"


def _head(size: int) -> bytes:
    """A GET head measuring ``size`` as Sanic measures one (up to its blank line)."""
    start = b"GET / HTTP/1.1\r\nHost: x\r\nX-Pad: "
    head = start + b"a" * (size + 4 - len(start) - 4) + b"\r\n\r\n"
    assert len(head) - 4 == size
    return head


@pytest.fixture(autouse=True)
def _per_connection_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each connection's own config decides (no app start-up set the process-wide limit).
    monkeypatch.setattr(Http, "HEADER_MAX_SIZE", 0)


@pytest.mark.parametrize(("size", "status"), [(199, 200), (200, 431), (260, 431)])
async def test_a_head_reaching_the_header_limit_is_431(size: int, status: int) -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_HEADER_SIZE": 200})
    [res] = await exchange(conn, _head(size))
    assert res.status == status
    if status == 431:
        assert conn.closed


@pytest.mark.parametrize(("size", "status"), [(119, 200), (120, 413), (500, 413)])
async def test_a_head_over_request_max_size_is_413_as_in_sanic(size: int, status: int) -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 120})
    [res] = await exchange(conn, _head(size))
    assert res.status == status
    if status == 413:
        assert b"Request header exceeds the size limit" in res.body
        assert res.header("connection") == "close" and conn.closed


async def test_request_max_size_bounds_the_head_and_the_body_each() -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 120})
    head = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nX-Pad: " + b"a" * 40 + b"\r\n\r\n"
    ok, refused = await exchange(
        conn,
        head
        + b"b" * 100
        + b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 121\r\n\r\n"
        + b"b" * 121,
    )
    assert ok.status == 200 and ok.body.endswith(b"b" * 100)
    assert refused.status == 413 and b"Request body exceeds the size limit" in refused.body


async def test_a_target_over_request_max_size_is_414() -> None:
    """RFC 9112 section 3: a target longer than the server parses MUST be answered 414; it
    was Sanic's 413 "Request header exceeds the size limit" when REQUEST_MAX_SIZE was the
    limit it reached. A field over that limit stays 413."""
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 120})
    [res] = await exchange(conn, b"GET /" + b"x" * 150 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert res.status == 414 and b"Request URI too long" in res.body
    assert res.header("connection") == "close" and conn.closed


@pytest.mark.parametrize("limit", [1, 10])
async def test_a_limit_no_request_line_fits_is_413_not_414(limit: int) -> None:
    """When the method and version alone reach REQUEST_MAX_SIZE, no target could fit: the
    head is too large, not the two-byte target (414 would send the client shortening a
    URI that is not the problem); Sanic's 413 "Request header exceeds the size limit"."""
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": limit})
    [res] = await exchange(conn, b"GET /1 HTTP/1.1\r\nHost: x\r\n\r\n")
    assert res.status == 413 and b"Request header exceeds the size limit" in res.body


async def test_a_long_target_is_414() -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_HEADER_SIZE": 200})
    [res] = await exchange(conn, b"GET /" + b"x" * 250 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert res.status == 414


async def test_the_read_buffer_bounds_the_head_as_in_sanic() -> None:
    # As Sanic: a head must fit REQUEST_BUFFER_SIZE less 4 KiB.
    conn = FakeConnection(echo, config={"REQUEST_BUFFER_SIZE": 4096 + 200})
    [ok] = await exchange(conn, _head(199))
    assert ok.status == 200
    [res] = await exchange(
        FakeConnection(echo, config={"REQUEST_BUFFER_SIZE": 4096 + 200}), _head(200)
    )
    assert res.status == 431


@pytest.mark.parametrize("first", [False, True])
@pytest.mark.parametrize("read", [1, 7, 100, 1000])
async def test_a_field_line_that_never_ends_is_refused_at_the_limit(first: bool, read: int) -> None:
    """A field without its line end is refused once what came of the head reaches the limit,
    without waiting for the end that never comes, on a fresh connection or after a request
    (the fast path), however the bytes are cut into reads."""
    conn = FakeConnection(echo, config={"REQUEST_MAX_HEADER_SIZE": 300})
    if first:
        [ok] = await exchange(conn, _SMALL)
        assert ok.status == 200
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: ")
    sent = 0
    while not conn.closed and sent < 2000:
        conn.receive(b"a" * read)
        sent += read
        await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 431 and conn.closed
    # refused once the bytes after the head's first read, less 3, reach the limit
    assert 300 + 3 <= sent < 300 + 3 + read


async def test_a_field_line_that_never_ends_under_request_max_size_is_413() -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 100})
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: ")
    for _ in range(20):
        conn.receive(b"a" * 10)
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 413 and b"Request header exceeds the size limit" in res.body


_CHUNKED = b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"


async def _trickle(conn: FakeConnection, start: bytes, piece: bytes, limit: int = 5000) -> int:
    """Send ``start``, then ``piece`` until the server answers or ``limit`` bytes went."""
    conn.receive(start)
    await conn.settle()
    sent = 0
    while not conn.closed and sent < limit:
        conn.receive(piece)
        sent += len(piece)
        await conn.settle()
    return sent


@pytest.mark.parametrize("read", [1, 9, 250])
@pytest.mark.parametrize(
    "start",
    [
        _CHUNKED + b"3;ext=",  # the first chunk-size line never ends
        _CHUNKED + b"3\r\nabc\r\n4;name=",  # a later one
        _CHUNKED + b"3\r\nabc\r\n0\r\nX-Trailer: ",  # a trailer field never ends
    ],
)
async def test_chunked_framing_that_never_ends_is_400_and_closes(start: bytes, read: int) -> None:
    """Before, such bytes were taken without bound (a trailer value was buffered: 20 MB
    sent, 20 MB more memory) and never answered."""
    conn = FakeConnection(echo, config={"REQUEST_MAX_HEADER_SIZE": 300})
    sent = await _trickle(conn, start, b"a" * read)
    [res] = parse_responses(conn.take())
    assert res.status == 400 and b"Bad chunked encoding" in res.body
    assert res.header("connection") == "close" and conn.closed
    assert sent <= 300 + read


async def test_trailer_fields_over_the_head_limit_are_431() -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_HEADER_SIZE": 300})
    fields = b"".join(b"X-T%d: v\r\n" % i for i in range(100))
    sent = await _trickle(conn, _CHUNKED + b"3\r\nabc\r\n0\r\n", fields[:50])
    [res] = parse_responses(conn.take())
    assert res.status == 431 and res.header("connection") == "close"
    assert sent <= 400


async def test_a_chunked_body_of_many_small_chunks_and_trailers_is_read_whole() -> None:
    """The framing checks refuse nothing a valid body sends, however it is cut into reads:
    2,000 one-byte chunks with extensions, then trailer fields, a few bytes per read."""
    conn = FakeConnection(echo, config={"REQUEST_MAX_HEADER_SIZE": 300})
    body = b"".join(b"1;e=%d\r\n%c\r\n" % (i, 97 + i % 26) for i in range(2000))
    wire = _CHUNKED + body + b"0\r\nX-A: 1\r\nX-B: " + b"b" * 200 + b"\r\n\r\n"
    for start in range(0, len(wire), 7):
        conn.receive(wire[start : start + 7])
        await conn.settle()
    [res] = parse_responses(conn.take())
    expected = bytes(97 + i % 26 for i in range(2000))
    assert res.status == 200 and res.body == b"POST / " + expected
    assert not conn.closed
    [again] = await exchange(conn, _SMALL)
    assert again.status == 200


async def test_bad_chunk_framing_in_a_later_read_answers_with_close() -> None:
    # The request is already with its handler when the rest of its body turns out bad:
    # the 400 says the connection closes, and it does.
    conn = FakeConnection(echo)
    conn.receive(_CHUNKED + b"3\r\nabc\r\n")
    await conn.settle()
    conn.receive(b"3x\r\nabc\r\n0\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 400
    assert res.header("connection") == "close" and conn.closed


async def test_tiny_chunks_of_one_read_reach_the_handler_as_one_piece() -> None:
    # A piece per chunk costs about 50 bytes of memory: a body of 2-byte chunks held
    # whole (REQUEST_MAX_SIZE) would take over 20 times its size.
    pieces: list[bytes] = []
    release = asyncio.Event()

    async def handler(request: Any) -> Any:
        await release.wait()
        async for piece in request.stream:
            pieces.append(piece)
        return text(str(len(pieces)))

    conn = FakeConnection(HandlerApp(handler, stream=True))
    conn.receive(_CHUNKED)
    await conn.settle()
    for i in range(3):
        conn.receive(b"2\r\n%02d\r\n" % i * 500)
        await conn.settle()
    release.set()
    conn.receive(b"0\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 200 and res.body == b"3"
    assert pieces == [b"%02d" % i * 500 for i in range(3)]


async def test_tiny_chunks_arriving_with_the_head_reach_the_handler_as_one_piece() -> None:
    # The read that brings the head may bring thousands of chunks too (a fast client):
    # they were left a piece per chunk, so a handler reading one piece per loop turn
    # (here 21,000 one-byte pieces: 50 ms a read meant 18 minutes) read them a byte at
    # a time, with reading paused meanwhile.
    pieces: list[bytes] = []
    release = asyncio.Event()

    async def handler(request: Any) -> Any:
        await release.wait()
        async for piece in request.stream:
            pieces.append(piece)
        return text(str(len(pieces)))

    conn = FakeConnection(HandlerApp(handler, stream=True))
    conn.receive(_CHUNKED + b"1\r\na\r\n" * 3000)  # over the head limit: one measured read
    await conn.settle()
    conn.receive(b"1\r\nb\r\n" * 3000)
    await conn.settle()
    release.set()
    conn.receive(b"0\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 200 and res.body == b"2"
    assert pieces == [b"a" * 3000, b"b" * 3000]


async def test_tiny_chunks_arriving_with_a_small_head_read_reach_the_handler_as_one_piece(
) -> None:
    # A read under the head limit is fed without measuring: the chunks it brought with
    # the head were a piece each (up to ~1,300 in 8 KB), on the connection's first read
    # and on a later request's alike.
    pieces: list[list[bytes]] = []

    async def handler(request: Any) -> Any:
        got = [piece async for piece in request.stream]
        pieces.append(got)
        return text(str(len(got)))

    conn = FakeConnection(HandlerApp(handler, stream=True))
    plain = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nc"
    for read in (b"a", plain, b"b"):
        conn.receive(read if read is plain else
                     _CHUNKED + b"1\r\n%s\r\n" % read * 1000 + b"0\r\n\r\n")
        await conn.settle()
    responses = parse_responses(conn.take())
    assert [(res.status, res.body) for res in responses] == [(200, b"1")] * 3
    assert pieces == [[b"a" * 1000], [b"c"], [b"b" * 1000]]


@pytest.mark.parametrize(
    "partial",
    [
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + b"a" * 10,
        _CHUNKED + b"3\r\nabc\r\n",
    ],
)
async def test_a_client_that_ends_its_side_mid_body_is_closed(partial: bytes) -> None:
    """The body will not come: the connection closes at once, as in Sanic (before, it
    was held until REQUEST_TIMEOUT, and delayed a graceful shutdown as long)."""
    conn = FakeConnection(echo)
    conn.receive(partial)
    await conn.settle()
    assert conn.protocol.eof_received() is False  # asyncio closes the transport


async def test_a_client_that_ends_its_side_after_a_whole_request_gets_its_answer() -> None:
    gate = asyncio.Event()

    async def slow(request: Any) -> Any:
        await gate.wait()
        return text("late")

    conn = FakeConnection(slow)
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
    await conn.settle()
    assert conn.protocol.eof_received() is True  # the answer is still to be written
    gate.set()
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.body == b"late"


async def test_a_chunk_announcing_more_than_the_limit_is_413_once_the_limit_is_passed() -> None:
    # Sanic answers 413 at the size line; llhttp reports no chunk size, so Hurtle answers
    # when the data received passes REQUEST_MAX_SIZE: the bound a Content-Length body has.
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 1000})
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
    conn.receive(b"FFFFFFFFFFFFFFFF\r\n" + b"a" * 999)
    await conn.settle()
    assert conn.take() == b"" and not conn.closed
    conn.receive(b"aa")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == 413 and conn.closed


@pytest.mark.parametrize(
    "head",
    [
        b"GET /?a=\xc3\xa9 HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 120 + b"\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nBad Field\r\nX-Pad: " + b"a" * 120 + b"\r\n\r\n",
    ],
)
async def test_a_malformed_head_over_request_max_size_is_413_as_in_sanic(head: bytes) -> None:
    # The head is measured before it is parsed: too large wins over malformed.
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 120})
    [res] = await exchange(conn, head)
    assert res.status == 413
    assert b"Request header exceeds the size limit" in res.body


async def test_a_malformed_head_under_request_max_size_is_still_400() -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 120})
    [res] = await exchange(conn, b"GET /?a=\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n")
    assert res.status == 400
    assert b"US-ASCII" in res.body


async def test_a_malformed_head_over_the_header_limit_is_431() -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_HEADER_SIZE": 200})
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\nBad Field\r\nX-Pad: " + b"a" * 220 + b"\r\n\r\n")
    assert res.status == 431
