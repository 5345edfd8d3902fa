"""The ``Connection`` field of a response whose handler wrote one (RFC 9110 7.6.1, 7.8):
the server sets ``keep-alive``/``close``, and keeps the ``upgrade`` option that must go
with an ``Upgrade`` field."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_http.response import text
from hurtle_http.testing import FakeConnection

from .conftest import exchange

GET = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"


def _handler(**fields: str) -> Any:
    async def handler(request: Any) -> Any:
        return text("x", headers={k.replace("_", "-"): v for k, v in fields.items()})

    return handler


@pytest.mark.parametrize("connection", ["Upgrade", "upgrade", "keep-alive, Upgrade"])
async def test_an_upgrade_offer_keeps_the_upgrade_option(connection: str) -> None:
    # RFC 9110 7.8: a server MAY advertise protocols with Upgrade in any response, and the
    # sender of Upgrade MUST list "upgrade" in Connection; the option was dropped and the
    # field said only keep-alive (as in Sanic).
    conn = FakeConnection(_handler(Upgrade="foo/2", Connection=connection))
    [res] = await exchange(conn, GET)
    assert res.header("upgrade") == "foo/2"
    assert res.header("connection") == "upgrade, keep-alive"
    assert not conn.closed


async def test_the_upgrade_option_without_an_upgrade_field_is_dropped() -> None:
    conn = FakeConnection(_handler(Connection="Upgrade"))
    [res] = await exchange(conn, GET)
    assert res.header("connection") == "keep-alive"


@pytest.mark.parametrize("connection", ["upgrade, close", "Close,foo", "foo, CLOSE"])
async def test_close_in_a_handlers_connection_list_closes(connection: str) -> None:
    # RFC 9110 7.6.1: Connection is a list; `close` among other options is still the
    # handler asking to close (only a field that was exactly `close` closed before).
    conn = FakeConnection(_handler(Upgrade="foo/2", Connection=connection))
    [res] = await exchange(conn, GET)
    assert "close" in res.header("connection").split(", ")
    assert conn.closed
