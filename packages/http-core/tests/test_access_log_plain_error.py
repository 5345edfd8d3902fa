"""When answering an error fails too (an ``http.lifecycle.response`` signal handler that
raises, so the error page's own response fails the same way), the connection writes a
plain ``500 Internal Server Error`` and closes. That answer had no access line: a request
the client got a 500 for was missing from the access log."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection


async def boom(request: Any) -> Any:
    raise RuntimeError("handler failed")


class FailingErrorPage(HandlerApp):
    async def handle_exception(
        self, request: Any, exception: BaseException, run_middleware: bool = True
    ) -> None:
        raise RuntimeError("the error page failed too")


async def test_the_plain_500_after_a_failed_error_page_gets_an_access_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    conn = FakeConnection(FailingErrorPage(boom, {"ACCESS_LOG": True}))
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET /x HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
    sent = conn.take()
    assert sent.startswith(b"HTTP/1.1 500 ") and sent.endswith(b"Internal Server Error")
    access = [r for r in caplog.records if r.name == "sanic.access"]
    assert [(r.status, r.byte, r.request) for r in access] == [(500, 21, "GET http://x/x")]
    assert access[0].duration.endswith("ms")


async def test_no_access_line_when_the_access_log_is_off(
    caplog: pytest.LogCaptureFixture,
) -> None:
    conn = FakeConnection(FailingErrorPage(boom, {"ACCESS_LOG": False}))
    with caplog.at_level("INFO", logger="sanic.access"):
        conn.receive(b"GET /x HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
    assert conn.take().startswith(b"HTTP/1.1 500 ")
    assert [r for r in caplog.records if r.name == "sanic.access"] == []
