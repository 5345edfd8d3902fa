"""A stream=True route whose chunked body turns bad after some good chunks, all in the
read that brought the head: as in Sanic 25.12, the handler runs and reads the pieces that
came before the error, and its next read raises it (400, connection closed). It used to be
refused before the handler ran, so a handler storing what it read (an upload resumed
later) kept nothing of those pieces."""

from __future__ import annotations

from typing import Any

from hurtle_http.response import text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, parse_responses

HEAD = b"POST /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"


class _StreamingApp(HandlerApp):
    """A stream=True route (the app's seam)."""

    def streams_body(self, request: Any) -> bool:
        return True


async def test_a_streaming_handler_reads_the_good_chunks_before_the_error() -> None:
    kept: list[bytes] = []
    seen: list[str] = []

    async def handler(request: Any) -> Any:
        try:
            async for chunk in request.stream:
                kept.append(chunk)
        except Exception as error:
            seen.append(str(error))
            raise
        return text("stored")

    conn = FakeConnection(_StreamingApp(handler, stream=True))
    conn.receive(HEAD + b"2\r\nab\r\n3\r\ncde\r\nzz\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert b"".join(kept) == b"abcde"
    assert seen == ["Bad chunked encoding"]
    assert res.status == 400 and res.header("connection") == "close"
    assert conn.closed


async def test_a_streaming_handler_that_does_not_read_answers_then_the_connection_closes() -> None:
    async def handler(request: Any) -> Any:
        return text("refused early", status=409)

    conn = FakeConnection(_StreamingApp(handler, stream=True))
    conn.receive(HEAD + b"2\r\nab\r\nzz\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert (res.status, res.body) == (409, b"refused early")
    assert conn.closed
