"""Every final response carries a Date field (RFC 9110 section 6.6.1), on every path."""

from __future__ import annotations

import asyncio
import time
from email.utils import parsedate_to_datetime
from typing import Any

import pytest

from hurtle_http.datefield import DATE, DateField
from hurtle_http.exceptions import NotFound
from hurtle_http.response import HTTPResponse, empty, text
from hurtle_http.testing import FakeConnection

from .conftest import exchange


def _seconds_off(value: str | None) -> float:
    assert value is not None, "no Date field"
    return abs(parsedate_to_datetime(value).timestamp() - time.time())


def test_the_field_is_an_imf_fixdate_of_the_second_given() -> None:
    field = DateField()
    field.refresh(784111777.25)
    assert field.text == "date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
    assert field.line == field.text.encode() and field.until == 784111778.0


def test_sync_gives_each_loop_its_own_deadline_and_tells_the_caches() -> None:
    field = DateField()
    dropped: list[bool] = []
    field.on_change.append(lambda: dropped.append(True))
    deadline = field.sync(50.0)  # a loop whose clock reads 50 s
    assert 50.0 < deadline <= 51.0 and dropped == [True]
    assert _seconds_off(field.text[6:-2]) < 2
    other = field.sync(1_000_000.0)  # another loop, another clock: same second
    assert 1_000_000.0 < other <= 1_000_001.0
    assert len(dropped) in (1, 2)  # 2 only if the wall-clock second turned meanwhile


async def handler(request: Any) -> Any:
    if request.path == "/404":
        raise NotFound("nope")
    if request.path == "/crash":
        raise RuntimeError("boom")
    if request.path == "/empty":
        return empty()
    if request.path == "/own":
        return text("x", headers={"Date": "Tue, 01 Jan 2030 00:00:00 GMT"})
    if request.path == "/fields":
        return text("x", headers={"x-a": "1"})
    if request.path == "/stream":
        response = await request.respond(content_type="text/plain")
        await response.send("a")
        await response.send("b")
        await response.eof()
        return None
    if request.path == "/304":
        return HTTPResponse(status=304)
    if request.path == "/slow":
        await asyncio.sleep(0)
    return text("hello")


@pytest.mark.parametrize(
    ("target", "status"),
    [
        ("/", 200),
        ("/slow", 200),
        ("/fields", 200),
        ("/empty", 204),
        ("/304", 304),
        ("/stream", 200),
        ("/404", 404),
        ("/crash", 500),
    ],
)
async def test_every_kind_of_response_has_one_current_date(target: str, status: int) -> None:
    conn = FakeConnection(handler)
    [res] = await exchange(conn, f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert res.status == status
    assert [name for name, _ in res.headers].count("date") == 1
    assert _seconds_off(res.header("date")) < 5


async def test_head_and_errors_before_any_request_have_a_date() -> None:
    conn = FakeConnection(handler)
    [res] = await exchange(conn, b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert res.status == 200 and _seconds_off(res.header("date")) < 5
    conn = FakeConnection(handler)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n")
    assert res.status == 400 and _seconds_off(res.header("date")) < 5


async def test_a_date_the_handler_sets_is_sent_alone() -> None:
    conn = FakeConnection(handler)
    [res] = await exchange(conn, b"GET /own HTTP/1.1\r\nHost: x\r\n\r\n")
    assert [v for k, v in res.headers if k == "date"] == ["Tue, 01 Jan 2030 00:00:00 GMT"]


async def test_the_date_follows_the_clock_on_a_kept_connection() -> None:
    conn = FakeConnection(handler)
    [first] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    DATE.refresh(784111777.0)  # as if a second had turned to an older one: caches dropped
    conn.protocol.date_until = 0.0
    [second] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert _seconds_off(first.header("date")) < 5
    assert _seconds_off(second.header("date")) < 5  # read the clock again, not the stale line
