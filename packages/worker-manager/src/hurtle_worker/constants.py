"""Enumerations shared by the manager, its processes and the multiplexer."""

from __future__ import annotations

import sys
from enum import Enum, IntEnum

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # Python 3.10: the part of 3.11's StrEnum used here (this package imports none of ours)

    class StrEnum(str, Enum):
        def __str__(self) -> str:
            return str.__str__(self)

        def __format__(self, format_spec: str) -> str:
            return str.__format__(str.__str__(self), format_spec)


class ProcessState(IntEnum):
    """The life-cycle states of one worker process."""

    NONE = 1
    IDLE = 2
    RESTARTING = 3
    STARTING = 4
    STARTED = 5
    ACKED = 6
    JOINED = 7
    TERMINATED = 8
    FAILED = 9
    COMPLETED = 10


class RestartOrder(StrEnum):
    """Stop the old process before starting the new one, or the other way round."""

    SHUTDOWN_FIRST = "SHUTDOWN_FIRST"
    STARTUP_FIRST = "STARTUP_FIRST"



#: Prefix of every process name (``Sanic-Server-0-0``), as Sanic names them.
PROCESS_PREFIX = "Sanic-"
#: The main process' entry in the shared worker state.
MAIN_NAME = "Sanic-Main"
#: Environment variable holding a child process' name (read by ``WorkerMultiplexer``).
WORKER_NAME_ENV = "SANIC_WORKER_NAME"
#: Environment variable with the short label log lines start with (``Srv 0``).
IDENT_ENV = "SANIC_WORKER_IDENTIFIER"

__all__ = [
    "IDENT_ENV",
    "MAIN_NAME", "PROCESS_PREFIX", "ProcessState", "RestartOrder", "WORKER_NAME_ENV"]
