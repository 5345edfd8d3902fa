"""``app.prepare(verbosity=N)`` then ``Sanic.serve_single()``: the server runs with that
verbosity, as with ``app.run(verbosity=N)`` (seed 001's run options)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from sanic import Sanic, text
from sanic.log import logger


@pytest.fixture
def app() -> Iterator[Sanic]:
    Sanic.test_mode = True
    app = Sanic("VerbosityApp", configure_logging=False)
    yield app
    Sanic._app_registry.clear()


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.mark.parametrize("how", ["run", "prepare"])
def test_the_prepared_verbosity_reaches_the_served_app(app: Sanic, how: str) -> None:
    seen: list[int] = []
    records = _Records()

    @app.get("/")
    async def index(request):  # pragma: no cover - never requested
        return text("x")

    @app.after_server_start
    async def probe(app: Sanic) -> None:
        seen.append(app.state.verbosity)
        logger.info("a level-2 detail", extra={"verbosity": 2})
        app.stop()

    logger.addHandler(records)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        if how == "run":
            app.run(host="127.0.0.1", port=0, single_process=True, motd=False, verbosity=2)
        else:
            app.prepare(host="127.0.0.1", port=0, single_process=True, motd=False,
                        verbosity=2)
            Sanic.serve_single()
    finally:
        logger.removeHandler(records)
        logger.setLevel(level)
    assert seen == [2]
    assert "a level-2 detail" in records.messages
