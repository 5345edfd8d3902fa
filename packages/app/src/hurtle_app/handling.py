"""How an app answers a request: ``RequestHandling``, a mixin of ``Sanic``.

``handle_request`` hands a request to the app's request pipeline (pipeline.py), which
routes it, runs the middleware and the handler, and sends the response.
``handle_exception`` answers an exception raised on the way: it dispatches the exception
signals, renders the error page with the app's error handler (a failing handler gets the
default page), runs the response middleware once, and sends the page unless a response
was already started (then that one is ended, so the client gets a complete message).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from inspect import isawaitable
from typing import TYPE_CHECKING, Any

from hurtle_app.pipeline import (
    RequestPipeline,
    announce_response,
    invalid_response,
    middleware_dispatch,
    raised_by_code,
    response_started,
    run_request_middleware,
    run_response_middleware,
)
from hurtle_app.signals import REPORT_EVENT
from hurtle_http.exceptions import MethodNotAllowed, NotFound, SanicException, ServerError
from hurtle_http.response import BaseHTTPResponse, ResponseStream

if TYPE_CHECKING:
    from hurtle_app.handlers import ErrorHandler
    from hurtle_app.router import Router

logger = logging.getLogger("sanic.root")
error_logger = logging.getLogger("sanic.error")


class RequestHandling:
    """Answering requests and the exceptions they raise (see the module docstring)."""

    if TYPE_CHECKING:
        # The app's parts these methods use (declared for type checkers only).
        _pipeline: RequestPipeline | None
        _signal_events: Any
        router: Router
        error_handler: ErrorHandler
        dispatch: Callable[..., Awaitable[Any]]

        async def _startup(self) -> None: ...

    async def handle_request(self, request: Any) -> None:
        """Route, run middleware and the handler, and send the response."""
        if self._pipeline is None:
            await self._startup()
        pipeline = self._pipeline
        if pipeline is None:  # pragma: no cover - _startup always sets it
            raise ServerError("The app is not finalized")
        if any(e.startswith("http.") for e in self._signal_events):
            await pipeline.handle_with_signals(request)
        else:
            await pipeline.handle(request)

    def streams_body(self, request: Any) -> bool:
        """Whether ``request`` goes to a route that streams its body (``stream=True``).

        Such a route reads a body of any size (``REQUEST_MAX_SIZE`` does not apply), as in
        Sanic; the HTTP core asks only when a body goes over the limit.
        """
        try:
            route, _, _ = self.router.get(
                request.path, request.method, request._route_host, scheme=request.scheme
            )
        except Exception:  # no route, a wrong method, a bad path: the limit holds
            return False
        return bool(getattr(route.extra, "stream", False))

    async def run_respond_middleware(self, request: Any, response: Any) -> Any:
        """Run the response middleware on a response started with ``request.respond()``
        (streamed responses get it there, before their head is sent, as in Sanic)."""
        pipeline = self._pipeline
        if pipeline is None:
            return response
        return await pipeline.respond_middleware(request, response)

    def _route_failed_request(self, request: Any, exception: BaseException) -> BaseException:
        """Route a request that failed before it was (its body could not be read, or was
        too large), as Sanic routes each request once its head is in: the route's error
        format, exception handlers and middleware then apply to the error page, and a
        request no route takes is answered 404/405 rather than with the body's error.
        Returns the exception to answer."""
        if self._pipeline is None:
            return exception
        try:
            hit = self._pipeline.resolve(request)
        except (NotFound, MethodNotAllowed) as unrouted:
            return unrouted
        except Exception:
            return exception
        request.route = hit[0]
        if hit[2]:
            request._match_info = dict(hit[2])
        return exception

    async def announce_exception(self, request: Any, exception: BaseException) -> None:
        """Dispatch ``server.exception.report`` and ``http.lifecycle.exception`` for an
        exception that is about to be answered (a signal handler's error was reported by
        its dispatch, as in Sanic: not again)."""
        if REPORT_EVENT in self._signal_events and not getattr(
            exception, "__dispatched__", False
        ):
            await self.dispatch(
                REPORT_EVENT,
                context={"exception": exception},
                fail_not_found=False,
            )
        if "http.lifecycle.exception" in self._signal_events:
            await self.dispatch(
                "http.lifecycle.exception",
                inline=True,
                context={"request": request, "exception": exception},
                fail_not_found=False,
            )

    async def handle_exception(
        self,
        request: Any,
        exception: BaseException,
        run_middleware: bool = True,
        *,
        announced: bool = False,
        request_middleware: bool = False,
    ) -> None:
        """Render ``exception`` with the error handler and send it (``announced``: the
        exception signals were already dispatched for it; ``request_middleware``: the
        request failed before its request middleware ran, so it runs now)."""
        if getattr(request, "route", True) is None:
            # The HTTP core failed this request before the app's pipeline had it (its
            # head or body could not be read): its request middleware has not run.
            if not getattr(request, "_request_middleware_started", True):
                request_middleware = True
            if _body_error(request) is exception:
                exception = self._route_failed_request(request, exception)
        if not announced:
            await self.announce_exception(request, exception)
        if response_started(request):
            # As Sanic: part of a response already went out, so no error page can follow;
            # the exception handlers are not run (their side effects would be for nothing).
            # The response is ended first, so its access line comes before the error's.
            await _end_started_response(request)
            self._report_unsent_error(request, exception, before_handler=True)
            return
        response = None
        if request_middleware and run_middleware:
            # As Sanic: a request that failed before its request middleware ran (a
            # malformed or timed-out head, a body over the limit or badly framed) still
            # goes through it once, so the response middleware finds what it set up; a
            # response it returns is sent instead of the error page, an error it raises
            # is answered in place of the first.
            try:
                response = await self._error_request_middleware(request)
            except Exception as error:
                await self.handle_exception(request, error)
                return
            if not isinstance(response, BaseHTTPResponse):
                response = None
        try:
            if response is None:
                response = self.error_handler.response(request, exception)
            if isawaitable(response):
                response = await response
        except Exception as error:
            error_logger.exception("Exception occurred in the error handler")
            if isinstance(error, SanicException):
                # As Sanic: an HTTP error raised by the error handler itself (a custom
                # ErrorHandler's response()) gets its own page.
                response = self.error_handler.default(request, error)
            else:
                response = self.error_handler.failed_response(request, error)
        if (
            isinstance(response, ResponseStream)
            and getattr(request, "stream", None) is not None
            and not response_started(request)
        ):
            # As Sanic: an exception handler may answer with a ResponseStream; it starts
            # its response itself (request.respond(), which runs the response middleware).
            try:
                await response(request)
                await response.eof()
            except Exception:
                error_logger.exception("Exception occurred while streaming an error response")
            return
        if not isinstance(response, BaseHTTPResponse) and not (
            response is None and getattr(getattr(request, "stream", None), "response", None)
        ):
            # As Sanic: an exception handler must answer with a response (or stream one);
            # the 500 for what it returned goes through the exception handlers once more (a
            # handler for Exception answers it), else it is the default page.
            response = await self._handle_invalid_response(request, response, exception)
        route = getattr(request, "route", None)
        # The response middleware runs once per request: not again on an error page
        # when request.respond() already ran it (as in Sanic).
        started = getattr(request, "_response_middleware_started", False)
        if run_middleware and response is not None and not started:
            if route is not None:
                chain = getattr(route.extra, "response_middleware", ())
            else:
                # No route (404/405, protocol errors): the app-wide middleware runs.
                chain = self._pipeline.global_response if self._pipeline else ()
            if chain:
                try:
                    result = await run_response_middleware(
                        request, response, chain, middleware_dispatch(self)
                    )
                    if not isinstance(result, BaseHTTPResponse):
                        # As Sanic (and as on a handler's response): a truthy value that
                        # is not a response is a 500 of its own, through the exception
                        # handlers, without the response middleware (they ran).
                        error = invalid_response(result)
                        error.__context__ = exception
                        await self.handle_exception(request, error)
                        return
                    response = result
                except Exception:
                    error_logger.exception(
                        "Exception occurred in one of response middleware handlers"
                    )
                except asyncio.CancelledError as exc:
                    if not raised_by_code(exc):
                        raise
                    error_logger.exception(
                        "Exception occurred in one of response middleware handlers"
                    )
        if response is None or getattr(request, "stream", None) is None:
            return
        if response_started(request):
            self._report_unsent_error(request, exception, before_handler=False)
            await _end_started_response(request)
            return
        if "http.lifecycle.response" in self._signal_events:
            # As Sanic: an error response is announced like any other.
            await announce_response(self.dispatch, request, response, fail_not_found=False)
        await RequestPipeline.send(request, response)

    async def _error_request_middleware(self, request: Any) -> Any:
        try:
            request._request_middleware_started = True  # once, even if it raises
        except AttributeError:
            pass
        route = getattr(request, "route", None)
        if route is not None:
            chain = getattr(route.extra, "request_middleware", ())
        else:
            chain = self._pipeline.global_request if self._pipeline else ()
        if not chain:
            return None
        return await run_request_middleware(request, chain, middleware_dispatch(self))

    async def _handle_invalid_response(
        self, request: Any, returned: Any, exception: BaseException | None = None
    ) -> Any:
        error = invalid_response(returned)
        try:
            raise error
        except ServerError:
            # As Sanic: the 500 is raised while the first error is being handled, so its
            # logged traceback shows that error too ("During handling of the above..."),
            # and its exception handlers run with it as the exception being handled
            # (``sys.exc_info()``, which APM agents' error handler wrappers report).
            if exception is not None:
                error.__context__ = exception
                # As Sanic: this 500 is an exception of its own, announced like the
                # first (``server.exception.report``, ``http.lifecycle.exception``).
                await self.announce_exception(request, error)
            try:
                response = self.error_handler.response(request, error)
                if isawaitable(response):
                    response = await response
            except Exception:
                response = None
            if isinstance(response, BaseHTTPResponse):
                return response
            return self.error_handler.default(request, error)

    def _report_unsent_error(
        self, request: Any, exception: BaseException, *, before_handler: bool
    ) -> None:
        """Log ``exception``, whose error page cannot be sent: a response was started."""
        if before_handler:
            # As Sanic: the exception itself (message and traceback) on ``sanic.error``.
            error_logger.error(exception, exc_info=exception)
        # Formatted here, as Sanic's record is: handlers reading ``record.msg`` (Sentry
        # titles and groups events by it) see the text, not a template.
        logger.error(
            "The error response will not be sent to the client for the following "
            f'exception:"{exception}". A previous response has at least partially been '
            "sent."
        )
        if not before_handler:
            return
        handler = self.error_handler.lookup(exception, getattr(request, "name", None))
        if handler is not None:
            logger.warning(
                "Exception handler %s was not run for %r: the request's response had "
                "already begun, so it could not send its response. To act on every "
                'exception, use a signal handler (`@app.signal("http.lifecycle.exception")`).',
                getattr(handler, "__name__", handler),
                exception,
            )


async def _end_started_response(request: Any) -> None:
    """End the response ``request`` started, so the client gets a complete message."""
    started = getattr(getattr(request, "stream", None), "response", None)
    if started is not None:
        try:
            await started.send(end_stream=True)
        except Exception:
            error_logger.debug("Could not end the response", exc_info=True)


def _body_error(request: Any) -> BaseException | None:
    """The error the HTTP core met reading ``request`` before handing it to the app."""
    body_error = getattr(getattr(request, "stream", None), "body_error", None)
    return body_error() if callable(body_error) else None


__all__ = ["RequestHandling"]
