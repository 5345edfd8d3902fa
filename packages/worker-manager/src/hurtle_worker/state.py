"""``WorkerState``: one worker's view of the state shared by all processes."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Any

#: Keys the manager owns; a worker may read them but not change them.
RESTRICTED_KEYS = frozenset(
    {"server", "state", "pid", "start_at", "restart_at", "starts", "restarts", "serving",
     "exitcode", "last_exit", "health", "requests"}
)

_MISSING = object()


class WorkerState(Mapping[str, Any]):
    """A read-mostly mapping of the current process' entry in the shared state.

    ``state`` is the dict shared by every process (a ``multiprocessing`` manager dict);
    ``current`` the name of this process. Custom keys can be set, the manager's cannot.
    """

    #: The restricted keys, sorted (Sanic's class attribute).
    RESTRICTED = tuple(sorted(RESTRICTED_KEYS))

    def __init__(self, state: Any, current: str) -> None:
        self._state = state
        self._current = current

    def _entry(self) -> dict[str, Any]:
        # As Sanic: a process the shared state has no entry for has no keys to read or
        # set; ``KeyError`` names it (``get`` and ``in`` still answer, as Sanic's).
        entry = self._state.get(self._current)
        if entry is None:
            raise KeyError(self._current)
        return dict(entry)

    def __getitem__(self, key: str) -> Any:
        return self._entry()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entry())

    def __len__(self) -> int:
        return len(self._entry())

    def __repr__(self) -> str:
        return repr(self._entry())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, WorkerState):
            return self._entry() == other._entry()
        if isinstance(other, Mapping):
            return self._entry() == dict(other)
        return NotImplemented

    def __setitem__(self, key: str, value: Any) -> None:
        self.update({key: value})

    def __delitem__(self, key: str) -> None:
        """Remove a custom key; one that is not there is nothing to remove (as Sanic: no
        ``KeyError``, another process may have removed it first)."""
        self._check(key)
        entry = self._entry()
        if entry.pop(key, _MISSING) is not _MISSING:
            self._state[self._current] = entry

    def _check(self, *keys: str) -> None:
        refused = [key for key in keys if key in RESTRICTED_KEYS]
        if refused:
            # as Sanic: every restricted key given is named ("keys" when several)
            raise LookupError(
                f"Cannot set restricted {'key' if len(refused) == 1 else 'keys'} on "
                f"WorkerState: {', '.join(refused)} (the manager owns "
                f"{', '.join(sorted(RESTRICTED_KEYS))}; use another key name)"
            )

    def keys(self) -> KeysView[str]:
        """The keys of this worker's entry."""
        return self._entry().keys()

    def values(self) -> ValuesView[Any]:
        """The values of this worker's entry."""
        return self._entry().values()

    def items(self) -> ItemsView[str, Any]:
        """The items of this worker's entry."""
        return self._entry().items()

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, or ``default``."""
        return (self._state.get(self._current) or {}).get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in (self._state.get(self._current) or {})

    def update(self, mapping: Mapping[str, Any]) -> None:
        """Set several custom keys at once (a mapping: as Sanic's, anything without
        ``keys()`` is an ``AttributeError``, before the entry is looked up)."""
        keys = list(mapping.keys())
        self._check(*keys)
        self._state[self._current] = {**self._entry(), **{key: mapping[key] for key in keys}}

    def pop(self) -> None:  # type: ignore[override]
        """Not supported: the entry's keys belong to the manager."""
        raise NotImplementedError("WorkerState does not support pop()")

    def full(self) -> dict[str, Any]:
        """The state of every process (a plain dict copy)."""
        return {key: dict(value) for key, value in self._state.items()}


__all__ = ["RESTRICTED_KEYS", "WorkerState"]
