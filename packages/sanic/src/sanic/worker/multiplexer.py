"""``sanic.worker.multiplexer``: ``app.m`` inside a worker."""

from hurtle_app.log import logger as logger
from hurtle_app.logging.color import Colors as Colors
from hurtle_worker.constants import ProcessState as ProcessState
from hurtle_worker.multiplexer import WorkerMultiplexer
from hurtle_worker.state import WorkerState as WorkerState

__all__ = ["WorkerMultiplexer"]
