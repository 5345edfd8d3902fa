"""The request path through the framework (the hot path).

``RequestPipeline.handle`` is what the HTTP protocol awaits for every request: route it,
run the route's prebuilt request-middleware chain, the handler, the response chain, and
send the response. Everything that can be decided at start-up is read from ``route.extra``
(filled by ``Sanic.finalize``): the middleware tuples, whether the handler is a coroutine
function and whether the body must be read first. The variant with signals is only used
when the app registered ``http.*`` signal handlers.
"""

from __future__ import annotations

import logging
from asyncio import CancelledError, current_task
from inspect import isawaitable
from types import FunctionType
from typing import Any

from hurtle_app.router import CACHE_LIMIT, CACHED_PATH_MAX
from hurtle_http.exceptions import RequestCancelled, ServerError, ServiceUnavailable
from hurtle_http.http import Http
from hurtle_http.request import Request
from hurtle_http.response import BaseHTTPResponse, ResponseStream

error_logger = logging.getLogger("sanic.error")


# What a routed request's ``hit`` holds in place of its one path parameter's value when the
# handler takes its parameters by keyword (see ``remember_target``).
_BY_KEYWORD: Any = object()


def _no_handler(exc: Exception) -> Exception:
    """What a request whose route came with no handler answers (as Sanic: a 500 saying
    so), in place of the ``TypeError`` of calling ``None``."""
    if not isinstance(exc, TypeError):
        return exc
    error = ServerError("'None' was returned while requesting a handler from the router")
    error.__cause__ = exc
    return error


class RequestPipeline:
    """Routes, runs and answers requests for one (finalized) app."""

    def __init__(self, app: Any) -> None:
        self.app = app
        # PERF: bound once; the per-request code reads locals/attributes, not the app.
        router = app.router
        self.router_get = router.get
        self.host_routing = bool(getattr(router, "_host_routing", False))
        # PERF: requests whose target is a plain path are routed by their raw bytes
        # (method -> target -> route, handler, params, path): no path decoding and no
        # router call on a repeat (benchmarks/inproc.py "GET /user/123"). Only for the
        # stock ``Request.path`` (a subclass may compute it differently) and no hosts.
        request_class = getattr(app, "request_class", None) or Request
        self.by_target: dict[str, dict[bytes, tuple[Any, ...]]] | None = (
            getattr(router, "_by_target", None)
            if not self.host_routing and getattr(request_class, "path", None) is Request.path
            else None
        )
        # PERF: decided once: requests of this class read a body that came with its head
        # with take_whole_body (what take_ready_body does after checking the class).
        self.stock_receive = getattr(request_class, "receive_body", None) is Request.receive_body
        # App-wide chains, for requests that match no route (404/405), as Sanic does.
        self.global_request, self.global_response = app._middleware.global_chains()

    async def handle(self, request: Any) -> None:
        """Answer one request (the ``ServerApp.handle_request`` of the HTTP core)."""
        by_target = self.by_target
        hit = None
        if by_target is not None:
            targets = by_target.get(request.method)
            if targets is not None:
                hit = targets.get(request.raw_url)
        if hit is None:
            try:
                hit = self.resolve(request)
            except Exception as exc:
                await self.unrouted(request, exc)
                return
        # PERF: the route's settings come unpacked with the lookup (no attribute reads).
        (
            route,
            handler,
            params,
            request._path,
            read_body,
            request_middleware,
            response_middleware,
            handler_is_async,
            websocket,
            arg,
        ) = hit
        request.route = route
        if params:
            params = request._match_info = params.copy()
        # else: PERF: match_info makes its empty dict on first read (most never read it)
        response = None
        try:
            # PERF: only await the body when the connection says one is coming
            # (benchmarks/ "GET /": add_route GET routes do not ignore the body).
            if (
                read_body
                and (
                    # PERF: the connection's Http read as such (no getattr() call)
                    stream.request_body
                    if type(stream := request.stream) is Http
                    else getattr(stream, "request_body", True)
                )
                and not (self.stock_receive and request.take_whole_body())
            ):
                try:
                    await request.receive_body()
                except Exception as exc:  # error branch only (no cost on the way through)
                    await self.app.handle_exception(request, exc, request_middleware=True)
                    return
            # PERF: the middleware loops are inlined (no helper coroutine per request;
            # benchmarks/ "mw GET /json"), and skipped whole when the chain is empty.
            if request_middleware:
                for func, is_async in request_middleware:
                    if is_async:
                        response = await func(request)
                    else:
                        response = func(request)
                        if isawaitable(response):
                            response = await response
                    if response:  # as Sanic: a falsy value (None, False, "") goes on
                        break
                else:
                    response = None
            if response is None:
                # PERF: a handler that takes its one path parameter second, by position or
                # by keyword, gets it by position (no ** unpacking: about 1,400
                # instructions; benchmarks/ "GET /user/123"). See remember_target.
                if not params:
                    response = handler(request)
                elif arg is _BY_KEYWORD:
                    response = handler(request, **params)
                else:
                    response = handler(request, arg)
                if handler_is_async or isawaitable(response):
                    response = await response
                if websocket:
                    return
            if not isinstance(response, BaseHTTPResponse):
                response = await self.non_http_response(request, response, response_middleware)
                if response is None:
                    return
                response_middleware = ()  # they ran on the handler's value
            # PERF: inlined _not_responded (no call on routes with response middleware).
            if response_middleware and (request.stream is None or request.stream.response is None):
                # As Sanic: the middleware sees the response connected to the request's
                # stream (``response.stream.stage``); only routes with response middleware.
                response.stream = request.stream
                try:
                    for func, is_async in response_middleware:
                        if is_async:
                            result = await func(request, response)
                        else:
                            result = func(request, response)
                            if isawaitable(result):
                                result = await result
                        if result:  # as Sanic: a falsy value (None, False, "") goes on
                            response = result
                            break
                except Exception:
                    # As in Sanic: a failing response middleware is logged, the rest of
                    # the chain is skipped and the response it was given goes out.
                    error_logger.exception(
                        "Exception occurred in one of response middleware handlers"
                    )
                else:
                    # PERF: only a middleware that returned something is checked.
                    if result and not isinstance(result, BaseHTTPResponse):
                        check_middleware_result(request, result)
        except Exception as exc:
            if handler is None:  # error branch only: a router that gave no handler
                exc = _no_handler(exc)
            await self.app.handle_exception(request, exc)
            return
        except CancelledError as exc:
            if response_middleware and isinstance(response, BaseHTTPResponse):
                # Cut in the response middleware (the one await that holds a response):
                # as in Sanic it runs once per request, so the error page (a response
                # timeout's 503) goes out without it. Marked here, off the hot path.
                request._response_middleware_started = True
            if not raised_by_code(exc) or connection_gone(request, exc):
                raise
            close_after_answer(request)
            await self.app.handle_exception(request, exc)
            return
        stream = request.stream
        if stream is not None:
            # PERF: a plain whole response goes out synchronously (no send coroutines);
            # the connection's Http is called as such (no getattr() and bound method).
            if type(stream) is Http:
                done = stream.finish(response)
            else:
                finish = getattr(stream, "finish", None)  # the ASGI adapter has none
                done = finish is not None and finish(response)
            if done:
                # As Sanic: a request counts as responded once its response went out.
                request.responded = True
                return
            response, ignored = bind_response(stream, response, returned=True)
        else:
            ignored = False
        try:
            await response.send(end_stream=True)
        except Exception:  # the client went away mid-response
            error_logger.debug("Could not send the response", exc_info=True)
        request.responded = True
        if ignored:
            # As Sanic: said once the streamed response has ended (after its access line).
            error_logger.error(_NOT_SENT)

    def resolve(self, request: Any) -> tuple[Any, ...]:
        """Route ``request``: (route, handler, params, path, and the route's settings)."""
        if self.host_routing:
            route, handler, params = self.router_get(
                request.path, request.method, request._route_host, scheme=request.scheme
            )
        else:
            route, handler, params = self.router_get(request.path, request.method, None)
        extra = route.extra
        hit = (
            route,
            handler,
            params if not params or type(params) is dict else dict(params),
            request.path,
            extra.read_body,
            extra.request_middleware,
            extra.response_middleware,
            extra.handler_is_async,
            extra.websocket,
            _BY_KEYWORD,
        )
        if self.by_target is not None:
            remember_target(self.by_target, request, hit)
        return hit

    async def handle_with_signals(self, request: Any) -> None:
        """``handle`` plus the ``http.lifecycle/routing/handler`` signals."""
        dispatch = self.app.dispatch
        events = self.app._signal_events
        if "http.lifecycle.handle" in events:
            try:
                await dispatch("http.lifecycle.handle", inline=True, context={"request": request})
            except ServiceUnavailable:
                unavailable_skips_middleware(request)
                raise
        try:
            if "http.routing.before" in events:
                await dispatch("http.routing.before", inline=True, context={"request": request})
            if self.host_routing:
                route, handler, params = self.router_get(
                    request.path, request.method, request._route_host, scheme=request.scheme
                )
            else:
                route, handler, params = self.router_get(request.path, request.method, None)
            request.route = route
            request._match_info = params
        except Exception as exc:
            await self.unrouted(request, exc)
            return
        if "http.routing.after" in events:
            try:
                await dispatch(
                    "http.routing.after",
                    inline=True,
                    context={
                        "request": request,
                        "route": route,
                        "kwargs": params,
                        "handler": handler,
                    },
                )
            except Exception as exc:
                # As Sanic: the route is known, so its own request middleware (its
                # blueprint's too, not only the app's) runs before the error page.
                await self.app.handle_exception(request, exc, request_middleware=True)
                return
        extra = route.extra
        try:
            if extra.read_body and getattr(request.stream, "request_body", True):
                try:
                    await request.receive_body()
                except Exception as exc:
                    await self.app.handle_exception(request, exc, request_middleware=True)
                    return
            response = None
            if extra.request_middleware:
                response = await run_request_middleware(
                    request, extra.request_middleware, dispatch if middleware_signals(events) else None
                )
            if response is None:
                if "http.handler.before" in events:
                    await dispatch("http.handler.before", inline=True, context={"request": request})
                response = handler(request, **params)
                if isawaitable(response):
                    response = await response
                if "http.handler.after" in events:
                    await dispatch("http.handler.after", inline=True, context={"request": request})
                if extra.websocket:
                    return
            response_chain = extra.response_middleware
            if not isinstance(response, BaseHTTPResponse):
                response = await self.non_http_response(
                    request, response, response_chain, dispatch if middleware_signals(events) else None
                )
                if response is None:
                    return
                response_chain = ()  # they ran on the handler's value
            if response_chain and _not_responded(request):
                try:
                    response = await run_response_middleware(
                        request,
                        response,
                        response_chain,
                        dispatch if middleware_signals(events) else None,
                    )
                except Exception:
                    error_logger.exception(
                        "Exception occurred in one of response middleware handlers"
                    )
                check_middleware_result(request, response)
        except Exception as exc:
            if handler is None:
                exc = _no_handler(exc)
            await self.app.handle_exception(request, exc)
            return
        except CancelledError as exc:
            if not raised_by_code(exc) or connection_gone(request, exc):
                raise
            close_after_answer(request)
            await self.app.handle_exception(request, exc)
            return
        if "http.lifecycle.response" in events:
            await announce_response(dispatch, request, response)
        await self.send(request, response, returned=True)

    async def unrouted(self, request: Any, exc: Exception) -> None:
        """Answer a request that matched no route: app-wide middleware, then the error.

        As in Sanic, the routing error is reported (``server.exception.report``,
        ``http.lifecycle.exception``) before the middleware runs, whatever it does."""
        app = self.app
        await app.announce_exception(request, exc)
        announced = exc
        request._request_middleware_started = True  # here, or not at all
        if self.global_request:
            # As Sanic: the middleware signals are dispatched around these chains too.
            dispatch = middleware_dispatch(app)
            try:
                response = await run_request_middleware(request, self.global_request, dispatch)
            except Exception as error:
                exc = error
            else:
                if isinstance(response, ResponseStream):
                    # As Sanic: a stream the middleware answers with (file_stream() of a
                    # file the path names) goes out as a handler's would, the response
                    # middleware seeing the stream.
                    try:
                        response = await self.non_http_response(
                            request, response, self.global_response, dispatch, routed=False
                        )
                    except Exception as error:
                        await self.app.handle_exception(request, error)
                        return
                    if response is not None:
                        await self.send(request, response)
                    return
                if response is not None:
                    if self.global_response:
                        try:
                            response = await run_response_middleware(
                                request, response, self.global_response, dispatch
                            )
                        except Exception:
                            error_logger.exception(
                                "Exception occurred in one of response middleware handlers"
                            )
                    try:
                        check_middleware_result(request, response)
                    except ServerError as error:
                        await self.app.handle_exception(request, error)
                        return
                    if "http.lifecycle.response" in app._signal_events:
                        # As Sanic: the middleware's answer is announced as a handler's is.
                        await announce_response(app.dispatch, request, response)
                    await self.send(request, response)
                    return
        await app.handle_exception(request, exc, announced=exc is announced)

    async def non_http_response(
        self,
        request: Any,
        response: Any,
        chain: tuple[tuple[Any, bool], ...] = (),
        dispatch: Any = None,
        *,
        routed: bool = True,
    ) -> Any:
        """Handle a handler result that is not a plain response: streams, or an error.

        Any other value goes through the response middleware first (as in Sanic), which
        may turn it into a response; otherwise it is a 500 that the response middleware does
        not see again (``None`` gets its 500 through the middleware, as in Sanic).
        ``routed=False``: a stream a request middleware answered a request no route takes
        with, whose response middleware's non-response Sanic drops (the stream goes out).
        """
        streamed = getattr(request.stream, "response", None)
        if response is not None and streamed is not None and getattr(request, "responded", False):
            if not isinstance(response, ResponseStream):
                # The handler streamed with ``request.respond()`` and then returned some
                # other value (``return ""``): ignored with Sanic's error line, not a 500.
                error_logger.error(
                    "The response object returned by the route handler will not be sent "
                    "to client. The request has already been responded to."
                )
                response = None
        if response is None:
            # The handler streamed its response itself (``await request.respond()``).
            if streamed is not None:
                await self._announce_streamed(request, streamed)
                if hasattr(streamed, "eof"):
                    await streamed.eof()
                else:
                    await streamed.send(end_stream=True)
                return None
        elif isinstance(response, ResponseStream):
            if chain:
                # The middleware sees the stream itself (not the response it starts).
                request._response_middleware_started = True
                result = await self._run_chain(request, response, chain, dispatch)
                if result is not response:
                    # As Sanic: a response replaces the stream, another stream is sent
                    # instead, anything else is the 500 a handler's response gets.
                    if isinstance(result, BaseHTTPResponse):
                        return result
                    if isinstance(result, ResponseStream):
                        response = result
                    elif routed:
                        raise invalid_response(result)
            # Sends the head, runs the streaming function, then finishes the body.
            await response(request)
            await self._announce_streamed(request, getattr(request.stream, "response", None))
            await response.eof()
            return None
        else:
            if chain:
                response = await self._run_chain(request, response, chain, dispatch)
                if isinstance(response, BaseHTTPResponse):
                    return response
            request._response_middleware_started = True  # they saw the value already
        raise invalid_response(response)

    async def _announce_streamed(self, request: Any, streamed: Any) -> None:
        """``http.lifecycle.response`` for a response the handler streamed: dispatched
        once the handler is done, before the body's end is sent (if the handler has not
        sent it), with the started response, as Sanic does."""
        if streamed is None or "http.lifecycle.response" not in self.app._signal_events:
            return
        await announce_response(self.app.dispatch, request, streamed)

    async def respond_middleware(self, request: Any, response: Any) -> Any:
        """The response middleware of ``request``'s route (the app-wide chain when it has
        none) run on a response started with ``request.respond()``; what it returns."""
        route = request.route
        chain = self.global_response if route is None else route.extra.response_middleware
        if not chain:
            return response
        result = await self._run_chain(request, response, chain, middleware_dispatch(self.app))
        return result if isinstance(result, BaseHTTPResponse) else response

    @staticmethod
    async def _run_chain(
        request: Any, response: Any, chain: tuple[tuple[Any, bool], ...], dispatch: Any
    ) -> Any:
        try:
            return await run_response_middleware(request, response, chain, dispatch)
        except Exception:
            error_logger.exception("Exception occurred in one of response middleware handlers")
            return response

    @staticmethod
    async def send(request: Any, response: Any, returned: bool = False) -> None:
        """Bind ``response`` to the request's stream and send it whole (``returned``: the
        handler's response, see ``bind_response``)."""
        stream = request.stream
        ignored = False
        if stream is not None:
            response, ignored = bind_response(stream, response, returned)
        try:
            await response.send(end_stream=True)
        except Exception:
            error_logger.debug("Could not send the response", exc_info=True)
        request.responded = True
        if ignored:
            # As Sanic: said once the streamed response has ended (after its access line).
            error_logger.error(_NOT_SENT)


async def announce_response(dispatch: Any, request: Any, response: Any, **options: Any) -> None:
    """Dispatch ``http.lifecycle.response``; its handlers see ``request.responded`` True, as
    in Sanic (whose ``respond()`` sets it first). Sending decides for good afterwards."""
    connect(request, response)
    before = request.responded
    request.responded = True
    try:
        await dispatch(
            "http.lifecycle.response",
            inline=True,
            context={"request": request, "response": response},
            **options,
        )
    finally:
        request.responded = before


def unavailable_skips_middleware(request: Any) -> None:
    """As Sanic: a ``ServiceUnavailable`` (its response timeout's class) raised by an
    ``http.lifecycle.request`` or ``http.lifecycle.handle`` signal handler is answered
    without the request middleware (any other error runs it)."""
    request._request_middleware_started = True


def connect(request: Any, response: Any) -> None:
    """Give ``response`` the request's stream before the response middleware or the
    ``http.lifecycle.response`` handlers see it, as Sanic does (they may read
    ``response.stream.stage``); sending binds it for good afterwards."""
    stream = getattr(request, "stream", None)
    if stream is not None and isinstance(response, BaseHTTPResponse):
        response.stream = stream


def check_middleware_result(request: Any, response: Any) -> None:
    """Raise the 500 Sanic answers when middleware returned a truthy non-response.

    The response middleware does not run again on that error page (as in Sanic).
    """
    if not isinstance(response, BaseHTTPResponse):
        request._response_middleware_started = True
        raise invalid_response(response)


def invalid_response(value: Any) -> ServerError:
    """The error Sanic answers for a value that should have been a response (a 500)."""
    return ServerError(f"Invalid response type {value!r} (need HTTPResponse)")


def _not_responded(request: Any) -> bool:
    """No response was started with ``request.respond()`` (whose call ran the response
    middleware already: they run once per request, as in Sanic)."""
    stream = request.stream
    return stream is None or stream.response is None


def raised_by_code(exc: BaseException) -> bool:
    """True for a ``CancelledError`` some code raised, not one cancelling this task.

    Such an error is handled like any exception (error handlers, a 500), as in Sanic; a
    real cancellation (the client went away, the server stops) goes on propagating.
    """
    task = current_task()
    if not isinstance(exc, CancelledError) or task is None:
        return False
    cancelling = getattr(task, "cancelling", None)
    if cancelling is None:
        # Python 3.10 has no Task.cancelling(), nor any mark a cancelled task keeps: every
        # CancelledError is taken as the task's cancellation (it propagates). Taking some
        # for errors would swallow real ones: a task cancelled at shutdown went on to wait
        # for its connection's next request.
        return False
    return not cancelling()


def connection_gone(request: Any, exc: BaseException) -> bool:
    """True for the ``RequestCancelled`` a ``send`` raises on a connection that is closed
    (the server stopping, a peer reset not yet delivered): like the cancellation that
    follows, it ends the request with nothing more run for it (no exception signal, no
    error handler: there is no one to answer)."""
    if not isinstance(exc, RequestCancelled):
        return False
    transport = getattr(request, "transport", None)
    is_closing = getattr(transport, "is_closing", None)
    return bool(is_closing is not None and is_closing())


def close_after_answer(request: Any) -> None:
    """A ``CancelledError`` that code raised is answered (error handlers, else a 500),
    and the connection is then closed, as in Sanic: such an error may come from work the
    server cancelled, so the connection is not trusted with another request."""
    stream = request.stream
    if type(stream) is Http:
        stream.keep_alive = False


_NOT_SENT = (
    "The response object returned by the route handler will not be sent to client. The "
    "request has already been responded to."
)


def bind_response(stream: Any, response: Any, returned: bool = False) -> tuple[Any, bool]:
    """The response to finish on ``stream``: ``response``, unless one is already streaming;
    and whether a returned response is ignored (the caller logs Sanic's line for it once
    the streamed one has ended).

    A handler that streamed (``await request.respond()``) and then returned a response
    too gets its stream finished and the returned response ignored, as in Sanic; so does
    one that called ``respond()`` without sending anything yet (``returned``: ``response``
    is the handler's; an error page still replaces a response nothing was sent of).
    """
    if response is not None and stream.response is response:
        # Already bound: the handler returned the response it streams (``return
        # response`` after ``request.respond()``, sent from or not); it is finished.
        # Sanic says then, as for any response returned after ``respond()``, that it
        # will not be sent (what was bound goes out, whatever the handler returned).
        return response, returned
    started = (
        returned or getattr(stream, "response_func", None) or getattr(stream, "_head_sent", False)
    )
    if started and stream.response is not None and stream.response is not response:
        return stream.response, True
    return stream.respond(response), False


def response_started(request: Any) -> bool:
    """Whether part of a response already went out (or a ``respond()`` one has ended)."""
    stream = getattr(request, "stream", None)
    if stream is None:
        return False
    if getattr(stream, "response_func", None) or getattr(stream, "_head_sent", False):
        return True
    if not getattr(request, "responded", False):
        return False
    return getattr(stream, "response", 1) is None or getattr(stream, "send", 1) is None


def remember_target(
    by_target: dict[str, dict[bytes, tuple[Any, ...]]], request: Any, hit: tuple[Any, ...]
) -> None:
    """Remember a routed request by its raw target, if the target is a plain path."""
    raw = request.raw_url
    if raw[:1] != b"/" or b"?" in raw or b"#" in raw or len(raw) > CACHED_PATH_MAX:
        return  # the path is not the whole target, or too long: route it each time
    targets = by_target.get(request.method)
    if targets is None:
        targets = by_target[request.method] = {}
    elif len(targets) >= CACHE_LIMIT:
        targets.clear()
    handler, params = hit[1], hit[2]
    arg = _BY_KEYWORD
    if (
        params
        and not hit[5]
        and (not hit[4] or type(request).receive_body is Request.receive_body)
        and takes_second(handler, params)
    ):
        # Nothing of the app runs between routing and the handler (no request middleware,
        # the stock body read), so the value is the one the keyword would carry; and the
        # handler binds it the same either way.
        (arg,) = params.values()
    targets[raw] = (hit[0], handler, dict(params) if params else None, *hit[3:9], arg)


def takes_second(handler: Any, params: dict[str, Any]) -> bool:
    """Whether ``handler(request, value)`` binds exactly as ``handler(request, **params)``:
    one parameter, and ``handler`` is a plain function (its own code, not a wrapper's
    ``*args, **kwargs``) whose second parameter has that name and may be given by position."""
    if type(handler) is not FunctionType or len(params) != 1:
        return False
    code = handler.__code__
    return (
        code.co_argcount >= 2
        and code.co_posonlyargcount <= 1
        and code.co_varnames[1] == next(iter(params))
    )


# As Sanic: middleware signals carry which chain runs, so handlers registered with
# ``condition={"attach_to": "request"}`` (or "response") see only that chain.
_ON_REQUEST = {"attach_to": "request"}
_ON_RESPONSE = {"attach_to": "response"}


def middleware_signals(events: Any) -> bool:
    """Whether a middleware signal (``http.middleware.before``/``after``) has handlers."""
    return "http.middleware.before" in events or "http.middleware.after" in events


def middleware_dispatch(app: Any) -> Any:
    """``app.dispatch`` when a middleware signal has handlers, else ``None`` (the chains
    then run without dispatching anything)."""
    return app.dispatch if middleware_signals(app._signal_events) else None


async def run_request_middleware(
    request: Any, chain: tuple[tuple[Any, bool], ...], dispatch: Any = None
) -> Any:
    """Run a request chain; the first middleware returning a response ends it."""
    for func, is_async in chain:
        if dispatch is not None:
            await dispatch(
                "http.middleware.before",
                inline=True,
                context={"request": request, "response": None},
                condition=_ON_REQUEST,
                fail_not_found=False,
            )
        if is_async:
            result = await func(request)
        else:
            result = func(request)
            if isawaitable(result):
                result = await result
        if dispatch is not None:
            # As Sanic: the request chain's after-signal carries no response, even when
            # the middleware answered (its handlers see ``response=None``).
            await dispatch(
                "http.middleware.after",
                inline=True,
                context={"request": request, "response": None},
                condition=_ON_REQUEST,
                fail_not_found=False,
            )
        if result:  # as Sanic: a falsy value (None, False, "") goes on
            return result
    return None


async def run_response_middleware(
    request: Any, response: Any, chain: tuple[tuple[Any, bool], ...], dispatch: Any = None
) -> Any:
    """Run a response chain; a middleware returning a response replaces it and ends it."""
    connect(request, response)
    # As Sanic: the chain runs once per request; an error page for a response timeout (or
    # a cancellation) that cuts it short goes out without it.
    request._response_middleware_started = True
    for func, is_async in chain:
        if dispatch is not None:
            await dispatch(
                "http.middleware.before",
                inline=True,
                context={"request": request, "response": response},
                condition=_ON_RESPONSE,
                fail_not_found=False,
            )
        if is_async:
            result = await func(request, response)
        else:
            result = func(request, response)
            if isawaitable(result):
                result = await result
        if dispatch is not None:
            await dispatch(
                "http.middleware.after",
                inline=True,
                context={"request": request, "response": result or response},
                condition=_ON_RESPONSE,
                fail_not_found=False,
            )
        if result:  # as Sanic: a falsy value (None, False, "") goes on
            return result
    return response


__all__ = [
    "RequestPipeline",
    "invalid_response",
    "middleware_dispatch",
    "raised_by_code",
    "remember_target",
    "response_started",
    "run_request_middleware",
    "run_response_middleware",
]
