"""SIGINT/SIGTERM handling of a server served in this process (``add_stop_signal_handlers``)."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

from hurtle_app.serving import REPEATED_SIGNAL_GRACE, add_stop_signal_handlers


class FakeLoop:
    """Records the signal handlers; its clock is set by the test."""

    def __init__(self) -> None:
        self.now = 100.0
        self.handlers: dict[int, Any] = {}

    def time(self) -> float:
        return self.now

    def add_signal_handler(self, sig: int, callback: Any) -> None:
        self.handlers[sig] = callback


def test_first_signal_stops_a_later_one_ends_the_grace(caplog) -> None:
    loop = FakeLoop()
    stop = asyncio.Event()
    ended: list[bool] = []
    add_stop_signal_handlers(loop, stop, lambda: ended.append(True))  # type: ignore[arg-type]
    assert set(loop.handlers) == {signal.SIGINT, signal.SIGTERM}
    with caplog.at_level(logging.INFO, logger="sanic.root"):
        loop.handlers[signal.SIGTERM]()
        assert stop.is_set() and ended == []
        # the same stop delivered twice (to the process and to its group): still graceful
        loop.now += REPEATED_SIGNAL_GRACE / 2
        loop.handlers[signal.SIGINT]()
        assert ended == []
        # a second Ctrl-C: the grace ends now
        loop.now += REPEATED_SIGNAL_GRACE
        loop.handlers[signal.SIGINT]()
        assert ended == [True]
    assert caplog.record_tuples == [("sanic.root", logging.INFO, "Shutdown interrupted. Killing.")]


def test_without_end_grace_later_signals_are_ignored(caplog) -> None:
    # a worker under the manager: the manager acts on a second Ctrl-C, not the worker
    loop = FakeLoop()
    stop = asyncio.Event()
    add_stop_signal_handlers(loop, stop, None)  # type: ignore[arg-type]
    loop.handlers[signal.SIGINT]()
    loop.now += 5
    with caplog.at_level(logging.INFO, logger="sanic.root"):
        loop.handlers[signal.SIGINT]()
    assert stop.is_set()
    assert caplog.record_tuples == []
