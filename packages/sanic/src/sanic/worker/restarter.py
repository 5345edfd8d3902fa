"""``sanic.worker.restarter``: restarting processes by name or all at once."""

from hurtle_app.app import error_logger as error_logger
from hurtle_worker.constants import ProcessState as ProcessState
from hurtle_worker.constants import RestartOrder as RestartOrder
from hurtle_worker.process import WorkerProcess as WorkerProcess
from hurtle_worker.restarter import Restarter

__all__ = ["Restarter"]
