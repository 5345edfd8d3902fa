"""``SharedContext``: objects set in the main process that every worker receives."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

logger = logging.getLogger("sanic.root")

_SAFE_MODULES = (
    "multiprocessing.queues",
    "multiprocessing.synchronize",
    "multiprocessing.sharedctypes",
    "multiprocessing.connection",
    "multiprocessing.managers",
    "multiprocessing.shared_memory",
)
_IMMUTABLE = (str, bytes, int, float, bool, complex, type(None), frozenset, tuple)


def is_shareable(value: Any) -> bool:
    """Whether ``value`` keeps working when handed to another process."""
    if isinstance(value, _IMMUTABLE):
        return True
    module = type(value).__module__ or ""
    return module.startswith(_SAFE_MODULES)


class SharedContext(SimpleNamespace):
    """A namespace whose values are sent to every worker at start (set them in
    ``main_process_start``); values that would not be shared (a ``list``, a ``dict``)
    are accepted with a warning, and the context is read-only once locked."""

    SAFE_TYPES_HELP = (
        "Use multiprocessing objects (Queue, Value, Array, Lock, Event, a Manager's dict "
        "or list) to share state between workers; use app.ctx for per-worker data."
    )

    def __setattr__(self, name: str, value: Any) -> None:
        if self.__dict__.get("_locked") and name != "_locked":
            raise RuntimeError(
                f"Cannot set shared_ctx.{name}: shared_ctx is read-only once the workers "
                "started. Set it in a main_process_start listener."
            )
        if not name.startswith("_") and not is_shareable(value):
            logger.warning(
                "shared_ctx.%s holds a %s, which every worker receives as its own copy: "
                "changes will not be seen by other workers. %s",
                name, type(value).__name__, self.SAFE_TYPES_HELP,
            )
        super().__setattr__(name, value)

    def lock(self) -> None:
        """Make the context read-only."""
        object.__setattr__(self, "_locked", True)

    def is_locked(self) -> bool:
        """Whether the context is read-only."""
        return bool(self.__dict__.get("_locked"))

    def public(self) -> dict[str, Any]:
        """The values to send to the workers."""
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


__all__ = ["SharedContext", "is_shareable"]
