"""Server lifecycle listeners: the events, and running them in order."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from enum import Enum
from typing import Any

from hurtle_app.errors import UnknownNameError
from hurtle_app.logging.deprecation import deprecation
from hurtle_app.logging.loggers import error_logger
from hurtle_app.sequence import next_registration


class ListenerEvent(str, Enum):
    """The lifecycle events a listener can attach to (Sanic's names and values)."""

    BEFORE_SERVER_START = "server.init.before"
    AFTER_SERVER_START = "server.init.after"
    BEFORE_SERVER_STOP = "server.shutdown.before"
    AFTER_SERVER_STOP = "server.shutdown.after"
    MAIN_PROCESS_START = "main_process_start"
    MAIN_PROCESS_READY = "main_process_ready"
    MAIN_PROCESS_STOP = "main_process_stop"
    RELOAD_PROCESS_START = "reload_process_start"
    RELOAD_PROCESS_STOP = "reload_process_stop"
    BEFORE_RELOAD_TRIGGER = "before_reload_trigger"
    AFTER_RELOAD_TRIGGER = "after_reload_trigger"


#: Every event name ``@app.listener(...)`` accepts.
LISTENER_EVENTS: tuple[str, ...] = tuple(e.name.lower() for e in ListenerEvent)

# Events that run in the reverse order of registration (teardown mirrors setup).
_REVERSED = frozenset({"before_server_stop", "after_server_stop"})

# As Sanic: the main-process and reloader events take no priority. A listener given one is
# warned about and keeps its place in the registration order, which is also the order
# their stop events run in (they are not reversed).
_NO_PRIORITY = frozenset(
    {
        "main_process_start",
        "main_process_ready",
        "main_process_stop",
        "reload_process_start",
        "reload_process_stop",
        "before_reload_trigger",
        "after_reload_trigger",
    }
)

# As Sanic: only the server's own listeners are told that the loop argument is deprecated;
# main-process and reloader listeners still get it without a warning.
_WARNS_ABOUT_LOOP = frozenset(
    {"before_server_start", "after_server_start", "before_server_stop", "after_server_stop"}
)


def normalize_event(event: str | ListenerEvent) -> str:
    """``"before_server_start"`` (any case, or the enum) -> the canonical event name."""
    if isinstance(event, ListenerEvent):
        return event.name.lower()
    name = str(event).lower()
    if name in LISTENER_EVENTS:
        return name
    for member in ListenerEvent:
        if member.value == name:
            return member.name.lower()
    raise UnknownNameError(
        f"Unknown listener event {event!r}; use one of: {', '.join(LISTENER_EVENTS)}"
    )


def _takes_loop(listener: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(listener).parameters.values()
    except (TypeError, ValueError):
        return False
    params = list(params)
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if not positional and not any(p.kind is p.VAR_POSITIONAL for p in params):
        # As Sanic: a listener that cannot take the app (``()``, ``(**kw)``) is
        # retried with ``(app, loop)``, so its ``TypeError`` says "2 were given".
        return True
    required = [p for p in positional if p.default is p.empty]
    # As Sanic: only a second required positional parameter asks for the loop;
    # ``(app, loop=None)``, ``(app, *args)`` and ``(*args)`` get the app alone.
    return len(required) >= 2


def _warn_loop_argument(listener: Callable[..., Any]) -> None:
    # As Sanic: the qualified name (``monitor.<locals>.before_start`` for a listener an
    # extension defines in a function), or that of the function a partial wraps.
    name = getattr(
        listener, "__qualname__", getattr(getattr(listener, "func", None), "__qualname__", None)
    )
    which = f"Your listener {name!r}" if name else "Your listener"
    # Through ``deprecation()``, as Sanic: the warning comes from its module, so filters
    # on Sanic's modules silence it.
    deprecation(
        "Passing the loop argument to listeners is deprecated. "
        f"{which} should only accept the app argument.",
        26.6,
    )


class _Listener:
    __slots__ = ("func", "priority", "order", "takes_loop")

    def __init__(self, func: Callable[..., Any], priority: int, order: int) -> None:
        self.func = func
        self.priority = priority
        self.order = order
        # Decided once: the listener gets (app) or (app, loop).
        self.takes_loop = _takes_loop(func)


class ListenerRegistry:
    """Listeners per event; runs them sync or async, with ``(app)`` or ``(app, loop)``."""

    def __init__(self) -> None:
        self._by_event: dict[str, list[_Listener]] = {e: [] for e in LISTENER_EVENTS}

    def add(self, func: Callable[..., Any], event: str, priority: int = 0) -> None:
        """Record ``func`` for ``event``."""
        name = normalize_event(event)
        if priority and name in _NO_PRIORITY:
            error_logger.warning(f"Priority is not supported for {name}")
            priority = 0
        self._by_event[name].append(_Listener(func, priority, next_registration()))

    def listeners(self, event: str) -> list[Callable[..., Any]]:
        """The functions registered for ``event``, in the order they will run."""
        return [item.func for item in self._ordered(normalize_event(event))]

    def _ordered(self, event: str) -> list[_Listener]:
        items = sorted(self._by_event[event], key=lambda item: (-item.priority, item.order))
        if event in _REVERSED:
            items.reverse()
        return items

    def __contains__(self, event: str) -> bool:
        return bool(self._by_event.get(normalize_event(event)))

    def entries(self, event: str) -> list[_Listener]:
        """The listeners of ``event`` as registered (each with its priority and order)."""
        return list(self._by_event[normalize_event(event)])

    async def run(self, event: str, app: Any, loop: asyncio.AbstractEventLoop | None) -> None:
        """Run every listener of ``event`` in order, awaiting the async ones."""
        name = normalize_event(event)
        for item in self._ordered(name):
            await self.call(item, name, app, loop)

    @staticmethod
    async def call(
        item: _Listener, event: str, app: Any, loop: asyncio.AbstractEventLoop | None
    ) -> None:
        """Run one listener of ``event`` (normalised name), awaiting it if async."""
        if item.takes_loop:
            if event in _WARNS_ABOUT_LOOP:
                _warn_loop_argument(item.func)
            result = item.func(app, loop)
        else:
            result = item.func(app)
        if inspect.isawaitable(result):
            await result

    def run_outside(self, event: str, app: Any, loop: asyncio.AbstractEventLoop) -> None:
        """Run the listeners of a main-process event from outside ``loop``, in order.

        As Sanic: a plain function is called with no loop running (so it may call
        ``asyncio.run()`` itself), an ``(app, loop)`` one gets ``loop``, not yet running;
        what an async listener returns is run to its end on ``loop``.
        """
        for item in self._ordered(normalize_event(event)):
            result = item.func(app, loop) if item.takes_loop else item.func(app)
            if inspect.isawaitable(result):
                loop.run_until_complete(_await(result))

    def run_sync(self, event: str, app: Any) -> None:
        """Run the listeners of a main-process event (no loop running yet)."""
        for item in self._ordered(normalize_event(event)):
            result = item.func(app, None) if item.takes_loop else item.func(app)
            if inspect.isawaitable(result):
                asyncio.run(_await(result))


async def _await(awaitable: Any) -> Any:
    return await awaitable


__all__ = ["LISTENER_EVENTS", "ListenerEvent", "ListenerRegistry", "normalize_event"]
