"""``HttpProtocol``: the asyncio ``Protocol`` that moves bytes between a transport and ``Http``.

It keeps transport bookkeeping only: the connection set, flow control, the timeout timer
and the switch to a websocket.  Parsing and the stage machine live in ``Http``.

Timeouts (one timer per connection, never one per request)
-----------------------------------------------------------
- ``KEEP_ALIVE_TIMEOUT``: an idle connection (no request in progress) closes silently.
- ``REQUEST_TIMEOUT``: bounds the *whole* time from the first byte of a request head to
  its end, so a client trickling bytes cannot hold the connection (408).
- ``RESPONSE_TIMEOUT``: a handler that makes no progress (no body received, nothing sent)
  for this long is cancelled and answered 503 (or cut, if its response had started).
- A request or response timeout of 0 or below allows no time (as Sanic): it expires at the
  next check, which then comes every ``ZERO_TIMEOUT_CHECK`` seconds. A keep-alive timeout
  of 0 or below keeps no connection alive (see ``Http``). A timeout of NaN sets no limit
  (as Sanic, where a deadline at NaN never comes).
- ``GRACEFUL_TCP_CLOSE_TIMEOUT``: a peer that stops reading cannot hold a connection.  A
  close waits for the pending writes only while they make progress, and a connection
  that a timeout ended is aborted if it is still open this long after (its error answer
  stuck behind writes the peer never reads).

# PERF: stage changes only store timestamps; ``check_timeouts`` runs at the next possible
# deadline, at the latest every min(timeouts) seconds, and re-arms itself.  No
# call_at/cancel per request.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from asyncio.tasks import _enter_task, _leave_task
from time import perf_counter
from typing import Any

from hurtle_http.config import no_limit_if_nan
from hurtle_http.conninfo import ConnInfo
from hurtle_http.datefield import ensure_ticking
from hurtle_http.exceptions import RequestCancelled, RequestTimeout, ServiceUnavailable
from hurtle_http.flow import FlowControl
from hurtle_http.http import _DONE, _FAILED, _GET, Http
from hurtle_http.stages import HANDLER, IDLE, REQUEST

# As Sanic: each timeout that ends a connection says so at DEBUG (seen in debug mode).
logger = logging.getLogger("sanic.root")

# How often a connection checks its timeouts when one of them is 0 or below (no time
# allowed): it expires at the first check after its stage began, as in Sanic 25.12 (a
# head split 0.08 s apart is answered, 0.12 s apart is a 408).
ZERO_TIMEOUT_CHECK = 0.1

_current_tasks: dict[Any, Any] | None
if sys.version_info < (3, 12):
    # PERF: asyncio.current_task is a Python function here; the C module's dict is what
    # it reads, and what _enter_task and _leave_task change (see data_received).
    from asyncio.tasks import _current_tasks as _tasks  # type: ignore[attr-defined]  # (private)

    _current_tasks = _tasks
    _current_task_of = _tasks.get
else:
    _current_tasks = None
    _current_task_of = asyncio.current_task


class HttpProtocol(asyncio.Protocol):
    """HTTP/1.1 (and websocket upgrade) over an asyncio transport, for one app."""

    __slots__ = (
        "loop",
        "app",
        "signal",
        "state",
        "connections",
        "transport",
        "conn_info",
        "flow",
        "closed",
        "eager",
        "request_class",
        "request_handler",
        "request_timeout",
        "response_timeout",
        "keep_alive_timeout",
        "_idle_timeout",
        "tcp_close_timeout",
        "request_max_size",
        "access_log",
        "websocket",
        "ctx",
        "_http",
        "_time",
        "_timer",
        "_check_every",
        "_unix",
        "_upgrade_tail",
        "_idle_mark",
    )

    HTTP_CLASS = Http

    def __init__(
        self,
        *,
        loop: Any = None,
        app: Any,
        signal: Any = None,
        connections: set | None = None,
        state: dict | None = None,
        unix: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.loop = loop if loop is not None else asyncio.get_event_loop()
        self.app = app
        config = app.config
        self.signal = signal
        # Sanic's per-connection state: ``requests_count`` counts the requests begun on it.
        self.state = state if state is not None else {}
        self.state.setdefault("requests_count", 0)
        self.connections = connections if connections is not None else set()
        request_class = getattr(app, "request_class", None)
        if request_class is None:
            from hurtle_http.request import Request

            request_class = Request
        self.request_class = request_class
        self.request_handler = app.handle_request
        self.request_timeout = _seconds(config.REQUEST_TIMEOUT)
        self.response_timeout = _seconds(config.RESPONSE_TIMEOUT)
        self.keep_alive_timeout = _seconds(config.KEEP_ALIVE_TIMEOUT)
        # A KEEP_ALIVE_TIMEOUT of 0 or below keeps no connection alive (Http answers
        # ``Connection: close``, as Sanic closes at once); the wait for a connection's
        # first request is then bounded by REQUEST_TIMEOUT instead.
        self._idle_timeout = (
            self.keep_alive_timeout if self.keep_alive_timeout > 0 else self.request_timeout
        )
        self.tcp_close_timeout = _seconds(getattr(config, "GRACEFUL_TCP_CLOSE_TIMEOUT", 5.0))
        self.request_max_size = config.REQUEST_MAX_SIZE
        self.access_log = bool(getattr(config, "ACCESS_LOG", False))
        # PERF: off by default. The earlier "eager is slower" wall-clock figures (44-53 us
        # with a Task per burst, 59-67 us eager) were within this machine's noise; counted
        # in instructions (valgrind, benchmarks/inproc.py "GET /") eager stepping saves
        # about 3 % against the parked connection Task. Not worth losing what handlers
        # get from a Task: asyncio.current_task(), asyncio.timeout(), async-timeout users.
        # (Without it, data_received answers a lone complete request synchronously for
        # a parked Task, as that Task: about as cheap, and handlers keep all of those.)
        self.eager = bool(getattr(config, "HTTP_EAGER_DISPATCH", False))
        self._check_every = min(
            t if t > 0 else ZERO_TIMEOUT_CHECK
            for t in (self.request_timeout, self.response_timeout, self.keep_alive_timeout)
        )
        self._unix = unix
        self.transport: Any = None
        self.conn_info: ConnInfo | None = None
        self.flow: FlowControl = FlowControl(None, self.loop)
        self.closed = False
        self.websocket: Any = None
        self.ctx: Any = None
        self._http: Http | None = None
        self._time = 0.0
        self._timer: Any = None
        self._upgrade_tail = b""
        self._idle_mark: tuple[int, float] | None = None

    # -- asyncio.Protocol --------------------------------------------------------------

    def connection_made(self, transport: Any) -> None:
        """HTTP-protocol-specific new connection handler."""
        self.transport = transport
        self.connections.add(self)
        self.flow = FlowControl(transport, self.loop)
        self.conn_info = ConnInfo(transport, unix=self._unix)
        http = self._http = self.HTTP_CLASS(self)
        if http._hook is not None:
            http.connection_begins()
        self._time = self.loop.time()
        self._arm(self._time + self._check_every)
        ensure_ticking(self.loop)  # the Date line of this loop's responses (datefield)

    def data_received(self, data: bytes) -> None:
        """Feed received bytes to the parser, and start the handler when a head is ready."""
        self._time = self.loop.time()
        ws = self.websocket
        if ws is not None:
            ws.data_received(data)
            return
        http = self._http
        if http is None:
            return
        if http._open:  # fed before, neither failed nor upgraded
            # PERF: RequestReader.feed inlined after the connection's first bytes: its
            # head accounting (see RequestReader) and Http.at_rest() (about 150
            # instructions per read; benchmarks/inproc.py), in one test of in_head.
            if http.in_head:
                at_rest = False
                fed = http.fed = http.fed + len(data)
            else:
                at_rest = http.rx is None
                fed = http.fed = len(data)
            if fed > http.max_head_size or http.precise:
                http.feed_measured(data, fed, at_rest)
            else:
                try:
                    http.parser.feed_data(data)
                except Exception as error:
                    http.feed_failed(error, data, at_rest)
                # PERF: one attribute test; set only by a chunked head in this read
                # (its chunks are joined then). benchmarks/inproc.py under valgrind:
                # GET / and POST /echo unchanged within noise.
                if http.precise:
                    http.joined_first_chunks()
        else:
            http.feed(data)
        record: Any = http.current
        if record is not None and not http.running and not self.closed:
            idle = http._idle
            if idle is not None:
                run = http._run_in_task  # (the Task's context.run, if kept)
                if record.done and record.error is None and not http.queue and run is not None:
                    # PERF: a complete request alone, for a parked connection Task (the
                    # common keep-alive case): answered now, as that Task would. The
                    # handler runs in the Task's context with the Task as
                    # asyncio.current_task(); if it finishes without suspending and the
                    # connection stays as it was, the Task stays parked on the same
                    # future. Otherwise (it suspends, raises, or something is left to do)
                    # the Task is woken and goes on from where the handler is
                    # (Http._handover). No set_result, loop callback, Task step or new
                    # future per request; the handler is stepped through a resumable
                    # generator (Http._handler_pump: no StopIteration per request); and
                    # all of it here, not in a method of Http (one frame less per
                    # request: about 550 instructions of GET /; benchmarks/inproc.py).
                    request = record.request
                    # http1's request-side steps (see there)
                    http.request = request
                    http.keep_alive = record.keep_alive and http._keep_alive_allowed
                    # PERF: a GET's method is the parser's own "GET" (one identity
                    # test; a str == is not specialised here: about 80 instructions).
                    method = request.method
                    http.head_only = method is not _GET and method == "HEAD"
                    http.expecting_continue = record.expect
                    http.request_body = record.has_body
                    access_log = self.access_log
                    if access_log:
                        http.perft0 = perf_counter()
                    http.stage = HANDLER
                    http.running = True
                    send = http._pump_send
                    if send is None:
                        send = http._start_pump()
                    loop = http._task_loop
                    task: asyncio.Task = http.task  # type: ignore[assignment]  # (the connection's)
                    tasks = _current_tasks
                    if tasks is not None:
                        # PERF: _enter_task and _leave_task's change of the current task,
                        # without their checks (no task but the one looked up here can
                        # be current: nothing else runs meanwhile) nor their calls (about
                        # 1 % of GET /). The task current before (tests, benchmarks) is
                        # put back.
                        previous = tasks.get(loop)
                        tasks[loop] = task
                        try:
                            out = run(send, request)
                        finally:
                            if previous is None:
                                del tasks[loop]
                            else:
                                tasks[loop] = previous
                    else:
                        previous = _current_task_of(loop)
                        if previous is not None:  # called from inside another task
                            _leave_task(loop, previous)
                        _enter_task(loop, task)
                        try:
                            out = run(send, request)
                        finally:
                            _leave_task(loop, task)
                            if previous is not None:
                                _enter_task(loop, previous)
                    # (the pump yields _DONE when the handler returned, _FAILED when it
                    # raised, else what it awaits: the Task goes on from there)
                    if out is _DONE and (
                        http.stage is IDLE
                        and not record.chunks
                        and http.keep_alive
                        and not http.upgrade_websocket
                        and not self.closed
                        and not self.flow.reading_paused
                    ):
                        # http1's tail for the common case (see there); the Task stays
                        # parked. (The record was complete, without error and alone
                        # here, and nothing was parsed since.)
                        http.current = http.request = http.response = None
                        http.request_bytes = 0
                        record.request = None
                        http._spare = record
                        if access_log:
                            http.perft0 = 0.0
                        if http.in_head:
                            http.stage = REQUEST
                        # (the keep-alive time counts from ``_time``, set when these
                        # bytes came: the handler ran since without suspending, so the
                        # loop's clock moved by its run at most; PERF: no second
                        # loop.time() per request, about 300 instructions)
                        http.running = False
                        return
                    http._handover = out if out is _DONE or out is _FAILED else (out,)
                    http._idle = None
                    idle.set_result(None)
                else:
                    # Http.dispatch inlined: wake the Task.
                    http._idle = None
                    http.running = True
                    idle.set_result(None)
            else:
                http.dispatch()

    def eof_received(self) -> bool | None:
        """The peer finished sending; close unless a response is still to be written."""
        ws = self.websocket
        if ws is not None:
            return ws.eof_received()
        http = self._http
        if http is None or (not http.running and http.current is None):
            return False  # the transport closes itself
        if http.rx is not None:
            # A body still coming will not come: close, as Sanic does (its handler is
            # cancelled); waiting would hold the connection until REQUEST_TIMEOUT.
            return False
        # Keep the write side open for the pending response(s); no request can begin
        # after those already read, so the connection closes after answering them
        # (kept open, it idled until KEEP_ALIVE_TIMEOUT, a descriptor and a Task each).
        http.peer_finished()
        # Over TLS the transport closes whatever this returns (and asyncio logs a warning
        # for True): a half-closed TLS connection cannot carry the response.
        return self.conn_info is None or not self.conn_info.ssl

    def connection_lost(self, exc: BaseException | None) -> None:
        """Forget the connection; cancel a handler still running for it."""
        # Closed from this side first (the stop's abort, a timeout's close): the
        # request is not answered through the app's error path (see below).
        closed_here = self.closed
        self.closed = True
        self.connections.discard(self)
        if self.conn_info is not None:
            self.conn_info.lost = True
        self.flow.connection_lost(exc)
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
        http = self._http
        if http is not None and http._hook is not None:
            http.connection_ends()
        ws = self.websocket
        if ws is not None:
            ws.connection_lost(exc)
            if http is not None and not http.running:  # (else the Task's end releases it)
                http.release()
            return
        if http is not None:
            if (
                self.access_log
                and http.in_head
                and http.request is None
                and http.current is None
                and not http.failed
            ):
                http.log_gone_mid_head()
            http._wake()
            task = http.task
            if task is not None and not task.done():
                if (
                    not closed_here
                    and http.stage is HANDLER
                    and http.request is not None
                    and http.exception is None
                ):
                    # As Sanic: a client that leaves before its response started (mid-body
                    # or while the handler awaits) cancels the handler, then the request
                    # goes through the app's error path with RequestCancelled (the
                    # exception signals, its exception handler, the response middleware
                    # with a 500 that goes nowhere; access line 500 DISCONNECTED).
                    http.exception = RequestCancelled()
                task.cancel()  # its end releases the connection (Http.release)
            elif not http.running:
                http.release()

    def pause_writing(self) -> None:
        """The transport's write buffer is full: writers wait in ``drain()``."""
        self.flow.pause_writing()
        if self.websocket is not None:
            self.websocket.pause_writing()

    def resume_writing(self) -> None:
        """The transport's write buffer drained."""
        self.flow.resume_writing()
        if self.websocket is not None:
            self.websocket.resume_writing()

    # -- writing -------------------------------------------------------------------------

    def write(self, data: bytes) -> None:
        """Write now, without waiting for the peer (callers check ``flow`` first)."""
        if not self.closed:
            self.transport.write(data)

    async def send(self, data: bytes) -> None:
        """Writes HTTP data with backpressure control; ``RequestCancelled`` (a
        ``CancelledError``, as in Sanic) once the connection is closed or lost."""
        if self.flow.writing_paused:
            await self.flow.drain()
        if self.closed or self.transport.is_closing():
            # Never silently: the writer (a handler streaming, or a task of it) learns
            # that the data goes nowhere and stops producing it.
            if not self.closed:
                # The transport closes by itself (a write failed: the peer reset), and
                # connection_lost, due on the loop's next turn, cancels the handler as
                # any disconnect does: let it come. (Before, a handler sending in a loop
                # that never waits went on producing for nobody, and held the loop.)
                await asyncio.sleep(0)
            raise RequestCancelled()
        self._time = self.loop.time()
        self.transport.write(data)

    async def drain(self) -> None:
        """Wait until the transport accepts more data."""
        await self.flow.drain()

    # -- closing -------------------------------------------------------------------------

    def close(self, timeout: float | None = None) -> None:
        """Close the connection once the pending writes are flushed.

        If the pending writes make no progress for ``timeout`` seconds (by default
        ``GRACEFUL_TCP_CLOSE_TIMEOUT``; a peer that stopped reading), the connection is
        aborted instead: the peer cannot keep it, and its unsent bytes, forever.
        """
        if self.closed or self.transport is None:
            return
        self.closed = True
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
        transport = self.transport
        transport.close()
        pending = _pending_writes(transport)
        # Over TLS the close also waits for the peer's close_notify, which a peer that
        # stopped reading never sends: it is given the same time as pending writes.
        if pending or (self.conn_info is not None and self.conn_info.ssl):
            wait = self.tcp_close_timeout if timeout is None else timeout
            self._timer = self.loop.call_later(wait, self._check_flush, pending, wait)

    def _check_flush(self, before: int, wait: float) -> None:
        """A closing connection's writes were ``before`` bytes ``wait`` seconds ago:
        wait again if some went out since, abort if none did (or if, over TLS, all went
        out but the peer never answered the close)."""
        self._timer = None
        if self.flow.closed:  # connection_lost came: all flushed (or the peer left)
            return
        pending = _pending_writes(self.transport)
        if not pending:
            if self.conn_info is not None and self.conn_info.ssl:
                self.abort()
            return
        if pending < before:
            self._timer = self.loop.call_later(wait, self._check_flush, pending, wait)
        else:
            self.abort()

    def _abort_if_open(self) -> None:
        """A timeout's answer had its time to go out; the connection still open is cut."""
        self._timer = None
        if not self.closed:
            self.abort()

    def abort(self) -> None:
        """Close the connection at once, dropping pending writes."""
        if self.transport is None:
            return
        self.closed = True
        self.transport.abort()

    def close_if_idle(self, *, only_refuse_reuse: bool = False) -> bool:
        """Close the connection if a request is not being sent or received.

        Either way, the response in progress (and any later one) says ``connection: close``
        and the connection closes after it (RFC 9112 section 9.6), instead of promising a
        reuse that shutdown will not honour. With ``only_refuse_reuse`` an idle connection is
        left open too (a request already on its way is still answered). Returns True if
        closed, False if staying open.
        """
        http = self._http
        if http is None or self.websocket is not None:
            return self.closed and self.websocket is None  # (None once released)
        http.keep_alive = False
        http._keep_alive_allowed = False
        if only_refuse_reuse:
            return False
        if http.stage is IDLE and http.current is None and not http.running:
            self.close()
            return True
        return False

    # -- timeouts ------------------------------------------------------------------------

    def _arm(self, when: float) -> None:
        timer = self._timer
        if timer is not None:
            if timer.when() <= when:
                return
            timer.cancel()
        self._timer = self.loop.call_at(when, self.check_timeouts)

    def check_timeouts(self) -> None:
        """Runs itself at the next deadline to enforce any expired timeout."""
        self._timer = None
        http = self._http
        if self.closed or http is None or self.websocket is not None:
            return
        now = self.loop.time()
        stage = http.stage
        deadline = now + self._check_every
        if stage is IDLE and not http.running:
            idle_timeout = self._idle_timeout
            deadline = self._time + idle_timeout
            if now >= deadline:
                logger.debug("KeepAlive Timeout. Closing connection.")
                self.close()  # RFC 9112 section 9.6: an idle close needs no response
                return
            # Reads that begin no request (empty lines, which RFC 9112 section 2.2 lets
            # a server ignore) move ``_time`` on, but cannot hold an idle connection
            # forever: it closes once no request began for this long since a check
            # first found it idle.
            count = self.state["requests_count"]
            mark = self._idle_mark
            if mark is None or mark[0] != count:
                self._idle_mark = mark = (count, now)
            idle_deadline = mark[1] + idle_timeout
            if now >= idle_deadline:
                logger.debug("KeepAlive Timeout. Closing connection.")
                self.close()
                return
            deadline = min(deadline, idle_deadline)
        elif stage is REQUEST and not http.running:
            deadline = http.head_started_at + self.request_timeout
            if now >= deadline:
                logger.debug("Request Timeout. Closing connection.")
                http.timeout(RequestTimeout("Request Timeout"))
                self._overdue()
                return
        else:
            if http.upgrade_websocket:
                return
            if stage is not REQUEST:
                # (REQUEST while running: the connection's task has the request but has
                # not taken it up yet, this loop turn; its handler's time starts then. A
                # zero timeout fired here cancelled the task before it began: no answer.)
                deadline = self._time + self.response_timeout
                if now >= deadline:
                    logger.debug("Response Timeout. Closing connection.")
                    http.timeout(ServiceUnavailable("Response Timeout"))
                    self._overdue()
                    return
        when = min(deadline, now + self._check_every)
        self._timer = self.loop.call_at(when, self.check_timeouts)

    def _overdue(self) -> None:
        # After a timeout the connection is done for: its answer (408, 503) goes out and
        # the connection closes, unless the peer reads nothing; then it is cut after
        # GRACEFUL_TCP_CLOSE_TIMEOUT (close() replaces this timer with its own).
        if not self.closed and self._timer is None:
            self._timer = self.loop.call_later(self.tcp_close_timeout, self._abort_if_open)

    # -- websocket -----------------------------------------------------------------------

    async def websocket_handshake(self, request: Any, subprotocols: Any = None) -> Any:
        """Upgrade this connection to a websocket; returns a ``WebsocketImplProtocol``."""
        from hurtle_http.websocket import websocket_handshake

        return await websocket_handshake(self, request, subprotocols)

    @property
    def http(self) -> Http | None:
        """The connection's ``Http`` (stage machine) object."""
        return self._http

    async def connection_task(self) -> None:
        """Run the HTTP connection handler for the requests received so far."""
        http = self._http
        if http is not None:
            await http.http1()


def _seconds(setting: Any) -> float:
    """A timeout setting in seconds; NaN sets no limit (infinity), as in Sanic."""
    seconds = no_limit_if_nan(setting)
    return float("inf") if seconds is None else float(seconds)


def _pending_writes(transport: Any) -> int:
    """Bytes the transport still holds for the peer (0 if it cannot tell)."""
    try:
        return int(transport.get_write_buffer_size())
    except (AttributeError, NotImplementedError, RuntimeError, TypeError, ValueError):
        return 0


__all__ = ["HttpProtocol"]
