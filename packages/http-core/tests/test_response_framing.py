"""Response framing the server owns, whatever fields the handler set (RFC 9110 15.3.6,
RFC 9112 6.1-6.3): 205 without content, no handler Transfer-Encoding beside a length."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_http.response import HTTPResponse, text
from hurtle_http.testing import FakeConnection, parse_responses

TWO = b"GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n"


async def _raw(handler: Any, data: bytes = TWO) -> bytes:
    conn = FakeConnection(handler)
    conn.receive(data)
    await conn.settle()
    return conn.take()


@pytest.mark.parametrize("whole", [True, False])
async def test_a_205_has_no_content_and_says_so(whole: bool) -> None:
    # RFC 9110 15.3.6: a server MUST NOT generate content in a 205 (Sanic sends the body).
    async def handler(request: Any) -> Any:
        if request.path == "/next":
            return text("next")
        if whole:
            return text("body", status=205)
        response = await request.respond(status=205, content_type="text/plain")
        await response.send("body")
        await response.eof()

    raw = await _raw(handler)
    assert b"body" not in raw
    first, second = parse_responses(raw)
    assert first.status == 205 and first.header("content-length") == "0"
    assert first.header("transfer-encoding") is None
    assert (second.status, second.body) == (200, b"next")


@pytest.mark.parametrize(
    "fields",
    [
        {"transfer-encoding": "chunked"},
        {"transfer-encoding": "chunked", "content-length": "4"},
        {"Transfer-Encoding": "gzip, chunked", "x-a": "1"},
    ],
)
async def test_a_handler_transfer_encoding_does_not_break_a_whole_body(fields: dict) -> None:
    # The body goes out with its Content-Length; a handler's Transfer-Encoding beside it
    # made the client read "body" as a chunk size and the next response as garbage (RFC
    # 9112 6.1: MUST NOT send both; Sanic sends both).
    async def handler(request: Any) -> Any:
        if request.path == "/next":
            return text("next")
        return HTTPResponse("body", headers=fields)

    first, second = parse_responses(await _raw(handler))
    assert first.header("transfer-encoding") is None
    assert (first.status, first.header("content-length"), first.body) == (200, "4", b"body")
    assert (second.status, second.body) == (200, b"next")


async def test_a_stream_with_a_length_sends_no_transfer_encoding() -> None:
    async def handler(request: Any) -> Any:
        if request.path == "/next":
            return text("next")
        response = await request.respond(
            headers={"content-length": "4", "transfer-encoding": "chunked"}
        )
        await response.send("bo")
        await response.send("dy")
        await response.eof()

    first, second = parse_responses(await _raw(handler))
    assert first.header("transfer-encoding") is None
    assert (first.header("content-length"), first.body) == ("4", b"body")
    assert (second.status, second.body) == (200, b"next")


@pytest.mark.parametrize("kind", ["respond", "content-length"])
async def test_head_of_a_stream_keeps_an_http10_keep_alive_connection(kind: str) -> None:
    # An answer to HEAD has no content (RFC 9112 6.3, item 1: it ends with its head), so
    # a streamed response does not have to end with the connection: the HTTP/1.0 client
    # that asked for keep-alive gets it, and its next request an answer. No
    # Transfer-Encoding to an HTTP/1.0 client either (RFC 9112 6.1; Sanic sends it).
    async def handler(request: Any) -> Any:
        if request.path == "/next":
            return text("next")
        headers = {"content-length": "4"} if kind == "content-length" else None
        response = await request.respond(content_type="text/plain", headers=headers)
        await response.send("body")
        await response.eof()

    data = (
        b"HEAD / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
        b"GET /next HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
    )
    raw = await _raw(handler, data)
    cut = raw.index(b"\r\n\r\n") + 4
    (first,) = parse_responses(raw[:cut], head_only=True)
    (second,) = parse_responses(raw[cut:])
    assert first.status == 200 and first.header("connection") == "keep-alive"
    assert first.header("transfer-encoding") is None
    assert (second.status, second.body) == (200, b"next")


@pytest.mark.parametrize("stream", ["respond", "ResponseStream"])
async def test_a_stream_longer_than_its_stated_length_never_sends_the_excess(stream: str) -> None:
    """RFC 9112 6.3: bytes after the stated Content-Length are the next response to the
    client. A first piece already longer than the length the handler stated went out
    whole (as in Sanic: the client read `cd` as the next response's head); now its send
    raises, as for a later piece that overflows, and since nothing was written the
    handler's error gets the 500 page, and the connection serves the next request."""
    from hurtle_http.response import ResponseStream

    failures: list[str] = []

    async def handler(request: Any) -> Any:
        if request.path == "/next":
            return text("next")
        if stream == "respond":
            response = await request.respond(headers={"content-length": "2"})
            try:
                await response.send("abcd")
            except Exception as error:
                failures.append(str(error))
                raise
            await response.eof()
            return None

        async def write(response: Any) -> None:
            await response.write("abcd")

        return ResponseStream(write, headers={"content-length": "2"})

    raw = await _raw(handler)
    assert b"abcd" not in raw
    first, second = parse_responses(raw)
    assert first.status == 500 and b"bigger than content-length" in first.body
    assert (second.status, second.body) == (200, b"next")
    if stream == "respond":
        assert failures == ["Response was bigger than content-length"]


@pytest.mark.parametrize(
    ("body", "stated", "expected"),
    [(b"hello world!", "5", "12"), (b"abc", "10", "3"), (b"", "12", "12")],
)
async def test_head_states_the_length_the_get_would(
    body: bytes, stated: str, expected: str
) -> None:
    # RFC 9110 9.3.2/8.6: a HEAD answer's Content-Length is the one a GET would carry.
    # For a GET the server sends the body's length over the handler's wrong field (as
    # Sanic); for HEAD too (Sanic keeps the handler's value there, so its HEAD and GET
    # disagree). A handler answering HEAD itself with no body keeps its own value.
    async def handler(request: Any) -> Any:
        if request.path == "/next":
            return text("next")
        return HTTPResponse(body, headers={"Content-Length": stated}, content_type="text/plain")

    if body:
        got, _ = parse_responses(await _raw(handler))
        assert (got.header("content-length"), got.body) == (expected, body)
    raw = await _raw(handler, b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n" + TWO.split(b"\r\n\r\n", 1)[1])
    cut = raw.index(b"\r\n\r\n") + 4
    (head,) = parse_responses(raw[:cut], head_only=True)
    (after,) = parse_responses(raw[cut:])
    assert head.header("content-length") == expected
    assert (after.status, after.body) == (200, b"next")


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize(("stated", "sent"), [("+4", "4"), ("0_4", "4")])
async def test_a_stream_states_its_length_as_digits(method: str, stated: Any, sent: str) -> None:
    # RFC 9110 8.6: Content-Length = 1*DIGIT. A stream's stated length that int() reads
    # ("+4", "0_4") went out as the handler wrote it (as Sanic does), which a strict
    # client refuses; it is now sent as the number.
    async def handler(request: Any) -> Any:
        if request.path == "/next":
            return text("next")
        response = await request.respond(headers={"content-length": stated})
        await response.send("body")
        await response.eof()

    raw = await _raw(handler, TWO.replace(b"GET", method.encode(), 1))
    cut = raw.index(b"\r\n\r\n") + 4
    (first,) = parse_responses(raw[:cut], head_only=True)
    rest = raw[cut:]
    if method == "GET":
        assert rest.startswith(b"body")
        rest = rest[4:]
    (second,) = parse_responses(rest)
    assert (first.status, first.header("content-length")) == (200, sent)
    assert (second.status, second.body) == (200, b"next")


async def test_a_stream_length_that_is_no_number_fails_its_send_with_a_value_error() -> None:
    # As Sanic: the handler's send() raises int()'s ValueError (Hurtle raised a
    # ServerError, whose message then showed on the 500 page; Sanic's page shows the
    # generic text). A negative length on HEAD is refused too (Sanic sends "-1").
    seen: list[str] = []

    async def handler(request: Any) -> Any:
        if request.path == "/next":
            return text("next")
        response = await request.respond(headers={"content-length": request.args["cl"][0]})
        try:
            await response.send("body")
        except Exception as error:
            seen.append(type(error).__name__)
            raise
        await response.eof()

    for method, value in (("GET", "x"), ("HEAD", "x"), ("HEAD", "-1")):
        data = TWO.replace(b"GET / ", f"{method} /?cl={value} ".encode(), 1)
        raw = await _raw(handler, data)
        cut = raw.index(b"\r\n\r\n") + 4
        (first,) = parse_responses(raw[:cut], head_only=True)
        body = raw[cut:]
        if method == "GET":
            first, second = parse_responses(raw)
            assert b"Content-Length" not in first.body
        else:
            (second,) = parse_responses(body)
        assert first.status == 500
        assert (second.status, second.body) == (200, b"next")
    assert seen == ["ValueError", "ValueError", "ServerError"]


@pytest.mark.parametrize(("stated", "sent"), [("+4", "4"), ("x", None), ("-1", None)])
async def test_head_of_a_whole_response_states_a_length_only_as_digits(
    stated: str, sent: str | None
) -> None:
    # RFC 9110 8.6: the handler's own length for its empty HEAD answer is written as
    # digits, or left out when it is none (Sanic sends "+4", "x", "-1" as given).
    async def handler(request: Any) -> Any:
        if request.path == "/next":
            return text("next")
        return HTTPResponse(b"", headers={"Content-Length": stated})

    raw = await _raw(handler, TWO.replace(b"GET", b"HEAD", 1))
    cut = raw.index(b"\r\n\r\n") + 4
    (head,) = parse_responses(raw[:cut], head_only=True)
    (after,) = parse_responses(raw[cut:])
    assert (head.status, head.header("content-length")) == (200, sent)
    assert (after.status, after.body) == (200, b"next")
