"""Signals declared on blueprints: which dispatches run them and which waits they wake."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_app import Blueprint, Sanic
from hurtle_app.signals import SignalRouter


def _declare(app: Sanic, calls: list[str]) -> tuple[Blueprint, Blueprint]:
    @app.signal("shop.order.placed")
    def on_app(**_: Any) -> None:
        calls.append("app")

    first, second = Blueprint("first"), Blueprint("second")

    @first.signal("shop.order.placed")
    def on_first(**_: Any) -> None:
        calls.append("first")

    @first.signal("shop.order.placed", condition={"kind": "gift"}, exclusive=True)
    def on_first_gift(**_: Any) -> None:
        calls.append("first-gift")

    @second.signal("shop.order.placed")
    def on_second(**_: Any) -> None:
        calls.append("second")

    app.blueprint(first)
    app.blueprint(second)
    return first, second


async def test_an_app_dispatch_runs_every_blueprints_handlers_once(app: Sanic) -> None:
    calls: list[str] = []
    _declare(app, calls)
    await app.dispatch("shop.order.placed", inline=True)
    assert sorted(calls) == ["app", "first", "first-gift", "second"]


async def test_a_blueprint_dispatch_runs_only_that_blueprints_handlers(app: Sanic) -> None:
    calls: list[str] = []
    first, _ = _declare(app, calls)
    assert await first.dispatch("shop.order.placed", inline=True) == [None]
    assert calls == ["first"]
    calls.clear()
    await first.dispatch("shop.order.placed", inline=True, condition={"kind": "gift"})
    assert calls == ["first-gift"]
    calls.clear()
    # A condition the app gives does not reach the blueprint's conditional handlers.
    await app.dispatch("shop.order.placed", inline=True, condition={"kind": "gift"})
    assert calls == []


async def test_an_empty_condition_is_a_condition(app: Sanic) -> None:
    # As Sanic: condition={} runs only the handlers that require nothing (the app's own),
    # not a blueprint's (each requires its blueprint) nor a non-exclusive conditional one;
    # only condition=None (or none given) leaves the conditions out.
    calls: list[str] = []
    _declare(app, calls)

    @app.signal("shop.order.placed", condition={"kind": "gift"}, exclusive=False)
    def on_app_gift(**_: Any) -> None:
        calls.append("app-gift")

    await app.dispatch("shop.order.placed", inline=True, condition={})
    assert calls == ["app"]
    calls.clear()
    await app.dispatch("shop.order.placed", inline=True, condition=None)
    assert sorted(calls) == ["app", "app-gift", "first", "first-gift", "second"]


async def test_waits_are_woken_by_their_own_dispatches(app: Sanic) -> None:
    first, second = _declare(app, [])

    async def woken(dispatcher: Any) -> tuple[bool, bool]:
        on_app = asyncio.ensure_future(app.event("shop.order.placed", timeout=2))
        on_first = asyncio.ensure_future(first.event("shop.order.placed", timeout=2))
        for _ in range(5):  # both waits are registered
            await asyncio.sleep(0)
        await dispatcher.dispatch("shop.order.placed", inline=True)
        for _ in range(5):
            await asyncio.sleep(0)
        done = (on_app.done(), on_first.done())
        for task in (on_app, on_first):
            task.cancel()
        await asyncio.gather(on_app, on_first, return_exceptions=True)
        return done

    assert await woken(app) == (True, True)
    assert await woken(first) == (False, True)
    assert await woken(second) == (False, False)


def test_finalizing_the_signal_router_needs_a_running_loop(app: Sanic) -> None:
    @app.signal("shop.order.placed")
    def on_app(**_: Any) -> None:
        return None

    with pytest.raises(RuntimeError, match="Cannot finalize signals outside of event loop"):
        app.signal_router.finalize()
    with pytest.raises(RuntimeError, match="Cannot finalize signals outside of event loop"):
        SignalRouter().finalize()
    app.finalize()  # the app's own start-up step is not tied to a loop
    assert app.signal_router.finalized


async def test_blueprint_dispatch_runs_static_handler_beside_dynamic_app_signal() -> None:
    app = Sanic("bp_static_dyn")
    bp = Blueprint("bp_sd")
    counts = {"app": 0, "bp": 0, "dyn": []}

    @app.signal("ev.nt.<part>")
    def on_any(**kw: str) -> None:
        # As Sanic: the namespace's last signal is static, so no ``part`` here
        counts["dyn"].append(kw)

    @app.signal("ev.nt.one")
    def on_app() -> None:
        counts["app"] += 1

    @bp.signal("ev.nt.one")
    def on_bp() -> None:
        counts["bp"] += 1

    app.blueprint(bp)
    app.signal_router.finalize()
    await app.dispatch("ev.nt.one", inline=True)
    assert (counts["app"], counts["bp"], counts["dyn"]) == (1, 1, [{}])
    await bp.dispatch("ev.nt.one", inline=True)
    assert (counts["app"], counts["bp"]) == (1, 2)


async def test_a_blueprint_event_without_a_signal_is_not_found_at_once(app: Sanic) -> None:
    # As Sanic: EVENT_AUTOREGISTER is for app.event only; the blueprint's wait is refused
    # when it is called (before any await), and an app.event registers it for later.
    from sanic_routing.exceptions import NotFound

    app.config.EVENT_AUTOREGISTER = True
    bp = Blueprint("bp")
    app.blueprint(bp)
    with pytest.raises(NotFound, match="Could not find signal shop.order.lost"):
        bp.event("shop.order.lost", timeout=0.01)
    with pytest.raises(asyncio.TimeoutError):
        await app.event("shop.order.lost", timeout=0.01)
    with pytest.raises(asyncio.TimeoutError):  # found now: waited for, none came
        await bp.event("shop.order.lost", timeout=0.01)
