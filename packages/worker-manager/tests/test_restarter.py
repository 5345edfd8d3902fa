"""Restarter: which processes a restart applies to."""

from __future__ import annotations

import logging
from typing import Any

from hurtle_worker import Restarter, RestartOrder


class FakeProcess:
    def __init__(self, name: str, restartable: bool = True) -> None:
        self.name = name
        self.restartable = restartable
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
    job = FakeProcess("Sanic-Job-0")
    locked = FakeProcess("Sanic-Locked-0", restartable=False)
    with caplog.at_level(logging.ERROR):
        Restarter().restart([server], [job, locked],
                            process_names=["Sanic-Job-0", "Sanic-Nope-0", "Sanic-Locked-0"],
                            extra=1)
    assert server.calls == [] and locked.calls == []
    assert job.calls == [(RestartOrder.SHUTDOWN_FIRST, {"extra": 1})]
    assert "Cannot restart 'Sanic-Nope-0'" in caplog.text
    assert "not registered as restartable" in caplog.text
