"""``app.event``/``bp.event`` waiting forms, and failures of background dispatches."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_app import Blueprint, Sanic
from hurtle_http.exceptions import SanicException


async def _woken_by(app: Sanic, waited: str, dispatched: str) -> Any:
    waiting = asyncio.ensure_future(app.event(waited, timeout=2))
    await asyncio.sleep(0)
    await app.dispatch(dispatched)
    return await asyncio.wait_for(waiting, 2)


@pytest.mark.parametrize(
    "waited",
    [
        "thing.happened.<n:int>",
        "thing.happened.*",
        # As Sanic, any dynamic last part names the group's dynamic signal (it was
        # NotFound unless written as registered).
        "thing.happened.<m>",
        "thing.happened.<n:str>",
    ],
)
async def test_waiting_on_a_dynamic_definition_or_a_star(app: Sanic, waited: str) -> None:
    @app.signal("thing.happened.<n:int>")
    def on_it(n: int) -> None:
        return None

    context = await _woken_by(app, waited, "thing.happened.9")
    assert context == {"n": 9}


async def test_a_star_only_matches_its_own_shape(app: Sanic) -> None:
    @app.signal("thing.happened.<n:int>")
    def on_it(n: int) -> None:
        return None

    waiting = asyncio.ensure_future(app.event("other.*.*", timeout=0.05))
    with pytest.raises(Exception):  # noqa: B017 - NotFound or a timeout, never a wake
        await waiting


async def test_a_concrete_value_of_a_dynamic_definition_is_not_waitable(app: Sanic) -> None:
    # As Sanic: app.event() looks the name up among the definitions, so "thing.happened.9"
    # for "thing.happened.<n:int>" is NotFound (it waited, and timed out or woke).
    from sanic_routing.exceptions import NotFound

    @app.signal("thing.happened.<n:int>")
    def on_it(n: int) -> None:
        return None

    with pytest.raises(NotFound, match="Could not find signal thing.happened.9"):
        await app.event("thing.happened.9", timeout=0.05)


async def test_autoregister_lets_one_wait_for_an_unknown_event(app: Sanic) -> None:
    app.config.EVENT_AUTOREGISTER = True
    context = await _woken_by(app, "never.declared.before", "never.declared.before")
    assert context == {}


def test_waiting_on_an_unregistered_blueprint_fails_at_once() -> None:
    bp = Blueprint("loose")
    with pytest.raises(SanicException, match="<Blueprint loose> has not yet been registered"):
        bp.event("foo.bar.baz")


async def test_a_failing_background_signal_handler_is_reported_once(app: Sanic) -> None:
    reported: list[BaseException] = []

    @app.report_exception
    async def report(app: Sanic, exception: Exception) -> None:
        reported.append(exception)

    @app.signal("job.step.done")
    async def breaks(**_: Any) -> None:
        raise ZeroDivisionError("boom")

    app.signal_router.finalize()
    task = await app.dispatch("job.step.done")
    await asyncio.wait({task}, timeout=2)
    for _ in range(20):
        if reported:
            break
        await asyncio.sleep(0.01)
    assert [type(e) for e in reported] == [ZeroDivisionError]


async def test_a_server_event_with_listeners_can_be_waited_for(app: Sanic) -> None:
    """As in Sanic (whose server listeners are signals): a task started by a
    ``before_server_start`` listener can wait for ``server.init.after`` when only
    listeners, no signal handler, are on it; an event with neither is NotFound."""
    from sanic_routing.exceptions import NotFound  # the router's, as in Sanic

    seen: list[Any] = []

    async def waiter(event: str) -> None:
        try:
            context = await app.event(event, timeout=2)
        except NotFound as error:
            seen.append(("not found", str(error)))
        else:
            seen.append((event, sorted(context)))

    @app.before_server_start
    async def start_waiters(app: Sanic) -> None:
        app.add_task(waiter("server.init.after"))
        app.add_task(waiter("server.shutdown.before"))

    @app.after_server_start
    async def started(app: Sanic) -> None:
        seen.append("after_server_start ran")

    await app._server_event("init", "before")  # what a runner does
    await app._server_event("init", "after")
    for _ in range(20):  # the woken task's few steps
        await asyncio.sleep(0)
    assert seen == [
        ("not found", "Could not find signal server.shutdown.before"),
        "after_server_start ran",
        ("server.init.after", ["app", "loop"]),
    ]
    await app._server_event("shutdown", "before")
    await app._server_event("shutdown", "after")


@pytest.mark.parametrize(
    ("signal", "waited"),
    [
        ("thing.happened.<n:int>", "thing.*.*"),
        ("thing.happened.<n:int>", "*.happened.*"),
        ("thing.happened.now", "thing.happened.*"),
    ],
)
async def test_a_star_stands_for_a_dynamic_last_part_only(
    app: Sanic, signal: str, waited: str
) -> None:
    # As Sanic: these waits find no signal (they waited, and woke).
    from sanic_routing.exceptions import NotFound

    app.add_signal(lambda **context: None, signal)
    with pytest.raises(NotFound):
        await app.event(waited, timeout=0.05)


async def test_a_wait_is_on_the_signal_it_found_whatever_its_own_type(app: Sanic) -> None:
    # As Sanic: `thing.happened.<n:int>` finds the `thing.happened.<n>` signal, and the
    # dispatch of `thing.happened.zz` reaching that signal wakes it (it timed out here).
    app.add_signal(lambda **context: None, "thing.happened.<n>")
    assert await _woken_by(app, "thing.happened.<n:int>", "thing.happened.zz") == {"n": "zz"}


@pytest.mark.parametrize(
    ("waited_condition", "dispatched_condition", "woken"),
    [
        (None, None, True),
        (None, {}, False),
        ({}, None, True),
        ({}, {}, True),
        ({"k": 1}, None, False),
        ({"k": 1}, {"k": 1}, True),
    ],
)
async def test_an_empty_dispatch_condition_is_a_condition_for_waits(
    app: Sanic, waited_condition: Any, dispatched_condition: Any, woken: bool
) -> None:
    # As Sanic: dispatch(condition={}) wakes only a wait for that condition.
    app.add_signal(lambda **context: None, "thing.happened.now")
    waiting = asyncio.ensure_future(
        app.event("thing.happened.now", timeout=0.05, condition=waited_condition)
    )
    await asyncio.sleep(0)
    await app.dispatch("thing.happened.now", condition=dispatched_condition, inline=True)
    if woken:
        assert await waiting == {}
    else:
        with pytest.raises(asyncio.TimeoutError):
            await waiting


async def test_an_empty_dispatch_condition_skips_a_non_exclusive_conditioned_handler(
    app: Sanic,
) -> None:
    # As Sanic: a non-exclusive handler with a condition runs without one, not for {}.
    ran: list[Any] = []
    app.add_signal(lambda **context: ran.append(1), "thing.happened.now", {"k": 1}, False)
    await app.dispatch("thing.happened.now", inline=True)
    await app.dispatch("thing.happened.now", condition={}, inline=True)
    assert ran == [1]


@pytest.mark.parametrize("waited", ["thing.happened.<x>", "thing.happened.<q>", "thing.happened.*"])
async def test_a_wait_on_a_namespace_is_on_its_last_dynamic_signal(app: Sanic, waited: str) -> None:
    # As Sanic: with `<x>` then `<n:int>` defined, any dynamic name (and `*`) waits on the
    # int signal: `thing.happened.zz` (the str one) does not wake it, `thing.happened.7`
    # does (Hurtle waited on the first one, or on any event of the shape for `*`).
    app.add_signal(lambda **context: None, "thing.happened.<x>")
    app.add_signal(lambda **context: None, "thing.happened.<n:int>")
    app.signal_router.finalize()
    waiting = asyncio.ensure_future(app.event(waited, timeout=2))
    await asyncio.sleep(0)
    await app.dispatch("thing.happened.zz", inline=True)
    await asyncio.sleep(0)
    assert not waiting.done()
    await app.dispatch("thing.happened.7", inline=True)
    assert await asyncio.wait_for(waiting, 2) == {"n": 7}


@pytest.mark.parametrize("waited", ["order.placed.%3Cq%3E", "order.placed.%3cq:int%3e", "or%64er.placed.<q>"])
async def test_a_percent_encoded_dynamic_name_waits_as_the_decoded_one(
    app: Sanic, waited: str
) -> None:
    # As Sanic: app.event() decodes a name whose decoded last part is dynamic (it was
    # NotFound in Hurtle).
    @app.signal("order.placed.<kind>")
    def on_it(kind: str) -> None:
        return None

    context = await _woken_by(app, waited, "order.placed.new")
    assert context == {"kind": "new"}


async def test_a_percent_encoded_static_name_is_taken_as_written(app: Sanic) -> None:
    from sanic_routing.exceptions import NotFound

    @app.signal("order.placed.new")
    def on_it() -> None:
        return None

    with pytest.raises(NotFound, match="Could not find signal order.placed.%6Eew"):
        await app.event("order.placed.%6Eew", timeout=1)
