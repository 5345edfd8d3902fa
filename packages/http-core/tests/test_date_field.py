"""Every response carries one ``Date`` field (RFC 9110 section 6.6.1), kept current."""

from __future__ import annotations

import time
import types
from email.utils import formatdate, parsedate_to_datetime
from typing import Any

import pytest

from hurtle_http import datefield
from hurtle_http.exceptions import NotFound
from hurtle_http.response import HTTPResponse, empty, json, text
from hurtle_http.testing import FakeConnection, parse_responses

from .conftest import exchange, hello

GET = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"


async def _plain(request: Any) -> Any:
    return text("hello")


async def _with_fields(request: Any) -> Any:
    return json({"a": 1}, headers={"x-one": "1"})


async def _streamed(request: Any) -> Any:
    response = await request.respond(content_type="text/plain")
    await response.send("part")
    await response.eof()


async def _no_content(request: Any) -> Any:
    return empty()


async def _not_modified(request: Any) -> Any:
    return HTTPResponse(status=304)


async def _missing(request: Any) -> Any:
    raise NotFound("nothing here")


async def _crashes(request: Any) -> Any:
    raise RuntimeError("boom")


def _dates(raw: bytes) -> list[str]:
    head = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    return [line[6:] for line in head.split("\r\n") if line.lower().startswith("date: ")]


def _assert_now(value: str) -> None:
    sent = parsedate_to_datetime(value).timestamp()
    assert formatdate(sent, usegmt=True) == value  # IMF-fixdate, in GMT
    assert abs(sent - time.time()) < 120


@pytest.mark.parametrize(
    ("handler", "request_bytes", "status"),
    [
        (_plain, GET, 200),
        (_with_fields, GET, 200),
        (_streamed, GET, 200),
        (_plain, b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n", 200),
        (_plain, b"GET / HTTP/1.0\r\n\r\n", 200),
        (_no_content, GET, 204),
        (_not_modified, GET, 304),
        (_missing, GET, 404),
        (_crashes, GET, 500),
        (_plain, b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n", 400),
    ],
)
async def test_every_response_carries_one_current_date(
    handler: Any, request_bytes: bytes, status: int
) -> None:
    conn = FakeConnection(handler)
    conn.receive(request_bytes)
    await conn.settle()
    raw = conn.take()
    assert parse_responses(raw, head_only=request_bytes.startswith(b"HEAD"))[0].status == status
    [value] = _dates(raw)
    _assert_now(value)


@pytest.mark.parametrize("streamed", [False, True])
async def test_a_date_the_app_sets_is_sent_instead(streamed: bool) -> None:
    own = "Tue, 15 Nov 1994 08:12:31 GMT"

    async def handler(request: Any) -> Any:
        if not streamed:
            return text("hi", headers={"Date": own})
        response = await request.respond(headers={"Date": own})
        await response.send("hi", end_stream=True)

    conn = FakeConnection(handler)
    conn.receive(GET)
    await conn.settle()
    assert _dates(conn.take()) == [own]


async def test_the_date_follows_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    # The plain response's head is cached whole: the cache must follow the second too.
    now = [1_000_000_000.25]
    monkeypatch.setattr(datefield, "time", types.SimpleNamespace(time=lambda: now[0]))
    conn = FakeConnection(hello)
    await exchange(conn, GET)
    seen = []
    for _ in range(3):
        await conn.advance(1.0)  # the loop's ticker runs at each whole second
        conn.receive(GET)
        await conn.settle()
        seen.append(_dates(conn.take()))
        now[0] += 1
    assert seen == [[formatdate(1_000_000_000 + n, usegmt=True)] for n in range(3)]
    assert seen[0] == ["Sun, 09 Sep 2001 01:46:40 GMT"]
