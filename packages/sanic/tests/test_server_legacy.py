"""The legacy runner's supervision (``sanic.server.legacy``): what it reports at a stop."""

from __future__ import annotations

import logging
import signal

from sanic.server import legacy


class Ended:
    """A worker process that has already ended with ``exitcode``."""

    def __init__(self, pid: int, exitcode: int) -> None:
        self.name, self.pid, self.exitcode = f"Sanic-Legacy-{pid}", pid, exitcode

    def is_alive(self) -> bool:
        return False

    def join(self, timeout: float | None = None) -> None:
        return None


class App:
    config: dict[str, float] = {"GRACEFUL_SHUTDOWN_TIMEOUT": 0}


def test_workers_stopped_by_the_same_ctrl_c_are_not_reported_as_errors(caplog) -> None:
    # A Ctrl-C in a terminal reaches the whole process group: the workers may have ended
    # by the time the main process acts on its own SIGINT.
    workers = [Ended(1, 0), Ended(2, -signal.SIGINT), Ended(3, 1)]
    with caplog.at_level(logging.INFO):
        code = legacy._wait(workers, [signal.SIGINT], App())
    assert code == 0
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "Sanic-Legacy-3 [3] exited with code 1" in errors[0]
    assert "Received signal SIGINT. Shutting down." in caplog.text
