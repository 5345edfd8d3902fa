"""``sanic.startup.errors``: known start-up failures become one log line and exit 1."""

from __future__ import annotations

import errno
import logging

import pytest

from sanic.exceptions import ServerError
from sanic.startup.errors import maybe_handle_startup_error
from sanic.worker.daemon import DaemonError


@pytest.mark.parametrize(
    ("exc", "logged"),
    [
        (OSError(errno.EADDRINUSE, "Address already in use"),
         "Ensure no other process is using the same address and port"),
        (OSError(errno.EACCES, "Permission denied"),
         "Startup failed due to OS error: Permission denied (errno 13)"),
        (ServerError("no certificate"), "Startup failed due to server error. no certificate"),
        (DaemonError("Daemon already running with PID 5"),
         "Daemon error: Daemon already running with PID 5"),
    ],
)
def test_known_failures_log_and_exit_1(exc, logged, caplog) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(SystemExit) as exited:
        maybe_handle_startup_error(exc)
    assert exited.value.code == 1
    assert any(name == "sanic.error" and logged in message
               for name, _, message in caplog.record_tuples)


def test_anything_else_is_raised_again() -> None:
    with pytest.raises(ValueError, match="mine"):
        maybe_handle_startup_error(ValueError("mine"))
