"""Class-based views: one class, one method per HTTP verb."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from hurtle_http.exceptions import MethodNotAllowed


class HTTPMethodView:
    """Subclass and define ``get``/``post``/... ; register with ``as_view()``.

    ``decorators`` are applied to the view function ``as_view`` builds. A subclass can
    register itself: ``class V(HTTPMethodView, attach=app, uri="/v"): ...``.
    """

    decorators: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = []

    def __init_subclass__(
        cls,
        attach: Any = None,
        uri: str = "",
        methods: Iterable[str] = frozenset({"GET"}),
        host: str | None = None,
        strict_slashes: bool | None = None,
        version: int | None = None,
        name: str | None = None,
        stream: bool = False,
        version_prefix: str = "/v",
    ) -> None:
        super().__init_subclass__()
        if attach is not None:
            cls.attach(
                attach,
                uri,
                methods=methods,
                host=host,
                strict_slashes=strict_slashes,
                version=version,
                name=name,
                stream=stream,
                version_prefix=version_prefix,
            )

    def dispatch_request(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        """Call the method named after the request's HTTP verb."""
        method = request.method.lower()
        handler = getattr(self, method, None)
        if handler is None and method == "head":
            handler = getattr(self, "get", None)
        if handler is None:
            allowed = [
                verb.upper()
                for verb in ("get", "post", "put", "patch", "delete", "head", "options")
                if getattr(self, verb, None)
            ]
            raise MethodNotAllowed(
                f"Method {request.method} not allowed for URL {request.path}",
                method=request.method,
                allowed_methods=allowed,
                # RFC 9110 10.2.1: a 405 MUST say what is allowed; an empty Allow says
                # nothing is (a view that defines no method at all).
                headers=None if allowed else {"Allow": ""},
            )
        return handler(request, *args, **kwargs)

    @classmethod
    def as_view(cls, *class_args: Any, **class_kwargs: Any) -> Callable[..., Any]:
        """A handler function that builds the view and dispatches to it per request."""

        def view(*args: Any, **kwargs: Any) -> Any:
            self = view.view_class(*class_args, **class_kwargs)  # type: ignore[attr-defined]
            return self.dispatch_request(*args, **kwargs)

        if cls.decorators:
            view.__module__ = cls.__module__
            try:
                decorators = iter(cls.decorators)
            except TypeError:
                # Sanic fails iterating it (a TypeError); the same type, saying what it is.
                raise TypeError(
                    f"{cls.__name__}.decorators is a list of decorators, not {cls.decorators!r}"
                ) from None
            for decorator in decorators:
                view = decorator(view)

        view.view_class = cls  # type: ignore[attr-defined]
        view.__doc__ = cls.__doc__
        view.__module__ = cls.__module__
        view.__name__ = cls.__name__
        return view

    @classmethod
    def attach(
        cls,
        to: Any,
        uri: str,
        methods: Iterable[str] = frozenset({"GET"}),
        host: str | None = None,
        strict_slashes: bool | None = None,
        version: int | None = None,
        name: str | None = None,
        stream: bool = False,
        version_prefix: str = "/v",
    ) -> None:
        """Register this view on an app or blueprint at ``uri``."""
        to.add_route(
            cls.as_view(),
            uri=uri,
            methods=methods,
            host=host,
            strict_slashes=strict_slashes,
            version=version,
            name=name,
            stream=stream,
            version_prefix=version_prefix,
        )


class CompositionView:
    """A view assembled from plain handler functions, one per HTTP method.

    ``view.add(["GET"], get_handler)``; ``app.add_route(view, "/")`` serves the methods
    added (the older alternative to ``HTTPMethodView`` that Sanic's early docs describe).
    """

    def __init__(self) -> None:
        from hurtle_app.logging.deprecation import deprecation

        # Sanic 25.12 has no CompositionView (it went in 21.12): the seed's apps still run,
        # and say what to use instead, in Sanic's deprecation format.
        deprecation(
            "CompositionView was removed from Sanic in v21.12; Hurtle keeps it for old "
            "apps. Use an HTTPMethodView, or one route per handler with methods=[...].",
            21.12,
        )
        self.handlers: dict[str, Callable[..., Any]] = {}
        self.__name__ = type(self).__name__

    def add(
        self, methods: Iterable[str] | str, handler: Callable[..., Any], stream: bool = False
    ) -> None:
        """Answer each of ``methods`` with ``handler(request, ...)``."""
        from hurtle_app.registration import HTTP_METHODS
        from hurtle_http.exceptions import InvalidUsage

        if isinstance(methods, str):
            methods = [methods]
        if stream:
            handler.is_stream = True  # type: ignore[attr-defined]
        for method in methods:
            verb = method.upper()
            if verb not in HTTP_METHODS:
                raise InvalidUsage(
                    f"{method} is not a valid HTTP method; use one of {', '.join(HTTP_METHODS)}"
                )
            if verb in self.handlers:
                raise InvalidUsage(f"Method {verb} is already registered.")
            self.handlers[verb] = handler

    @property
    def is_stream(self) -> bool:
        """True when a handler was added with ``stream=True``."""
        return any(getattr(h, "is_stream", False) for h in self.handlers.values())

    def __call__(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        """Run the handler added for the request's method."""
        handler = self.handlers.get(request.method.upper())
        if handler is None and request.method.upper() == "HEAD":
            handler = self.handlers.get("GET")
        if handler is None:
            raise MethodNotAllowed(
                f"Method {request.method} not allowed for URL {request.path}",
                method=request.method,
                allowed_methods=sorted(self.handlers),
            )
        return handler(request, *args, **kwargs)


def stream(func: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a view method as streaming: the body is read by the handler, not before it."""
    func.is_stream = True  # type: ignore[attr-defined]
    return func


__all__ = ["CompositionView", "HTTPMethodView", "stream"]
