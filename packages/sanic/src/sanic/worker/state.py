"""``sanic.worker.state``: a worker's view of the shared state."""

from hurtle_worker.state import WorkerState

__all__ = ["WorkerState"]
