"""``request.responded`` once the framework hands a response over, as in Sanic."""

from __future__ import annotations

from typing import Any

from hurtle_app import Sanic
from hurtle_http.exceptions import NotFound
from hurtle_http.response import text


async def test_a_request_is_responded_once_its_response_went_out(app: Sanic, call: Any) -> None:
    # Sanic: False in middleware and handler, True for http.lifecycle.response handlers
    # and afterwards (a request kept by a test client or a task); it stayed False here.
    held: dict[str, Any] = {}
    seen: list[tuple[str, bool]] = []

    @app.on_request
    async def keep(request: Any) -> None:
        held[request.path] = request
        seen.append(("request mw", request.responded))

    @app.on_response
    async def late(request: Any, response: Any) -> None:
        seen.append(("response mw", request.responded))

    @app.signal("http.lifecycle.response")
    async def announced(request: Any, response: Any) -> None:
        seen.append((f"signal {response.status}", request.responded))

    @app.get("/ok")
    async def ok(request: Any) -> Any:
        seen.append(("handler", request.responded))
        return text("x")

    @app.get("/nf")
    async def nf(request: Any) -> Any:
        raise NotFound("nope")

    assert (await call("GET", "/ok")).status == 200
    assert (await call("GET", "/nf")).status == 404
    assert (await call("GET", "/missing")).status == 404
    assert {path: request.responded for path, request in held.items()} == {
        "/ok": True,
        "/nf": True,
        "/missing": True,
    }
    assert seen[:4] == [
        ("request mw", False),
        ("handler", False),
        ("response mw", False),
        ("signal 200", True),
    ]
    assert ("signal 404", True) in seen


async def test_a_plain_response_sent_whole_marks_the_request(app: Sanic, call: Any) -> None:
    # The common path (no middleware, no signal): the response is written at once.
    held: list[Any] = []

    @app.get("/")
    async def index(request: Any) -> Any:
        held.append(request)
        return text("x")

    assert (await call("GET", "/")).status == 200
    assert held[0].responded is True
