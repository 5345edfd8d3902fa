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

#: A compiled chain entry: the middleware and whether it must be awaited.
ChainEntry = tuple[Callable[..., Any], bool]


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
    """``"request"``/``"response"`` for a location given as text (in any case, as Sanic
    takes ``"RESPONSE"``) or as the enum; other text is returned as it is, to be refused."""
    if isinstance(location, MiddlewareLocation):
        return location.name.lower()
    if isinstance(location, str) and location.lower() in ("request", "response"):
        return location.lower()
    return location


def as_location(location: str | int | MiddlewareLocation) -> MiddlewareLocation:
    """The ``MiddlewareLocation`` for ``"request"``/``"response"``, the enum or its value."""
    if isinstance(location, MiddlewareLocation):
        return location
    if isinstance(location, int) and location in (1, 2):
        # As Sanic's records, which take the enum's values (1, 2) as they are.
        return MiddlewareLocation(location)
    name = location_name(location)
    if name not in ("request", "response"):
        raise UnknownNameError(
            f"Middleware attaches to 'request' or 'response', not {location!r}"
        )
    return MiddlewareLocation[name.upper()]


class Middleware:
    """One middleware function, where it attaches, its priority and when it was defined.

    The decorators (``@app.on_request``, ``@bp.middleware("response")``...) return the
    record they register, as Sanic's: the very object listed in ``app.request_middleware``
    or ``app.named_request_middleware``. Calling one calls its function. The chains read
    the records when they are built (at start-up), so a priority changed on a record
    before then counts.
    """

    __slots__ = ("func", "priority", "location", "definition")

    # One definition counter for the whole process: app and blueprint middleware
    # interleave by when they were defined.
    _counter = itertools.count()

    def __init__(
        self,
        func: Callable[..., Any],
        location: str | int | MiddlewareLocation,
        priority: int = 0,
    ) -> None:
        self.func = func
        self.location = as_location(location)
        self.priority = priority
        self.definition = next(type(self)._counter)

    @property
    def order(self) -> tuple[int, int]:
        """The sort key Sanic exposes: ``(priority, -definition)``, highest runs first."""
        return (self.priority, -self.definition)

    @classmethod
    def reset_count(cls) -> None:
        """Restart the definition order (as Sanic's ``Middleware.reset_count``): the next
        record defined is number 1, as there.

        Middleware defined afterwards orders as if none had been defined before; test
        suites call it between tests.
        """
        cls._counter = itertools.count(1)

    @classmethod
    def convert(
        cls,
        *middleware_collections: Iterable[Middleware | Callable[..., Any]],
        location: str | MiddlewareLocation,
    ) -> deque[Middleware]:
        """One deque of records from the collections; plain functions become records at
        ``location`` (defined now, so they order after every earlier definition)."""
        return deque(
            item if isinstance(item, Middleware) else cls(item, location)
            for collection in middleware_collections
            for item in collection
        )

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.func(*args, **kwargs)

    def __hash__(self) -> int:
        # As Sanic's: a record hashes as its function (and equals only itself).
        return hash(self.func)

    def __repr__(self) -> str:
        name = getattr(self.func, "__name__", None) or repr(self.func)
        return (
            f"Middleware(func=<function {name}>, priority={self.priority}, "
            f"location={self.location.name})"
        )


def runnable(item: Any) -> Callable[..., Any]:
    """What a chain calls for ``item`` (a record, or a function put in a deque directly).

    A plain record's innermost function, one call fewer per request; a subclass of
    ``Middleware`` or a proxy wrapping a record (an APM agent's, from a wrapped
    ``register_middleware``) is called itself, as Sanic calls what it listed.
    """
    while type(item) is Middleware:
        item = item.func
    return item


def as_record(
    middleware: Callable[..., Any] | Middleware,
    location: str | MiddlewareLocation,
    priority: int | None = None,
) -> Middleware:
    """The record to register for ``middleware``: a record itself while no ``priority``
    is given (as Sanic keeps it, its own location included), else a new record."""
    if isinstance(middleware, Middleware):
        if priority is None:
            return middleware
        return Middleware(middleware.func, location, priority)
    return Middleware(middleware, location, 0 if priority is None else priority)


class ScopedMiddleware:
    """A record that runs only for some routes of one app (named or blueprint middleware).

    The scope lives here, not on the record: one blueprint record serves every app and
    registration of the blueprint.
    """

    __slots__ = ("record", "location", "route_names", "named")

    def __init__(
        self,
        record: Middleware,
        location: MiddlewareLocation,
        route_names: Iterable[str],
        named: Iterable[str] | None,
    ) -> None:
        self.record = record
        self.location = location
        # The app-qualified route names that decide where it runs; ``named`` is how the
        # user gave them (the keys of ``named_request_middleware``).
        self.route_names = frozenset(route_names)
        self.named = tuple(named) if named is not None else None

    def applies_to(self, route_name: str | None) -> bool:
        """Whether the record runs for the route named ``route_name``."""
        return route_name in self.route_names

    def listed_names(self) -> list[str]:
        """The route names it is listed under in ``named_*_middleware``."""
        if self.named is None:
            return sorted(self.route_names)
        return list(dict.fromkeys(self.named))  # a name given twice is listed once, as Sanic


def _snapshot(view: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {name: tuple(listed) for name, listed in view.items()}


def _order_of(record: Middleware) -> Any:
    return record.order


def _chain_entry(record: Middleware) -> ChainEntry:
    func = runnable(record)
    return func, is_coroutine_callable(func)


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
        self._items: list[ScopedMiddleware] = []  # those limited to some routes
        # The scope the last registration limited to some routes made (None if it was
        # already listed for all of them): blueprints keep it to widen it later.
        self.last_scoped: ScopedMiddleware | None = None
        # The dicts ``named()`` handed out (``app.named_*_middleware``), each with what it
        # held then (None: one the user assigned). As Sanic's plain dicts, one changed
        # since decides its location's route middleware when the chains are built.
        self._named_views: dict[MiddlewareLocation, tuple[dict[str, Any], Any]] = {}

    def add(
        self,
        middleware: Callable[..., Any] | Middleware,
        attach_to: str | MiddlewareLocation = "request",
        *,
        priority: int | None = None,
        route_names: Iterable[str] | None = None,
        order: int | None = None,
        named: Iterable[str] | None = None,
    ) -> Middleware:
        """Register a middleware (a function or a record, see ``as_record``) where
        ``attach_to`` says; ``route_names`` limits it to those routes.

        ``named`` is how the user named those routes (``register_named_middleware``);
        ``order`` places a new record in the definition order. As Sanic, a record already
        listed there is not listed again.
        """
        where = as_location(attach_to)
        record = as_record(middleware, where, priority)
        if order is not None and record is not middleware:
            record.definition = order
        if route_names is None:
            listed = self.app_wide[where]
            if record not in listed:
                # As Sanic's deques: response middleware listed newest first (the order
                # they run in); the chains are ordered by priority and definition anyway.
                if where is MiddlewareLocation.RESPONSE:
                    listed.appendleft(record)
                else:
                    listed.append(record)
            return record
        names = list(route_names)
        given = list(named) if named is not None else names
        already = set()
        for item in self._items:
            if item.location is where and item.record == record:
                already.update(item.listed_names())
        kept = [i for i, name in enumerate(given) if name not in already]
        self.last_scoped = None
        if names and not kept:
            return record
        scoped = ScopedMiddleware(
            record,
            where,
            [names[i] for i in kept],
            [given[i] for i in kept] if named is not None else None,
        )
        self._items.append(scoped)
        self.last_scoped = scoped
        held = self._named_views.get(where)
        if held is not None:  # the dict handed out lists it too, as Sanic's does
            view, snapshot = held
            unchanged = snapshot is not None and _snapshot(view) == snapshot
            for name in scoped.listed_names():
                listed = view.setdefault(name, deque())
                listed.appendleft(record) if where is MiddlewareLocation.RESPONSE else \
                    listed.append(record)
            if unchanged:
                self._named_views[where] = (view, _snapshot(view))
        return record

    def extend_scope(self, item: ScopedMiddleware, route_names: Iterable[str]) -> None:
        """Let a scoped middleware also run for ``route_names``."""
        item.route_names = item.route_names | frozenset(route_names)

    def recorded(self, location: str) -> list[Middleware]:
        """The records attached to ``location``: the app-wide deque's (response ones newest
        first, plain functions made records), then those limited to some routes."""
        return [record for record, _ in self._entries(location)]

    def _entries(self, location: str) -> list[tuple[Middleware, ScopedMiddleware | None]]:
        where = as_location(location)
        app_wide = Middleware.convert(self.app_wide[where], location=where)
        return [
            *((record, None) for record in app_wide),
            *((item.record, item) for item in self._items if item.location is where),
        ]

    def named(self, location: str) -> dict[str, deque[Any]]:
        """The records limited to some routes, by route name, as Sanic's
        ``named_request_middleware``: response ones newest first. The same dict each time:
        a change made to it applies from the next start (``set_named`` replaces it)."""
        where = as_location(location)
        held = self._named_views.get(where)
        if held is not None:
            return held[0]
        listed: dict[str, deque[Any]] = {}
        for item in self._items:
            if item.location is not where:
                continue
            for route_name in item.listed_names():
                names = listed.setdefault(route_name, deque())
                if where is MiddlewareLocation.RESPONSE:
                    names.appendleft(item.record)
                else:
                    names.append(item.record)
        self._named_views[where] = (listed, _snapshot(listed))
        return listed

    def set_named(self, location: str, value: dict[str, Any]) -> None:
        """Replace ``named(location)`` (``app.named_request_middleware = {...}``): from the
        next start, a route's middleware limited to some routes are those listed under
        its name there."""
        self._named_views[as_location(location)] = (value, None)

    def _named_override(self, where: MiddlewareLocation) -> dict[str, Any] | None:
        held = self._named_views.get(where)
        if held is None or (held[1] is not None and _snapshot(held[0]) == held[1]):
            return None
        return held[0]

    @property
    def request(self) -> list[Middleware]:
        """Request middleware in running order (for every route)."""
        return self._ordered("request")

    @property
    def response(self) -> list[Middleware]:
        """Response middleware in running order (for every route)."""
        return self._ordered("response")

    def _ordered(self, location: str, route_name: str | None = None, scoped: bool = False):
        where = as_location(location)
        override = self._named_override(where) if scoped else None
        if override is not None:  # the user's named_*_middleware dict, changed
            items = [
                *Middleware.convert(self.app_wide[where], location=where),
                *Middleware.convert(override.get(route_name) or (), location=where),
            ]
        else:
            items = [
                record
                for record, scope in self._entries(location)
                if not scoped or scope is None or scope.applies_to(route_name)
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
        """Leave the app-wide deques as Sanic's start-up does: new deques of records (plain
        functions appended there become records, defined now), request middleware highest
        priority first then earliest defined, response middleware the reverse of that.

        With a priority that is not a number they are left unsorted: building the chains
        says what is wrong. The chains do not depend on this order.
        """
        for location, highest_first in (
            (MiddlewareLocation.REQUEST, True),
            (MiddlewareLocation.RESPONSE, False),
        ):
            records = Middleware.convert(self.app_wide[location], location=location)
            try:
                records = deque(sorted(records, key=_order_of, reverse=highest_first))
            except TypeError:
                pass
            self.app_wide[location] = records

    def chains_for(self, route_name: str | None) -> tuple[tuple[ChainEntry, ...], ...]:
        """The (request chain, response chain) for one route, as tuples of entries."""
        request = tuple(_chain_entry(m) for m in self._ordered("request", route_name, True))
        response = tuple(_chain_entry(m) for m in self._ordered("response", route_name, True))
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
    "ScopedMiddleware",
    "as_record",
    "runnable",
    "is_coroutine_callable",
]
