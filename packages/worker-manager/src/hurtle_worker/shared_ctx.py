"""``SharedContext``: objects set in the main process that every worker receives."""

from __future__ import annotations

import logging
import os
import pickle
from types import SimpleNamespace
from typing import Any

from hurtle_worker.constants import WORKER_NAME_ENV

error_logger = logging.getLogger("sanic.error")

#: The context's own flag (in its ``__dict__``); every other name, ``_x`` included, is a value
#: for the workers, as in Sanic.
_LOCKED = "_locked"

_SAFE_MODULES = (
    "multiprocessing.queues",
    "multiprocessing.synchronize",
    "multiprocessing.sharedctypes",
    "multiprocessing.connection",
    "multiprocessing.managers",
    "multiprocessing.shared_memory",
    "ctypes",
)


def is_shareable(value: Any) -> bool:
    """Whether ``value`` is made for sharing between processes (a ``multiprocessing``
    queue, lock, value, pipe, manager proxy, shared memory, or a ``ctypes`` value), as
    Sanic judges it; anything else reaches each worker as its own copy."""
    module = type(value).__module__ or ""
    return module.startswith(_SAFE_MODULES)


class SharedContext(SimpleNamespace):
    """A namespace whose values are sent to every worker at start (set them in
    ``main_process_start``); values that would not be shared (a ``list``, a ``dict``)
    are accepted with a warning, and the context is read-only once locked.

    A value may take the name of a method (``app.shared_ctx.lock = Lock()``, as in
    Sanic), so the server calls them through the class: ``SharedContext.lock(ctx)``.
    """

    SAFE_TYPES_HELP = (
        "Use multiprocessing objects (Queue, Value, Array, Lock, Event, a Manager's dict "
        "or list) to share state between workers; use app.ctx for per-worker data."
    )

    def __setattr__(self, name: str, value: Any) -> None:
        if self.__dict__.get(_LOCKED) and name != _LOCKED:
            # Sanic's words: the workers have started, values are set in main_process_start.
            raise RuntimeError(f"Cannot set {name} on locked SharedContext object")
        if name != _LOCKED and not os.environ.get(WORKER_NAME_ENV):
            # A worker only receives the values. As Sanic, a tuple (a Pipe() pair) is
            # judged by its items, one level deep: one warning per unsafe item.
            items = value if isinstance(value, tuple) else (value,)
            for item in items:
                if is_shareable(item):
                    continue
                kind = type(item).__name__
                error_logger.warning(
                    "Unsafe object shared_ctx.%s (%s %s) may not be shared between "
                    "processes: every worker receives its own copy, so changes are not seen "
                    "by the others. %s",
                    name, "an" if kind[:1].lower() in "aeiou" else "a", kind,
                    self.SAFE_TYPES_HELP,
                )
        super().__setattr__(name, value)

    def unpicklable(self) -> dict[str, str]:
        """The values that cannot be sent to a spawned worker, by name, with the error.

        Values made for sharing (a ``multiprocessing.Queue``, a ``Value``) refuse plain
        pickling with a ``RuntimeError`` and pass; a ``multiprocessing`` object that can
        never be sent (a ``Manager()`` itself, rather than one of its dicts) is named.
        """
        found: dict[str, str] = {}
        for name, value in SharedContext.public(self).items():
            for item in value if isinstance(value, tuple) else (value,):
                try:
                    pickle.dumps(item)
                except (TypeError, AttributeError, pickle.PicklingError) as exc:
                    found[name] = f"{type(item).__name__}: {exc}"
                    break
                except Exception:  # e.g. a Queue inside: only pickled while spawning
                    continue
        return found

    def lock(self) -> None:
        """Make the context read-only."""
        object.__setattr__(self, _LOCKED, True)

    @property
    def is_locked(self) -> bool:
        """Whether the context is read-only."""
        return bool(self.__dict__.get(_LOCKED))

    def public(self) -> dict[str, Any]:
        """The values to send to the workers (names with a leading ``_`` included)."""
        return {k: v for k, v in self.__dict__.items() if k != _LOCKED}


__all__ = ["SharedContext", "is_shareable"]
