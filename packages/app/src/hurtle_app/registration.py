"""The decorator API shared by ``Sanic`` and ``Blueprint``: routes, middleware, listeners,
exception handlers and signals, each recorded as a ``Future*`` record.

A subclass decides what applying a record means (``_apply_route`` ...): the app registers
it at once, a blueprint keeps it until it is registered on an app.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from functools import partial
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar, overload

from hurtle_app.errorpages import check_error_format
from hurtle_app.errors import NoExceptionsGiven, NotAPath, UnknownNameError
from hurtle_app.futures import (
    FutureCommand,
    FutureException,
    FutureListener,
    FutureMiddleware,
    FutureRoute,
    FutureSignal,
    FutureStatic,
    as_methods,
    check_host,
    check_version,
    methods_string_message,
)
from hurtle_app.listeners import LISTENER_EVENTS, normalize_event
from hurtle_app.meta import SanicMeta
from hurtle_app.middleware import Middleware, location_name
from hurtle_app.shorthands import Shorthands
from hurtle_app.signals import REPORT_EVENT
from hurtle_http.exceptions import BadRequest
from sanic_routing.exceptions import BadMethod

F = TypeVar("F", bound=Callable[..., Any])

#: Methods the route decorators accept (Sanic's list).
HTTP_METHODS = ("GET", "POST", "PUT", "HEAD", "OPTIONS", "PATCH", "DELETE")


def _mark_streaming(handler: Any) -> None:
    """As Sanic, a streaming route's handler says so: ``handler.is_stream`` is True."""
    try:
        handler.is_stream = True
    except (AttributeError, TypeError):
        # A bound method takes no attributes (Sanic fails the registration there); the
        # route streams all the same.
        pass


def handler_display_name(handler: Any) -> str:
    """The name a handler gets in route names: the view class name for class-based views."""
    view_class = getattr(handler, "view_class", None)
    if view_class is not None:
        shown = getattr(view_class, "__name__", None)
        if not isinstance(shown, str):
            # As Sanic: a ``view_class`` without a name (a mock's) names nothing.
            raise ValueError("Could not generate a name for handler")
        return shown
    name = getattr(handler, "__name__", None)
    if not isinstance(name, str):
        # As Sanic: an object without a name of its own (a callable instance) names nothing.
        raise ValueError("Could not generate a name for handler")
    return name


def _refuse_event_of_no_name(event: Any) -> None:
    """A listener event that is no string (``5``, ``None`` to ``register_listener``): Sanic's
    ``BadRequest`` naming it (an unknown string is a ``KeyError``, see ``normalize_event``)."""
    if not isinstance(event, str | Enum):
        raise BadRequest(f"Invalid event: {event}. Use one of: {', '.join(LISTENER_EVENTS)}")


def _has_name(handler: Any) -> bool:
    """Whether a route name can be made from ``handler`` itself (a string is one)."""
    if isinstance(handler, str):
        return bool(handler)
    return bool(getattr(handler, "name", None) or getattr(handler, "__name__", None))


def _positional_room(handler: Callable[..., Any]) -> float | None:
    """How many positional arguments ``handler`` takes (infinite with ``*args``); None
    when its signature cannot be read."""
    try:
        sig = inspect.signature(handler)
    except (TypeError, ValueError):
        return None
    room = 0
    for p in sig.parameters.values():
        if p.kind is p.VAR_POSITIONAL:
            return math.inf
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            room += 1
    return room


def _takes_request(handler: Callable[..., Any], websocket: bool) -> bool:
    """Whether calling ``handler`` can pass it the request (and the websocket)."""
    room = _positional_room(handler)
    return room is not None and room >= (2 if websocket else 1)


def check_handler_signature(handler: Callable[..., Any], websocket: bool = False) -> None:
    """Refuse, with a friendly message, a handler without a parameter for the request
    (and the websocket). As Sanic, parameters of any kind count: ``(request, **kw)`` is
    let through (and fails when called), a websocket's ``(*args)`` is refused."""
    if getattr(handler, "view_class", None) is not None:
        return
    try:
        room = len(inspect.signature(handler).parameters)
    except (TypeError, ValueError):
        return
    if websocket and room < 2:
        # Sanic's words; a websocket handler takes (request, ws, ...).
        raise ValueError(
            f"Required parameter `request` and/or `ws` missing in the "
            f"{_message_name(handler)}() route?"
        )
    if not room:
        raise ValueError(
            f"Required parameter `request` missing in the {_message_name(handler)}() route?"
        )


def _message_name(handler: Any) -> str:
    """The handler's name in an error message (its type's name when it has none)."""
    try:
        return handler_display_name(handler)
    except ValueError:
        return type(handler).__name__


def _route_context(ctx_kwargs: dict[str, Any]) -> dict[str, Any]:
    bad = [k for k in ctx_kwargs if not k.startswith("ctx_")]
    if bad:
        raise TypeError(
            f"Unexpected keyword arguments: {', '.join(bad)} (extra route options must "
            "be named ctx_<name>; they are stored on route.ctx.<name>)"
        )
    return {k[4:]: v for k, v in ctx_kwargs.items()}


class Registrar(Shorthands, metaclass=SanicMeta):
    """Route, middleware, listener, exception and signal decorators, as data."""

    name: str
    strict_slashes: bool | None

    def _declared_strict_slashes(self, strict_slashes: bool | None) -> bool | None:
        """The ``strict_slashes`` a route or static path keeps from its declaration: its
        own, else a blueprint's own setting, as Sanic takes it then (a later
        ``copy(strict_slashes=...)``, group or ``app.blueprint(strict_slashes=...)`` does
        not change it; an unset one is resolved at registration)."""
        if strict_slashes is None and getattr(self, "_is_blueprint", False):
            return getattr(self, "strict_slashes", None)
        return strict_slashes

    def _init_registrar(self) -> None:
        self._future_routes: list[FutureRoute] = []
        self._future_statics: list[FutureStatic] = []
        self._future_middleware: list[FutureMiddleware] = []
        self._future_listeners: list[FutureListener] = []
        self._future_exceptions: list[FutureException] = []
        self._future_signals: list[FutureSignal] = []
        self._future_commands: set[FutureCommand] = set()
        # A blueprint's routes by (uri, methods), kept with the list it indexes and that
        # list's length when last seen (see ``_record_route``).
        self._future_route_index: list[Any] | None = None

    # --- what "apply" means is the subclass's ------------------------------------------
    def _allowed_methods(self) -> Sequence[str] | None:
        """The methods a route may take here, or None to leave the check to the router a
        blueprint is registered on (an app's router can accept more, e.g. TRACE)."""
        return None

    def _apply_route(self, route: FutureRoute) -> Any:
        raise NotImplementedError

    def _apply_static(self, static: FutureStatic) -> Any:
        raise NotImplementedError

    def _apply_middleware(self, middleware: FutureMiddleware) -> Any:
        raise NotImplementedError

    def _apply_listener(self, listener: FutureListener) -> Any:
        raise NotImplementedError

    def _apply_exception_handler(self, handler: FutureException) -> Any:
        raise NotImplementedError

    def _apply_signal(self, signal: FutureSignal) -> Any:
        raise NotImplementedError

    # --- routes --------------------------------------------------------------------------
    def route(
        self,
        uri: str,
        methods: Iterable[str] | None = None,
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        stream: bool = False,
        version: int | str | float | None = None,
        name: str | None = None,
        ignore_body: bool = False,
        apply: bool = True,
        subprotocols: list[str] | None = None,
        websocket: bool = False,
        unquote: bool = False,
        static: bool = False,
        version_prefix: str = "/v",
        error_format: str | None = None,
        **ctx_kwargs: Any,
    ) -> Callable[[F], F]:
        """Decorate a handler (or an ``HTTPMethodView``'s ``as_view()``) to serve ``uri``."""
        if not isinstance(uri, str):
            raise NotAPath(f"A route's uri is a str such as '/path', not {uri!r}")
        route_context = _route_context(ctx_kwargs)
        if not uri.startswith("/") and (uri or not getattr(self, "_is_blueprint", False)):
            uri = "/" + uri
        check_host(host)  # as Sanic: a bad host= is reported before bad methods
        allowed = None if websocket else self._allowed_methods()
        method_set: Any = as_methods(methods)
        if isinstance(methods, str):
            if allowed is not None:
                raise BadMethod(methods_string_message(methods))
            # A blueprint keeps the string: the app it is registered on refuses it then,
            # where Sanic does.
            method_set = methods
        check_version(version)
        unknown = method_set - set(allowed) if allowed else set()
        if unknown:
            # sanic-routing's exception type, as Sanic raises it for an unknown method.
            raise BadMethod(
                f"Bad method: {sorted(unknown)}. Must be one of: {', '.join(allowed or ())} "
                f"(route {uri!r})"
            )
        if error_format == "auto":
            # As Sanic: "auto" is the same as not given (request.route.extra.error_format
            # is "", or a blueprint's FALLBACK_ERROR_FORMAT at its registration).
            error_format = None
        strict_slashes = self._declared_strict_slashes(strict_slashes)

        def decorator(handler: F) -> F:
            if not callable(handler):
                if name is None and not _has_name(handler):
                    # As Sanic: a route without a name for a handler without one (most
                    # often a decorator that forgot to return its wrapper: None).
                    raise ValueError("Could not generate a name for handler")
                raise TypeError(f"{handler!r} is not a callable object")
            if inspect.isclass(handler) and not _takes_request(handler, websocket):
                # Sanic refuses a class that cannot take the request (a ValueError); a view
                # class is routed through the function as_view() makes. A class whose
                # constructor takes (request, ...) is a handler like any callable.
                hint = (
                    f"route {handler.__name__}.as_view(), as in "
                    f"app.add_route({handler.__name__}.as_view(), {uri!r})"
                    if hasattr(handler, "as_view")
                    else "a class handler must subclass HTTPMethodView and be routed with "
                    "as_view()"
                )
                raise ValueError(f"Cannot route {uri!r} to the class {handler.__name__}: {hint}")
            check_handler_signature(handler, websocket=websocket)
            route_name = name
            if not (isinstance(name, str) and name) and (
                type(self).generate_name is Registrar.generate_name
            ):
                # As Sanic, at the route (a blueprint's too, not at its registration):
                # a handler that cannot name the route (a partial, an instance) is refused.
                shown = handler_display_name(handler)
                if getattr(self, "_is_blueprint", False):
                    # As Sanic: a blueprint route is named after its handler as declared;
                    # renaming the function later (``f.__name__ = ...`` by a decorator
                    # applied above the route's) leaves the route's name alone.
                    route_name = f"{self.name}.{shown}"
            is_stream = stream or bool(getattr(handler, "is_stream", False))
            if is_stream:
                _mark_streaming(handler)
            future = FutureRoute(
                handler,
                uri,
                method_set,
                host,
                strict_slashes,
                is_stream,
                version,
                route_name,
                ignore_body,
                websocket,
                subprotocols,
                unquote,
                static,
                version_prefix,
                error_format,
                route_context,
            )
            if getattr(self, "_is_blueprint", False):
                # A blueprint keeps one record of a route declared twice alike (two stacked
                # decorators of one path), as Sanic: it is registered once, not refused.
                self._record_route(future)
            else:
                self._future_routes.append(future)
            if apply:
                self._apply_route(future)
                if error_format and not getattr(self, "_is_blueprint", False):
                    # As Sanic: an unknown format is refused once the route is added,
                    # which stays (served, its errors in the fallback format); a
                    # blueprint's route is checked when an app adds it.
                    check_error_format(error_format)
            return handler

        return decorator

    def _record_route(self, future: FutureRoute) -> None:
        """Add ``future`` to this blueprint's routes unless one equal to it is there.

        Only routes of the same path and methods can be equal, so the routes are indexed
        by those (both hashable) and compared whole within that group: the same answer as
        ``future in self._future_routes`` without scanning every route declared so far,
        which made declaring a blueprint of n routes quadratic in n.
        """
        routes = self._future_routes
        index = self._future_route_index
        if index is None or index[0] is not routes or index[1] != len(routes):
            # First use, or the list was replaced or changed elsewhere (``copy()`` gives
            # the copy a list of its own): index it again.
            groups: dict[tuple[str, Any], list[FutureRoute]] = {}
            for known in routes:
                groups.setdefault((known.uri, known.methods), []).append(known)
            index = [routes, len(routes), groups]
            self._future_route_index = index
        group = index[2].setdefault((future.uri, future.methods), [])
        if future not in group:
            group.append(future)
            routes.append(future)
            index[1] += 1

    def add_route(
        self,
        handler: Callable[..., Any],
        uri: str,
        methods: Iterable[str] = frozenset({"GET"}),
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        version: int | str | float | None = None,
        name: str | None = None,
        stream: bool = False,
        version_prefix: str = "/v",
        error_format: str | None = None,
        unquote: bool = False,
        **ctx_kwargs: Any,
    ) -> Callable[..., Any]:
        """Register ``handler`` for ``uri`` (the non-decorator form of ``route``)."""
        view_class = getattr(handler, "view_class", None)
        if view_class is not None:
            # A class-based view answers the methods it defines.
            methods = {m for m in HTTP_METHODS if getattr(view_class, m.lower(), None)}
            # As Sanic: ``@stream`` on any of the view's method functions (``get`` too)
            # makes the whole route a streaming one.
            stream = stream or any(
                getattr(getattr(view_class, m.lower(), None), "is_stream", False)
                for m in HTTP_METHODS
            )
        from hurtle_app.views import CompositionView

        if isinstance(handler, CompositionView):
            if not handler.handlers:
                raise ValueError("This CompositionView has no handlers: call view.add() first")
            methods = set(handler.handlers)
        self.route(
            uri,
            methods=methods,
            host=host,
            strict_slashes=strict_slashes,
            stream=stream,
            version=version,
            name=name,
            version_prefix=version_prefix,
            error_format=error_format,
            unquote=unquote,
            **ctx_kwargs,
        )(handler)
        return handler

    def _method_route(self, method: str, uri: str, **kw: Any) -> Callable[[F], F]:
        return self.route(uri, methods=frozenset({method}), **kw)

    def get(
        self,
        uri: str,
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        version: int | str | float | None = None,
        name: str | None = None,
        ignore_body: bool = True,
        version_prefix: str = "/v",
        error_format: str | None = None,
        **ctx_kwargs: Any,
    ) -> Callable[[F], F]:
        """Decorate a handler for GET requests to ``uri``."""
        return self._method_route(
            "GET",
            uri,
            host=host,
            strict_slashes=strict_slashes,
            version=version,
            name=name,
            ignore_body=ignore_body,
            version_prefix=version_prefix,
            error_format=error_format,
            **ctx_kwargs,
        )

    def post(
        self,
        uri: str,
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        stream: bool = False,
        version: int | str | float | None = None,
        name: str | None = None,
        version_prefix: str = "/v",
        error_format: str | None = None,
        **ctx_kwargs: Any,
    ) -> Callable[[F], F]:
        """Decorate a handler for POST requests to ``uri``."""
        return self._method_route(
            "POST",
            uri,
            host=host,
            strict_slashes=strict_slashes,
            stream=stream,
            version=version,
            name=name,
            version_prefix=version_prefix,
            error_format=error_format,
            **ctx_kwargs,
        )

    def put(
        self,
        uri: str,
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        stream: bool = False,
        version: int | str | float | None = None,
        name: str | None = None,
        version_prefix: str = "/v",
        error_format: str | None = None,
        **ctx_kwargs: Any,
    ) -> Callable[[F], F]:
        """Decorate a handler for PUT requests to ``uri``."""
        return self._method_route(
            "PUT",
            uri,
            host=host,
            strict_slashes=strict_slashes,
            stream=stream,
            version=version,
            name=name,
            version_prefix=version_prefix,
            error_format=error_format,
            **ctx_kwargs,
        )

    def patch(
        self,
        uri: str,
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        stream: bool = False,
        version: int | str | float | None = None,
        name: str | None = None,
        version_prefix: str = "/v",
        error_format: str | None = None,
        **ctx_kwargs: Any,
    ) -> Callable[[F], F]:
        """Decorate a handler for PATCH requests to ``uri``."""
        return self._method_route(
            "PATCH",
            uri,
            host=host,
            strict_slashes=strict_slashes,
            stream=stream,
            version=version,
            name=name,
            version_prefix=version_prefix,
            error_format=error_format,
            **ctx_kwargs,
        )

    def delete(
        self,
        uri: str,
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        version: int | str | float | None = None,
        name: str | None = None,
        ignore_body: bool = False,
        version_prefix: str = "/v",
        error_format: str | None = None,
        **ctx_kwargs: Any,
    ) -> Callable[[F], F]:
        """Decorate a handler for DELETE requests to ``uri``."""
        return self._method_route(
            "DELETE",
            uri,
            host=host,
            strict_slashes=strict_slashes,
            version=version,
            name=name,
            ignore_body=ignore_body,
            version_prefix=version_prefix,
            error_format=error_format,
            **ctx_kwargs,
        )

    def head(
        self,
        uri: str,
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        version: int | str | float | None = None,
        name: str | None = None,
        ignore_body: bool = True,
        version_prefix: str = "/v",
        error_format: str | None = None,
        **ctx_kwargs: Any,
    ) -> Callable[[F], F]:
        """Decorate a handler for HEAD requests to ``uri``."""
        return self._method_route(
            "HEAD",
            uri,
            host=host,
            strict_slashes=strict_slashes,
            version=version,
            name=name,
            ignore_body=ignore_body,
            version_prefix=version_prefix,
            error_format=error_format,
            **ctx_kwargs,
        )

    def options(
        self,
        uri: str,
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        version: int | str | float | None = None,
        name: str | None = None,
        ignore_body: bool = True,
        version_prefix: str = "/v",
        error_format: str | None = None,
        **ctx_kwargs: Any,
    ) -> Callable[[F], F]:
        """Decorate a handler for OPTIONS requests to ``uri``."""
        return self._method_route(
            "OPTIONS",
            uri,
            host=host,
            strict_slashes=strict_slashes,
            version=version,
            name=name,
            ignore_body=ignore_body,
            version_prefix=version_prefix,
            error_format=error_format,
            **ctx_kwargs,
        )

    def websocket(
        self,
        uri: str,
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        subprotocols: list[str] | None = None,
        version: int | str | float | None = None,
        name: str | None = None,
        apply: bool = True,
        version_prefix: str = "/v",
        error_format: str | None = None,
        **ctx_kwargs: Any,
    ) -> Callable[[F], F]:
        """Decorate a ``handler(request, ws, ...)`` serving websocket connections on ``uri``."""
        return self.route(
            uri,
            host=host,
            methods=None,
            strict_slashes=strict_slashes,
            subprotocols=subprotocols,
            version=version,
            name=name,
            apply=apply,
            websocket=True,
            version_prefix=version_prefix,
            error_format=error_format,
            **ctx_kwargs,
        )

    def add_websocket_route(
        self,
        handler: Callable[..., Any],
        uri: str,
        host: str | list[str] | None = None,
        strict_slashes: bool | None = None,
        subprotocols: list[str] | None = None,
        version: int | str | float | None = None,
        name: str | None = None,
        version_prefix: str = "/v",
        error_format: str | None = None,
        **ctx_kwargs: Any,
    ) -> Callable[..., Any]:
        """Register a websocket ``handler`` for ``uri`` (non-decorator form)."""
        return self.websocket(
            uri,
            host=host,
            strict_slashes=strict_slashes,
            subprotocols=subprotocols,
            version=version,
            name=name,
            version_prefix=version_prefix,
            error_format=error_format,
            **ctx_kwargs,
        )(handler)

    def static(
        self,
        uri: str,
        file_or_directory: PathLike | str,
        pattern: str = r"/?.+",
        use_modified_since: bool = True,
        use_content_range: bool = False,
        stream_large_files: bool | int = False,
        name: str = "static",
        host: str | None = None,
        strict_slashes: bool | None = None,
        content_type: str | None = None,
        apply: bool = True,
        resource_type: str | None = None,
        index: str | Sequence[str] | None = None,
        directory_view: bool = False,
        directory_handler: Any = None,
        follow_external_symlink_files: bool = False,
        follow_external_symlink_dirs: bool = False,
    ) -> Any:
        """Serve a file, or the files under a folder, at ``uri``."""
        from hurtle_app.static import DirectoryHandler

        if not name:  # as Sanic, before any other check: a static route needs a name
            raise ValueError("Could not generate a name for handler")
        if isinstance(file_or_directory, bytes):
            raise TypeError("Static file or directory must be a path-like object or string")
        if not isinstance(file_or_directory, (str, PathLike)):
            raise ValueError(f"Static route must be a valid path, not {file_or_directory}")
        path = Path(file_or_directory)
        strict_slashes = self._declared_strict_slashes(strict_slashes)
        resource_type = resource_type or None  # as Sanic: "" means "look at the path"
        if resource_type not in (None, "file", "dir"):
            raise ValueError("The resource_type should be set to 'file' or 'dir'")
        if directory_handler is None:
            directory_handler = DirectoryHandler(
                uri=uri,
                directory=path,
                directory_view=directory_view,
                index=index,
                follow_external_symlink_files=follow_external_symlink_files,
                follow_external_symlink_dirs=follow_external_symlink_dirs,
            )
            directory_handler.conditional_index = use_modified_since
        elif directory_view or index:
            raise ValueError(
                "When explicitly setting directory_handler, you cannot set either "
                "directory_view or index. Instead, pass these arguments to your "
                "DirectoryHandler instance."
            )
        future = FutureStatic(
            uri,
            path,
            pattern,
            use_modified_since,
            use_content_range,
            stream_large_files,
            name,
            host,
            strict_slashes,
            content_type,
            resource_type,
            directory_handler,
            follow_external_symlink_files,
            follow_external_symlink_dirs,
        )
        self._future_statics.append(future)
        if apply:
            self._apply_static(future)
        return None

    # --- middleware ----------------------------------------------------------------------
    # For type checkers: the decorated function keeps its type (@app.middleware(f) and
    # @app.middleware("response") alike), as Sanic's annotations say; at run time the
    # decorators return the callable ``Middleware`` record they registered, as Sanic's do.
    @overload
    def middleware(
        self,
        middleware_or_request: F,
        attach_to: str = "request",
        apply: bool = True,
        *,
        priority: int = 0,
    ) -> F: ...

    @overload
    def middleware(
        self,
        middleware_or_request: str,
        attach_to: str = "request",
        apply: bool = True,
        *,
        priority: int = 0,
    ) -> Callable[[F], F]: ...

    def middleware(
        self,
        middleware_or_request: Callable[..., Any] | str,
        attach_to: str = "request",
        apply: bool = True,
        *,
        priority: int = 0,
    ) -> Any:
        """Register request/response middleware (``@app.middleware("response")`` too)."""

        def register(middleware: Callable[..., Any], attach_to: str = "request") -> Any:
            attach_to = location_name(attach_to)  # in any case, as Sanic
            if attach_to not in ("request", "response"):
                raise UnknownNameError(
                    f"Middleware attaches to 'request' or 'response', not {attach_to!r}"
                )
            # As Sanic: one record, made now (its place in the definition order), is what
            # the decorator returns and what the app or blueprint lists.
            record = Middleware(middleware, attach_to, priority)
            future = FutureMiddleware(record, attach_to)
            self._future_middleware.append(future)
            if apply:
                self._apply_middleware(future)
            return record

        if callable(middleware_or_request):
            return register(middleware_or_request, attach_to=attach_to)
        return partial(register, attach_to=middleware_or_request)

    # --- listeners -----------------------------------------------------------------------
    # For type checkers: the decorated listener keeps its type.
    @overload
    def listener(
        self,
        listener_or_event: F,
        event_or_none: str | Enum,
        apply: bool = True,
        *,
        priority: int = 0,
    ) -> F: ...

    @overload
    def listener(
        self,
        listener_or_event: str | Enum,
        event_or_none: None = None,
        apply: bool = True,
        *,
        priority: int = 0,
    ) -> Callable[[F], F]: ...

    def listener(
        self,
        listener_or_event: Callable[..., Any] | str,
        event_or_none: str | None = None,
        apply: bool = True,
        *,
        priority: int = 0,
    ) -> Any:
        """Register a server lifecycle listener: ``@app.listener("before_server_start")``."""

        def register(listener: Callable[..., Any], event: str) -> Callable[..., Any]:
            _refuse_event_of_no_name(event)
            value = event.value if isinstance(event, Enum) else event
            if isinstance(value, str) and "." in value:
                # Sanic takes listener names only here (a KeyError for a signal's name,
                # ListenerEvent.BEFORE_SERVER_START's value included).
                raise UnknownNameError(
                    f"{value!r} is a signal event: use @app.signal({value!r}), or a listener "
                    f"name here: {', '.join(LISTENER_EVENTS)}"
                )
            future = FutureListener(listener, normalize_event(event), priority)
            self._future_listeners.append(future)
            if apply:
                self._apply_listener(future)
            return listener

        if callable(listener_or_event):
            if event_or_none is None:
                raise BadRequest("Invalid event registration: Missing event name.")
            return register(listener_or_event, event_or_none)
        if event_or_none is not None:
            # (listener, event) with a listener that cannot be called: Sanic fails on the
            # same TypeError when the server starts.
            raise TypeError(f"A listener must be callable, not {listener_or_event!r}")
        return partial(register, event=listener_or_event)

    def register_listener(
        self, listener: Callable[..., Any], event: str, *, priority: int = 0
    ) -> Callable[..., Any]:
        """Register ``listener`` for ``event`` (non-decorator form)."""
        _refuse_event_of_no_name(event)
        return self.listener(listener, event, priority=priority)

    # --- exceptions and signals ----------------------------------------------------------
    def exception(
        self, *exceptions: type[BaseException] | list[type[BaseException]], apply: bool = True
    ) -> Callable[[F], F]:
        """Decorate ``handler(request, exception)`` to answer the given exception types."""
        flat: list[type[BaseException]] = []
        for item in exceptions:
            if isinstance(item, (list, tuple, set)):
                flat.extend(item)
            else:
                flat.append(item)
        for exc in flat:
            if not (inspect.isclass(exc) and issubclass(exc, BaseException)):
                raise TypeError(f"exception() takes exception classes, not {exc!r}")

        def decorator(handler: F) -> F:
            if not exceptions:
                raise NoExceptionsGiven(
                    "exception() needs the exception classes its handler answers, such as "
                    "@app.exception(ValueError); @app.all_exceptions answers every exception"
                )
            future = FutureException(handler, tuple(flat))
            self._future_exceptions.append(future)
            if apply:
                self._apply_exception_handler(future)
            return handler

        return decorator

    def all_exceptions(self, handler: F) -> F:
        """Decorate a handler for every exception."""
        return self.exception(Exception)(handler)

    def signal(
        self,
        event: str | Enum,
        *,
        apply: bool = True,
        condition: dict[str, Any] | None = None,
        exclusive: bool = True,
        priority: int = 0,
    ) -> Callable[[F], F]:
        """Decorate a handler for the signal ``event`` (``"a.b.c"``, params allowed)."""
        event_name = event.value if isinstance(event, Enum) else event

        def decorator(handler: F) -> F:
            if not isinstance(event_name, str):
                # Sanic fails on a TypeError reading it as a string, when the handler is
                # decorated; the same type and moment, saying why.
                raise TypeError(
                    "A signal event is a string of three dotted parts, such as "
                    f"'my.event.happened', or a sanic.signals.Event; not {event!r}"
                )
            future = FutureSignal(handler, event_name, condition, exclusive, priority)
            self._future_signals.append(future)
            if apply:
                self._apply_signal(future)
            return handler

        return decorator

    def add_signal(
        self,
        handler: Callable[..., Any] | None,
        event: str | Enum,
        condition: dict[str, Any] | None = None,
        exclusive: bool = True,
    ) -> Callable[..., Any]:
        """Register ``handler`` for the signal ``event`` (non-decorator form of ``signal``)."""
        if handler is None:

            async def noop(**_: Any) -> None:
                return None

            handler = noop
        self.signal(event, condition=condition, exclusive=exclusive)(handler)
        return handler

    def catch_exception(self, handler: Callable[[Any, Exception], Any]) -> None:
        """Run ``await handler(app, exception)`` for every exception reported by the app."""

        async def signal_handler(exception: Exception) -> None:
            await handler(self, exception)

        self.signal(REPORT_EVENT)(signal_handler)

    def generate_name(self, *objects: Any) -> str:
        """A route name under this app/blueprint for the first nameable object.

        A string is a name; otherwise an object's ``name``, then its ``__name__``.
        """
        from hurtle_app.naming import generate_name

        return generate_name(self.name, objects)

    #: The default naming, for subclasses whose ``generate_name`` adjusts it (as in Sanic).
    _generate_name = generate_name

    def _custom_name(self, name: str) -> str:
        """``name`` through a subclass's own ``generate_name``, if it has one."""
        if type(self).generate_name is Registrar.generate_name:
            return name
        return self.generate_name(name)

    # --- custom CLI commands -----------------------------------------------------------
    def command(
        self, maybe_func: Callable[..., Any] | None = None, *, name: str = ""
    ) -> Callable[..., Any]:
        """Decorate a function as a command of ``sanic <app> exec <name>``.

        ``@app.command`` or ``@app.command(name="other")``; the function is returned as is.
        """

        def decorator(func: F) -> F:
            if not callable(func):
                raise TypeError(
                    f"app.command() decorates a function, not {func!r}; use @app.command or "
                    '@app.command(name="...")'
                )
            command_name = name or getattr(func, "__name__", "")
            if not command_name:
                raise ValueError(f"Cannot name the command {func!r}: pass name=...")
            self._future_commands.add(FutureCommand(command_name, func))
            return func

        if maybe_func is not None:
            return decorator(maybe_func)
        return decorator


__all__ = [
    "HTTP_METHODS",
    "LISTENER_EVENTS",
    "Registrar",
    "check_handler_signature",
    "handler_display_name",
]
