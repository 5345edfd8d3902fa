"""Request/response middleware: recorded once, compiled into a chain per route.

Order (as Sanic): request middleware by priority (highest first), then in the order they
were defined (app and blueprint middleware share one definition order); response
middleware is that same ordering reversed.
"""

from __future__ import annotations

import inspect
import itertools
from collections import deque
from collections.abc import Callable, Iterable
from enum import IntEnum, auto
from functools import partial
from typing import Any

from hurtle_app.errors import UnknownNameError

# One definition counter for the whole process: app and blueprint middleware interleave.
_definition_order = itertools.count()

#: A compiled chain entry: the middleware and whether it must be awaited.
ChainEntry = tuple[Callable[..., Any], bool]


def next_definition_order() -> int:
    """A fresh position in the definition order of middleware."""
    return next(_definition_order)


def is_coroutine_callable(func: Any) -> bool:
    """True when calling ``func`` always yields a coroutine (decided at registration)."""
    while isinstance(func, partial):
        func = func.func
    if inspect.iscoroutinefunction(func):
        return True
    call = getattr(func, "__call__", None)  # noqa: B004 - callable objects
    return inspect.iscoroutinefunction(call) and not inspect.isfunction(func)


class MiddlewareLocation(IntEnum):
    """Where a middleware runs (``sanic.middleware.MiddlewareLocation``)."""

    REQUEST = auto()
    RESPONSE = auto()


def location_name(location: str | MiddlewareLocation) -> str:
    """``"request"``/``"response"`` for a location given as text or as the enum."""
    if isinstance(location, MiddlewareLocation):
        return location.name.lower()
    return location


def as_location(location: str | MiddlewareLocation) -> MiddlewareLocation:
    """The ``MiddlewareLocation`` for ``"request"``/``"response"`` or the enum itself."""
    if isinstance(location, MiddlewareLocation):
        return location
    if location not in ("request", "response"):
        raise UnknownNameError(
            f"Middleware attaches to 'request' or 'response', not {location!r}"
        )
    return MiddlewareLocation[location.upper()]


class Middleware:
    """One middleware function, where it attaches, its priority and definition order.

    The records are what ``app.request_middleware`` and friends list; calling one calls
    its function.
    """

    __slots__ = (
        "func",
        "location",
        "priority",
        "definition",
        "route_names",
        "named",
        "is_async",
    )

    def __init__(
        self,
        func: Callable[..., Any],
        location: str | MiddlewareLocation,
        priority: int = 0,
        route_names: Iterable[str] | None = None,
        order: int | None = None,
        named: Iterable[str] | None = None,
    ) -> None:
        self.func = func
        self.location = as_location(location)
        self.priority = priority
        self.definition = next(_definition_order) if order is None else order
        self.route_names = frozenset(route_names) if route_names is not None else None
        # The route names as the user gave them (``named_request_middleware`` keys);
        # ``route_names`` holds the app-qualified ones that decide where it runs.
        self.named = tuple(named) if named is not None else None
        self.is_async = is_coroutine_callable(func)

    @property
    def order(self) -> tuple[int, int]:
        """The sort key Sanic exposes: ``(priority, definition)``."""
        return (self.priority, self.definition)

    @classmethod
    def reset_count(cls) -> None:
        """Restart the definition order at zero (as Sanic's ``Middleware.reset_count``).

        Middleware defined afterwards orders as if none had been defined before; test
        suites call it between tests.
        """
        global _definition_order
        _definition_order = itertools.count()

    @staticmethod
    def convert(
        *collections: Iterable[Middleware | Callable[..., Any]],
        location: str | MiddlewareLocation,
    ) -> deque[Middleware]:
        """One deque of records from ``collections``; plain functions become records at
        ``location`` (defined now, so they order after every earlier definition)."""
        return deque(
            item if isinstance(item, Middleware) else Middleware(item, location)
            for collection in collections
            for item in collection
        )

    def applies_to(self, route_name: str | None) -> bool:
        """Whether this middleware runs for the route named ``route_name``."""
        return self.route_names is None or route_name in self.route_names

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.func(*args, **kwargs)

    def __repr__(self) -> str:
        name = getattr(self.func, "__name__", None) or repr(self.func)
        return (
            f"Middleware(func=<function {name}>, priority={self.priority}, "
            f"location={self.location.name})"
        )


def unwrap_middleware(
    middleware: Callable[..., Any] | Middleware, priority: int | None
) -> tuple[Callable[..., Any], int]:
    """The function and priority to register for ``middleware`` (a function or a record).

    An explicit ``priority`` wins over a record's own (which is left unchanged).
    """
    if isinstance(middleware, Middleware):
        return middleware.func, middleware.priority if priority is None else priority
    return middleware, 0 if priority is None else priority


def definition_of(middleware: Callable[..., Any] | Middleware, priority: int | None) -> int | None:
    """The definition order a registration keeps: a record's own while its priority
    stands (the decorators register records defined when they ran), else None (now)."""
    if isinstance(middleware, Middleware) and priority is None:
        return middleware.definition
    return None


def _priority_of(item: Any) -> Any:
    # A plain function appended to the deque directly has the default priority.
    return getattr(item, "priority", 0) if isinstance(item, Middleware) else 0


class MiddlewareRegistry:
    """Every middleware of an app; compiles the per-route chains at start-up."""

    def __init__(self) -> None:
        # App-wide middleware lives in the two deques ``app.request_middleware`` and
        # ``app.response_middleware`` return, as in Sanic: records (or plain functions)
        # that code appends there directly (Sanic-CORS does) run like registered ones.
        self.app_wide: dict[MiddlewareLocation, deque[Any]] = {
            MiddlewareLocation.REQUEST: deque(),
            MiddlewareLocation.RESPONSE: deque(),
        }
        self._items: list[Middleware] = []  # those limited to some routes
        self.last_added: Middleware | None = None

    def add(
        self,
        func: Callable[..., Any],
        attach_to: str = "request",
        *,
        priority: int = 0,
        route_names: Iterable[str] | None = None,
        order: int | None = None,
        named: Iterable[str] | None = None,
    ) -> Middleware:
        """Record a middleware; ``route_names`` limits it to those routes (blueprints).

        ``named`` is how the user named those routes (``register_named_middleware``).
        """
        item = Middleware(func, attach_to, priority, route_names, order, named)
        self.last_added = item  # what a registration through the public methods made
        if item.route_names is None:
            # As Sanic's deques: response middleware listed newest first (the order they
            # run in); the chains are ordered by priority and definition either way.
            if item.location is MiddlewareLocation.RESPONSE:
                self.app_wide[item.location].appendleft(item)
            else:
                self.app_wide[item.location].append(item)
        else:
            self._items.append(item)
        return item

    def extend_scope(self, item: Middleware, route_names: Iterable[str]) -> None:
        """Let a scoped middleware also run for ``route_names``."""
        if item.route_names is not None:
            item.route_names = item.route_names | frozenset(route_names)

    def recorded(self, location: str) -> list[Middleware]:
        """The records attached to ``location``: the app-wide deque's (response ones newest
        first, plain functions made records), then those limited to some routes."""
        where = as_location(location)
        app_wide = Middleware.convert(self.app_wide[where], location=where)
        return [*app_wide, *(m for m in self._items if m.location is where)]

    @property
    def request(self) -> list[Middleware]:
        """Request middleware in running order (for every route)."""
        return self._ordered("request")

    @property
    def response(self) -> list[Middleware]:
        """Response middleware in running order (for every route)."""
        return self._ordered("response")

    def _ordered(self, location: str, route_name: str | None = None, scoped: bool = False):
        items = [
            m for m in self.recorded(location) if not scoped or m.applies_to(route_name)
        ]
        try:
            items.sort(key=lambda m: (-m.priority, m.definition))
        except TypeError:
            # As Sanic, at start-up: a TypeError, here naming the middleware and its value.
            bad = next(m for m in items if not isinstance(m.priority, (int, float)))
            name = getattr(bad.func, "__name__", repr(bad.func))
            raise TypeError(
                f"Middleware priority is a number, such as priority=10; {name} has "
                f"priority={bad.priority!r}"
            ) from None
        if location == "response":
            items.reverse()
        return items

    def sort_app_wide(self) -> None:
        """Order the app-wide deques by priority, as Sanic's start-up leaves them: request
        middleware highest first, response middleware lowest first, each stable (ties keep
        their place). The chains do not depend on it (they order by definition)."""
        for location, highest_first in (
            (MiddlewareLocation.REQUEST, True),
            (MiddlewareLocation.RESPONSE, False),
        ):
            listed = self.app_wide[location]
            ordered = sorted(listed, key=_priority_of, reverse=highest_first)
            listed.clear()
            listed.extend(ordered)

    def chains_for(self, route_name: str | None) -> tuple[tuple[ChainEntry, ...], ...]:
        """The (request chain, response chain) for one route, as tuples of entries."""
        request = tuple((m.func, m.is_async) for m in self._ordered("request", route_name, True))
        response = tuple((m.func, m.is_async) for m in self._ordered("response", route_name, True))
        return request, response

    def global_chains(self) -> tuple[tuple[ChainEntry, ...], ...]:
        """The chains of app-wide middleware only (for requests matching no route)."""
        return self.chains_for("\x00no route\x00")

    def __len__(self) -> int:
        return len(self._items) + sum(len(chain) for chain in self.app_wide.values())


__all__ = [
    "ChainEntry",
    "Middleware",
    "MiddlewareLocation",
    "MiddlewareRegistry",
    "location_name",
    "as_location",
    "unwrap_middleware",
    "definition_of",
    "is_coroutine_callable",
    "next_definition_order",
]
