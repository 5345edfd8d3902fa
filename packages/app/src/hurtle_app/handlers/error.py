"""``ErrorHandler``: finds the handler registered for an exception, or renders an error page.

Lookup walks the exception class's MRO, preferring a handler registered for the
current route name; the answer is cached per (exception class, route name) so the
walk happens once.
"""

from __future__ import annotations

import inspect
import logging
import sys
import traceback
from collections.abc import Callable
from typing import Any

from hurtle_app.errorpages import BaseRenderer, TextRenderer, exception_response
from hurtle_http.exceptions import SanicException, ServerError
from hurtle_http.response import HTTPResponse

error_logger = logging.getLogger("sanic.error")

RouteHandler = Callable[..., Any]
_MISSING = object()


def _url_of(request: Any) -> str:
    try:
        return repr(request.url)
    except Exception:
        return repr(getattr(request, "path", "unknown"))


class ErrorHandler:
    """Maps exception classes (optionally per route) to handlers; renders the default page.

    ``base`` is the renderer used when the client's preferred format can't be matched.
    """

    def __init__(self, base: type[BaseRenderer] = TextRenderer) -> None:
        self.cached_handlers: dict[tuple[type[BaseException], str | None], RouteHandler | None]
        self.cached_handlers = {}
        self._handlers: dict[tuple[type[BaseException], str | None], RouteHandler] = {}
        self.debug = False
        self.base = base

    # -- registration -----------------------------------------------------------------

    def _add(self, key: tuple[type[BaseException], str | None], handler: RouteHandler) -> None:
        if key in self._handlers:
            exception, route = key
            raise ServerError(
                # As Sanic: an app-wide handler is reported on route "__ALL_ROUTES__".
                "Duplicate exception handler definition on: "
                f"route={'__ALL_ROUTES__' if route is None else route} and "
                f"exception={exception}"
            )
        self._handlers[key] = handler
        # A new handler may change earlier answers: forget them.
        self.cached_handlers.clear()

    def add(
        self,
        exception: type[BaseException],
        handler: RouteHandler,
        route_names: list[str] | None = None,
    ) -> None:
        """Handle ``exception`` (and its subclasses) with ``handler(request, exception)``.

        With ``route_names`` the handler only applies to those routes.
        """
        if route_names:
            for route in route_names:
                self._add((exception, route), handler)
        else:
            self._add((exception, None), handler)

    # Sanic's ErrorHandler has no ``handlers`` attribute, and the old one's was a list that
    # subclasses still fill in ``__init__`` (``self.handlers = [...]``): the name stays free.
    def registered_handler(
        self, exception: type[BaseException], route_name: str | None = None
    ) -> RouteHandler | None:
        """The handler added for exactly ``exception`` on ``route_name`` (None: app-wide)."""
        return self._handlers.get((exception, route_name))

    # -- lookup -----------------------------------------------------------------------

    def lookup(self, exception: BaseException, route_name: str | None = None) -> Any:
        """The handler for ``exception`` on ``route_name``, or ``None``. Cached."""
        key = (type(exception), route_name)
        # PERF: one dict probe per error after the first; the MRO walk is done once.
        handler = self.cached_handlers.get(key, _MISSING)
        if handler is _MISSING:
            handler = self._full_lookup(exception, route_name)
        return handler

    def _full_lookup(self, exception: BaseException, route_name: str | None = None) -> Any:
        handler = self._lookup(exception, route_name)
        self.cached_handlers[(type(exception), route_name)] = handler
        return handler

    def _lookup(self, exception: BaseException, route_name: str | None = None) -> Any:
        # As Sanic: the exception's own class first (the route's handler, then the app's),
        # then its ancestors for the route (a blueprint's handler for Exception beats the
        # app's for a nearer class), then its ancestors app-wide.
        names = (None,) if route_name is None else (route_name, None)
        exact = type(exception)
        for name in names:
            handler = self._handlers.get((exact, name))
            if handler is not None:
                return handler
        for name in names:
            for cls in exact.__mro__:
                handler = self._handlers.get((cls, name))
                if handler is not None:
                    return handler
                if cls is BaseException:
                    break
        return None

    # -- responding -------------------------------------------------------------------

    def response(self, request: Any, exception: BaseException) -> Any:
        """The response for ``exception``: the registered handler's, else the default page.

        May return an awaitable (an async handler); the caller awaits it. An error
        raised by the handler is logged and answered with a 500.
        """
        route_name = getattr(request, "name", None) if request is not None else None
        handler = self.lookup(exception, route_name)
        if handler is None:
            try:
                return self.default(request, exception)
            except Exception as error:
                # As Sanic: a default page that fails (a subclass's default() raising, an
                # HTTP error such as request.json's BadRequest included) is answered with
                # the 500; it is not rendered again as a page of its own.
                error_logger.exception("Exception occurred in the error handler", exc_info=error)
                return self.failed_response(request, error)
        try:
            response = handler(request, exception)
            if response is None and not inspect.isawaitable(response):
                # As Sanic: a plain function that returns nothing leaves the error to the
                # default page (a coroutine's None is an invalid response, a 500, as there).
                response = self.default(request, exception)
        except Exception as error:
            return self._handler_failed(request, handler, error)
        if inspect.isawaitable(response):
            return self._await_handler(request, handler, response)
        return response

    async def _await_handler(self, request: Any, handler: RouteHandler, pending: Any) -> Any:
        try:
            return await pending
        except SanicException as error:
            # As Sanic: an HTTP error raised by an async handler gets its own default page,
            # logged as any other (quiet ones are not).
            return self.default(request, error)
        except Exception as error:
            # Sanic logs nothing here (the error is lost); Hurtle logs it as for a plain
            # function, and answers Sanic's 500 (in debug mode the error and its stack).
            self._log_handler_error(request, handler, error)
            return self.failed_response(request, error)

    def _handler_failed(
        self, request: Any, handler: RouteHandler, error: BaseException
    ) -> HTTPResponse:
        """A plain function's failure, HTTP error or not: logged, and a 500 (as Sanic)."""
        message = self._log_handler_error(request, handler, error)
        # As Sanic: in debug mode the body is the logged message (handler and URL).
        body = message if self._debug(request) else "An error occurred while handling an error"
        return HTTPResponse(body, status=500, content_type="text/plain; charset=utf-8")

    @staticmethod
    def _log_handler_error(request: Any, handler: RouteHandler, error: BaseException) -> str:
        name = getattr(handler, "__name__", repr(handler))
        url = _url_of(request)
        # As Sanic's record: a template and its arguments (Sentry groups events by it).
        error_logger.exception(
            'Exception raised in exception handler "%s" for uri: %s', name, url, exc_info=error
        )
        return f'Exception raised in exception handler "{name}" for uri: {url}'

    def failed_response(self, request: Any, error: BaseException) -> HTTPResponse:
        """The 500 sent when rendering an error failed (the error handler itself raised).

        In debug mode the body names the error and carries its traceback, as Sanic's.
        """
        if self._debug(request):
            stack = "".join(traceback.format_exception(error))
            body = f"Error while handling error: {error}\nStack: {stack}"
        else:
            body = "An error occurred while handling an error"
        return HTTPResponse(body, status=500, content_type="text/plain; charset=utf-8")

    def _debug(self, request: Any) -> bool:
        app = getattr(request, "app", None)
        debug = getattr(app, "debug", None)
        return self.debug if debug is None else bool(debug)

    def default(self, request: Any, exception: Exception) -> HTTPResponse:
        """Log the exception (unless quiet) and render the error page for it."""
        self.log(request, exception)
        app = getattr(request, "app", None)
        config = getattr(app, "config", None)
        fallback = getattr(config, "FALLBACK_ERROR_FORMAT", "auto") if config else "auto"
        return exception_response(
            request,
            exception,
            debug=self._debug(request),
            base=self.base,
            fallback=fallback,
        )

    @staticmethod
    def log(request: Any, exception: Exception) -> None:
        """Log ``exception`` on ``sanic.error`` with its traceback, unless it is quiet.

        ``NOISY_EXCEPTIONS`` in the app's config logs quiet ones too.
        """
        quiet = getattr(exception, "quiet", False)
        app = getattr(request, "app", None)
        noisy = bool(getattr(getattr(app, "config", None), "NOISY_EXCEPTIONS", False))
        if not quiet or noisy:
            message = "Exception occurred while handling uri: %s"
            if sys.exc_info()[1] is exception:
                # being handled: logging finds it (the call Sanic makes, which tests that
                # replace the logger with a mock expect)
                error_logger.exception(message, _url_of(request))
            else:
                error_logger.exception(message, _url_of(request), exc_info=exception)


__all__ = ["ErrorHandler"]
