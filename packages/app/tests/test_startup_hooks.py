"""Plugins that hook the app's start-up: error monitors (sentry-sdk's Sanic integration)
replace ``Sanic._startup`` with a function that registers ``http.*`` signals and then runs
the original. Their signals must run once per request, next to the app's own."""

from __future__ import annotations

import asyncio
from typing import Any

from hurtle_app import Sanic
from hurtle_http.response import text

from .conftest import served


class Monitored(Sanic):
    """An app whose start-up registers a request signal, as a monitoring plugin does."""

    async def _startup(self) -> None:
        self.signal("http.lifecycle.request")(self._seen)
        await super()._startup()

    async def _seen(self, request: Any) -> None:
        self.ctx.seen.append(("plugin", request.path))


async def _get(port: int, path: str) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".encode())
        return await asyncio.wait_for(reader.read(), timeout=5)
    finally:
        writer.close()


async def test_a_startup_hook_signal_runs_once_per_request_on_a_created_server() -> None:
    app = Monitored("Monitored", configure_logging=False)
    app.ctx.seen = []

    @app.signal("http.lifecycle.request")
    async def own(request: Any) -> None:
        app.ctx.seen.append(("app", request.path))

    @app.get("/here")
    async def here(request: Any) -> Any:
        return text("here")

    # As Sanic: create_server binds; server.startup() is what starts the app (once).
    async with served(app) as port:
        answer = await _get(port, "/here")
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert sorted(app.ctx.seen) == [("app", "/here"), ("plugin", "/here")]


async def test_a_signal_added_to_a_started_app_keeps_the_earlier_ones(
    app: Sanic, call: Any
) -> None:
    seen: list[str] = []

    @app.signal("http.lifecycle.request")
    async def first(request: Any) -> None:
        seen.append("first")

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("index")

    assert (await call("GET", "/")).status == 200
    assert seen == ["first"]

    async def late(request: Any) -> None:
        seen.append("late")

    async def routed(request: Any, route: Any, kwargs: Any, handler: Any) -> None:
        seen.append(f"routed {route.name}")

    app.signal("http.lifecycle.request")(late)
    app.signal("http.routing.after")(routed)
    seen.clear()
    assert (await call("GET", "/")).text == "index"
    assert seen == ["first", "late", "routed TestApp.index"]
