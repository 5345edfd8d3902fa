"""``sanic.startup.errors``: turn what stops a server from starting into one log line.

``maybe_handle_startup_error(exc)`` logs a known start-up failure (an OS error such as an
address in use, a ``ServerError``, a ``DaemonError``) on ``sanic.error`` and exits with 1;
anything else is raised again.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable

from hurtle_app.app import error_logger as error_logger
from hurtle_cli.daemon import DaemonError
from hurtle_http.exceptions import ServerError

ExceptionHandler = Callable[[BaseException], bool]


def _handle_os_error(exc: BaseException) -> bool:
    if not isinstance(exc, OSError):
        return False
    if exc.errno == errno.EADDRINUSE:
        error_logger.error(
            "Startup failed: Address already in use. \n\nEnsure no other process is using "
            "the same address and port, or configure the server to use a different port."
        )
    else:
        error_logger.error(
            "Startup failed due to OS error: %s (errno %s)", exc.strerror or exc, exc.errno
        )
    return True


def _handle_server_error(exc: BaseException) -> bool:
    if not isinstance(exc, ServerError):
        return False
    error_logger.error("Startup failed due to server error. %s", exc)
    return True


def _handle_daemon_error(exc: BaseException) -> bool:
    if not isinstance(exc, DaemonError):
        return False
    error_logger.error("Daemon error: %s", exc)
    return True


EXCEPTION_HANDLERS: tuple[ExceptionHandler, ...] = (
    _handle_os_error,
    _handle_server_error,
    _handle_daemon_error,
)


def maybe_handle_startup_error(exc: BaseException) -> None:
    """Log ``exc`` and exit with 1 when it is a known start-up failure; else raise it."""
    for handler in EXCEPTION_HANDLERS:
        if handler(exc):
            sys.exit(1)
    raise exc


__all__ = ["EXCEPTION_HANDLERS", "ExceptionHandler", "maybe_handle_startup_error"]
