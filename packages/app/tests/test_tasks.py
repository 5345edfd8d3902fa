"""Background tasks: added before or after start, named, cancelled, purged."""

from __future__ import annotations

import asyncio

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import SanicException


async def test_tasks_added_before_start_run_once_the_server_starts(app: Sanic) -> None:
    ran = asyncio.Event()

    async def job():
        ran.set()

    app.add_task(job(), name="job")
    assert not ran.is_set()
    await app._server_event("init", "before")
    await asyncio.wait_for(ran.wait(), 1)
    assert app.get_task("job").done() or ran.is_set()


async def test_callable_tasks_get_the_app_when_they_take_an_argument(app: Sanic) -> None:
    got: list[Sanic] = []

    async def job(app_):
        got.append(app_)

    await app._server_event("init", "before")
    task = app.add_task(job, name="with-app")
    await task
    assert got == [app]


async def test_cancel_task_stops_it(app: Sanic) -> None:
    await app._server_event("init", "before")
    app.add_task(asyncio.sleep(60), name="sleeper")
    await app.cancel_task("sleeper")
    assert app.get_task("sleeper").cancelled()
    app.purge_tasks()
    assert app.get_task("sleeper", raise_exception=False) is None


async def test_unknown_task_error_names_it(app: Sanic) -> None:
    with pytest.raises(SanicException, match='"ghost" not found'):
        app.get_task("ghost")


async def test_running_tasks_are_cancelled_at_server_stop(app: Sanic) -> None:
    await app._server_event("init", "before")
    task = app.add_task(asyncio.sleep(60), name="forever")
    await app._server_event("shutdown", "after")
    assert task.cancelled()
