"""Apps of one process with different ``USE_UVLOOP`` settings: a warning at start-up, as
in Sanic, whenever another app of the process (its app registry) has another setting."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text

WARNING = (
    "It looks like you're running several apps with different uvloop settings. "
    "This is not supported and may lead to unintended behaviour."
)


@pytest.fixture(autouse=True)
def empty_registry() -> Iterator[None]:
    saved = dict(Sanic._app_registry)
    Sanic._app_registry.clear()  # as in a new process: no other app
    yield
    Sanic._app_registry.clear()
    Sanic._app_registry.update(saved)


def _app(number: int, setting: Any) -> Sanic:
    app = Sanic(f"Uvloop{number}", configure_logging=False)
    if setting is not None:
        app.config.USE_UVLOOP = setting
    app.get("/")(lambda request: text("x"))
    return app


async def _warned(app: Sanic, caplog: pytest.LogCaptureFixture) -> bool:
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sanic.error"):
        server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
        try:
            await server.startup()
        finally:
            server.close()
            await server.wait_closed()
    return ("sanic.error", logging.WARNING, WARNING) in caplog.record_tuples


@pytest.mark.parametrize(
    ("settings", "warned"),
    [
        ((None, False, None), [False, True, True]),  # the default is a setting of its own
        ((None, None, True), [False, False, True]),
        ((True, True), [False, False]),
    ],
)
async def test_an_app_started_beside_one_with_another_uvloop_setting_is_warned_about(
    caplog: pytest.LogCaptureFixture, settings: tuple[Any, ...], warned: list[bool]
) -> None:
    # each app made just before it starts: the first has no other app to differ from
    seen = [await _warned(_app(n, setting), caplog) for n, setting in enumerate(settings)]
    assert seen == warned


async def test_every_app_is_warned_about_when_all_were_made_first(
    caplog: pytest.LogCaptureFixture,
) -> None:
    apps = [_app(n, setting) for n, setting in enumerate((None, False, True))]
    assert [await _warned(app, caplog) for app in apps] == [True, True, True]
