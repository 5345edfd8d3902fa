"""A route group: the routes that share one path shape, told apart by method and
requirements (e.g. host)."""

from __future__ import annotations

import typing as t

from sanic_routing.exceptions import InvalidUsage, RouteExists
from sanic_routing.patterns import ParamInfo
from sanic_routing.route import Requirements, Route

__all__ = ["RouteGroup"]


class RouteGroup:
    """Routes with the same segments; attribute access falls through to the first route."""

    passthru_properties = (
        "labels",
        "params",
        "parts",
        "path",
        "pattern",
        "raw_path",
        "regex",
        "router",
        "segments",
        "strict",
        "unquote",
        "uri",
    )

    methods_index: dict[str, Route]

    def __init__(self, *routes: Route) -> None:
        if not routes:
            raise InvalidUsage("A RouteGroup needs at least one route")
        first = routes[0]
        if any(r.segments != first.segments for r in routes[1:]):
            raise InvalidUsage("All routes of a RouteGroup must share the same path")
        self._routes: tuple[Route, ...] = tuple(routes)
        self._inserted: tuple[Route, ...] = self._routes
        self.pattern_idx = 0
        self._rebuild()

    def _rebuild(self) -> None:
        # PERF: resolve finds "the route serving this method" in one dict lookup.
        # Which route wins among several for one method follows sanic-routing: for a
        # static path the lowest priority, first added; otherwise the first in group order.
        self.methods_index = {}
        ordered = self._routes
        if self._routes[0].static:
            ordered = tuple(sorted(self._inserted, key=lambda r: r.priority))
        for route in ordered:
            for method in route.methods:
                self.methods_index.setdefault(method, route)
        self.has_requirements = any(r.requirements for r in self._routes)
        self.all_strict = all(r.strict for r in self._routes)
        self.checks_params = any(
            type(info) is not ParamInfo for info in self._routes[0].defined_params.values()
        )
        self._methods = frozenset(m for r in self._routes for m in r.methods)

    def __getattr__(self, key: str) -> t.Any:
        if key in type(self).passthru_properties:
            return getattr(self._routes[0], key)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {key!r}")

    def __iter__(self) -> t.Iterator[Route]:
        return iter(self._routes)

    def __getitem__(self, key: int) -> Route:
        return self._routes[key]

    def __len__(self) -> int:
        return len(self._routes)

    def __repr__(self) -> str:
        path = self.path or self.router.delimiter
        return f"<{type(self).__name__}: path={path} len={len(self._routes)}>"

    __str__ = __repr__

    @property
    def routes(self) -> tuple[Route, ...]:
        """The routes of the group, highest priority first once finalized."""
        return self._routes

    @property
    def methods(self) -> frozenset[str]:
        """Every method some route of the group serves."""
        return self._methods

    @property
    def requirements(self) -> list[Requirements]:
        """The non-empty requirements of the group's routes."""
        return [r.requirements for r in self._routes if r.requirements]

    @property
    def depth(self) -> int:
        """Number of path segments."""
        return len(self._routes[0].parts)

    @property
    def dynamic_path(self) -> bool:
        """Whether a parameter may span segments: a ``path`` parameter, or an inline
        regex that can match the delimiter (``<rest:[a-z/]+>``, as sanic-routing)."""
        route = self._routes[0]
        delimiter = route.router.delimiter
        return any(
            info.label == "path" or (info.regex and delimiter in info.label)
            for info in route.defined_params.values()
        )

    def finalize(self) -> None:
        """Finalize each route and order them by priority."""
        for route in self._routes:
            route.finalize()
        self.prioritize_routes()

    def prioritize_routes(self) -> None:
        """Order the routes as sanic-routing does: by ascending ``priority``, the most
        recently added first among equals."""
        self._routes = tuple(sorted(reversed(self._inserted), key=lambda r: r.priority))
        self._rebuild()

    def reset(self) -> None:
        """Undo :meth:`finalize` on every route."""
        for route in self._routes:
            route.reset()

    def merge(self, group: RouteGroup, overwrite: bool = False, append: bool = False) -> None:
        """Merge an existing group's routes into this (new) one.

        A clash is the same method with the same requirements (or one side without any):
        ``overwrite`` drops the old route, ``append`` keeps both, otherwise ``RouteExists``."""
        kept: list[Route] = []
        for existing in group._inserted:
            clashing = False
            for route in self._routes:
                same_reqs = (
                    existing.requirements == route.requirements
                    or not existing.requirements
                    or not route.requirements
                )
                # A path cannot mix routes with and without requirements (as in
                # sanic-routing): there would be no telling which one a request means.
                mixed = existing.requirements != route.requirements and not (
                    existing.requirements and route.requirements
                )
                if mixed or (same_reqs and existing.methods & route.methods):
                    clashing = True
                    if not overwrite and not append:
                        # Every method of the new route, as sanic-routing lists them
                        # (sorted here: its set order changes from run to run).
                        methods = ",".join(sorted(route.methods))
                        raise RouteExists(f"Route already registered: {route.raw_path} [{methods}]")
            if clashing and overwrite:
                continue
            kept.append(existing)
        self._inserted = tuple(kept) + self._routes
        # Until finalize, as sanic-routing: highest priority first, newest first among
        # equals (finalize then orders by ascending priority, see prioritize_routes).
        self._routes = tuple(sorted(reversed(self._inserted), key=lambda r: -r.priority))
        self._rebuild()
