"""``sanic.worker.manager``: the worker manager."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import OS_IS_WINDOWS as OS_IS_WINDOWS
from hurtle_app.log import logger as logger
from hurtle_http.exceptions import ServerKilled as ServerKilled
from hurtle_worker.constants import ProcessState as ProcessState
from hurtle_worker.constants import RestartOrder as RestartOrder
from hurtle_worker.manager import MonitorCycle, WorkerManager
from hurtle_worker.process import Worker as Worker
from hurtle_worker.process import WorkerProcess as WorkerProcess
from hurtle_worker.restarter import Restarter as Restarter

__all__ = ["MonitorCycle", "WorkerManager"]
