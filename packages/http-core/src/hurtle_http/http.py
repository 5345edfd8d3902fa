"""``Http``: one HTTP/1.1 connection's request/response cycle (the stage machine's user).

Theory of operation
-------------------
``RequestReader`` (framing.py) parses bytes and calls this object's ``on_*`` methods.
A complete request head becomes an ``_Incoming`` record (the ``Request`` plus its body
buffer); the first one is ``current``, later (pipelined) ones wait in ``queue``.

``http1()`` is the connection handler: for each ready record it runs the app's
``handle_request`` and makes sure a complete response went out, then moves on to the
next, in order (RFC 9112 section 9.3.2).  The protocol starts it only when a head is
ready and it is not already running.

# PERF: one Task per connection, not one per request: ``http1()`` answers every request
# already parsed (pipelining), then parks on a future until ``data_received`` has the
# next head (a set_result, about half the cost of a new Task; handlers still run in a
# Task, as under Sanic). A complete request that arrives alone while the Task is parked
# is answered at once by ``HttpProtocol.data_received``, as that Task: in its context,
# with it as ``asyncio.current_task()``; only a handler that suspends (or fails, or leaves
# work) wakes the Task, which goes on from where the handler is (``_handover``).  With the
# config key ``HTTP_EAGER_DISPATCH`` it is instead
# stepped synchronously inside ``data_received`` (``coro.send(None)``), handed to a Task
# only if it suspends, and ends when no request is ready; that saves about 3 % of the
# instructions but leaves handlers without ``asyncio.current_task()`` (see protocol.py),
# so it is opt-in.

Responses are written by the ``ResponseWriter`` mixin (writer.py).
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import sys
import types
from collections import deque
from collections.abc import Coroutine, Generator
from time import perf_counter
from typing import TYPE_CHECKING, Any, cast

from multidict import CIMultiDict

from hurtle_http.exceptions import (
    STATUS_CODES,
    BadRequest,
    ExpectationFailed,
    PayloadTooLarge,
    RequestHeaderFieldsTooLarge,
    SanicException,
)
from hurtle_http.fieldtext import field_text
from hurtle_http.framing import (
    CONTINUE_RESPONSE,
    ChunkedDecoder,
    RequestReader,
    _MethodOverride,
    body_framing,
    continues,
    http1_version,
    persists,
)
from hurtle_http.handler_result import awaited_handler_result
from hurtle_http.headers import Header
from hurtle_http.stages import (
    BEGIN,
    ERROR,
    FAILED,
    HANDLER,
    HEAD,
    IDLE,
    REQUEST,
    RESPONSE,
    TRANSITIONS,
    Stage,
)
from hurtle_http.writer import ResponseWriter, _heads

if TYPE_CHECKING:
    from hurtle_http.protocol import HttpProtocol

error_logger = logging.getLogger("sanic.error")


# PERF: the multidict's own method, called on a Header directly: Header's __getattr__
# (Sanic's ``headers.content_type``) makes a method looked up on an instance about 50 ns
# slower (benchmarks/inproc.py "POST /echo", "mw GET /").
_getall = CIMultiDict.getall

# PERF: the common methods map to interned str without a decode per request.
_METHODS = {
    m.encode(): m
    for m in ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE")
}
# The method of every GET request the parser reads (the str object itself: an identity
# test tells a GET from a HEAD without a str comparison; see data_received).
_GET = _METHODS[b"GET"]

# create_task(context=) is Python 3.11+; without it no request is answered for a parked
# Task (HttpProtocol.data_received).
_TASK_CONTEXT = sys.version_info >= (3, 11)

# A read larger than this, begun outside a body, is parsed in pieces of about this size
# (Http.feed_measured), so no more than REQUEST_BUFFER_QUEUE_SIZE requests wait at once.
_SLICE = 4096

# What Http._handler_pump yields when the handler returned, or raised.
_DONE = object()
# The 400 to an HTTP/1.1 request without Host (RFC 9112 section 3.2).
_NO_HOST = "Missing Host header: an HTTP/1.1 request must have one"
_FAILED = object()
# The message of the CancelledError a handler gets when a timeout cuts it (as Sanic's).
_TIMEOUT_CANCEL_MESSAGE = "Cancel connection task with a timeout"


def _method_text(raw: bytes) -> str:
    """The method as str, remembered (a few dozen at most: llhttp's and other tokens)."""
    method = raw.decode("ascii")
    if len(_METHODS) < 64:
        _METHODS[raw] = method
    return method


_plain_requests: dict[type, bool] = {}
_new_object = object.__new__


def _builds_plain(cls: type) -> bool:
    """Whether ``cls`` is built by the stock ``Request.__init__`` (``Http.on_head`` inlines it)."""
    from hurtle_http.request import Request

    plain = (
        isinstance(cls, type)
        and issubclass(cls, Request)
        and cls.__init__ is Request.__init__
        and cls.__new__ is object.__new__
        and cls.headers is Request.headers  # (read from _fields and _headers)
    )
    _plain_requests[cls] = plain
    return plain


class _Incoming:
    """A request head that was accepted, its buffered body, and how it ended."""

    __slots__ = ("request", "chunks", "size", "done", "error", "keep_alive", "expect", "has_body")

    def __init__(self, request: Any, keep_alive: bool, has_body: bool) -> None:
        self.request = request
        self.chunks: deque[bytes] | None = None  # PERF: made by the first body piece
        self.size = 0
        self.done = not has_body
        self.error: BaseException | None = None
        self.keep_alive = keep_alive
        self.expect = False
        self.has_body = has_body


class _Refused(_Incoming):
    """A request refused before it became a Request (its head was bad, or it timed out)."""

    __slots__ = ("head", "target")

    head: bool
    target: bytes


def _error_record(exception: BaseException, head: bool = False, target: bytes = b"") -> _Incoming:
    record = _Refused(None, False, False)
    record.error = exception
    record.head = head  # a HEAD request: its error answer has no content
    record.target = target  # the refused request's target, when its head was being read
    return record


# Refusals for size: the head was not read through, so its target is not named (as Sanic).
_SIZE_STATUSES = frozenset((413, 414, 431))


def _stand_in_target(record: Any) -> bytes:
    """The target of the stand-in request answering ``record``: as Sanic, the refused
    request's own (``/a?x=1``) when its request line was read, else ``*``."""
    target = record.target if isinstance(record, _Refused) else b""
    if (
        target[:1] == b"/"
        and target.isascii()
        and getattr(record.error, "status_code", None) not in _SIZE_STATUSES
    ):
        return target
    return b"*"


def _declared_length(request: Any) -> int:
    """The request's ``Content-Length`` as a number (0 without one, or chunked)."""
    value = request.headers.get("content-length")
    return int(value) if value and value.isdigit() else 0


@types.coroutine
def _resume(coro: Coroutine[Any, Any, Any], first: Any) -> Generator[Any, Any, Any]:
    """Drive ``coro`` to its end from inside a Task, starting from what it already yielded."""
    yielded = first
    while True:
        try:
            sent = yield yielded
        except BaseException as exc:
            try:
                yielded = coro.throw(exc)
            except StopIteration as stop:
                return stop.value
        else:
            try:
                yielded = coro.send(sent)
            except StopIteration as stop:
                return stop.value


async def _drive(coro: Coroutine[Any, Any, Any], first: Any) -> Any:
    return await _resume(coro, first)


async def _awaited(awaitable: Any) -> Any:
    """``await awaitable`` (its errors, for one that is not, as that statement's)."""
    return await awaitable


def _plain_app(handler: Any) -> Any:
    """The ``HandlerApp`` whose unchanged ``handle_request`` is ``handler``, else None."""
    from hurtle_http.server import HandlerApp

    app = getattr(handler, "__self__", None)
    if (
        isinstance(app, HandlerApp)
        and getattr(handler, "__func__", None) is HandlerApp.handle_request
        and type(app).handle_request is HandlerApp.handle_request
    ):
        return app
    return None


@types.coroutine
def _pump_on(pump: Generator[Any, Any, Any], first: Any) -> Generator[Any, Any, Any]:
    """Drive ``Http._handler_pump`` from inside the Task, from what its handler awaits,
    until the handler is over (returns ``_DONE`` or ``_FAILED``)."""
    yielded = first
    while True:
        try:
            sent = yield yielded
        except BaseException as exc:
            yielded = pump.throw(exc)
        else:
            yielded = pump.send(sent)
        if yielded is _DONE or yielded is _FAILED:
            return yielded


# http.lifecycle.complete dispatches under way (connection_ends).
_COMPLETING: set[asyncio.Task] = set()


def completions_under_way() -> set[asyncio.Task]:
    """The ``http.lifecycle.complete`` dispatches not finished yet (a server's shutdown
    waits for those of the connections it closed)."""
    return set(_COMPLETING)


class Http(RequestReader, ResponseWriter):
    """The HTTP/1.1 request/response cycle of one connection (see module docstring).

    It is its own ``RequestReader`` sink: the parser calls its ``on_message_begin``,
    ``on_body`` and ``on_message_complete`` directly.
    """

    __slots__ = (
        "protocol",
        "stage",
        "request",
        "response",
        "current",
        "rx",
        "last",
        "queue",
        "exception",
        "keep_alive",
        "head_only",
        "expecting_continue",
        "request_body",
        "_max_size",
        "_limit",
        "request_bytes",
        "response_func",
        "response_size",
        "response_bytes_left",
        "send",
        "upgrade_websocket",
        "running",
        "task",
        "buffered",
        "buffer_size",
        "queue_size",
        "head_started_at",
        "perft0",
        "_waiter",
        "_more_waiters",
        "_idle",
        "_run_in_task",
        "_task_loop",
        "_handover",
        "_pump",
        "_pump_send",
        "_pump_error",
        "_spare",
        "_keep_alive_allowed",
        "_hook",
        "_begin",
        "_status_error",
        "_oversize",
        "_upgrade_chunks",
        "_unlimited",
        "_held",
        "_peer_done",
        "_count_fields",
        "_plain_class",
        "_cut_short",
    )

    #: The largest request head any connection accepts, whatever the configuration says
    #: (raise it before serving to allow bigger heads).
    HEADER_CEILING: int = 16_384
    #: The request-head limit of every connection; 0 until ``set_header_max_size`` (the
    #: server calls it with each app's ``REQUEST_MAX_HEADER_SIZE`` before
    #: ``before_server_start``): a connection then uses its config's, under the ceiling.
    HEADER_MAX_SIZE: int = 0

    @classmethod
    def set_header_max_size(cls, *sizes: int) -> None:
        """Set the request-head limit of all connections: the smallest of ``sizes``,
        at most ``HEADER_CEILING``."""
        cls.HEADER_MAX_SIZE = min(*sizes, cls.HEADER_CEILING)

    def __init__(self, protocol: HttpProtocol) -> None:
        self.protocol = protocol
        config = protocol.app.config
        self._max_size: int = config.REQUEST_MAX_SIZE
        # A limit a handler set on ``request.stream.request_max_size``: (request, bytes).
        self._limit: tuple[Any, float] | None = None
        self.buffer_size: int = getattr(config, "REQUEST_BUFFER_SIZE", 65536)
        self.queue_size: int = getattr(config, "REQUEST_BUFFER_QUEUE_SIZE", 100)
        self._keep_alive_allowed = (
            bool(getattr(config, "KEEP_ALIVE", True)) and protocol.keep_alive_timeout > 0
        )
        self._hook = getattr(protocol.app, "lifecycle_hook", None)
        # http.lifecycle.begin's Task, started with the connection (connection_begins);
        # the first request's head waits for it.
        self._begin: asyncio.Task | None = None
        # PERF: Http is the reader (and the reader's sink): httptools calls the request
        # events here without a hop through a separate reader object (two Python calls
        # fewer per request; benchmarks/inproc.py).
        # As Sanic, a head must also fit the read buffer (less 4 KiB) and the request size
        # limit; over the latter it is a 413, as any part of a request over that limit.
        head_limit = self.HEADER_MAX_SIZE or min(
            getattr(config, "REQUEST_MAX_HEADER_SIZE", 8192), self.HEADER_CEILING
        )
        if 0 < self.buffer_size - 4096 < head_limit:
            head_limit = self.buffer_size - 4096
        size_limited = self._max_size < head_limit
        RequestReader.__init__(
            self,
            self,
            max_head_size=self._max_size if size_limited else head_limit,
            # Like Sanic, no field count limit by default.
            max_headers=getattr(config, "REQUEST_MAX_HEADERS", None) or 1 << 30,
            size_limited=size_limited,
        )
        # PERF: what on_headers_complete would look up per request, settled once here.
        # A head read without measuring (``precise``) is at most ``max_head_size`` bytes,
        # so at most a third as many fields ("a:\n"): fewer than the limit unless the limit
        # is that small (by default there is none).
        self._count_fields = self.max_headers < self.max_head_size // 3
        # The request class when the stock Request.__init__ builds it (then inlined).
        request_class = protocol.request_class
        plain = _plain_requests.get(request_class)
        if plain is None:
            plain = _builds_plain(request_class)
        self._plain_class: Any = request_class if plain else None
        self.stage = IDLE
        self.current: _Incoming | None = None
        self.rx: _Incoming | None = None
        self.last: _Incoming | None = None
        self.queue: deque[_Incoming] = deque()
        self.running = False
        self.task: asyncio.Task | None = None
        self.buffered = 0
        self.head_started_at = 0.0
        self.upgrade_websocket = False
        self._status_error = False
        self._oversize: PayloadTooLarge | None = None
        self._unlimited: Any = None  # the Request whose body may pass the limit
        # The decoder of an Upgrade request's chunked body (llhttp frames no bytes after
        # an Upgrade head; see on_upgrade).
        self._upgrade_chunks: ChunkedDecoder | None = None
        self._held = b""  # the rest of a read, unparsed while REQUEST_BUFFER_QUEUE_SIZE waits
        self._peer_done = False  # the peer sent its FIN (peer_finished)
        self._waiter: asyncio.Future | None = None
        # Readers of the body waiting behind the first (a task of the handler's reading
        # while the server drains what the handler left): woken after it, in order.
        self._more_waiters: list[asyncio.Future] | None = None
        self._idle: asyncio.Future | None = None
        # The run() of the connection Task's context, when data_received may answer in it.
        self._run_in_task: Any = None
        self._task_loop: Any = None
        self._handover: Any = None
        self._pump: Any = None
        self._pump_send: Any = None
        self._pump_error: BaseException | None = None
        self._spare: _Incoming | None = None
        self._cut_short = False  # released with a request body still incomplete
        self.request: Any = None
        self.init_for_request(None)

    # -- request side: events from RequestReader ------------------------------------------

    def on_begin(self) -> None:
        """First byte of a request head (starts REQUEST_TIMEOUT for a new request)."""
        protocol = self.protocol
        self.head_started_at = protocol._time
        protocol.state["requests_count"] += 1
        if self.current is None and self.stage is IDLE:
            self.stage = TRANSITIONS[IDLE, BEGIN]

    def on_message_begin(self) -> None:
        """httptools: a request head starts (the reader's reset, then ``on_begin``)."""
        self.url = b""
        self.headers = []
        self.names = []
        self.fed_first = self.fed  # (head_size is set when the target is read)
        self.in_head = True
        protocol = self.protocol
        self.head_started_at = protocol._time
        protocol.state["requests_count"] += 1
        if self.current is None and self.stage is IDLE:
            self.stage = REQUEST

    def at_rest(self) -> bool:
        """No request is half received (its head or its body)."""
        return self.rx is None and not self.in_head

    def on_head(self, url: bytes, headers: list[tuple[str, str]], parser: Any) -> None:
        """A complete head: build the Request and queue it (raises to refuse it)."""
        self.url = url
        self.headers = headers
        self.special_of = headers  # (not looked at by another reader: read them all)
        self.connection_of = headers
        self.names = None  # another reader: raw_headers shows the parsed names
        # (that reader checked its Host lines; whether there was one is this head's)
        self.host_of = headers if any(name == "host" for name, _ in headers) else None
        own = self.parser
        self.parser = parser
        try:
            self.on_headers_complete()
        finally:
            self.parser = own

    def on_headers_complete(self) -> None:
        """httptools: the head is complete; the reader's checks, then build the Request
        and queue it (raises to refuse it: ``feed`` answers the exception itself)."""
        # PERF: RequestReader.on_headers_complete and on_head in one frame (benchmarks/
        # inproc.py "GET /").
        self.in_head = False
        if self._count_fields and len(self.headers) > self.max_headers:  # (when not measured)
            raise RequestHeaderFieldsTooLarge("Request header fields too large")
        url = self.url
        if not url.isascii():
            raise BadRequest("URL may only contain US-ASCII characters.")
        parser: Any = self.parser
        if self._method is not None:
            parser, self._method = _MethodOverride(parser, self._method), None
        keep_alive = parser.should_keep_alive()
        headers = self.headers
        # PERF: llhttp passes HTTP/0.9, 1.0, 1.1 and 2.0 heads, and without a Connection
        # field it keeps only an HTTP/1.1 one alive; so the version string (a str.format
        # in httptools, about 2,500 instructions) is only asked for the other heads.
        # (on_header noted a Connection field: connection_of is this head's list)
        if keep_alive and self.connection_of is not headers:
            version = "1.1"
            # RFC 9112 section 3.2: an HTTP/1.1 request without a Host field MUST be
            # answered 400 (Sanic serves it). PERF: one identity test (on_header noted
            # the Host field: host_of is this head's list).
            if self.host_of is not headers:
                raise BadRequest(_NO_HOST)
        else:
            version = parser.get_http_version()
            if version != "1.1" and version != "1.0":
                version = http1_version(version)  # HTTP/1.2+ as 1.1, a 400 for others
            if version == "1.1" and self.host_of is not headers:
                raise BadRequest(_NO_HOST)
            # Where llhttp can be wrong (see ``persists``): an HTTP/1.0 head it keeps alive
            # may say ``close`` too, or ``keep-alive`` only in Proxy-Connection; an
            # HTTP/1.1 head it closes may say ``close`` only in Proxy-Connection. Off the
            # common path: an HTTP/1.1 keep-alive request takes the branch above.
            if keep_alive == (version == "1.0"):
                if version == "1.0":
                    keep_alive = persists(headers, version)
                elif persists(headers, version):
                    # llhttp would refuse whatever follows this message; let it go on
                    # (Http itself stops reading after any head that closes).
                    self.parser.set_dangerous_leniencies(lenient_keep_alive=True)
                    keep_alive = True
        fields: Any
        # PERF: a head without Content-Length, Transfer-Encoding or Expect (on_header
        # saw none: special_of is not its list) is read without a Header of its fields;
        # request.headers builds one, from the same list, on first use (about 2,000
        # instructions per request that never reads it).
        if self.special_of is not headers:
            fields = None
            has_body = False
        else:
            fields = Header(headers)
            # PERF: `in` on a CIMultiDict is ~5x cheaper than .get(); most requests have
            # neither field, so body_framing (and its lookups) is skipped for them.
            content_length: int | None
            if "content-length" in fields or "transfer-encoding" in fields:
                expects = "expect" in fields  # (read again below, for a body only)
                if expects:
                    # RFC 9110 section 10.1.1: an expectation other than 100-continue MAY
                    # be refused with 417. Sanic refuses it for any head that frames a
                    # body (`Content-Length: 0` too), before the framing is read (a `gzip`
                    # coding, or Transfer-Encoding in HTTP/1.0, is a 417 too) and before
                    # routing (a 404 or 405 does not win; the page is not in the route's
                    # format). Whitespace after the value is no part of it (RFC 9110 5.5;
                    # llhttp keeps it).
                    expect = fields["expect"]
                    if not continues(expect):
                        raise ExpectationFailed(f"Unknown Expect: {field_text(expect)}")
                # PERF: one Content-Length of ASCII digits within the limit, no Transfer-
                # Encoding (what clients send): body_framing's answer without its two calls
                # (benchmarks/inproc.py "POST /echo"); anything else goes through it.
                lengths = _getall(fields, "content-length", None)
                try:
                    if (
                        lengths is not None
                        and len(lengths) == 1
                        and "transfer-encoding" not in fields
                        and (length := lengths[0]).isdigit()
                        and length.isascii()
                        and (content_length := int(length)) <= self._max_size
                    ):
                        has_body = bool(content_length)
                    else:
                        content_length, chunked = self._framing(fields, version)
                        if chunked:
                            self.start_chunked_body()
                        has_body = chunked or bool(content_length)
                except ValueError:
                    # int() refuses more than 4,300 digits, and llhttp passes such a value
                    # when it is mostly leading zeros ("000...01"): as Sanic, a 400 (it was
                    # a 500). PERF: a try costs nothing until it catches (Python 3.11).
                    raise BadRequest("Bad content-length") from None
            else:
                has_body = False
        raw_method = parser.get_method()
        # PERF: these caches are read by subscript, not .get(): no method call (a miss,
        # rare, costs a KeyError instead; benchmarks/inproc.py "GET /").
        try:
            method = _METHODS[raw_method]
        except KeyError:
            method = _method_text(raw_method)
        protocol = self.protocol
        request_class = self._plain_class
        if request_class is not None:
            # PERF: the stock Request.__init__, inlined: no __init__ frame, and no
            # ContextVar.set here (http1 makes it the current request inside the Task,
            # where handlers read it). About 5 % of GET / (benchmarks/inproc.py).
            request = _new_object(request_class)
            request.raw_url = url
            # (None: request.headers builds it from _fields on first use)
            request._headers = fields
            request._fields = headers
            request.version = version
            request.method = method
            request.transport = protocol.transport
            request.app = protocol.app
            request.body = b""
            request._path = None
            request._ctx = None
            request.route = None
            request.responded = False
        else:
            request = protocol.request_class(
                url,
                Header(headers) if fields is None else fields,
                version,
                method,
                protocol.transport,
                protocol.app,
            )
            request._fields = headers  # (raw_headers: the fields as received)
        request.stream = self
        request.conn_info = protocol.conn_info
        request._raw_names = self.names
        record = self._spare
        if record is None:
            record = _Incoming(request, keep_alive, has_body)
        else:
            # PERF: the record of the last request answered on the fast path, reset
            # (a new object costs about three times as much; benchmarks/inproc.py).
            self._spare = None
            record.request = request
            record.size = 0
            record.done = not has_body
            record.keep_alive = keep_alive
            record.has_body = has_body
            record.expect = False
        # PERF: ``rx`` is the record whose body is being received: none for a head
        # without one (on_message_complete, right after, then has nothing to do).
        self.last = record
        if has_body:
            self.rx = record
        if self.current is None:
            self.current = record
        else:
            self.queue.append(record)
            if len(self.queue) >= self.queue_size:
                protocol.flow.pause_reading()
        # Errors found now are raised with the record in place (on_error keeps them on
        # it): the request, whose head is fine, is then routed before it is answered, so
        # its route's error format and handlers apply, as in Sanic.
        if not has_body:
            return
        if self._oversize is not None:
            error, self._oversize = self._oversize, None
            if not self._body_unlimited(record):
                raise error
        if expects and version == "1.1":
            # A 100-continue (any other expectation was refused with the framing
            # above); from an HTTP/1.0 client it MUST be ignored (RFC 9110 10.1.1).
            # (``expects`` is set: a head with a body had Content-Length or
            # Transfer-Encoding, so it took that branch.)
            record.expect = True

    def _in_body(self) -> bool:
        return self.rx is not None

    def _progress(self) -> tuple[int, int]:
        record = self.rx
        return self.chunks, record.size if record is not None else -1

    def feed_measured(self, data: bytes, fed: int, at_rest: bool) -> None:
        """``RequestReader.feed_measured``; a large read that begins outside a body is
        parsed a few requests at a time, and what follows once ``REQUEST_BUFFER_QUEUE_SIZE``
        requests wait is held back (parsed when the queue drains): a read of 256 KB of
        tiny pipelined requests would otherwise become ~10,000 Requests at once (~8 MB)."""
        if self._held:  # (reading is paused meanwhile; should more come, it waits too)
            self._held += data
            return
        if len(data) <= _SLICE or self.rx is not None or self.chunked:
            RequestReader.feed_measured(self, data, fed, at_rest)
            return
        self.fed = fed - len(data)  # each piece is measured as a read of its own
        size = len(data)
        pos = 0
        while pos < size:
            if len(self.queue) >= self.queue_size:
                self._held = data[pos:]
                return
            # cut after a head's blank line: a piece then starts where a request does
            cut = data.find(b"\r\n\r\n", pos + _SLICE) if size - pos > 2 * _SLICE else -1
            end = size if cut < 0 else cut + 4
            piece = data[pos:end] if pos or end < size else data
            pos = end
            at_rest = not (self.in_head or self.rx)
            fed = self.fed = self.fed + len(piece) if self.in_head else len(piece)
            # (below the limit and not measuring, this is a plain feed_data)
            RequestReader.feed_measured(self, piece, fed, at_rest)
            if self.failed:
                return
            if self.upgraded:
                self.on_upgraded_data(data[pos:])
                return

    def _body_mark(self, start: bool = False) -> tuple[_Incoming, int] | None:
        record = self.rx
        if start:
            # (the body may have ended in the read too: then it is the last head's)
            record = record or self.last
            return None if record is None else (record, 0)
        if record is None:
            return None
        chunks = record.chunks
        return record, len(chunks) if chunks else 0

    def _join_body(self, mark: tuple[_Incoming, int]) -> None:
        """The pieces of a chunked body that one read brought become one piece: a piece
        per chunk costs about 50 bytes of memory each, so tiny chunks (2 bytes of data in
        7 on the wire) held up to REQUEST_MAX_SIZE would take over 20 times its size."""
        record, before = mark
        chunks = record.chunks
        if chunks is not None and len(chunks) - before > 1:
            pieces = [chunks.pop() for _ in range(len(chunks) - before)]
            pieces.reverse()
            chunks.append(b"".join(pieces))

    def _framing(self, fields: Any, version: str) -> tuple[int | None, bool]:
        """``body_framing`` for this head; a body over ``REQUEST_MAX_SIZE`` is refused
        later unless the route streams its body (see ``_body_unlimited``)."""
        try:
            return body_framing(fields, version, self._max_size)
        except PayloadTooLarge as error:
            self._oversize = error
            return body_framing(fields, version, sys.maxsize)

    def on_body(self, data: bytes) -> None:
        """A piece of the body of the request being received."""
        record = self.rx
        if record is None:
            return
        record.size += len(data)
        if record.size > self._max_size and not self._body_unlimited(record):
            raise PayloadTooLarge("Request body exceeds the size limit")
        chunks = record.chunks
        if chunks is None:
            chunks = record.chunks = deque()
        chunks.append(data)
        self.buffered += len(data)
        if self.buffered > self.buffer_size:
            self.protocol.flow.pause_reading()
        if self._waiter is not None and record is self.current:
            self._wake()

    def __bool__(self) -> bool:
        """True while a request is being handled or answered, False once its response is
        complete (or before a request came): ``if request.stream:`` / ``if response.stream:``
        tell whether more can be sent, as in Sanic."""
        return self.stage is HANDLER or self.stage is RESPONSE

    @property
    def request_max_size(self) -> float:
        """The body size limit of the request being handled: ``REQUEST_MAX_SIZE``, or what
        its handler set here (``request.stream.request_max_size = N`` in a ``stream=True``
        route, whose body is otherwise read whatever its size). Reading past a limit set
        so raises ``PayloadTooLarge`` (413). A limit set for one request ends with it.
        Unset in a ``stream=True`` route, it is ``inf`` (no limit applies), as in Sanic."""
        request = self.request
        limit = self._limit
        if limit is not None and limit[0] is request:
            return limit[1]
        if request is not None and self._streams_body(request):
            return float("inf")
        return self._max_size

    @request_max_size.setter
    def request_max_size(self, value: float) -> None:
        self._limit = (self.request, value)

    def _body_unlimited(self, record: _Incoming) -> bool:
        """Whether ``record``'s body may pass ``REQUEST_MAX_SIZE``: as in Sanic, a route
        that streams its body (``stream=True``) reads any size. Asked of the app (its
        optional ``streams_body(request)``) only when a body goes over the limit."""
        request = record.request  # records are reused, requests are not
        return request is not None and self._streams_body(request)

    def _streams_body(self, request: Any) -> bool:
        if request is self._unlimited:
            return True
        hook = getattr(self.protocol.app, "streams_body", None)
        if hook is not None and hook(request):
            self._unlimited = request
            return True
        return False

    def on_end(self) -> None:
        """The request being received is complete."""
        record = self.rx
        if record is not None:
            record.done = True
            self.rx = None
            if self._waiter is not None and record is self.current:
                self._wake()

    on_message_complete = on_end  # httptools: the request is complete

    def on_error(self, exception: Exception) -> None:
        """The bytes cannot be a valid request: answer ``exception`` (in order), then close."""
        record = self.rx
        if record is None:
            record = _error_record(exception, self.refused_head, self.refused_target)
            if self.current is None:
                self.current = record
            else:
                self.queue.append(record)
        else:
            record.error = exception
            self.rx = None
            if record is self.current:
                self._wake()
        self.protocol.flow.pause_reading()

    def on_upgrade(self, tail: bytes) -> None:
        """The parser stopped at an ``Upgrade``; keep what followed for the new protocol."""
        record = self.last
        if record is not None and record.has_body and not record.size and self.rx is None:
            # llhttp ends an Upgrade request at its head, but a body it declared with
            # Content-Length is still its own (RFC 9110 7.8: the server may ignore the
            # Upgrade and answer in HTTP/1.1, as it does for anything but a websocket).
            # The same for a chunked body (Sanic reads it; its bytes were taken for
            # websocket frames, a 1002), whole with the head or in later reads.
            size = _declared_length(record.request)
            chunked = not size and (
                "chunked" in record.request.headers.get("transfer-encoding", "").lower()
            )
            if chunked:
                self._upgrade_chunks = ChunkedDecoder()
            if size or chunked:
                # What of it came with the head; the rest comes in later reads
                # (on_upgraded_data): its handler waits for it, as for any body.
                record.done = False
                self.rx = record
                tail = self._upgraded_body(tail)
        self.protocol._upgrade_tail = tail
        if self.last is not None:
            self.last.keep_alive = False  # nothing more can be parsed as HTTP/1.1

    def on_upgraded_data(self, data: bytes) -> None:
        """A read after an ``Upgrade`` head: the rest of its body, if some is still due,
        then bytes for the new protocol. (Those were all taken for the new protocol: a
        body that came in a later read than its head, as a large one does, was lost, and
        the handler read an empty or cut body.)"""
        if self.rx is not None:
            data = self._upgraded_body(data)
        self.protocol._upgrade_tail += data

    def _upgraded_chunked(self, data: bytes) -> bytes:
        """Give the receiving record what ``data`` holds of its chunked body (ended once
        all of it came); the bytes past it. (Called by ``_upgraded_body`` only.)"""
        decoder: ChunkedDecoder = self._upgrade_chunks  # type: ignore[assignment]  # (set: see _upgraded_body)
        try:
            body, rest = decoder.feed(data)
            if body:
                self.on_body(body)
        except Exception as error:  # malformed or too large: answered like any body error
            self.on_error(error)
            return b""
        if decoder.done:
            self.on_end()
        return rest

    def _upgraded_body(self, data: bytes) -> bytes:
        """Give the receiving record what ``data`` holds of its Content-Length body (ended
        once all of it came); the bytes past it."""
        record = self.rx
        if record is None:
            return data
        if self._upgrade_chunks is not None:
            return self._upgraded_chunked(data)
        due = _declared_length(record.request) - record.size
        if data:
            try:
                self.on_body(data[:due])
            except Exception as error:  # too large: answered like any body error
                self.on_error(error)
                return b""
        if len(data) >= due:
            self.on_end()
        return data[due:]

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.done():
                waiter.set_result(None)
            more = self._more_waiters
            if more is not None:
                self._more_waiters = None
                for waiter in more:
                    if not waiter.done():
                        waiter.set_result(None)

    # -- the connection handler --------------------------------------------------------------

    def dispatch(self) -> None:
        """Start (or wake) the connection handler for the request(s) now ready."""
        self.running = True
        idle = self._idle
        if idle is not None:
            # PERF: one Task per connection, parked on a future between requests: waking
            # it costs a set_result; a Task per request cost about twice as much
            # (benchmarks/inproc.py "GET /"), and handlers keep asyncio.current_task().
            self._idle = None
            idle.set_result(None)
            return
        protocol = self.protocol
        coro = self.http1()
        if not protocol.eager:
            loop = protocol.loop
            if _TASK_CONTEXT and loop.get_task_factory() is None and self._hook is None:
                # The Task's context is kept: data_received answers in it (a copy of the
                # current context, as create_task makes by default). Not with lifecycle
                # hooks (their signals are awaited around the handler), nor with a task
                # factory (it may not take context=).
                context = contextvars.copy_context()
                self._run_in_task = context.run
                task = self.task = loop.create_task(coro, context=context)
                # the running loop (protocol.loop may be a stand-in, as in testing.py)
                self._task_loop = task.get_loop()
            else:
                self.task = loop.create_task(coro)
            return
        try:
            first = coro.send(None)
        except StopIteration:
            return
        except BaseException:
            self.running = False
            error_logger.exception("Unhandled error in the HTTP connection handler")
            protocol.close()
            return
        self.task = protocol.loop.create_task(_drive(coro, first))

    def _start_pump(self) -> Any:
        """The connection's ``_handler_pump``, started: its ``send``."""
        pump = self._pump = self._handler_pump()
        pump.send(None)
        send = self._pump_send = pump.send
        return send

    @types.coroutine
    def _handler_pump(self) -> Generator[Any, Any, None]:
        """Runs the app's handler for each request sent in, yielding ``_DONE`` when it
        returned, ``_FAILED`` when it raised (the error in ``_pump_error``), and whatever
        it awaits in between (the Task drives it on from there: ``_pump_on``)."""
        handler = self.protocol.request_handler
        current_request = getattr(self.protocol.request_class, "_current", None)
        plain = _plain_app(handler)
        coroutine = types.CoroutineType
        protocol = self.protocol
        flow = protocol.flow  # (the pump starts after connection_made, which sets it)
        heads = _heads
        out: Any = _DONE
        while True:
            request = yield out
            try:
                if current_request is not None:
                    current_request.set(request)
                if plain is not None:
                    # PERF: HandlerApp.handle_request's steps, run here: no coroutine of
                    # it per request (about 3 % of the instructions of GET / on the core;
                    # benchmarks/inproc.py --core). (request.stream is this Http: set
                    # when the request was built.)
                    try:
                        if (
                            self.request_body
                            and not plain.stream
                            and not request.take_ready_body()
                        ):
                            awaitable = request.receive_body()
                            if type(awaitable) is not coroutine:
                                awaitable = _awaited(awaitable)
                            yield from awaitable
                        # PERF: read, then called: ``plain.handler(request)`` is a
                        # method-call lookup that CPython 3.11 cannot specialise for a
                        # function held by the instance (about 150 instructions of the
                        # core's GET /; benchmarks/inproc.py). The same attribute, read
                        # per request as before.
                        handle = plain.handler
                        awaitable = handle(request)
                        if type(awaitable) is not coroutine:
                            awaitable = awaited_handler_result(awaitable)
                        response = yield from awaitable
                        # PERF: ResponseWriter.finish's first branch (a whole response
                        # without fields, its head cached), inlined: no frame for it
                        # (benchmarks/inproc.py --core "GET /"); anything else goes
                        # through finish() or _send_response, as before.
                        try:  # (no cost in 3.11+ while nothing is raised)
                            if response._headers:
                                head = None
                            else:
                                body = response.body or b""
                                status = response.status
                                head = heads.get(
                                    (
                                        type(response),
                                        status,
                                        self.keep_alive,
                                        response.content_type,
                                        len(body),
                                    )
                                )
                                # A float status equal to a cached one's (200.0 == 200)
                                # is no hit: finish() refuses it (as ResponseWriter's
                                # own lookup does).
                                if type(status) is not int:
                                    head = None
                        except Exception:  # not a response: finish() looks at it
                            head = None
                        if (
                            head is not None
                            and self.stage is HANDLER
                            and self.response is None  # (so no response_func either)
                            and not self.head_only
                            and not self.expecting_continue
                            and not self.upgrade_websocket
                            and not flow.writing_paused
                        ):  # (and no lifecycle hook: the pump runs only without one)
                            self.response = response
                            response.stream = self
                            if not protocol.closed:
                                protocol.transport.write(head[0] + body)
                            self.response_size = len(body)
                            self.stage = IDLE
                            if self.perft0:
                                self.log_response()
                        elif (
                            self.upgrade_websocket
                            or self.response is response
                            or not self.finish(response)
                        ):
                            yield from plain._send_response(request, self, response)
                    except Exception as error:
                        yield from plain._handler_failed(request, self, error)
                else:
                    awaitable = handler(request)
                    if type(awaitable) is not coroutine:
                        awaitable = awaitable.__await__()
                    yield from awaitable
            except GeneratorExit:
                raise
            except BaseException as error:
                self._pump_error = error
                out = _FAILED
            else:
                out = _DONE

    async def connection_task(self) -> None:
        """Serve the ready requests of this connection (the body of a connection Task)."""
        await self.http1()

    async def http1(self) -> None:
        """HTTP 1.1 connection handler: answer every ready request, in order.

        Between requests it waits for the next head (``dispatch`` wakes it), so one Task
        serves the whole keep-alive connection; with ``HTTP_EAGER_DISPATCH`` it returns
        instead once no request is ready.
        """
        protocol = self.protocol
        handler = protocol.request_handler
        persistent = not protocol.eager
        current_request = getattr(protocol.request_class, "_current", None)
        access_log = protocol.access_log
        try:
            while True:
                # (None only while idle, checked below; a request handed over has one)
                record: _Incoming = self.current  # type: ignore[assignment]
                # A request data_received handed over is served even on a closed connection
                # (its handler is part-way through, as if this Task had started it).
                if self._handover is None:
                    if protocol.closed:
                        break
                    if record is None:
                        if not persistent:
                            break
                        self.running = False
                        request = None  # an idle connection keeps no request alive
                        idle = self._idle = protocol.loop.create_future()
                        await idle
                        continue
                try:
                    request = record.request
                    handover = self._handover
                    if handover is not None:
                        # data_received started this request: go on from where it is.
                        self._handover = None
                        if handover is not _DONE:
                            if handover is not _FAILED:
                                handover = await _pump_on(self._pump, handover[0])
                            if handover is _FAILED:
                                error, self._pump_error = self._pump_error, None
                                if TYPE_CHECKING:
                                    assert error is not None  # set with _FAILED
                                raise error
                    elif request is not None and record.error is None and self._hook is None:
                        # PERF: init_for_request and _take_request inlined (hot path); the
                        # response-side fields were reset when the last request ended.
                        self.request = request
                        # Read each time: a graceful shutdown refuses reuse mid-connection.
                        self.keep_alive = record.keep_alive and self._keep_alive_allowed
                        self.head_only = request.method == "HEAD"
                        self.expecting_continue = record.expect
                        self.request_body = record.has_body
                        if access_log:
                            self.perft0 = perf_counter()
                        self.stage = HANDLER
                    elif self._hook is None:
                        self._take_request()
                        self._raise_body_error()
                        request = self.request
                    else:
                        await self.http1_request_header()
                        request = self.request
                    if handover is None:
                        if current_request is not None and request is not None:
                            # Built in data_received, outside this Task's context: make
                            # it the current request (Request.get_current()) here.
                            current_request.set(request)
                        await handler(request)
                    if self.stage is not IDLE:
                        await self._finish_response()
                except asyncio.CancelledError:
                    if self.exception is None:
                        raise
                    self.keep_alive = False  # a timeout: answer, then close
                    if self.stage is RESPONSE and self.perft0 > 0:
                        # As Sanic: a streamed response the timeout cuts is logged so.
                        self.log_response(disconnected=True)
                    await self.error_response(self.exception)
                except Exception as error:
                    await self.error_response(error)
                except GeneratorExit:
                    raise  # this coroutine is being closed: it must not await any more
                except BaseException as error:
                    # KeyboardInterrupt, SystemExit... raised by a handler: the client gets
                    # the 500 of any error, then the connection closes; the server goes on
                    # (Sanic's process dies).
                    self.keep_alive = False
                    await self.error_response(error)
                if (
                    not record.chunks
                    and record.done
                    and record.error is None
                    and self.keep_alive
                    and self.stage is IDLE
                    and not self.queue
                    and not self.upgrade_websocket
                    and not protocol.flow.reading_paused
                ):
                    # PERF: _request_done for the common case (no body left, nothing
                    # queued, connection kept): no call.
                    # (response_func and send are None once a response is complete, and
                    # the response byte counters are set when a response starts.)
                    response = self.response
                    if response is not None:
                        # As Sanic: a finished response is no longer connected, so a
                        # task's late send raises instead of writing into the next one.
                        response.stream = None
                    self.current = self.request = self.response = None
                    self.request_bytes = 0
                    record.request = None
                    self._spare = record  # its error is None and its chunks are empty
                    if access_log:
                        self.perft0 = 0.0
                    if self.in_head:
                        self.stage = REQUEST
                    protocol._time = protocol.loop.time()
                else:
                    if record.chunks or not record.done:
                        await self._drain_unread_body(record)
                    if not self._request_done():
                        break
        except asyncio.CancelledError:
            # As Sanic: the response of a handler cut short is no longer connected, so
            # a task of it still sending gets an error rather than nothing.
            response = self.response
            if response is not None:
                response.stream = None
            if self.stage is RESPONSE and self.perft0 > 0:
                # As Sanic: a response cut short (the client left mid-stream, or the
                # stop's grace ran out) gets an access line saying so.
                self.log_response(disconnected=True)
            elif self.stage is HANDLER and self.perft0 > 0 and protocol.closed:
                # A handler cancelled because the connection went away before it
                # answered: as Sanic's (last) line, a 500 DISCONNECTED.
                self.log_response(disconnected=True, status=500)
            protocol.close()
        except GeneratorExit:
            # Closed (its Task destroyed with the loop, or a handler raised it): nothing
            # to report, and no awaiting from here.
            protocol.close()
            raise
        except BaseException:
            error_logger.exception("Unhandled error while serving a connection")
            protocol.close()
        finally:
            self.running = False
            self.task = None
            info = protocol.conn_info
            if info is not None and info.lost:  # (else connection_lost releases it)
                self.release()

    def release(self) -> None:
        """Drop this finished connection's cycles (its protocol, requests, response and
        parser refer back to it), so reference counting frees it at once.

        Called once the connection is lost and its Task is done. Left to the cyclic
        collector, a connection that lived through a collection stayed in memory until a
        full one, which a big heap makes rare (stress5: 3,200 closed connections still
        held, growing with each batch; Sanic's are freed at the close).
        """
        protocol = self.protocol
        if protocol._http is self:
            protocol._http = None
            protocol.websocket = None  # (it refers back to the protocol: io_proto)
        record = self.current
        if record is not None and not record.done and record.request is not None:
            self._cut_short = True  # a late read() of that body still fails (see read)
        self.request = self.response = self.current = self.rx = self.last = None
        self._spare = None
        self.send = self.response_func = None  # (this object's methods, mid-response)
        self.queue.clear()
        # The parser calls this object's methods; the Task's context holds its request.
        self.parser = self.sink = cast(Any, None)
        self._run_in_task = self._task_loop = None
        self._pump = self._pump_send = self._handover = None

    async def _drain_unread_body(self, record: _Incoming) -> None:
        """As Sanic: after a 2xx response, say that the handler left some of the body unread
        (a ``stream=True`` route), then read and drop the rest still on its way, so the
        connection goes on to the next request."""
        if (
            record.error is not None
            or self.stage is not IDLE
            or self.upgrade_websocket
            or self.expecting_continue
            or record.request is None
            or record.request is not self.request
        ):
            return
        response = self.response
        if response is not None and 200 <= getattr(response, "status", 0) < 300:
            # As Sanic: only a successful answer is worth the log line; a 404, or an error
            # page, for a request whose body went unread is the client's doing.
            error_logger.error("%r body not consumed.", record.request)
        if not self.keep_alive and record.keep_alive and self._keep_alive_allowed:
            return  # closing for an error of the server's: no more reading
        # A connection that closes by the client's choice (`Connection: close`, HTTP/1.0)
        # or the config's is drained too, as in Sanic: closing with the rest of the body
        # unread would reset it (RST), and the client could lose the response (RFC 9112
        # 9.6: close in stages).
        # As Sanic: the rest of a body over REQUEST_MAX_SIZE (allowed to a stream=True
        # route's handler) is not read through after the response; the connection closes.
        limit = self._max_size
        if record.size > limit or _declared_length(record.request) > limit:
            self.keep_alive = False
            return
        if record.done:
            return
        try:
            while await self.read() is not None:
                if record.size > limit:
                    self.keep_alive = False
                    return
        except asyncio.CancelledError:
            if self.exception is None:
                raise
            self.keep_alive = False  # a timeout while draining: close, no answer
        except Exception:
            self.keep_alive = False  # bad framing in the rest of the body: close

    async def http1_request_header(self) -> None:
        """Take the next received request head into ``self.request`` (or raise its error)."""
        self._take_request()
        if self._hook is not None:
            begin, self._begin = self._begin, None
            if begin is not None and not await begin:
                raise asyncio.CancelledError  # (begin failed: the connection is closed)
            try:
                await self._lifecycle("read_head")
            except Exception:
                # As Sanic: whatever a read_head handler raises is answered as a bad
                # head (a 400 whose context is the handler's error, which its dispatch
                # reported), and the connection closes after it.
                self.keep_alive = False
                raise BadRequest("Bad Request")  # noqa: B904
            await self._lifecycle("request")
        self._raise_body_error()

    # -- http.lifecycle.begin / complete: once per connection, as in Sanic -------------
    # (only for an app with a lifecycle hook: one test per connection otherwise)

    def connection_begins(self) -> None:
        """Dispatch ``http.lifecycle.begin`` for a new connection, before any request."""
        self._begin = self.protocol.loop.create_task(self._connection_event("begin"))

    def connection_ends(self) -> None:
        """Dispatch ``http.lifecycle.complete`` once the connection's requests are done."""
        # (the Task is kept referenced until it ends: the loop itself holds Tasks weakly)
        task = self.protocol.loop.create_task(self._connection_complete())
        _COMPLETING.add(task)
        task.add_done_callback(_COMPLETING.discard)

    async def _connection_complete(self) -> None:
        begin = self._begin  # (None once a request waited for it)
        if begin is not None:
            # As Sanic: complete follows begin, even one that failed (and ended the
            # connection), so what a begin handler opened can be released.
            await begin
        task = self.task
        if task is not None and not task.done():
            await asyncio.wait([task])
        await self._connection_event("complete")

    async def _connection_event(self, event: str) -> bool:
        hook = self._hook
        if TYPE_CHECKING:
            assert hook is not None
        try:
            await hook(
                f"http.lifecycle.{event}",
                {"request": None, "conn_info": self.protocol.conn_info},
            )
        except Exception:
            # As Sanic: an error here ends the connection (no answer, a clean close), and
            # is logged (a begin handler's as Sanic's connection task logs it).
            if event == "begin":
                error_logger.exception("protocol.connection_task uncaught")
            else:
                error_logger.exception("Error in an http.lifecycle.%s signal handler", event)
            self.protocol.close()
            return False
        return True

    def _take_request(self) -> None:
        # PERF: synchronous half of http1_request_header (no coroutine on the hot path).
        record = self.current
        self.init_for_request(record)
        if record is not None and record.error is not None and record.request is None:
            self.stage = TRANSITIONS[self.stage, ERROR]
            self.keep_alive = False
            raise record.error
        self.stage = TRANSITIONS[self.stage, HEAD]

    def body_error(self) -> BaseException | None:
        """The error that stopped the current request before its handler (a body that
        could not be read or is too large, an unmet ``Expect``), if any: the request's
        head was fine, so the app may still route it to answer this error."""
        record = self.current
        if record is None or record.request is None or record.request is not self.request:
            return None
        return record.error

    def _raise_body_error(self) -> None:
        record = self.current
        if record is not None and record.error is not None:  # head fine, body not
            if self._body_unlimited(record):
                # As Sanic: a route that streams its body (stream=True) still runs; its
                # reads give the pieces that came before the error, then raise it.
                return
            self.keep_alive = False
            raise record.error

    def init_for_request(self, record: _Incoming | None) -> None:
        """Init/reset all per-request variables."""
        request = record.request if record is not None else None
        self.request = request
        self.response: Any = None
        self.response_func: Any = None
        self.send: Any = None
        self.response_size = 0
        self.response_bytes_left = 0
        self.request_bytes = 0
        self.exception: BaseException | None = None
        self.perft0 = 0.0
        if record is None or request is None:
            self.keep_alive = False
            self.head_only = False
            self.expecting_continue = False
            self.request_body = False
            if self.protocol.access_log:
                # Bytes that are no request (answered 400, 413...): as Sanic, their answer
                # gets an access line too, with no duration (error branch only).
                self.perft0 = -1.0
            return
        self.keep_alive = record.keep_alive and self._keep_alive_allowed
        self.head_only = request.method == "HEAD"
        self.expecting_continue = record.expect
        self.request_body = record.has_body
        if self.protocol.access_log:
            self.perft0 = perf_counter()

    def _request_done(self) -> bool:
        """Drop the finished request; True if the connection goes on to the next one."""
        record = self.current
        protocol = self.protocol
        if record is not None:
            chunks = record.chunks
            if chunks:
                for chunk in chunks:
                    self.buffered -= len(chunk)
                chunks.clear()
            if not record.done or record.error is not None:
                # Unread body still on the wire: the next request's start is unknown.
                self.keep_alive = False
        if self.upgrade_websocket:
            self.current = None
            return False
        if not self.keep_alive or self.stage is FAILED:
            self.current = None
            protocol.close()
            return False
        self.current = self.queue.popleft() if self.queue else None
        self.request = None
        response = self.response
        if response is not None:
            response.stream = None  # as on the fast path of ``http1()``
        self.response = self.response_func = self.send = None
        self.response_size = self.response_bytes_left = self.request_bytes = 0
        self.exception = None
        self.perft0 = 0.0
        self.stage = REQUEST if self.in_head and self.current is None else IDLE
        protocol._time = protocol.loop.time()
        if self._held:
            if len(self.queue) < self.queue_size:
                protocol.loop.call_soon(self._feed_held)
        elif protocol.flow.reading_paused:
            self._resume_reading()
        return True

    def _resume_reading(self) -> None:
        """Read from the peer again, unless something still holds reading paused: a full
        body buffer, a full queue of waiting requests, bytes held back unparsed, or a
        connection that failed."""
        if (
            self.buffered <= self.buffer_size
            and len(self.queue) < self.queue_size
            and not self._held
            and not self.failed
        ):
            self.protocol.flow.resume_reading()

    def peer_finished(self) -> None:
        """The peer ended its side (a FIN) after whole requests: the last of them is
        answered with ``connection: close`` and the connection closes after it. (Bytes
        held back unparsed are parsed first: their last request is the one.)"""
        self._peer_done = True
        if self._held:
            return  # _feed_held calls again once they are parsed
        last = self.last
        if last is not None:
            last.keep_alive = False
            if last is self.current:
                self.keep_alive = False

    def _feed_held(self) -> None:
        """Parse the rest of a read held back by a full queue, as a read of its own; then
        read from the peer again if nothing is held back any more (until then reading
        stays paused, so what the peer sends next is parsed after it)."""
        protocol = self.protocol
        held, self._held = self._held, b""
        if not held or protocol.closed:
            return
        protocol.data_received(held)
        if self._peer_done:
            self.peer_finished()
        if protocol.flow.reading_paused:
            self._resume_reading()

    # -- reading the body ----------------------------------------------------------------

    async def read(self) -> bytes | None:
        """Read some bytes of request body (``None`` at the end)."""
        record = self.current
        if record is None or record.request is None or record.request is not self.request:
            if self._cut_short:  # (a task of the handler reading after the connection)
                raise BadRequest("Connection closed before the request body was complete")
            return None
        if self.expecting_continue:
            # RFC 9110 section 10.1.1: the client may wait for this before the body
            # (sent even if some body came already, as Sanic does).
            self.expecting_continue = False
            if self.stage is HANDLER:  # never inside a response already begun
                await self.protocol.send(CONTINUE_RESPONSE)
        while True:
            if record.chunks:
                data = record.chunks.popleft()
                self.buffered -= len(data)
                self.request_bytes += len(data)
                limit = self._limit
                if limit is not None and limit[0] is self.request \
                        and self.request_bytes > limit[1]:
                    self.keep_alive = False  # the rest of the body is not read
                    raise PayloadTooLarge("Request body exceeds the size limit")
                if self.protocol.flow.reading_paused:
                    self._resume_reading()
                if self._hook is not None:
                    # As Sanic: one ``read_body`` signal per piece of body read.
                    await self._lifecycle("read_body", data)
                return data
            if record.error is not None:
                # the rest of the body cannot be read: the answer closes the connection
                self.keep_alive = False
                raise record.error
            if record.done:
                return None
            if self.protocol.closed:
                raise BadRequest("Connection closed before the request body was complete")
            self.protocol.flow.resume_reading()
            waiter = self.protocol.loop.create_future()
            first = self._waiter
            if first is None or first.done():
                self._waiter = waiter
            else:
                # Another reader waits already (as Sanic: a task of the handler's that
                # reads on after it returned, while the server drains the rest): each is
                # woken, in the order they came, and the first to run takes the data.
                # (Replacing the first left it waiting forever, its task never ended.)
                if self._more_waiters is None:
                    self._more_waiters = []
                self._more_waiters.append(waiter)
            await waiter

    def take_body(self) -> bytes | None:
        """The whole request body if it is already here (taken from the buffer), else None.

        None also when ``read()`` has something to do first (a 100-continue to send, an
        error to raise, lifecycle signals): the caller then reads piece by piece.
        """
        # PERF: a body that arrived with its head (benchmarks/ "POST /echo") is joined in
        # one go, without a read() coroutine per piece.
        record = self.current
        if (
            record is None
            or not record.done
            or record.error is not None
            or record.request is not self.request
            or self.expecting_continue
            or self._hook is not None
        ):
            return None
        chunks = record.chunks
        if not chunks:
            return b""
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        chunks.clear()
        size = len(data)
        self.buffered -= size
        self.request_bytes += size
        if self.protocol.flow.reading_paused:
            self._resume_reading()
        return data

    def __aiter__(self) -> Http:
        return self

    async def __anext__(self) -> bytes:
        data = await self.read()
        if data is None:
            raise StopAsyncIteration
        return data

    def log_gone_mid_head(self) -> None:
        """The access line of a client that left in the middle of a request head (no
        request yet): as Sanic's (last) one, ``500 DISCONNECTED`` for the stand-in
        request (``NONE http:///*``, the host's ``XXXXunx`` form, no duration)."""
        self.create_empty_request()
        self.perft0 = -1.0
        self.log_response(disconnected=True, status=500)

    def create_empty_request(self) -> None:
        """A stand-in Request for answering an error that came before any request."""
        protocol = self.protocol
        record = self.current
        request = protocol.request_class(
            _stand_in_target(record), Header(), "1.1", "NONE", protocol.transport, protocol.app
        )
        request.stream = self
        # As Sanic: no request was read, so the stand-in knows no connection
        # (``request.ip`` is "", ``conn_info`` None).
        self.request = request
        self.head_only = isinstance(record, _Refused) and record.head
        self.request_body = False

    def timeout(self, exception: SanicException) -> None:
        """A timeout fired: answer ``exception`` (cancelling a running handler first)."""
        protocol = self.protocol
        if self.running:
            self.exception = exception
            task = self.task
            if task is not None and not task.done():
                # As Sanic: the handler's CancelledError says why it was cancelled (a
                # client that left cancels it without a message).
                task.cancel(_TIMEOUT_CANCEL_MESSAGE)
            else:
                protocol.close()
            return
        if self.current is None:
            self.stop_parsing()
            protocol.flow.pause_reading()
            self.current = _error_record(exception)
        self.dispatch()



__all__ = ["STATUS_CODES", "Http", "Stage"]
