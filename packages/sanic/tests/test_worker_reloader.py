"""``sanic.worker.reloader.Reloader``: the app's reload listeners get what Sanic gives them."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from sanic import Sanic
from sanic.worker.reloader import Reloader


@pytest.fixture
def app() -> Iterator[Sanic]:
    Sanic.test_mode = True
    yield Sanic("ReloadListeners", configure_logging=False)
    Sanic._app_registry.clear()
    Sanic.test_mode = False


def test_after_reload_trigger_listeners_receive_the_changed_files(app: Sanic) -> None:
    seen: list[tuple[str, Any]] = []

    @app.before_reload_trigger
    async def before(app_: Sanic) -> None:
        seen.append(("before", app_))

    @app.after_reload_trigger
    async def after(app_: Sanic, changed: set[str]) -> None:
        seen.append(("after", (app_, changed)))

    @app.after_reload_trigger
    def after_with_loop(app_: Sanic, loop: asyncio.AbstractEventLoop, changed: set[str]
                        ) -> None:
        seen.append(("loop", (type(loop).__name__ != "NoneType", changed)))

    @app.after_reload_trigger
    def after_app_only(app_: Sanic) -> None:
        seen.append(("app only", app_))

    reloader = Reloader(None, 0.1, [], None)
    changed = {"/srv/app/server.py", "/srv/app/static/a.css"}
    reloader.before_trigger(app, changed)
    reloader.after_trigger(app, changed)
    assert seen == [
        ("before", app),
        ("after", (app, changed)),
        ("loop", (True, changed)),
        ("app only", app),
    ]
