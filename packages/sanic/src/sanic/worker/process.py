"""``sanic.worker.process``: worker processes and groups."""

from hurtle_worker.process import Worker, WorkerProcess, get_now

__all__ = ["Worker", "WorkerProcess", "get_now"]
