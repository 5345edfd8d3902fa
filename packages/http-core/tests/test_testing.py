"""``hurtle_http.testing`` as its docs say to use it, with a handler that awaits real I/O."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from hurtle_http import file
from hurtle_http.testing import FakeConnection, parse_responses


async def test_answered_waits_for_a_handler_reading_a_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("from the file")

    async def handler(request: Any) -> Any:
        return await file(tmp_path / "a.txt")  # read in a thread: settle() is not enough

    conn = FakeConnection(handler)
    for _ in range(2):  # the first request and a keep-alive one take different paths
        conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.answered()
        [res] = parse_responses(conn.take())
        assert (res.status, res.body) == (200, b"from the file")


async def test_answered_says_when_the_handler_never_answers() -> None:
    never = asyncio.Event()

    async def handler(request: Any) -> Any:
        await never.wait()

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    with pytest.raises(TimeoutError, match="has not answered within 0.05 s"):
        await conn.answered(timeout=0.05)
    never.set()
    await conn.answered()
    assert parse_responses(conn.take())[0].status == 500  # it returned None
