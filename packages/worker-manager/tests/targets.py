"""Process targets for the tests (importable by spawned children)."""

from __future__ import annotations

import multiprocessing.context
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from hurtle_worker import WorkerMultiplexer


def put(path: str, text: str) -> None:
    """Write ``path`` whole at once (a new file renamed into place): a test that sees the
    file sees all of it, never the empty file that ``write_text`` first creates."""
    temporary = f"{path}.{os.getpid()}.tmp"
    Path(temporary).write_text(text)
    os.replace(temporary, path)


def record(path: str, line: str) -> None:
    with open(path, "a") as f:
        f.write(line + "\n")


def write_and_exit(path: str, code: int = 0) -> None:
    put(path, str(os.getpid()))
    sys.exit(code)


def write_label(path: str) -> None:
    """Write the log-line label this process was given (SANIC_WORKER_IDENTIFIER)."""
    put(path, os.environ.get("SANIC_WORKER_IDENTIFIER", ""))


def crash(code: int = 3) -> None:
    sys.exit(code)


def server(monitor_publisher: Any, worker_state: Any, log: str = "", delay: float = 0.0,
           fail_before_ack: bool = False) -> None:
    """A fake server worker: acknowledges, then runs until SIGINT or SIGTERM."""
    stop: list[int] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.append(1))
    multiplexer = WorkerMultiplexer(monitor_publisher, worker_state)
    if fail_before_ack:
        sys.exit(2)
    time.sleep(delay)
    # Recorded before the ack: once acked, the manager may stop an old process at once,
    # and its "stopped" line must not overtake this one.
    if log:
        record(log, f"ready {multiplexer.name} {os.getpid()}")
    multiplexer.ack()
    while not stop:
        time.sleep(0.01)
    if log:
        record(log, f"stopped {multiplexer.name} {os.getpid()}")


def server_stopping_the_run(monitor_publisher: Any, worker_state: Any, log: str) -> None:
    """A fake server worker: the first one ends the run once it acked (app.stop() in its
    after_server_start); the others take a second to start, and say whether they were
    asked to stop before they were ready."""
    stop: list[int] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.append(1))
    multiplexer = WorkerMultiplexer(monitor_publisher, worker_state)
    first = multiplexer.name.endswith("-0-0")
    if not first:
        time.sleep(1.0)
    record(log, f"{'stopped early' if stop else 'ready'} {multiplexer.name}")
    multiplexer.ack()
    if first:
        multiplexer.terminate()
    while not stop:
        time.sleep(0.01)


def server_retiring(monitor_publisher: Any, worker_state: Any) -> None:
    """A server worker that acks, then stops on purpose (app.stop(terminate=False))."""
    multiplexer = WorkerMultiplexer(monitor_publisher, worker_state)
    multiplexer.ack()
    multiplexer.retire()
    sys.exit(0)


def slow_to_import_server(monitor_publisher: Any, worker_state: Any, marker: str) -> None:
    """A server worker busy 'importing' (no signal handling of its own yet) for 5 s."""
    put(marker, str(os.getpid()))
    time.sleep(5)
    server(monitor_publisher, worker_state)


def server_once(monitor_publisher: Any, worker_state: Any, log: str, marker: str) -> None:
    """Serves the first time; every later start fails before acknowledging."""
    if Path(marker).exists():
        sys.exit(2)
    put(marker, "started")
    server(monitor_publisher, worker_state, log=log)


def stubborn(path: str) -> None:
    """Ignores SIGINT and SIGTERM: only SIGKILL ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    put(path, str(os.getpid()))
    while True:
        time.sleep(0.05)


def clean_up_on_stop(path: str) -> None:
    """A custom process with default signal handling that cleans up in ``finally``."""
    try:
        # Inside the try: once "running" can be read, a SIGINT is caught (sent right after
        # the rename, KeyboardInterrupt came before the try on a busy machine).
        put(path, "running")
        time.sleep(30)
    except KeyboardInterrupt:
        put(path, "interrupted")


def write_config(path: str, config: dict[str, Any] | None = None) -> None:
    """Write the ``config`` this process was given (a restart's values), then exit."""
    put(path, repr(config))


class SigintOnlyProcess(multiprocessing.context.SpawnProcess):
    """A process whose own ``interrupt()`` always sends SIGINT, as Python 3.14's do."""

    def interrupt(self) -> None:
        assert self.pid is not None
        os.kill(self.pid, signal.SIGINT)
