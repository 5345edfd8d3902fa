"""Background tasks: added before or after start, named, cancelled, purged."""

from __future__ import annotations

import asyncio
import logging

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import SanicException

from .conftest import run_asgi


async def test_tasks_added_before_start_run_once_the_server_starts(app: Sanic) -> None:
    ran = asyncio.Event()

    async def job():
        ran.set()

    app.add_task(job())
    assert not ran.is_set()
    await app._server_event("init", "before")
    await app._server_event("init", "after")
    await asyncio.wait_for(ran.wait(), 1)


async def test_tasks_added_before_start_step_in_where_the_first_was_added(app: Sanic) -> None:
    # As Sanic: the first task added before the run registers the after_server_start
    # listener that starts them, so they take their first step after the listeners
    # registered before it and before those registered after it.
    order: list[str] = []

    @app.after_server_start
    async def before_the_task(app_: Sanic) -> None:
        order.append("listener registered first")

    async def job(app_: Sanic) -> None:
        order.append("task, first step")
        await asyncio.sleep(0)
        order.append("task, second step")

    app.add_task(job)

    @app.after_server_start
    async def after_the_task(app_: Sanic) -> None:
        order.append("listener registered next")

    await app._server_event("init", "before")
    await app._server_event("init", "after")
    await asyncio.sleep(0.01)
    assert order == [
        "listener registered first",
        "task, first step",
        "listener registered next",
        "task, second step",
    ]


async def test_each_task_added_before_start_gets_its_own_turn_as_it_starts(app: Sanic) -> None:
    # As Sanic: the tasks added before the run are started one after another, each given
    # a turn of the loop before the next starts, so an app's start-up task that awaits
    # once (an in-memory "connect") is done before the next task begins (EM_ERP_SANIC's
    # init_db, then its index task). Starting them all, then yielding once, interleaved
    # their steps.
    order: list[str] = []

    def job(name: str):
        async def steps() -> None:
            order.append(f"{name} step 1")
            await asyncio.sleep(0)
            order.append(f"{name} step 2")
            await asyncio.sleep(0)
            order.append(f"{name} step 3")

        return steps()

    app.add_task(job("a"))
    app.add_task(job("b"))

    @app.after_server_start
    async def registered_after(app_: Sanic) -> None:
        order.append("listener")

    await app._server_event("init", "before")
    await app._server_event("init", "after")
    await asyncio.sleep(0.01)
    assert order[:4] == ["a step 1", "a step 2", "b step 1", "listener"]
    assert order.index("a step 3") < order.index("b step 3")


async def test_a_task_added_before_start_first_runs_after_after_server_start(app: Sanic) -> None:
    """As in Sanic: a task added before the run sees what after_server_start set up (a
    queue on app.ctx); one started by a before_server_start listener runs before it."""
    order: list[str] = []

    @app.before_server_start
    async def early(app_: Sanic) -> None:
        async def from_listener() -> None:
            order.append("task from before_server_start")

        app_.add_task(from_listener())

    @app.after_server_start
    async def setup_queue(app_: Sanic) -> None:
        order.append("after_server_start")
        app_.ctx.queue = asyncio.Queue()

    async def uses_queue(app_: Sanic) -> None:
        await app_.ctx.queue.put("from the early task")
        order.append("task added before the run")

    app.add_task(uses_queue)
    await app._server_event("init", "before")
    await app._server_event("init", "after")
    assert await asyncio.wait_for(app.ctx.queue.get(), 1) == "from the early task"
    assert order == [
        "task from before_server_start",
        "after_server_start",
        "task added before the run",
    ]


async def test_naming_a_task_needs_the_app_running_as_in_sanic(app: Sanic) -> None:
    sleeper = asyncio.sleep(60)
    with pytest.raises(RuntimeError, match="^Cannot name task outside of a running application$"):
        app.add_task(sleeper, name="early")
    sleeper.close()

    @app.before_server_start
    async def named_in_listener(app_: Sanic) -> None:
        app_.add_task(asyncio.sleep(60), name="from_listener")

    await app._server_event("init", "before")
    assert app.get_task("from_listener").get_name() == "from_listener"
    await app._server_event("shutdown", "after")


async def test_anything_can_be_added_and_runs_or_fails_in_its_task(app: Sanic) -> None:
    calls: list[str] = []

    def sync_job() -> int:
        calls.append("sync")
        return 5

    await app._server_event("init", "before")
    assert await app.add_task(sync_job) == 5
    failing = app.add_task(123)
    assert isinstance(failing, asyncio.Task)
    with pytest.raises(TypeError):
        await failing
    assert calls == ["sync"]


async def test_a_second_task_with_a_name_replaces_the_first(app: Sanic) -> None:
    await app._server_event("init", "before")
    first = app.add_task(asyncio.sleep(60), name="dup")
    second = app.add_task(asyncio.sleep(60), name="dup")
    assert app.get_task("dup") is second
    first.cancel()
    await app._server_event("shutdown", "after")


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


async def test_a_cancelled_running_task_logs_sanics_warning(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: a task added while the app runs logs a warning naming its coroutine when
    # it is cancelled (by cancel_task or at the stop); one added before the run does not.
    async def early() -> None:
        await asyncio.sleep(60)

    async def sleeper() -> None:
        await asyncio.sleep(60)

    async def sleeper_of(app_: Sanic) -> None:
        await asyncio.sleep(60)

    app.add_task(early())
    await app._server_event("init", "before")
    await app._server_event("init", "after")
    app.add_task(sleeper(), name="sleeper")
    app.add_task(sleeper_of, name="callable")
    await asyncio.sleep(0)
    with caplog.at_level(logging.WARNING, "sanic.error"):
        await app.cancel_task("sleeper")
        await app.cancel_task("callable")
        await app._server_event("shutdown", "after")
    messages = [r.getMessage() for r in caplog.records if r.name == "sanic.error"]
    assert len(messages) == 2
    assert messages[0].startswith("Task <coroutine object ")
    assert "sleeper at 0x" in messages[0]
    assert "sleeper_of at 0x" in messages[1]
    assert all(m.endswith(" was cancelled before it completed.") for m in messages)


async def test_shutdown_tasks_is_a_plain_method_that_cancels_them(app: Sanic) -> None:
    # Sanic's is not a coroutine: called from a handler or listener it cancels the tasks
    # at once (awaiting it is a TypeError there too).
    await app._server_event("init", "before")
    task = app.add_task(asyncio.sleep(60), name="forever")
    assert app.shutdown_tasks(timeout=0.2) is None
    await asyncio.sleep(0)
    assert task.cancelled()


async def test_unknown_task_error_names_it(app: Sanic) -> None:
    with pytest.raises(SanicException) as info:
        app.get_task("ghost")
    assert str(info.value) == 'Registered task named "ghost" not found.'


async def test_unknown_task_traceback_shows_the_lookup_error(app: Sanic) -> None:
    # The error log of a handler calling get_task("nope") shows the KeyError first
    # ("During handling of the above exception ..."), as under Sanic.
    import traceback

    with pytest.raises(SanicException) as info:
        app.get_task("nope")
    assert isinstance(info.value.__context__, KeyError)
    shown = "".join(traceback.format_exception(info.value))
    assert "KeyError: 'nope'" in shown
    assert "During handling of the above exception" in shown
    with pytest.raises(SanicException) as info:
        await app.cancel_task("nope")
    assert isinstance(info.value.__context__, KeyError)


async def test_running_tasks_are_cancelled_at_server_stop(app: Sanic) -> None:
    await app._server_event("init", "before")
    task = app.add_task(asyncio.sleep(60), name="forever")
    await app._server_event("shutdown", "after")
    assert task.cancelled()


async def test_an_app_its_state_says_is_serving_starts_tasks_at_once(app: Sanic) -> None:
    # A server the app did not start itself (its state lists one serving): add_task runs
    # on the current loop and returns the task, named or not, as in Sanic.
    from hurtle_app.state import ApplicationServerInfo, ServerStage

    app.state.server_info.append(ApplicationServerInfo(settings={}, stage=ServerStage.SERVING))

    async def answer(value):
        await asyncio.sleep(0)
        return value

    plain = app.add_task(answer(1))
    named = app.add_task(answer(2), name="two")
    assert isinstance(plain, asyncio.Task) and isinstance(named, asyncio.Task)
    assert app.get_task("two") is named
    assert (await plain, await named) == (1, 2)
    await app.cancel_task("two")
    app.purge_tasks()
    assert list(app.tasks) == []


async def test_a_task_added_in_before_server_start_is_returned_and_can_be_awaited(
    app: Sanic,
) -> None:
    seen: list[object] = []

    async def job() -> str:
        return "done"

    @app.before_server_start
    async def start_and_wait(app_: Sanic) -> None:
        task = app_.add_task(job())
        seen.append(type(task))
        seen.append(await task)

    await app._server_event("init", "before")
    assert seen == [asyncio.Task, "done"]
    await app._server_event("shutdown", "after")


async def test_a_cancelled_task_is_reported_naming_its_coroutine(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: cancelling a task (cancel_task, or the stop cancelling a named task such as
    # sanic-ext's health check) logs a warning on sanic.error naming the coroutine.
    async def forever(app: Sanic) -> None:
        await asyncio.sleep(60)

    await app._server_event("init", "before")
    app.add_task(forever, name="by_callable")
    app.add_task(forever(app), name="by_coroutine")
    unnamed = app.add_task(forever(app))
    await asyncio.sleep(0)
    with caplog.at_level("WARNING", logger="sanic.error"):
        await app.cancel_task("by_callable")
        await app._server_event("shutdown", "after")
    assert unnamed.cancelled()
    lines = [(r.name, r.levelname, r.getMessage()) for r in caplog.records]
    # An unnamed task is not cancelled by Sanic's stop: its end is not reported.
    assert len(lines) == 2
    for name, level, message in lines:
        assert (name, level) == ("sanic.error", "WARNING")
        assert message.startswith("Task <coroutine object ")
        assert "forever at 0x" in message
        assert message.endswith("> was cancelled before it completed.")


async def test_the_task_registry_reads_as_a_mapping_of_names_to_tasks(app: Sanic) -> None:
    # Sanic's app._task_registry is a dict, and code written for it reads it as one
    await app._server_event("init", "before")
    named = app.add_task(asyncio.sleep(60), name="named")
    app.add_task(asyncio.sleep(60))  # unnamed: not registered
    registry = app._task_registry
    assert list(registry) == registry.keys() == ["named"]
    assert registry.values() == [named] and registry.items() == [("named", named)]
    assert "named" in registry and registry["named"] is named and len(registry) == 1
    assert list(app.tasks) == [named]
    await app._server_event("shutdown", "after")


async def test_a_future_is_registered_and_returned_as_given(app: Sanic) -> None:
    # As Sanic: add_task(future) gives the future back (not a Task wrapping it), so the
    # caller can still resolve it, and registers it under its name.
    await app._server_event("init", "before")
    await app._server_event("init", "after")
    future = asyncio.get_running_loop().create_future()
    assert app.add_task(future, name="fut") is future
    assert app.get_task("fut") is future
    future.set_result(5)
    app.purge_tasks()
    assert app.get_task("fut", raise_exception=False) is None
    await app._server_event("shutdown", "after")


async def test_cancel_task_raises_the_error_the_task_ended_with(app: Sanic) -> None:
    # As Sanic: awaiting the task surfaces its error, whether it failed before the cancel
    # or while being cancelled; the cancellation itself is not raised.
    async def boom() -> None:
        raise ValueError("task failed")

    async def fails_on_cancel() -> None:
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            raise KeyError("cleanup") from None

    await app._server_event("init", "before")
    await app._server_event("init", "after")
    app.add_task(boom(), name="boom")
    await asyncio.sleep(0.01)
    with pytest.raises(ValueError, match="task failed"):
        await app.cancel_task("boom")
    app.add_task(fails_on_cancel(), name="cleanup")
    await asyncio.sleep(0)
    with pytest.raises(KeyError, match="cleanup"):
        await app.cancel_task("cleanup")
    app.add_task(asyncio.sleep(60), name="sleeper")
    await asyncio.sleep(0)
    assert await app.cancel_task("sleeper") is None
    await app._server_event("shutdown", "after")


async def test_a_task_added_before_the_run_also_warns_when_cancelled(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: the cancellation warning is not only for tasks added while the app runs;
    # one added before the run and cancelled while it runs logs it too (it logged nothing).
    async def cancels_itself() -> None:
        await asyncio.sleep(0)
        task = asyncio.current_task()
        assert task is not None
        task.cancel()
        await asyncio.sleep(1)

    app.add_task(cancels_itself())
    with caplog.at_level(logging.WARNING, "sanic.error"):
        await app._server_event("init", "before")
        await app._server_event("init", "after")
        for _ in range(20):
            if caplog.records:
                break
            await asyncio.sleep(0.01)
    messages = [r.getMessage() for r in caplog.records if r.name == "sanic.error"]
    assert len(messages) == 1
    assert "cancels_itself at 0x" in messages[0]
    assert messages[0].endswith(" was cancelled before it completed.")


async def test_unnamed_tasks_cancelled_at_the_asgi_shutdown_warn(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic under an ASGI server: every task still running at the end is cancelled
    # with the warning naming its coroutine, unnamed ones (added before the run or
    # while it runs) too; they were cancelled silently, as at the end of app.run(),
    # where Sanic leaves them running.
    async def early() -> None:
        await asyncio.sleep(60)

    async def late() -> None:
        await asyncio.sleep(60)

    async def add_late(app_: Sanic) -> None:
        app_.add_task(late())
        app_.add_task(late(), name="named")

    app.add_task(early())
    app.register_listener(add_late, "after_server_start")
    with caplog.at_level(logging.WARNING, "sanic.error"):
        sent = await run_asgi(
            app, {"type": "lifespan"}, [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
        )
    assert sent == [{"type": "lifespan.startup.complete"}, {"type": "lifespan.shutdown.complete"}]
    messages = sorted(r.getMessage() for r in caplog.records if r.name == "sanic.error")
    assert len(messages) == 3
    assert "early at 0x" in messages[0] and "late at 0x" in messages[1]
    assert all(m.endswith(" was cancelled before it completed.") for m in messages)


async def test_a_task_still_running_after_the_stop_cancelled_it_is_reported(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    # The stop waits a bounded time for the cancelled tasks (Sanic waits for ever: its
    # process never exits); one still cleaning up then is named, as its cleanup may
    # never finish.
    release = asyncio.Event()

    async def slow_cleanup() -> None:
        try:
            await asyncio.sleep(60)
        finally:
            await release.wait()

    await app._server_event("init", "before")
    task = app.add_task(slow_cleanup(), name="flusher")
    await asyncio.sleep(0)
    with caplog.at_level(logging.WARNING, logger="sanic.error"):
        await app._server_event("shutdown", "after")
    assert not task.done()
    [message] = [r.getMessage() for r in caplog.records if "did not end" in r.getMessage()]
    assert message.startswith("Task flusher did not end within 1.0 s of its cancellation")
    release.set()
    await asyncio.wait([task], timeout=5)
