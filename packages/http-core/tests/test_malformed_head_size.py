"""A malformed head that is also over the size limit is refused for its size however TCP
splits it (as Sanic, which reads a head whole before it parses it): before, a flaw seen
in an early read was a 400 where the same bytes in one read were a 413/431."""

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
    "bad host": b"GET / HTTP/1.1\r\nHost: a b\r\n" + LONG + b"\r\n",
}


def _refusal(data: bytes, chunk: int, size_limited: bool) -> Exception | None:
    sink = Recorder()
    reader = RequestReader(sink, max_head_size=600, size_limited=size_limited)
    for i in range(0, len(data), chunk):
        reader.feed(data[i : i + chunk])
    return sink.error


@pytest.mark.parametrize("name", MALFORMED)
@pytest.mark.parametrize("chunk", [100_000, 100, 7])
@pytest.mark.parametrize(
    ("size_limited", "expected"), [(True, PayloadTooLarge), (False, RequestHeaderFieldsTooLarge)]
)
def test_an_oversized_malformed_head_is_refused_for_its_size(
    name: str, chunk: int, size_limited: bool, expected: type
) -> None:
    assert type(_refusal(MALFORMED[name], chunk, size_limited)) is expected


@pytest.mark.parametrize("chunk", [100_000, 10, 1])
def test_a_small_malformed_head_is_still_a_400_once_it_ends(chunk: int) -> None:
    data = b"GET / HTTX/1.1\r\nHost: x\r\nX: y\r\n\r\n"
    assert type(_refusal(data, chunk, True)) is BadRequest
    # (its blank line not yet come: no answer yet, as Sanic waits for it too)
    assert _refusal(data[:-2], chunk, True) is None


@pytest.mark.parametrize("chunk", [100_000, 100, 7])
@pytest.mark.parametrize("before", [b"", b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n"])
def test_an_oversized_head_without_its_blank_line_is_refused_in_any_reads(
    chunk: int, before: bytes
) -> None:
    # Before, in one read it waited (for the request timeout) where split it was a 413.
    data = before + b"GET / HTTP/1.1\r\nHost: x\r\n" + LONG[:-2]
    assert type(_refusal(data, chunk, True)) is PayloadTooLarge
