"""The app as an ASGI 3 application: HTTP (streamed both ways), websockets and lifespan.

Per HTTP request an ``ASGIApp`` builds the app's ``Request`` and serves as its
``stream`` (the "stream protocol" of docs/INTERFACES.md: ``read``, ``respond``, ``send``),
then hands it to ``app.handle_request``. Lifespan startup runs ``before_server_start`` and
``after_server_start``; shutdown runs ``before_server_stop`` and ``after_server_stop``.
``main_process_*`` and ``reload_process_*`` listeners cannot run under an ASGI server
(there is no main process of ours): they are reported with a warning.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
import weakref
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from hurtle_app.helpers import Default
from hurtle_app.models.asgi import ASGIReceive, ASGIScope, ASGISend, MockTransport
from hurtle_http.conninfo import ConnInfo
from hurtle_http.exceptions import BadRequest, PayloadTooLarge, RequestCancelled, ServerError
from hurtle_http.headers import Header
from hurtle_http.stages import Stage
from hurtle_http.writer import (
    CR_OR_LF_IN_FIELD,
    NON_ASCII_FIELD_NAME,
    NUL_IN_FIELD,
    InvalidHeader,
    _head_length_as_digits,
    _is_digits,
)

logger = logging.getLogger("sanic.root")
error_logger = logging.getLogger("sanic.error")

_PROCESS_LISTENERS = (
    "main_process_start",
    "main_process_ready",
    "main_process_stop",
    "reload_process_start",
    "reload_process_stop",
)
_NO_BODY_STATUS = frozenset({204, 205, 304})
_SERVER_LISTENERS = (
    "before_server_start",
    "after_server_start",
    "before_server_stop",
    "after_server_stop",
)
# Apps whose lifespan support is known: a lifespan.startup came, or a request came first.
_LIFESPAN_CHECKED: weakref.WeakSet[Any] = weakref.WeakSet()
_ASGI_TIMING = (
    ("before_server_start", "early", "before"),
    ("after_server_stop", "late", "after"),
)


class Lifespan:
    """Runs the server listeners on ASGI ``lifespan.startup`` / ``lifespan.shutdown``."""

    def __init__(self, sanic_app: Any, scope: ASGIScope, receive: ASGIReceive, send: ASGISend):
        self.sanic_app = sanic_app
        self.scope = scope
        self.receive = receive
        self.send = send
        skipped = [
            event for event in _PROCESS_LISTENERS if getattr(sanic_app, "listeners", {}).get(event)
        ]
        if skipped:
            error_logger.warning(
                "Listeners for %s cannot run under an ASGI server (it owns the processes); "
                "they are skipped. Use before_server_start/after_server_stop instead.",
                ", ".join(f'"{event}"' for event in skipped),
            )
        state = getattr(sanic_app, "state", None)
        if getattr(state, "is_debug", False):
            # As Sanic (debug mode, verbosity 2): when the outer server listeners run under ASGI.
            listeners = getattr(sanic_app, "listeners", {})
            for event, when, bound in _ASGI_TIMING:
                if listeners.get(event):
                    logger.debug(
                        f'You have set a listener for "{event}" in ASGI mode. It will be '
                        f"executed as {when} as possible, but not {bound} the ASGI server "
                        f"is {'started' if bound == 'before' else 'stopped'}.",
                        extra={"verbosity": 2},
                    )

    async def startup(self) -> None:
        """Finalize the app and run the start-up listeners."""
        app = self.sanic_app
        config = getattr(app, "config", None)
        if (
            config is not None
            and "USE_UVLOOP" in config  # (removed from the config: nobody set it)
            and not isinstance(config["USE_UVLOOP"], Default)
        ):
            # As Sanic: the ASGI server owns the loop, so the setting cannot be honoured.
            warnings.warn(
                "You have set the USE_UVLOOP configuration option, but Sanic cannot control "
                "the event loop when running in ASGI mode.This option will be ignored.",
                UserWarning,
                stacklevel=2,
            )
        announce = getattr(app, "_announce_asgi", None)
        if announce is not None:
            # The start-up banner, when the app class prints one (sanic.Sanic): as Sanic,
            # before the app starts (and before sanic-ext's "Sanic Extensions:" lines).
            announce()
        await app._startup()
        await app._server_event("init", "before")
        await app._server_event("init", "after")

    async def shutdown(self) -> None:
        """Run the shutdown listeners."""
        await self.sanic_app._server_event("shutdown", "before")
        await self.sanic_app._server_event("shutdown", "after")

    async def __call__(self) -> None:
        while True:
            message = await self.receive()
            kind = message.get("type")
            if kind == "lifespan.startup":
                _lifespan_checked(self.sanic_app)  # the server has lifespan support
                if not await self._phase("startup", self.startup):
                    return
            elif kind == "lifespan.shutdown":
                await self._phase("shutdown", self.shutdown)
                return

    async def _phase(self, phase: str, run: Callable[[], Awaitable[None]]) -> bool:
        """Run the ``startup`` or ``shutdown`` listeners and report to the server how it
        went (``lifespan.<phase>.complete`` or ``.failed``); whether they succeeded."""
        try:
            await run()
        except asyncio.CancelledError:
            raise
        except BaseException as error:
            # sys.exit() in a listener too: escaping, the ASGI server would take it for
            # "lifespan unsupported" and serve an app that did not start.
            # As Sanic: the log line is the error's own message (uvicorn, hypercorn and
            # granian print only the "failed" message, not the traceback).
            text = str(error) if isinstance(error, Exception) else ""
            error_logger.exception(text or f"Application {phase} failed")
            await self.send({"type": f"lifespan.{phase}.failed", "message": str(error)})
            return False
        await self.send({"type": f"lifespan.{phase}.complete"})
        return True


def _lifespan_checked(sanic_app: Any) -> bool:
    """Whether the app's lifespan support was already seen; marks it seen from now on."""
    try:
        if sanic_app in _LIFESPAN_CHECKED:
            return True
        _LIFESPAN_CHECKED.add(sanic_app)
    except TypeError:  # an app class made unhashable (__eq__ without __hash__): no warning
        return True
    return False


def _warn_no_lifespan(sanic_app: Any) -> None:
    """Say once that the server listeners will not run: the ASGI server sent a request
    without a ``lifespan.startup`` first (daphne has no lifespan protocol; uvicorn's
    ``--lifespan off``). Sanic answers every request there with a 500."""
    tasks = getattr(sanic_app, "_task_registry", None)
    if tasks is None or tasks.loop is not None or tasks.starting:
        return  # the start-up ran (lifespan, or a test client's own listener run)
    listeners = getattr(sanic_app, "listeners", {})
    skipped = [event for event in _SERVER_LISTENERS if listeners.get(event)]
    if skipped:
        error_logger.warning(
            "The ASGI server sent no lifespan.startup before the first request (it has no "
            "lifespan support, or it is turned off): the listeners for %s do not run.",
            ", ".join(f'"{event}"' for event in skipped),
        )


class ASGIApp:
    """One ASGI HTTP or websocket exchange; the request's ``stream``."""

    _asgi_single_callable = True  # asgiref's marker, as Sanic's

    sanic_app: Any
    request: Any
    response: Any
    transport: MockTransport
    _max_size: float
    _own_max_size = False

    def __init__(self) -> None:
        self.response = None
        self._body_done = False
        self._head_sent = False
        self._head_only = False
        self._ran = False
        self._handling = False
        self._received = 0
        self._status_error = False
        self._body_unlimited = False
        self._task: asyncio.Task[Any] | None = None
        self._watcher: asyncio.Task[None] | None = None
        self._inbox: asyncio.Queue[Any] | None = None
        self._client_gone = False
        self._length_checked = False
        self._exchange_over = False

    @classmethod
    async def create(
        cls, sanic_app: Any, scope: ASGIScope, receive: ASGIReceive, send: ASGISend
    ) -> ASGIApp | None:
        """Serve one ASGI connection: lifespan, an HTTP request or a websocket."""
        kind = scope.get("type")
        sanic_app.state.asgi = True
        if kind == "lifespan":
            sanic_app._asgi_lifespan = Lifespan(sanic_app, scope, receive, send)
            await sanic_app._asgi_lifespan()
            return None
        if not _lifespan_checked(sanic_app):
            _warn_no_lifespan(sanic_app)
        instance = cls()
        instance.sanic_app = sanic_app
        instance.transport = MockTransport(scope, receive, send)
        instance._max_size = int(getattr(sanic_app.config, "REQUEST_MAX_SIZE", 100_000_000))
        if kind == "websocket":
            message = await receive()
            if message.get("type") != "websocket.connect":
                return None
            instance._body_done = True
        elif kind != "http":
            raise ServerError(f"Unsupported ASGI scope type: {kind!r}")
        instance.request = instance._build_request(scope)
        # As Sanic: the exchange served last, whose ``transport.scope`` plugins read
        # (idom/reactpy's websocket view reads the scope there).
        sanic_app._asgi_app = instance
        await instance()
        return instance

    def _build_request(self, scope: ASGIScope) -> Any:
        app = self.sanic_app
        try:
            # As the HTTP server here and Sanic: values are UTF-8 (undecodable bytes kept
            # as surrogate escapes), names must be ASCII.
            fields = [
                (name.decode("ascii"), value.decode("utf-8", "surrogateescape"))
                for name, value in scope.get("headers", ())
            ]
        except UnicodeDecodeError:
            raise BadRequest("Header names can only contain US-ASCII characters") from None
        raw_path = scope.get("raw_path") or quote(scope.get("path", "/")).encode()
        query = scope.get("query_string", b"")
        url_bytes = raw_path + (b"?" + query if query else b"")
        method = scope.get("method", "GET") if scope["type"] == "http" else "GET"
        version = scope.get("http_version", "1.1")
        request = app.request_class(url_bytes, Header(fields), version, method, self.transport, app)
        request._head = b""  # no HTTP/1 head came with it: request.head is b"", as Sanic's
        request._fields = fields  # raw_headers: the fields as received, whatever changes them
        # The request of this cycle (Request.get_current()); only a served request is current.
        request._current.set(request)
        request.stream = self
        request.conn_info = ConnInfo(self.transport)
        self._head_only = method == "HEAD"
        return request

    async def __call__(self) -> None:
        if self._ran:
            return
        self._ran = True
        request = self.request
        app = self.sanic_app
        if self.transport.scope["type"] == "http":
            self._task = asyncio.current_task()
            if "expect" not in request.headers:
                # With Expect: 100-continue the first receive makes the server send
                # "100 Continue": the client is asked for its body only when it is read.
                self._start_receiving()
        try:
            try:
                if "http.lifecycle.request" in app._signal_events:
                    # Under ASGI the server reads the head: the request signal is the first.
                    await app.dispatch(
                        "http.lifecycle.request", inline=True, context={"request": request},
                        fail_not_found=False,
                    )
                self._handling = True
                await app.handle_request(request)
            except Exception as error:
                self._handling = True
                await self.sanic_app.handle_exception(request, error)
            if self.transport.scope["type"] == "http" and not self._body_done_sending():
                # The handler returned without finishing its response: finish it.
                if self.response is not None and self.send is not None:
                    await self.send(b"", True)
        except asyncio.CancelledError:
            if not self._client_gone:
                raise
            # Our own cancel (the client left). As when Hurtle serves the socket (and in
            # Sanic), the response of the handler cut short is detached: a task of it
            # still sending gets an error, not silence.
            if self.response is not None:
                self.response.stream = None
            if not self._head_sent:
                await self._answer_cancelled(request)
        finally:
            watcher, self._watcher = self._watcher, None
            self._exchange_over = True
            if watcher is not None:
                watcher.cancel()
                self._end_readers()
            task = self._task
            # (cancelling/uncancel are Python 3.11+; 3.10 keeps no count to undo)
            if self._client_gone and task is not None and getattr(task, "cancelling", None):
                if task.cancelling():
                    task.uncancel()

    async def _answer_cancelled(self, request: Any) -> None:
        """As when Hurtle or Sanic serve the socket: a client gone before its response
        started leaves the request to the app's error path with ``RequestCancelled``
        (the exception signals, its exception handler, the response middleware), whose
        answer goes nowhere."""
        task = self._task
        # (cancelling/uncancel are Python 3.11+): the cancel was ours and is over, so a
        # timeout the error path sets up is not taken for it.
        if task is not None and getattr(task, "cancelling", None) and task.cancelling():
            task.uncancel()
        with contextlib.suppress(RequestCancelled):  # (its send: the client is gone)
            await self.sanic_app.handle_exception(request, RequestCancelled())

    def _start_receiving(self) -> None:
        self._inbox = asyncio.Queue(maxsize=2)
        self._watcher = asyncio.get_running_loop().create_task(self._receive_all())

    async def _receive_all(self) -> None:
        # The one reader of the server's messages: body messages go to ``read`` through
        # a small inbox (the server's flow control still holds a client that sends
        # faster than the app reads). If the client leaves before the response is
        # finished, the handler is cancelled, as when Hurtle or Sanic serve the socket
        # themselves: ASGI servers drop what is sent after a
        # disconnect, so a streaming or waiting handler would otherwise run on forever.
        inbox = self._inbox
        assert inbox is not None
        body_complete = False
        extra = 0  # messages after the body: only http.disconnect is due, bound the rest
        try:
            while extra < 1000:
                message = await self.transport.receive()
                kind = message.get("type")
                if kind == "http.disconnect":
                    self.transport.peer_gone()
                    break
                if kind == "http.request" and not body_complete:
                    body_complete = not message.get("more_body", False)
                    await inbox.put(message)
                else:
                    extra += 1
            else:
                return
        except Exception as error:  # the server's receive failed: read() reports it
            if not inbox.full():
                inbox.put_nowait({"type": "hurtle.receive_failed", "error": error})
            return
        if body_complete:
            self._watcher = None
        elif not inbox.full():
            # Gone while sending the body: a task of the handler's that reads it later
            # gets read()'s BadRequest (as when served, after the connection's release).
            inbox.put_nowait(message)
        if self._body_done_sending() or self._task is None or self._task.done():
            return
        # As when Hurtle serves the socket, mid-body too: the handler (or the body's read
        # before it) is cancelled, then __call__ answers RequestCancelled through the
        # error path for nobody (not the 400 of a body cut short).
        self._client_gone = True
        self._task.cancel()

    async def _answer_instead(self, response: Any, error: BaseException) -> None:
        # ``response`` cannot go out and nothing of it did (a 1xx status, a field that
        # would split the head, a head the server refused): the error page for ``error``
        # instead, as when Hurtle serves the socket. The response middleware already ran
        # on the replaced response: not again. ``response`` stays bound: what its handler
        # still sends finds the error page sent ("Response stream was ended...").
        self.response = None
        self._head_sent = False
        if getattr(self.request, "responded", False):  # a respond() stream: not sent
            self.request.responded = False
        if self._status_error:  # the error page cannot go out either
            self._head_sent = True
            self.send = None  # type: ignore[assignment]
            await self.transport.send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8")],
                }
            )
            await self.transport.send({"type": "http.response.body", "body": b"Internal Server Error"})
            return
        self._status_error = True
        try:
            await self.sanic_app.handle_exception(self.request, error, run_middleware=False)
        finally:
            self._status_error = False
        self.send = None  # type: ignore[assignment]

    def _end_readers(self) -> None:
        # The exchange is over with its body still coming: nothing reads the server's
        # messages any more, so a task of the handler's still reading the body gets its
        # end (as in Sanic's ASGI mode) instead of waiting on the inbox forever.
        inbox = self._inbox
        if inbox is not None and not inbox.full():
            inbox.put_nowait({"type": "hurtle.exchange_over"})

    def _body_done_sending(self) -> bool:
        return self.send is None

    # -- the stream protocol ----------------------------------------------------------

    async def read(self) -> bytes | None:
        """The next request body chunk, ``None`` at the end."""
        if not self._length_checked:
            self._length_checked = True
            self._refuse_declared_length()
        if self._inbox is None and self._task is not None and not self._body_done:
            if self._exchange_over:
                return None  # (the end, as above: nothing reads the server's messages)
            self._start_receiving()
        while not self._body_done:
            inbox = self._inbox
            if inbox is not None and self._exchange_over and inbox.empty():
                self._body_done = True
                break
            message = await (inbox.get() if inbox is not None else self.transport.receive())
            kind = message.get("type")
            if kind == "hurtle.exchange_over":
                self._body_done = True
                break
            if kind == "hurtle.receive_failed":
                self._body_done = True
                raise message["error"]
            if kind == "http.disconnect":
                self._body_done = True
                self.transport.peer_gone()
                raise BadRequest("The client disconnected while sending the body")
            if kind != "http.request":
                continue
            if not message.get("more_body", False):
                self._body_done = True
            chunk = message.get("body", b"")
            self._received += len(chunk)
            if self._received > self._max_size and self._limit_applies():
                self._body_done = True
                raise PayloadTooLarge("Request body exceeds the size limit")
            if chunk:
                return chunk
        return None

    def _refuse_declared_length(self) -> None:
        # As when served: a Content-Length over REQUEST_MAX_SIZE is a 413 at once, before
        # any of the body is read (the client may be slow to send it, or never will).
        declared = self.request.headers.get("content-length", "")
        if not (declared.isascii() and declared.isdigit()):
            return
        too_long = len(declared) > 18 or int(declared) > self._max_size
        if too_long and self._limit_applies():
            self._body_done = True
            raise PayloadTooLarge("Request body exceeds the size limit")

    @property
    def request_max_size(self) -> float:
        """``REQUEST_MAX_SIZE``; ``inf`` in a ``stream=True`` route, whose body is read
        whatever its size (as under Sanic's ASGI mode), unless its handler set one here: its
        later reads are then held to it (413 past it), as when served."""
        if not self._limit_applies():
            return float("inf")
        return self._max_size

    @request_max_size.setter
    def request_max_size(self, value: float) -> None:
        self._max_size = value
        self._own_max_size = True

    def _limit_applies(self) -> bool:
        # REQUEST_MAX_SIZE, unless the route streams its body; a limit the handler set on
        # request.stream always (as when served: its later reads are held to it).
        return self._own_max_size or not self._unlimited()

    def _unlimited(self) -> bool:
        # As when served: a stream=True route reads a body of any size (as in Sanic).
        if not self._body_unlimited:
            self._body_unlimited = bool(self.sanic_app.streams_body(self.request))
        return self._body_unlimited

    def __aiter__(self) -> ASGIApp:
        return self

    async def __anext__(self) -> bytes:
        chunk = await self.read()
        if chunk is None:
            raise StopAsyncIteration
        return chunk

    @property
    def ws(self) -> Any:
        """The exchange's websocket once the handshake made one, else None (as Sanic's
        ``ASGIApp.ws``, read through ``app._asgi_app``)."""
        return self.transport._websocket

    @property
    def stage(self) -> Stage:
        """Where the response is, as on a connection's ``Http``: HANDLER until its head
        is sent, RESPONSE while its body is, IDLE once it is finished (as in Sanic's ASGI
        app, where apps read ``request.stream.stage`` and ``response.stream.stage``).
        IDLE before the handling starts (in ``http.lifecycle.request`` handlers), as Sanic's."""
        if not self._handling:
            return Stage.IDLE
        if not self._head_sent:
            return Stage.HANDLER
        return Stage.IDLE if self.send is None else Stage.RESPONSE

    def respond(self, response: Any) -> Any:
        """Bind ``response`` to this exchange (replacing one whose head is not sent yet)."""
        if self._head_sent:
            raise ServerError("Response already started")
        if self.response is not None and self.response is not response:
            self.response.stream = None
        response.stream = self
        response.asgi = True
        self.response = response
        return response

    async def send(self, data: bytes | None, end_stream: bool | None) -> None:
        """Send response data (the head first); ``end_stream`` finishes the response."""
        if self._client_gone:
            # ASGI servers drop what is sent after a disconnect: say so, as a send to a
            # gone client does when Hurtle serves the socket.
            raise RequestCancelled()
        response = self.response
        if response is None:
            raise ServerError("No response is bound to this ASGI exchange")
        data = data or b""
        if self.transport.scope["type"] == "websocket":
            # A response instead of a handshake (no route, an error): refuse the websocket.
            # With the ASGI "websocket.http.response" extension the client gets the response
            # itself (a 404 page, as when Hurtle serves the socket); else the server's 403.
            extensions = self.transport.scope.get("extensions") or {}
            if "websocket.http.response" in extensions and not self._head_sent:
                if _invalid_status(response.status):  # uvicorn failed on it (RFC 9110 15)
                    error = RuntimeError(f"Invalid response status {response.status}")
                    await self._answer_instead(response, error)
                    return
                self._head_sent = True
                await self.transport.send(
                    {
                        "type": "websocket.http.response.start",
                        "status": response.status,
                        "headers": _asgi_headers(response),
                    }
                )
                await self.transport.send(
                    {"type": "websocket.http.response.body", "body": data or response.body or b""}
                )
            else:
                await self.transport.send({"type": "websocket.close", "code": 1000})
            self.send = None  # type: ignore[assignment]
            return
        if not self._head_sent:
            if not data and response.body:
                data, end_stream = response.body, True
                if isinstance(data, str):
                    # ``response.body = "text"`` set after the response was made: sent as
                    # UTF-8, as Sanic's ASGI mode does (a str is no ASGI body: the server
                    # would fail on it).
                    data = data.encode("utf-8")
            status = response.status
            headers = response.headers
            if _invalid_status(status):
                # RFC 9110 section 15.2: a 1xx is never the final response (a client would
                # wait for another): an error page, as when Hurtle or Sanic serve the app
                # themselves (Sanic's ASGI mode sends the 1xx and its body).
                await self._answer_instead(response, RuntimeError(f"Invalid response status {status}"))
                return
            if status in _NO_BODY_STATUS:
                headers.popall("content-length", None)
                headers.popall("transfer-encoding", None)
                if status == 205:  # RFC 9110 15.3.6: no content, and the length says so
                    headers["content-length"] = "0"
                data, end_stream = b"", True
            elif end_stream:
                if "transfer-encoding" in headers:  # RFC 9112 6.2: never with a length
                    headers.popall("transfer-encoding")
                if "content-length" not in headers:
                    headers["content-length"] = str(len(data))
                elif data or not self._head_only:
                    # The whole body is known: its length, not the handler's (a wrong
                    # one made the server cut the response), as when Hurtle or Sanic
                    # serve the socket. A HEAD answer without a body keeps the handler's
                    # value: the length a GET would send (RFC 9110 9.3.2).
                    headers.popall("content-length")
                    headers["content-length"] = str(len(data))
                else:
                    _head_length_as_digits(headers)
            elif "content-length" in headers and not self._status_error:
                # A stream's own length, checked before the head goes (uvicorn takes the
                # head, then fails reading the value, and nothing can follow), as when
                # Hurtle serves the socket: raised from this send, so the error page
                # still goes out.
                _check_stream_length(headers, len(data), self._head_only)
                headers.popall("transfer-encoding", None)  # RFC 9112 6.2: not both
            fields = _asgi_headers(response)
            invalid = _invalid_field(fields)
            if invalid:
                # RFC 9110 section 5.5: CR or LF would end the field and start another
                # (response splitting), NUL is as dangerous. Hurtle's server answers a 500
                # page instead; under uvicorn the head was refused and the client got
                # nothing, unlogged.
                await self._answer_instead(response, InvalidHeader(invalid))
                return
            self._head_sent = True
            try:
                await self.transport.send(
                    {"type": "http.response.start", "status": status, "headers": fields}
                )
            except Exception as refused:
                # The server refused the head (uvicorn: a field name it cannot write), so
                # nothing went out: the error page for its reason (it was lost silently;
                # any error, not only the RuntimeError uvicorn raises for a field: the
                # pipeline takes a failed send for a client gone and says nothing).
                await self._answer_instead(response, refused)
                return
        if self._head_only:
            data = b""
        try:
            await self.transport.send(
                {"type": "http.response.body", "body": data, "more_body": not end_stream}
            )
        except RuntimeError:
            # The server refused the body (uvicorn: more or less than the Content-Length
            # the handler stated): the exchange is over. The error goes to the handler
            # and the error handler as usual; nothing more is sent, so the server is not
            # handed the same refusal again at the end ("Exception in ASGI application").
            self.send = None  # type: ignore[assignment]
            raise
        if end_stream:
            self.send = None  # type: ignore[assignment]


def _check_stream_length(headers: Any, size: int, head_only: bool) -> None:
    """A streamed response's own ``Content-Length`` as Hurtle's server takes it: one
    ``int()`` refuses raises its ``ValueError`` (as in Sanic), ``"+4"`` or ``"0_4"`` go
    out as the number (RFC 9110 8.6), a negative one for HEAD and a first piece already
    longer than it are a ``ServerError`` (RFC 9112 6.3: the rest would be read as the
    next response)."""
    stated = headers["content-length"]
    total = int(stated)
    if total < 0 and head_only:
        raise ServerError("Invalid Content-Length in the response headers")
    if size > total and not head_only:
        raise ServerError("Response was bigger than content-length")
    if not _is_digits(stated):
        headers["content-length"] = str(total)


def _invalid_field(fields: list[tuple[bytes, bytes]]) -> str:
    """Why a field name or value cannot be sent (CR or LF, or NUL in it, or a name beyond
    ASCII), or ``""``."""
    for name, value in fields:
        if b"\n" in value or b"\r" in value or b"\n" in name or b"\r" in name:
            return CR_OR_LF_IN_FIELD
        if b"\x00" in value or b"\x00" in name:
            return NUL_IN_FIELD
        if not name.isascii():
            return NON_ASCII_FIELD_NAME
    return ""


def _invalid_status(status: Any) -> bool:
    """Whether ``status`` cannot be a final answer's: a 1xx is never final, every valid
    status is an int within 100-599 (RFC 9110 section 15), and uvicorn cannot write another
    (it failed after taking the head, and the client got nothing, logged nowhere). A float,
    even a whole one, or no number at all (None, "200") is the 500 page, as in Sanic."""
    return not isinstance(status, int) or status < 200 or status > 599


def _asgi_headers(response: Any) -> list[tuple[bytes, bytes]]:
    """The response's fields for an ASGI ``*.response.start``: the spec says header names
    must be lower-cased (ASGI HTTP spec, "Response Start"), so servers and ASGI middleware
    may compare them as bytes (``b"content-encoding"``); Sanic passes them as written."""
    return [(name.lower(), value) for name, value in response.processed_headers]


__all__ = ["ASGIApp", "Lifespan"]
