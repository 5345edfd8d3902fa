"""BaseRouter: register routes (data), compile them once (`finalize`), resolve paths."""

from __future__ import annotations

import re
import typing as t
from abc import ABC, abstractmethod
from types import SimpleNamespace

from sanic_routing.exceptions import (
    BadMethod,
    FinalizationError,
    InvalidRegex,
    InvalidUsage,
    NoMethod,
    NotFound,
)
from sanic_routing.group import RouteGroup
from sanic_routing.patterns import REGEX_TYPES, ParamInfo, linear_source
from sanic_routing.route import Route
from sanic_routing.tree import Tree
from sanic_routing.utils import parse_parameter_basket, path_to_parts

__all__ = ["BaseRouter"]

_EMPTY: dict[str, t.Any] = {}


class BaseRouter(ABC):
    """The router: subclass it and implement ``get`` (the framework's entry point)."""

    DEFAULT_METHOD = "BASE"
    ALLOWED_METHODS: tuple[str, ...] = ()

    def __init__(
        self,
        delimiter: str = "/",
        exception: type[NotFound] = NotFound,
        method_handler_exception: type[NoMethod] = NoMethod,
        route_class: type[Route] = Route,
        group_class: type[RouteGroup] = RouteGroup,
        stacking: bool = False,
        cascade_not_found: bool = False,
    ) -> None:
        if not delimiter:
            raise InvalidUsage("The router's delimiter must be a non-empty string, e.g. '/'")
        self._find_route: t.Callable[..., t.Any] | None = None
        self._matchers: list[t.Pattern] | None = None
        self.static_routes: dict[tuple[str, ...], RouteGroup] = {}
        self.dynamic_routes: dict[tuple[str, ...], RouteGroup] = {}
        self.regex_routes: dict[tuple[str, ...], RouteGroup] = {}
        self.name_index: dict[str, Route] = {}
        self.delimiter = delimiter
        self.exception = exception
        self.method_handler_exception = method_handler_exception
        self.route_class = route_class
        self.group_class = group_class
        self.tree = Tree(self)
        self.finalized = False
        self.stacking = stacking
        self.ctx = SimpleNamespace()
        self.cascade_not_found = cascade_not_found
        self.regex_types = dict(REGEX_TYPES)
        self.find_route_src = ""
        self._static_index: dict[str, RouteGroup] = {}
        # How many trailing delimiters a path keeps while resolve retries it (finalize).
        self._trail_limit = 1

    @abstractmethod
    def get(self, **kwargs: t.Any) -> t.Any:
        """The subclass's lookup entry point (e.g. Sanic's ``get(path, method, host)``)."""

    # -- resolving ----------------------------------------------------------------------

    def resolve(
        self,
        path: str,
        *,
        method: str | None = None,
        orig: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> tuple[Route, t.Callable[..., t.Any], dict[str, t.Any]]:
        """Find the route for ``path`` and ``method`` (and ``extra`` such as the host).

        Returns ``(route, handler, params)`` with params cast to their types. Raises the
        router's ``exception`` (``NotFound``) or ``method_handler_exception``
        (``NoMethod``, carrying ``allowed_methods``)."""
        # PERF: static paths skip the matcher call and the parameter basket
        # (benchmarks/router_bench.py, static kind).
        group = self._static_index.get(path[1:])
        if group is not None and orig is None and not group.has_requirements:
            route = group.methods_index.get(method)  # type: ignore[arg-type]
            if route is not None:
                return route, route.handler, {}
        find = self._find_route
        if find is None and self.finalized:
            # finalize(do_compile=False) left the source uncompiled: compile it now.
            self._render(True)
            find = self._find_route
        if find is None:
            raise FinalizationError(
                "The router is not finalized: call router.finalize() after adding routes "
                "and before resolving paths"
            )
        delimiter = self.delimiter
        while True:
            try:
                group, basket = find(
                    path, method, self, {"__params__": {}, "__matches__": {}}, extra
                )
            except NotFound as exc:
                if not path.endswith(delimiter):
                    raise self.exception(str(exc), path=path) from None
                # A non-strict route matches with or without trailing delimiters (a loop,
                # not recursion: "/a/////..." must not exhaust the stack).
                orig, path = path, self._shorten(path)
                continue
            first = group.routes[0]
            if group.checks_params and not group.has_requirements:
                # Like sanic-routing, a refused extension/file name is a 404 even when the
                # method or a strict trailing slash would not match either; on a
                # host-bound path it is checked only once host and method chose a route
                # (below), so a request for another host or method is the plain 404 that
                # names the path.
                parse_parameter_basket(first, basket)
            # sanic-routing checks a strict trailing slash before the method on dynamic
            # paths, after it on static ones, and after the host on host-bound ones (a
            # request for another host is the plain 404, checked below).
            if orig is not None and not first.static and not group.has_requirements:
                if group.all_strict and orig[-1] != first.path[-1:]:
                    raise self.exception("Path not found", path=path)
            if not group.has_requirements:
                route = group.methods_index.get(method)  # type: ignore[arg-type]
                if route is None:
                    if (
                        len(group.routes) > 1
                        and not first.static
                        and path.endswith(delimiter)
                    ):
                        # As sanic-routing: a dynamic path of several routes that does
                        # not serve the method is retried without its trailing delimiter
                        # (`HEAD /b/` reaches a `/b` route beside `/b/<p:path>` ones).
                        orig, path = path, self._shorten(path)
                        continue
                    raise self._no_method(group, method, path)
                break
            route = self._select(group, method, extra)
            if route is not None:
                break
            if not path.endswith(delimiter):
                raise self.exception("Not Found", path=path)
            # Requirements not met: like a miss, retried without the trailing delimiter.
            orig, path = path, self._shorten(path)
        if orig is not None and route.strict and orig[-1] != route.path[-1:]:
            raise self.exception("Path not found", path=path)
        fast = route._fast_params
        if fast is not None and not basket["__params__"]:
            matches = basket["__matches__"]
            return route, route.handler, {name: matches[idx] for idx, name in fast}
        params = parse_parameter_basket(route, basket) if route.params else {}
        return route, route.handler, params

    def _shorten(self, path: str) -> str:
        """``path`` without its last delimiter, and with at most ``_trail_limit`` left.

        No route has more segments than the limit, so none matches a path ending in more
        delimiters than that unless a parameter takes them, and then it matched the
        whole path already. Retrying once per delimiter costs time that grows with the
        square of the path ("/" * 8000: half a second per request)."""
        delimiter = self.delimiter
        size = len(delimiter)
        end = len(path) - size
        limit = self._trail_limit
        if not path.endswith(delimiter * (limit + 1), 0, end):
            return path[:end]
        if size == 1:
            return path[:end].rstrip(delimiter) + delimiter * limit
        while end >= size and path.startswith(delimiter, end - size, end):
            end -= size
        return path[:end] + delimiter * limit

    def _select(
        self,
        group: RouteGroup,
        method: str | None,
        extra: dict[str, str] | None,
    ) -> Route | None:
        # Like sanic-routing: a route with requirements serves only requests whose
        # `extra` equals them, and a method mismatch there is a 404, not a 405.
        extra = extra or _EMPTY
        for route in group.routes:
            if route.requirements:
                if route.requirements == extra and method in route.methods:
                    return route
            elif method in route.methods:
                return route
        return None

    def _no_method(self, group: RouteGroup, method: str | None, path: str) -> NoMethod:
        if len(group.routes) > 1 and not group.routes[0].static:
            # sanic-routing's message for a dynamic path served by several routes, but
            # with the methods they serve: sanic-routing gives none, and Sanic answers 405
            # without the Allow field RFC 9110 15.5.6 requires.
            return self.method_handler_exception(
                "Method does not exist", path=path, allowed_methods=group.methods
            )
        # As sanic-routing: a stacking router (signals) names the group, but of a path
        # whose parameter spans segments its route, as a dynamic path does otherwise.
        named_group = self.stacking and not group.dynamic_path
        target = group if group.routes[0].static or named_group else group.routes[0]
        return self.method_handler_exception(
            f"Method '{method}' not found on {target}",
            method=method,
            allowed_methods=group.methods,
        )

    # -- registering --------------------------------------------------------------------

    def add(
        self,
        path: str,
        handler: t.Callable,
        methods: t.Union[t.Sequence[str], frozenset[str], str] | None = None,
        name: str | None = None,
        requirements: dict[str, t.Any] | None = None,
        strict: bool = False,
        unquote: bool = False,
        overwrite: bool = False,
        append: bool = False,
        *,
        priority: int = 0,
    ) -> Route:
        """Register ``handler`` for ``path`` and return the new :class:`Route`.

        ``methods`` defaults to ``DEFAULT_METHOD``; ``requirements`` (e.g. a host) must be
        met by ``resolve(extra=...)``; ``strict`` makes the trailing delimiter significant;
        ``overwrite``/``append`` decide what happens when the same route exists."""
        if self.finalized:
            raise FinalizationError(
                f"Cannot add route {path!r}: the router is already finalized; add every "
                "route before calling finalize()"
            )
        if not isinstance(path, str):
            # A TypeError, as sanic-routing raises for a non-str path.
            raise TypeError(f"A route path must be a string, not {type(path).__name__}")
        if overwrite and append:
            # As sanic-routing: replace the existing route, or keep both? Say which.
            raise FinalizationError(
                "Cannot add a route with both overwrite and append equal to True "
                f"(route {path!r}: pass one of them)"
            )
        if priority and not append:
            # As sanic-routing: priority orders routes appended to one path.
            raise FinalizationError(
                "Cannot add a route with priority if append is False "
                f"(route {path!r}: pass append=True with priority={priority})"
            )
        if not methods:
            methods = [self.DEFAULT_METHOD]
        elif isinstance(methods, str):
            methods = [methods]
        if self.ALLOWED_METHODS:
            bad = [m for m in methods if m not in self.ALLOWED_METHODS]
            if bad:
                raise BadMethod(f"Bad method: {bad}. Must be one of: {self.ALLOWED_METHODS}")
        delimiter = self.delimiter
        if path.startswith(delimiter):
            path = path[len(delimiter) :]
        if not strict:
            while path.endswith(delimiter):
                path = path[: -len(delimiter)]

        fixed = not any(part.startswith("<") for part in path_to_parts(path, delimiter))
        # As sanic-routing: a path without parameters is a static route unless it is given
        # requirements (a host, or even an empty dict); those are dynamic routes (still
        # found by one dict lookup, see finalize).
        static = fixed and requirements is None
        regex = self._is_regex(path)
        route = self.route_class(
            self,
            path,
            name or "",
            handler=handler,
            methods=methods,
            requirements=requirements,
            strict=strict,
            unquote=unquote,
            static=static,
            regex=regex,
            priority=priority,
        )
        group = self.group_class(route)
        if route.regex:
            existing = self.regex_routes.get(route.segments)
        elif fixed:
            # One path, one group, whether it sits with the static or the dynamic routes.
            existing = self.static_routes.get(route.segments)
            if existing is None:
                existing = self.dynamic_routes.get(route.segments)
        else:
            existing = self.dynamic_routes.get(route.segments)
        if existing is not None:
            group.merge(existing, overwrite, append)  # may raise RouteExists: keep it then
            if fixed and not route.regex:
                self.static_routes.pop(route.segments, None)
                self.dynamic_routes.pop(route.segments, None)
        if route.regex:
            routes = self.regex_routes
        elif fixed and any(member.static for member in group):
            routes = self.static_routes
        else:
            routes = self.dynamic_routes
        routes[route.segments] = group
        if name:
            self.name_index[name] = route
        return route

    def register_pattern(
        self,
        label: str,
        cast: t.Callable[[str], t.Any],
        pattern: t.Union[t.Pattern, str],
        param_info_class: type[ParamInfo] = ParamInfo,
    ) -> None:
        """Add a parameter type: ``<name:label>`` is converted with ``cast`` (which raises
        ``ValueError`` to refuse a value); ``pattern`` is what ``url_for`` checks a value
        against and what a regex route (one with a ``path`` parameter, say) matches."""
        # The wording of the type errors is sanic-routing's; any str label is taken
        # (`<v:a-b>`, `<v:ü>` then name the type), as there, even an empty one, which
        # changes nothing (`<v:>` stays a plain str parameter).
        if not isinstance(label, str):
            raise InvalidUsage(
                f"When registering a pattern, label must be a string, not label={label}"
            )
        if not callable(cast):
            raise InvalidUsage(
                f"When registering a pattern, cast must be a callable, not cast={cast}"
            )
        if not isinstance(pattern, (str, re.Pattern)):
            raise InvalidUsage(
                "When registering a pattern, pattern must be a string or a Pattern, not "
                f"pattern={pattern}, type={type(pattern)}"
            )
        if isinstance(pattern, str):
            # Kept as written, as sanic-routing: url_for matches a value against it from
            # the start, and a regex route embeds it (its anchors dropped) as one group.
            try:
                pattern = re.compile(pattern)
            except re.error as exc:
                raise InvalidRegex(
                    f"Invalid regular expression for pattern {label!r}: {exc}", exc
                ) from None
        # After finalize() too, as sanic-routing (a plugin may register its types in a
        # start-up listener): the routes already compiled keep the types they were
        # declared with, and routes cannot be added any more anyway.
        self.regex_types[label] = (cast, pattern, param_info_class)

    def _is_regex(self, path: str) -> bool:
        # As sanic-routing, the label looked up is the text between the first and second
        # colons of a part cut at every delimiter: a registered label holding a `:` or a
        # `/` (`<x:a:b>`, `<x:a/b>`) makes a regex route, which embeds its pattern (so a
        # value must match it) and still casts the value.
        for part in path.split(self.delimiter):
            if part.startswith("<") and ":" in part:
                # `<f:ext>` is not a regex route, `<f:ext=jpg>` (with its list of
                # extensions) is one, and so is `<f:exts>`.
                label = part.rstrip(">").split(":")[1]
                if label == "path" or label not in self.regex_types:
                    return True
        return False

    # -- compiling ----------------------------------------------------------------------

    def finalize(self, do_compile: bool = True, do_optimize: bool = False) -> None:
        """Compile every route into the matcher; after this, ``add`` is refused."""
        if self.finalized:
            raise FinalizationError("Cannot finalize router more than once.")
        if not self.routes:
            raise FinalizationError("Cannot finalize with no routes defined.")
        for group in self.groups.values():
            group.finalize()
        self._matchers = []
        for group in self.regex_routes.values():
            group.pattern_idx = len(self._matchers)
            # a regex route's pattern is set when it is added (only other routes have None)
            source = t.cast(str, group.routes[0].pattern)
            self._matchers.append(re.compile(f"^{linear_source(source)}$"))
        # PERF: every path without parameters, host-bound ones included, is one dict lookup
        # (benchmarks/router_bench.py, static kind).
        self._static_index = {
            self.delimiter.join(group.routes[0].parts): group
            for group in (*self.static_routes.values(), *self.dynamic_routes.values())
            if not group.routes[0].defined_params
        }
        self._trail_limit = 1 + max(len(route.parts) for route in self.routes)
        self._render(do_compile, do_optimize)
        self.finalized = True

    def _render(self, do_compile: bool = True, do_optimize: bool = False) -> None:
        self.tree = Tree(self)
        self.tree.generate(
            [
                *(g for g in self.dynamic_routes.values() if g.routes[0].defined_params),
                *self.regex_routes.values(),
            ]
        )
        source, namespace = self.tree.finalize()
        namespace["STATIC"] = self._static_index
        self.find_route_src = source
        if do_compile:
            try:
                code = compile(source, "<sanic_routing.find_route>", "exec")
            except SyntaxError as exc:  # pragma: no cover - a compiler bug, not user error
                raise FinalizationError(
                    f"Cannot compile the route matcher: {exc}\n{source}"
                ) from exc
            exec(code, namespace)
            self._find_route = namespace["find_route"]

    def reset(self) -> None:
        """Forget the compiled matcher so routes can be added and finalize run again."""
        self.finalized = False
        self._find_route = None
        self._static_index = {}
        self._matchers = None
        for group in self.groups.values():
            group.reset()

    # -- views --------------------------------------------------------------------------

    @property
    def find_route(self) -> t.Callable[..., t.Any] | None:
        """The compiled matcher: ``find_route(path, method, router, basket, extra)``."""
        return self._find_route

    @property
    def matchers(self) -> list[t.Pattern] | None:
        """Compiled regexes of the regex routes, indexed by ``group.pattern_idx``."""
        return self._matchers

    @property
    def groups(self) -> dict[tuple[str, ...], RouteGroup]:
        """Every group, keyed by its segments."""
        return {**self.static_routes, **self.dynamic_routes, **self.regex_routes}

    @property
    def routes(self) -> tuple[Route, ...]:
        """Every route of every group."""
        return tuple(route for group in self.groups.values() for route in group)

    def find_route_by_view_name(self, view_name: str, name: str | None = None) -> Route | None:
        """The route registered under ``view_name`` (or None)."""
        if not view_name:
            return None
        return self.name_index.get(view_name)

    def build(
        self, name_or_route: t.Union[str, Route], params: t.Mapping[str, t.Any] | None = None
    ) -> str:
        """Build the path of a route (by name or object) from parameter values."""
        route = name_or_route
        if isinstance(route, str):
            found = self.name_index.get(route)
            if found is None:
                raise NotFound(f"No route named {route!r}; known names: {sorted(self.name_index)}")
            route = found
        return route.build(params)
