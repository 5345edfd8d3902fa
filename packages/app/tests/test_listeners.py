"""Listener events: names, order (priority, teardown reversed), (app) and (app, loop)."""

from __future__ import annotations

import asyncio
import warnings

import pytest

from hurtle_app.listeners import LISTENER_EVENTS, ListenerEvent, ListenerRegistry, normalize_event


def test_every_sanic_listener_event_is_accepted() -> None:
    for name in (
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
        "main_process_start",
        "main_process_ready",
        "main_process_stop",
        "reload_process_start",
        "reload_process_stop",
    ):
        assert name in LISTENER_EVENTS
        assert normalize_event(name.upper()) == name


def test_signal_style_names_and_enum_map_to_listener_events() -> None:
    assert normalize_event("server.init.before") == "before_server_start"
    assert normalize_event(ListenerEvent.AFTER_SERVER_STOP) == "after_server_stop"


def test_unknown_event_error_lists_the_valid_names() -> None:
    with pytest.raises(ValueError, match="before_server_start"):
        normalize_event("before_server_boot")
    # Sanic's type for it is KeyError: code catching that keeps working.
    with pytest.raises(KeyError) as info:
        normalize_event("before_server_boot")
    assert str(info.value).startswith("Unknown listener event 'before_server_boot'; use one")


async def test_start_events_run_in_priority_then_definition_order() -> None:
    calls: list[str] = []
    registry = ListenerRegistry()
    registry.add(lambda app: calls.append("first"), "before_server_start")
    registry.add(lambda app: calls.append("second"), "before_server_start")
    registry.add(lambda app: calls.append("urgent"), "before_server_start", priority=5)
    await registry.run("before_server_start", object(), asyncio.get_running_loop())
    assert calls == ["urgent", "first", "second"]


async def test_stop_events_run_in_reverse_definition_order() -> None:
    calls: list[str] = []
    registry = ListenerRegistry()
    registry.add(lambda app: calls.append("first"), "after_server_stop")
    registry.add(lambda app: calls.append("second"), "after_server_stop")
    await registry.run("after_server_stop", object(), asyncio.get_running_loop())
    assert calls == ["second", "first"]


async def test_sync_and_async_listeners_get_app_or_app_and_loop() -> None:
    app = object()
    seen: list[tuple[object, ...]] = []

    def sync_one(app_):
        seen.append((app_,))

    async def async_two(app_, loop):
        seen.append((app_, loop))

    def optional_loop(app_, loop=None):
        seen.append(("optional", loop))

    registry = ListenerRegistry()
    registry.add(sync_one, "after_server_start")
    registry.add(async_two, "after_server_start")
    registry.add(optional_loop, "after_server_start")
    loop = asyncio.get_running_loop()
    with pytest.warns(DeprecationWarning) as record:
        await registry.run("after_server_start", app, loop)
    assert seen == [(app,), (app, loop), ("optional", None)]
    assert [str(w.message) for w in record] == [
        "[DEPRECATION v26.6] Passing the loop argument to listeners is deprecated. "
        "Your listener 'test_sync_and_async_listeners_get_app_or_app_and_loop.<locals>."
        "async_two' should only accept the app argument."
    ]


async def test_the_loop_argument_warning_names_a_partial_by_its_function() -> None:
    import functools

    async def takes_loop(app_, loop, extra):
        pass

    registry = ListenerRegistry()
    registry.add(functools.partial(takes_loop, extra=1), "before_server_start")
    with pytest.warns(DeprecationWarning) as record:
        await registry.run("before_server_start", object(), asyncio.get_running_loop())
    assert [str(w.message) for w in record] == [
        "[DEPRECATION v26.6] Passing the loop argument to listeners is deprecated. Your "
        "listener 'test_the_loop_argument_warning_names_a_partial_by_its_function.<locals>."
        "takes_loop' should only accept the app argument."
    ]


async def test_a_listener_that_cannot_take_the_app_is_called_with_app_and_loop() -> None:
    # As Sanic: a listener taking no positional argument is retried with (app, loop)
    # and warned about, so its start fails with "... but 2 were given".
    async def no_args():
        pass

    async def keywords_only(**kw):
        pass

    for listener in (no_args, keywords_only):
        registry = ListenerRegistry()
        registry.add(listener, "before_server_start")
        with pytest.warns(DeprecationWarning, match="Passing the loop argument"):
            with pytest.raises(TypeError, match="but 2 were given"):
                await registry.run("before_server_start", object(), asyncio.get_running_loop())


@pytest.mark.parametrize("event", ["main_process_start", "main_process_ready",
                                   "main_process_stop", "reload_process_start",
                                   "reload_process_stop", "before_reload_trigger"])
async def test_main_and_reload_process_listeners_get_the_loop_without_a_warning(
    event: str,
) -> None:
    seen: list[object] = []

    async def with_loop(app_, loop):
        seen.append(loop)

    registry = ListenerRegistry()
    registry.add(with_loop, event)
    loop = asyncio.get_running_loop()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        await registry.run(event, object(), loop)
    assert seen == [loop]


def test_main_process_listeners_run_without_a_running_loop() -> None:
    calls: list[str] = []

    async def ready(app):
        calls.append("async")

    registry = ListenerRegistry()
    registry.add(lambda app: calls.append("sync"), "main_process_start")
    registry.add(ready, "main_process_start")
    registry.run_sync("main_process_start", object())
    assert calls == ["sync", "async"]


def test_run_outside_calls_plain_listeners_with_no_loop_running() -> None:
    # As Sanic's main process: a plain listener may call asyncio.run(); one taking the
    # loop gets it, not running; an async one runs on that loop.
    seen: list[object] = []

    async def five() -> int:
        return 5

    async def on_the_loop(app):
        seen.append(asyncio.get_running_loop())

    registry = ListenerRegistry()
    registry.add(lambda app: seen.append(asyncio.run(five())), "main_process_start")
    registry.add(lambda app, loop: seen.append(loop.is_running()), "main_process_start")
    registry.add(on_the_loop, "main_process_start")
    loop = asyncio.new_event_loop()
    try:
        registry.run_outside("main_process_start", object(), loop)
    finally:
        loop.close()
    assert seen == [5, False, loop]


async def test_a_filter_on_sanic_modules_silences_the_loop_argument_warning() -> None:
    # Plugins still write ``(app, loop)`` listeners; their users silence the warning with
    # a filter on Sanic's modules (``filterwarnings("ignore", module="sanic.*")``, pytest's
    # ``ignore::DeprecationWarning:sanic.*``), as the warning comes from Sanic's
    # ``sanic.logging.deprecation``. Such a filter must silence it here too.
    async def takes_loop(app_, loop):
        pass

    registry = ListenerRegistry()
    registry.add(takes_loop, "before_server_start")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="sanic.*")
        await registry.run("before_server_start", object(), asyncio.get_running_loop())
    assert [str(w.message) for w in caught] == []


def test_main_process_stop_runs_in_registration_order() -> None:
    # As Sanic: only the server's stop events mirror the start order.
    calls: list[str] = []
    registry = ListenerRegistry()
    for name in ("first", "second", "third"):
        registry.add(lambda app, name=name: calls.append(name), "main_process_stop")
    registry.run_sync("main_process_stop", object())
    assert calls == ["first", "second", "third"]


@pytest.mark.parametrize("event", ["main_process_start", "main_process_ready",
                                   "main_process_stop", "reload_process_start",
                                   "reload_process_stop", "before_reload_trigger"])
def test_priority_of_a_main_process_listener_is_warned_about_and_ignored(
    event: str, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[str] = []
    registry = ListenerRegistry()
    registry.add(lambda app: calls.append("plain"), event)
    with caplog.at_level("WARNING", logger="sanic.error"):
        registry.add(lambda app: calls.append("urgent"), event, priority=5)
    registry.run_sync(event, object())
    assert calls == ["plain", "urgent"]
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [
        ("sanic.error", "WARNING", f"Priority is not supported for {event}")
    ]
