"""A single-process server's stop goes on when a stop listener raises."""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest

from hurtle_app import Sanic
from hurtle_app.serving import SingleProcessRunner
from hurtle_http.response import text


def test_a_failing_before_server_stop_still_drains_and_runs_after_server_stop(
    caplog,
) -> None:
    # It raised out of the stop: no graceful drain, no after_server_stop (pools left
    # open), no "Worker complete".
    app = Sanic("SingleStop")
    app.get("/")(lambda request: text("hi"))
    runner = SingleProcessRunner(app)
    ran: list[str] = []

    @app.after_server_start
    async def stop_at_once(app: Sanic) -> None:
        runner.stop()

    @app.before_server_stop
    async def flush(app: Sanic) -> None:
        raise RuntimeError("could not flush the queue")

    @app.after_server_stop
    async def close_pool(app: Sanic) -> None:
        ran.append("after_server_stop")

    failures: list[BaseException] = []

    def serve() -> None:
        try:
            runner.run("127.0.0.1", 0, register_sys_signals=False)
        except BaseException as exc:  # reported below
            failures.append(exc)

    with caplog.at_level(logging.INFO):
        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        thread.join(20)
    assert not thread.is_alive(), "the stop did not finish"
    assert failures == []
    assert ran == ["after_server_stop"]
    errors = [r for r in caplog.records if r.name == "sanic.error"]
    assert [r.getMessage() for r in errors] == ["could not flush the queue"]
    assert errors[0].exc_info is not None
    assert "Worker complete" in caplog.text


def _run_stopping_the_loop_in(event: str) -> tuple[list[str], list[BaseException]]:
    app = Sanic(f"LoopStop_{event}")
    app.get("/")(lambda request: text("hi"))
    runner = SingleProcessRunner(app)
    ran: list[str] = []
    for name in (
        "before_server_start", "after_server_start", "before_server_stop", "after_server_stop"
    ):
        def listener(app: Sanic, name: str = name) -> None:
            ran.append(name)
            if name == event:
                asyncio.get_running_loop().stop()

        app.register_listener(listener, name)
    failures: list[BaseException] = []

    def serve() -> None:
        try:
            runner.run("127.0.0.1", 0, register_sys_signals=False)
        except BaseException as exc:  # reported below
            failures.append(exc)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "the server did not stop"
    return ran, failures


@pytest.mark.parametrize("event", ["before_server_start", "after_server_start"])
def test_loop_stop_in_a_start_listener_stops_the_server_with_its_stop_listeners(
    event: str,
) -> None:
    # As Sanic 25.12: loop.stop() in a start listener is a stop. The start finishes, the
    # stop listeners run, app.run returns. It raised "Event loop stopped before Future
    # completed" instead, and the stop listeners never ran (pools left open).
    ran, failures = _run_stopping_the_loop_in(event)
    assert failures == []
    assert ran == [
        "before_server_start", "after_server_start", "before_server_stop", "after_server_stop"
    ]
