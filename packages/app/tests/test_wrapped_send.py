"""``BaseHTTPResponse.send`` wrapped on the class, as APM agents (New Relic) do on import,
is called for every response the app sends, plain ones too, as Sanic calls it; the
response's headers then hold the framing fields its head went out with."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http import writer
from hurtle_http.response import BaseHTTPResponse, json, text


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, dict[str, Any]]]:
    """Wrap ``send`` as an agent does before the process makes any response (what each
    call saw once its response went out: status, headers)."""
    # As in a fresh process: no response type judged yet (the judgement is kept per type).
    monkeypatch.setattr(writer, "_finish_types", {})
    monkeypatch.setattr(writer, "_heads", {})
    seen: list[tuple[int, dict[str, Any]]] = []
    original = BaseHTTPResponse.send

    async def send(self: Any, *args: Any, **kwargs: Any) -> None:
        await original(self, *args, **kwargs)
        seen.append((self.status, dict(self.headers)))

    monkeypatch.setattr(BaseHTTPResponse, "send", send)
    return seen


async def test_plain_responses_and_error_pages_go_through_the_wrapped_send(
    app: Sanic, call: Any, sent: list[Any]
) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("hello")

    @app.get("/j")
    async def as_json(request: Any) -> Any:
        return json({"a": 1}, headers={"x-a": "1"})

    assert (await call("GET", "/")).text == "hello"
    assert (await call("GET", "/j")).status == 200
    missing = await call("GET", "/nowhere", headers={"connection": "close"})
    assert missing.status == 404
    assert sent == [
        (
            200,
            {
                "connection": "keep-alive",
                "content-length": 5,
                "content-type": "text/plain; charset=utf-8",
            },
        ),
        (
            200,
            {
                "x-a": "1",
                "connection": "keep-alive",
                "content-length": 7,
                "content-type": "application/json",
            },
        ),
        (
            404,
            {
                "connection": "close",
                "content-length": len(missing.body),
                "content-type": "text/plain; charset=utf-8",
            },
        ),
    ]
