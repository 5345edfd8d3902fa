"""Shared helpers for the HTTP core tests."""

from __future__ import annotations

from typing import Any

from hurtle_http.response import text
from hurtle_http.testing import FakeConnection, parse_responses


async def hello(request: Any) -> Any:
    return text("hello")


async def echo(request: Any) -> Any:
    return text(f"{request.method} {request.path} {request.body.decode()}")


async def exchange(conn: FakeConnection, data: bytes, **kwargs: Any) -> list:
    """Send ``data``, let the server work, return the parsed responses written."""
    conn.receive(data)
    await conn.settle()
    return parse_responses(conn.take(), **kwargs)
