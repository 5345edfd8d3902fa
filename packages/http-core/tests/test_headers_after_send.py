"""Once a response's head is made, its headers hold the framing fields it went out with, as
in Sanic (APM agents such as New Relic wrap ``BaseHTTPResponse.send`` and read them there;
the app side: packages/app/tests/test_wrapped_send.py)."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_http import writer
from hurtle_http.response import BaseHTTPResponse
from hurtle_http.testing import FakeConnection, parse_responses

REQUEST = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, dict[str, Any]]]:
    """Wrap ``BaseHTTPResponse.send`` as an agent does; what each wrapped call that ended
    a response saw once it went out: (status, its headers)."""
    # Response types are judged once (plain or not): judged here with the wrapped send,
    # in caches of this test's own.
    monkeypatch.setattr(writer, "_finish_types", {})
    monkeypatch.setattr(writer, "_heads", {})
    seen: list[tuple[int, dict[str, Any]]] = []
    original = BaseHTTPResponse.send

    async def send(self: Any, *args: Any, **kwargs: Any) -> None:
        await original(self, *args, **kwargs)
        if kwargs.get("end_stream") or (len(args) > 1 and args[1]):
            seen.append((self.status, dict(self.headers)))

    monkeypatch.setattr(BaseHTTPResponse, "send", send)
    return seen


async def _serve(handler: Any, data: bytes = REQUEST) -> list[Any]:
    conn = FakeConnection(handler)
    conn.receive(data)
    await conn.settle()
    return parse_responses(conn.take())


async def test_a_stream_lists_its_chunked_framing(sent: list[Any]) -> None:
    async def handler(request: Any) -> Any:
        response = await request.respond(content_type="text/csv")
        await response.send("a,b")
        await response.eof()
        seen_after_eof = dict(response.headers)
        assert seen_after_eof == {
            "transfer-encoding": "chunked",
            "connection": "keep-alive",
            "content-type": "text/csv",
        }

    (response,) = await _serve(handler)
    assert (response.status, response.body) == (200, b"a,b")
    assert sent == [
        (
            200,
            {
                "transfer-encoding": "chunked",
                "connection": "keep-alive",
                "content-type": "text/csv",
            },
        )
    ]
