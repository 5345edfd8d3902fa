"""ListenerLifespan: server listeners once per event loop for the in-process clients."""

from __future__ import annotations

import asyncio
from typing import Any

from hurtle_app import Sanic
from sanic_testing.lifespan import ListenerLifespan

STARTUP = ["before_server_start", "after_server_start"]
SHUTDOWN = ["before_server_stop", "after_server_stop"]


async def test_start_once_then_shutdown(app: Sanic, events: list[str]) -> None:
    lifespan = ListenerLifespan(app)
    await lifespan.ensure_started()
    await lifespan.ensure_started()
    assert events == STARTUP
    await lifespan.shutdown()
    await lifespan.shutdown()
    assert events == STARTUP + SHUTDOWN


async def test_concurrent_first_requests_start_once(app: Sanic, events: list[str]) -> None:
    lifespan = ListenerLifespan(app)
    await asyncio.gather(*(lifespan.ensure_started() for _ in range(5)))
    assert events == STARTUP


async def test_shutdown_without_start_runs_nothing(app: Sanic, events: list[str]) -> None:
    await ListenerLifespan(app).shutdown()
    assert events == []


def test_each_event_loop_gets_its_own_start(app: Sanic, events: list[str]) -> None:
    lifespan = ListenerLifespan(app)
    asyncio.run(lifespan.ensure_started())
    asyncio.run(lifespan.ensure_started())
    assert events == STARTUP * 2
    asyncio.run(lifespan.shutdown())  # started in another loop: nothing to stop here
    assert events == STARTUP * 2


async def test_listener_errors_reach_the_caller_unchanged(app: Sanic) -> None:
    @app.after_server_start
    async def broken(app: Any) -> None:
        raise LookupError("no database")

    lifespan = ListenerLifespan(app)
    try:
        await lifespan.ensure_started()
    except LookupError as error:
        assert str(error) == "no database"
    else:  # pragma: no cover - the listener always raises
        raise AssertionError("the listener error was swallowed")
    assert lifespan.started is False
