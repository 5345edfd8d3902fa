"""Response middleware and ``http.lifecycle.response`` handlers see the response connected
to the request's stream, as in Sanic: ``response.stream.stage`` is ``Stage.HANDLER``. A
server-timing signal written for Sanic (start in ``http.lifecycle.handle``, stamp a
header in ``http.lifecycle.response`` only while ``response.stream.stage`` is HANDLER)
added nothing under Hurtle, whose responses had no stream until they were sent."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import NotFound
from hurtle_http.response import json, text
from hurtle_http.stages import Stage

from .conftest import run_asgi


def _routes(app: Sanic) -> None:
    @app.get("/returned")
    async def returned(request: Any) -> Any:
        return json({"a": 1})

    @app.get("/raised")
    async def raised(request: Any) -> Any:
        raise NotFound("no such record")

    @app.get("/streamed")
    async def streamed(request: Any) -> None:
        response = await request.respond(content_type="text/plain")
        await response.send("part")
        await response.eof()


def _stage(response: Any) -> str:
    return str(getattr(response.stream, "stage", None))


@pytest.mark.parametrize("target", ["/returned", "/raised", "/streamed", "/unrouted"])
async def test_response_middleware_sees_the_stream(app: Sanic, call, target: str) -> None:
    _routes(app)

    @app.on_response
    async def stamp(request: Any, response: Any) -> None:
        response.headers["x-stage"] = _stage(response)

    sent = await call("GET", target)
    assert sent.headers["x-stage"] == str(Stage.HANDLER)


@pytest.mark.parametrize("target", ["/returned", "/raised", "/unrouted"])
async def test_a_response_signal_sees_the_stream(app: Sanic, call, target: str) -> None:
    _routes(app)

    @app.signal("http.lifecycle.response")
    async def stamp(request: Any, response: Any) -> None:
        if response.stream is not None and response.stream.stage is Stage.HANDLER:
            response.headers["x-stage"] = "handler"

    sent = await call("GET", target)
    assert sent.headers["x-stage"] == "handler"


async def test_the_stamped_response_is_the_one_sent(app: Sanic, call) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("index")

    @app.on_response
    async def replace(request: Any, response: Any) -> Any:
        assert response.stream is request.stream
        return text("replaced", headers={"x-stage": _stage(response)})

    sent = await call("GET", "/")
    assert (sent.status, sent.text) == (200, "replaced")
    assert sent.headers["x-stage"] == str(Stage.HANDLER)


def _http_scope(path: str) -> dict[str, Any]:
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(b"host", b"x")], "client": ("127.0.0.1", 5),
        "server": ("127.0.0.1", 80),
    }


async def test_under_asgi_the_stream_has_a_stage_too(app: Sanic) -> None:
    # Sanic's ASGI app has one; reading it was an AttributeError (a 500) under Hurtle.
    seen: list[str] = []

    @app.get("/s")
    async def streamed(request: Any) -> None:
        seen.append(str(request.stream.stage))
        response = await request.respond(content_type="text/plain")
        await response.send("a")
        seen.append(str(request.stream.stage))
        await response.eof()
        seen.append(str(request.stream.stage))

    @app.on_response
    async def stamp(request: Any, response: Any) -> None:
        seen.append("mw " + _stage(response))

    sent = await run_asgi(app, _http_scope("/s"), [{"type": "http.request", "body": b""}])
    assert sent[0]["status"] == 200
    assert seen == [
        str(Stage.HANDLER), "mw " + str(Stage.HANDLER), str(Stage.RESPONSE), str(Stage.IDLE)
    ]
