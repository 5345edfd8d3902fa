"""How a malformed or oversized head is refused when it has not ended yet.

A flaw is answered as soon as it is seen (400, RFC 9112 section 2.2), without waiting for
the head's blank line: a client that sent a broken request line learns it at once, and a
connection sending garbage (a TLS ClientHello to a plain port) is not held until the
request timeout. Sanic reads a head whole before parsing it, so it says nothing until the
blank line comes and, when the malformed head is also over the limit, answers 413: Hurtle
answers 413/431 for such a head only when the limit is crossed in the read that shows the
flaw. A head that is simply too large is refused once it reaches the limit, however the
bytes were split into reads."""

from __future__ import annotations

import pytest

from hurtle_http.exceptions import BadRequest, PayloadTooLarge, RequestHeaderFieldsTooLarge
from hurtle_http.framing import RequestReader

from .test_framing import Recorder

LONG = b"X-Long: " + b"a" * 900 + b"\r\n"
MALFORMED = {
    "bad field name": b"GET / HTTP/1.1\r\nHost: x\r\nBad\x01: y\r\n" + LONG + b"\r\n",
    "bad version": b"GET / HTTX/1.1\r\nHost: x\r\n" + LONG + b"\r\n",
    "bad method": b"G\x01T / HTTP/1.1\r\nHost: x\r\n" + LONG + b"\r\n",
}


def _refusal(data: bytes, chunk: int, size_limited: bool) -> Exception | None:
    sink = Recorder()
    reader = RequestReader(sink, max_head_size=600, size_limited=size_limited)
    for i in range(0, len(data), chunk):
        reader.feed(data[i : i + chunk])
    return sink.error


@pytest.mark.parametrize("name", MALFORMED)
@pytest.mark.parametrize(
    ("size_limited", "expected"), [(True, PayloadTooLarge), (False, RequestHeaderFieldsTooLarge)]
)
def test_an_oversized_malformed_head_in_one_read_is_refused_for_its_size(
    name: str, size_limited: bool, expected: type
) -> None:
    assert type(_refusal(MALFORMED[name], 100_000, size_limited)) is expected


@pytest.mark.parametrize("chunk", [1, 7, 20])
def test_a_malformed_head_is_refused_as_soon_as_its_flaw_is_read(chunk: int) -> None:
    data = b"GET / HTTX/1.1\r\nHost: x\r\nX: y\r\n\r\n"
    assert type(_refusal(data, chunk, True)) is BadRequest
    # its blank line not come yet: answered all the same (Sanic waits for it)
    assert type(_refusal(data[:-2], chunk, True)) is BadRequest
    assert type(_refusal(b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", chunk, True)) is BadRequest


@pytest.mark.parametrize("chunk", [100_000, 100, 7])
@pytest.mark.parametrize("before", [b"", b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n"])
def test_an_oversized_head_without_its_blank_line_is_refused_in_any_reads(
    chunk: int, before: bytes
) -> None:
    # Before, in one read it waited (for the request timeout) where split it was a 413.
    data = before + b"GET / HTTP/1.1\r\nHost: x\r\n" + LONG[:-2]
    assert type(_refusal(data, chunk, True)) is PayloadTooLarge
