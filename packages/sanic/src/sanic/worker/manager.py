"""``sanic.worker.manager``: the worker manager."""

from hurtle_worker.manager import MonitorCycle, WorkerManager

__all__ = ["MonitorCycle", "WorkerManager"]
