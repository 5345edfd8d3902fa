"""``sanic.worker.restarter``: restarting processes by name or all at once."""

from hurtle_worker.restarter import Restarter

__all__ = ["Restarter"]
