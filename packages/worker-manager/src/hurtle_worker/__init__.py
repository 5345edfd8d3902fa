"""Start, watch, restart and scale worker processes.

Knows nothing of web apps: it runs targets (``callable(**kwargs)``) in processes,
supervises them (respawning the ones that die, with back-off), restarts them in either
order, scales groups, and gives children a ``WorkerMultiplexer`` to talk back.
"""

from hurtle_worker.__about__ import __version__
from hurtle_worker.constants import ProcessState, RestartOrder
from hurtle_worker.load_errors import describe_load_error
from hurtle_worker.loader import AppLoader, CertLoader
from hurtle_worker.manager import MonitorCycle, WorkerManager
from hurtle_worker.multiplexer import WorkerMultiplexer
from hurtle_worker.process import Worker, WorkerProcess, get_now
from hurtle_worker.reloader import Reloader
from hurtle_worker.restarter import Restarter
from hurtle_worker.shared_ctx import SharedContext
from hurtle_worker.state import WorkerState

__all__ = [
    "AppLoader",
    "CertLoader",
    "MonitorCycle",
    "ProcessState",
    "Reloader",
    "RestartOrder",
    "Restarter",
    "SharedContext",
    "Worker",
    "WorkerManager",
    "WorkerMultiplexer",
    "WorkerProcess",
    "WorkerState",
    "__version__",
    "describe_load_error",
    "get_now",
]
