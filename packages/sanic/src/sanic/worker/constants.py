"""``sanic.worker.constants``: process states and restart orders."""

from hurtle_http.constants import UpperStrEnum as UpperStrEnum
from hurtle_worker.constants import ProcessState, RestartOrder

__all__ = ["ProcessState", "RestartOrder"]
