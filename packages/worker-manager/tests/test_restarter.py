"""Restarter: which processes a restart applies to."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hurtle_worker import ProcessState, Restarter, RestartOrder


class FakeProcess:
    def __init__(self, name: str, restartable: bool = True,
                 state: ProcessState = ProcessState.STARTED) -> None:
        self.name = name
        self.restartable = restartable
        self.state = state
        self.calls: list[tuple[Any, dict[str, Any]]] = []

    def restart(self, restart_order: Any = None, **kwargs: Any) -> None:
        self.calls.append((restart_order, kwargs))


def test_no_names_restarts_every_restartable_transient_process() -> None:
    servers = [FakeProcess("Sanic-Server-0-0"), FakeProcess("Sanic-Server-1-0")]
    fixed = FakeProcess("Sanic-Fixed-0", restartable=False)
    durable = [FakeProcess("Sanic-Job-0")]
    Restarter().restart(servers + [fixed], durable, restart_order=RestartOrder.STARTUP_FIRST)
    assert [len(p.calls) for p in servers] == [1, 1]
    assert servers[0].calls[0][0] is RestartOrder.STARTUP_FIRST
    assert fixed.calls == [] and durable[0].calls == []


def test_names_pick_processes_and_unknown_ones_are_reported(caplog) -> None:
    server = FakeProcess("Sanic-Server-0-0")
    job = FakeProcess("Sanic-Job-0", state=ProcessState.COMPLETED)
    locked = FakeProcess("Sanic-Locked-0", restartable=False)
    with caplog.at_level(logging.ERROR):
        Restarter().restart([server], [job, locked],
                            process_names=["Sanic-Job-0", "Sanic-Nope-0", "Sanic-Locked-0"],
                            extra=1)
    assert server.calls == [] and locked.calls == []
    assert job.calls == [(RestartOrder.SHUTDOWN_FIRST, {"extra": 1})]
    assert "Cannot restart 'Sanic-Nope-0'" in caplog.text
    assert "not registered as restartable" in caplog.text
    assert ("sanic.error", logging.ERROR,
            "Failed to restart processes: Sanic-Nope-0, Sanic-Locked-0") in caplog.record_tuples


def test_a_durable_process_never_started_is_started_by_name(caplog) -> None:
    # manage(..., auto_start=False, restartable=True): a restart by name starts it.
    lazy = FakeProcess("Sanic-Lazy-0", state=ProcessState.NONE)
    with caplog.at_level(logging.ERROR):
        Restarter().restart([], [lazy], process_names=["Sanic-Lazy-0"])
    assert lazy.calls == [(RestartOrder.SHUTDOWN_FIRST, {})]
    assert caplog.text == ""


@pytest.mark.parametrize("state", [ProcessState.IDLE, ProcessState.STARTING,
                                   ProcessState.STARTED, ProcessState.ACKED,
                                   ProcessState.TERMINATED])
def test_a_durable_process_still_running_is_not_restarted_by_name(caplog, state) -> None:
    job = FakeProcess("Sanic-Job-0", state=state)
    with caplog.at_level(logging.ERROR):
        Restarter().restart([], [job], process_names=["Sanic-Job-0"])
    assert job.calls == []
    assert ("sanic.error", logging.ERROR,
            "Cannot restart process Sanic-Job-0 because it is not in a final state. "
            f"Current state is: {state.name}.") in caplog.record_tuples
    assert ("sanic.error", logging.ERROR, "Failed to restart processes: Sanic-Job-0") \
        in caplog.record_tuples


@pytest.mark.parametrize("state", [ProcessState.FAILED, ProcessState.COMPLETED])
def test_a_durable_process_that_ended_is_restarted_by_name(caplog, state) -> None:
    job = FakeProcess("Sanic-Job-0", state=state)
    Restarter().restart([], [job], process_names=["Sanic-Job-0"])
    assert job.calls == [(RestartOrder.SHUTDOWN_FIRST, {})]
    assert caplog.record_tuples == []


def test_a_running_transient_process_is_restarted_by_name() -> None:
    server = FakeProcess("Sanic-Server-0-0", state=ProcessState.ACKED)
    Restarter().restart([server], [], process_names=["Sanic-Server-0-0"])
    assert server.calls == [(RestartOrder.SHUTDOWN_FIRST, {})]
