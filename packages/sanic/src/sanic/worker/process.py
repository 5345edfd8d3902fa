"""``sanic.worker.process``: worker processes and groups."""

from hurtle_app.log import logger as logger
from hurtle_app.logging.color import Colors as Colors
from hurtle_worker.constants import ProcessState as ProcessState
from hurtle_worker.constants import RestartOrder as RestartOrder
from hurtle_worker.process import Worker, WorkerProcess, get_now

__all__ = ["Worker", "WorkerProcess", "get_now"]
