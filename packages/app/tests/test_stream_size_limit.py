"""A ``stream=True`` handler's own body limit: ``request.stream.request_max_size = N``
(sanic-org/sanic#2131). Sanic answers 413 once the handler reads past it; the limit is the
request's own, so the next request on the connection has the app's again."""

from __future__ import annotations

import asyncio

from hurtle_app import Sanic
from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, parse_responses


def _post(target: str, body: bytes) -> bytes:
    return (f"POST {target} HTTP/1.1\r\nHost: x\r\ncontent-length: {len(body)}\r\n\r\n"
            .encode() + body)


async def _answers(app: Sanic, data: bytes, count: int,
                   conn: FakeConnection | None = None) -> list:
    if conn is None:
        await app._startup()
        conn = FakeConnection(app)
    conn.receive(data)
    sent = b""
    for _ in range(200):
        await conn.settle()
        sent += conn.take()
        parsed = parse_responses(sent) if sent else []
        if len(parsed) >= count:
            return parsed
        await asyncio.sleep(0.001)
    raise AssertionError(f"fewer than {count} answers: {sent!r}")


def _routes(app: Sanic) -> None:
    @app.post("/limited", stream=True)
    async def limited(request):
        request.stream.request_max_size = 100
        total = 0
        async for chunk in request.stream:
            total += len(chunk)
        return text(f"streamed {total}")

    @app.post("/plain")
    async def plain(request):
        return text(f"got {len(request.body)}")


async def test_a_body_over_the_limit_its_handler_set_is_413(app: Sanic) -> None:
    _routes(app)
    (refused,) = await _answers(app, _post("/limited", b"x" * 900), 1)
    assert refused.status == 413
    assert refused.header("connection") == "close"  # the rest of the body is not read
    (fine,) = await _answers(app, _post("/limited", b"x" * 90), 1)
    assert (fine.status, fine.body) == (200, b"streamed 90")


async def test_the_limit_a_handler_set_ends_with_its_request(app: Sanic) -> None:
    _routes(app)
    await app._startup()
    conn = FakeConnection(app)
    (first,) = await _answers(app, _post("/limited", b"x" * 9), 1, conn)
    # The next request comes once the first was answered (over a real socket, a client
    # that waits for each answer): its body is read under the app's REQUEST_MAX_SIZE.
    (second,) = await _answers(app, _post("/plain", b"y" * 900), 1, conn)
    assert (first.status, first.body) == (200, b"streamed 9")
    assert (second.status, second.body) == (200, b"got 900")


async def test_a_stream_route_reports_no_limit_until_its_handler_sets_one(app: Sanic) -> None:
    # As in Sanic: a stream=True route reads a body of any size, and its
    # request.stream.request_max_size says so (inf); a plain route's is REQUEST_MAX_SIZE.
    app.config.REQUEST_MAX_SIZE = 2000

    @app.post("/reports", stream=True)
    async def reports(request):
        before = request.stream.request_max_size
        request.stream.request_max_size = 10_000
        return text(f"{before} {request.stream.request_max_size}")

    @app.post("/plain-reports")
    async def plain_reports(request):
        return text(str(request.stream.request_max_size))

    (streamed,) = await _answers(app, _post("/reports", b"x" * 5), 1)
    (plain,) = await _answers(app, _post("/plain-reports", b"y" * 5), 1)
    assert streamed.body == b"inf 10000"
    assert plain.body == b"2000"
