"""``sanic.worker.manager``: the worker manager."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import OS_IS_WINDOWS as OS_IS_WINDOWS
from hurtle_app.log import logger as logger
from hurtle_http.exceptions import ServerKilled as ServerKilled
from hurtle_worker.constants import ProcessState as ProcessState
from hurtle_worker.constants import RestartOrder as RestartOrder
from hurtle_worker.manager import MonitorCycle
from hurtle_worker.manager import WorkerManager as _WorkerManager
from hurtle_worker.process import Worker as Worker
from hurtle_worker.process import WorkerProcess as WorkerProcess
from hurtle_worker.restarter import Restarter as Restarter


class WorkerManager(_WorkerManager):
    """Sanic's worker manager: it always runs at least one server worker.

    (``hurtle_worker.WorkerManager`` alone may run only managed processes.)
    """

    def __init__(self, number: int, serve: Callable[..., Any], server_settings: dict[str, Any],
                 context: Any, monitor_pubsub: tuple[Any, Any], worker_state: Any) -> None:
        if number < 1:
            raise RuntimeError("Cannot serve with no workers")
        super().__init__(number, serve, server_settings, context, monitor_pubsub,
                         worker_state)


__all__ = ["MonitorCycle", "WorkerManager"]
