"""Websockets on the HTTP connection, over the ``websockets`` library's sans-I/O protocol.

``websocket_handshake()`` answers the upgrade request (101), then the connection's bytes
go to a ``WebsocketImplProtocol``, the object a websocket handler gets: ``recv``,
``send``, ``ping``, ``pong``, ``close``, ``async for``.

When the peer goes away or the connection fails, every waiting and later call raises
``websockets.ConnectionClosed`` (``ConnectionClosedOK`` for a normal close), never a bare
``CancelledError``.  A text frame that is not valid UTF-8 closes with 1007 (RFC 6455
section 8.1); a message over ``WEBSOCKET_MAX_SIZE`` closes with 1009.

Flow control: reading from the peer pauses while ``MAX_QUEUE`` messages, or more bytes
than one message may have (``WEBSOCKET_MAX_SIZE``), wait unread, and while the
transport's write buffer is full (a peer that sends pings but reads none of
the pongs, or anything else sent to it, cannot make the server buffer without bound).
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import logging
import random
from array import array
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from typing import Any, NoReturn

from websockets.datastructures import Headers
from websockets.exceptions import (
    ConnectionClosed,
    ConnectionClosedError,
    ConnectionClosedOK,
    InvalidHeader,
)
from websockets.frames import OK_CLOSE_CODES, CloseCode, Frame, Opcode
from websockets.http11 import Request as WSRequest
from websockets.protocol import Protocol, State
from websockets.server import ServerProtocol
from websockets.typing import Subprotocol

from hurtle_http.config import no_limit_if_nan
from hurtle_http.exceptions import SanicException, ServerError
from hurtle_http.fieldtext import field_text
from hurtle_http.framing import CONTINUE_RESPONSE, continues
from hurtle_http.request.types import lists_websocket
from hurtle_http.websocket_access import log_close, log_open
from hurtle_http.websocket_errors import (
    PING_AFTER_CLOSE,
    RECV_WHILE_WAITING,
    SEND_AFTER_CLOSE,
    recv_after_close,
    use_after_close,
)
from hurtle_http.websocket_send_signal import send_signaller


class _LibraryLog(logging.LoggerAdapter):  # type: ignore[type-arg]
    """Where the websockets library logs a connection: ``sanic.websockets``, as in Sanic,
    not the library's ``websockets.server`` (which reached the root logger:
    ``logging.basicConfig(level=INFO)`` printed an open and a close line per connection).
    Its frames are there at DEBUG; its INFO ``connection closed`` is left out (Sanic
    prints it only when the client's EOF happens to arrive before it closes)."""

    def info(self, msg: object, *args: object, **kwargs: Any) -> None:
        """Dropped: the library's per-connection INFO lines."""


websockets_logger = _LibraryLog(logging.getLogger("sanic.websockets"), {})

Data = str | bytes

# Pause reading from the peer when this many whole messages wait unread.
MAX_QUEUE = 32


class WebsocketImplProtocol:
    """One server-side websocket connection (what a websocket handler receives)."""

    def __init__(
        self,
        ws_proto: Protocol,
        *,
        loop: Any,
        subprotocol: str | None = None,
        ping_interval: float | None = 20,
        ping_timeout: float | None = 20,
        close_timeout: float = 10.0,
    ) -> None:
        self.ws_proto = ws_proto
        self._subprotocol = subprotocol
        self.loop = loop
        self.ping_interval = ping_interval
        self.ping_timeout = ping_timeout
        self.close_timeout = close_timeout
        self.io_proto: Any = None
        self.transport: Any = None
        self.messages: deque[Data] = deque()
        # For each queued message, where its fragments ended (None: it came in one frame),
        # so recv_streaming() can give it frame by frame.
        self._message_ends: deque[array | None] = deque()
        self._last_ends: array | None = None  # those of the message popped last
        self._queued = 0  # the size of the messages waiting in ``messages``
        self._max_queued = (
            getattr(ws_proto, "max_message_size", None)  # websockets 13+
            or getattr(ws_proto, "max_size", None)
            or 2**20
        )
        self._fragments = bytearray()  # the message being received in fragments
        self._fragment_ends = array("I")  # where each of its fragments ends
        self._decoder: Any = None
        self._utf8_failed = False  # (set once invalid text failed the connection)
        self._text = False
        self._recv_waiter: asyncio.Future | None = None
        self.pings: dict[bytes, asyncio.Future] = {}
        self.keepalive_task: asyncio.Task | None = None
        self.connection_lost_waiter: asyncio.Future = loop.create_future()
        # Called once nothing more will come from the peer (None once they were).
        self._peer_gone_callbacks: list[Callable[[], Any]] | None = []
        self._lost_waiters: set[asyncio.Future] = set()  # wait_for_connection_lost()
        self._close_timer: Any = None
        self._reading_paused = False  # MAX_QUEUE messages wait unread
        self._writing_paused = False  # the peer does not read what is sent
        self._access: tuple[str, str] | None = None  # host and target, when access-logged
        self._peer_dropped = False  # the peer's FIN or the connection's loss came while open
        # Told of each write when the app listens to http.lifecycle.send (None otherwise).
        self._on_send: Callable[[bytes | bytearray], None] | None = None

    # -- public API ----------------------------------------------------------------------

    @property
    def subprotocol(self) -> str | None:
        """The subprotocol chosen during the handshake, if any."""
        return self._subprotocol

    @property
    def state(self) -> State:
        """The websocket state (CONNECTING, OPEN, CLOSING, CLOSED)."""
        return self.ws_proto.state

    @property
    def connection_closed(self) -> bool:
        """True once the connection is closed (or closing)."""
        return not self._is_open() and self.ws_proto.state is not State.CONNECTING

    @property
    def close_code(self) -> int | None:
        """The close code received from (or sent to) the peer."""
        return self.ws_proto.close_code

    @property
    def close_reason(self) -> str | None:
        """The close reason received from (or sent to) the peer."""
        return self.ws_proto.close_reason

    @property
    def ended_by_peer(self) -> bool:
        """Whether the peer ended the connection first: its close frame came before this
        side's, or its FIN (or the connection's loss) while the websocket was open."""
        proto = self.ws_proto
        if proto.close_rcvd is not None:
            return proto.close_sent is None or bool(proto.close_rcvd_then_sent)
        return self._peer_dropped

    async def recv(self, timeout: float | None = None) -> Data | None:
        """The next message (str for text, bytes for binary); ``None`` after ``timeout``.

        Raises ``ConnectionClosed`` once the connection is closed and no message is left:
        when it was closed before the call, the ``WebsocketClosed`` (also a
        ``ConnectionClosed``) that Sanic raises there, with its message.
        """
        waited = False
        while True:
            if self.messages:
                return self._pop()
            # The peer's close frame ends its messages (RFC 6455 5.5.1): recv() ends
            # then, as Sanic's, not when the peer's FIN follows.
            if self._ended() or self.ws_proto.close_rcvd is not None:
                if waited:
                    raise self._closed_exception()
                raise recv_after_close(self._closed_exception())
            if self._recv_waiter is not None:
                # As Sanic (the websockets library's rule and message).
                raise ServerError(RECV_WHILE_WAITING)
            waiter = self._recv_waiter = self.loop.create_future()
            timer = None
            if timeout is not None:
                timer = self.loop.call_later(timeout, _set_result, waiter, False)
            try:
                got = await waiter
            finally:
                self._recv_waiter = None
                waited = True
                if timer is not None:
                    timer.cancel()
            if got is False and not self.messages:
                return None

    async def recv_burst(self, max_recv: int = 256) -> Sequence[Data]:
        """The messages already received (at most ``max_recv``), without waiting: an empty
        list when none is (as Sanic). Once nothing more can come (the peer's close frame
        arrived, or the connection ended) and no message is left, raises as ``recv()``
        does then: Sanic's ``WebsocketClosed`` (also a ``ConnectionClosed``)."""
        if not self.messages and (self._ended() or self.ws_proto.close_rcvd is not None):
            raise recv_after_close(self._closed_exception())
        out: list[Data] = []
        while self.messages and len(out) < max_recv:
            out.append(self._pop())
        return out

    async def recv_streaming(self) -> AsyncIterator[Data]:
        """The next message, one piece per frame as the peer sent it (as Sanic: for a
        fragmented message each fragment's data, the often empty final one included; a
        message in one frame is one piece). The whole message is received first."""
        message = await self.recv()
        ends = self._last_ends
        if message is None:
            return
        if ends is None:
            yield message
            return
        if isinstance(message, str):
            raw = message.encode()
            decoder: Any = codecs.getincrementaldecoder("utf-8")()
        else:
            raw, decoder = message, None
        start = 0
        for end in ends:
            piece = raw[start:end]
            start = end
            yield decoder.decode(piece) if decoder is not None else piece

    async def send(self, message: Data | Iterable[Data]) -> None:
        """Send a text (str) or binary (bytes) message.

        As in Sanic: a mapping is a ``TypeError``, any other iterable (a fragmented
        message) ``NotImplementedError``, and nothing is sent for either. On a closed
        connection it raises ``WebsocketClosed`` (also a ``ConnectionClosed``).
        """
        self._check_open(SEND_AFTER_CLOSE)
        proto = self.ws_proto
        if isinstance(message, str):
            proto.send_text(message.encode())
        elif isinstance(message, (bytes, bytearray, memoryview)):
            proto.send_binary(bytes(message))
        else:
            refuse_message(message)
        await self._flush(drain=True)

    async def ping(self, data: Data | None = None) -> asyncio.Future:
        """Send a ping; the returned future completes when the matching pong arrives."""
        waiter = self._send_ping(data)
        await self._flush(drain=True)
        return waiter

    async def pong(self, data: Data = b"") -> None:
        """Send an unsolicited pong (nothing once the connection is closing, as Sanic)."""
        if not self._is_open():
            return  # (as Sanic: the payload is not even checked)
        self.ws_proto.send_pong(control_payload(data))
        await self._flush(drain=True)

    async def close(self, code: int = 1000, reason: str = "") -> None:
        """Start the closing handshake (send a close frame); idempotent.

        Returns once the frame is written, as Sanic's does: the rest of the handshake
        (the peer's close frame, then the end of TCP) goes on without the caller, bounded
        by ``close_timeout`` (10 s, the websockets library's default) after which the
        connection is aborted. ``wait_for_connection_lost()`` waits for that end.

        ``code`` 1006 (abnormal closure, which RFC 6455 7.4.1 forbids in a close frame)
        ends the connection without a close frame, as Sanic's ``close(1006)`` does.
        """
        proto = self.ws_proto
        is_open = self._is_open()
        if is_open and code == CloseCode.ABNORMAL_CLOSURE:
            self._fail(code, reason)  # no close frame; TCP ends (a half-close first)
            self._send_pending()
            self._wake_all()
        elif is_open:
            proto.send_close(code, reason)
            # The peer's close frame must be read even if unread messages paused reading.
            self._resume_queue()
            await self._flush(drain=False)
            if self._close_timer is None and not self.connection_lost_waiter.done():
                self._close_timer = self.loop.call_later(self.close_timeout, self._abort)
        elif proto.state is State.CONNECTING:
            self._abort()
        self._stop_keepalive()

    def fail_connection(self, code: int = 1006, reason: str = "") -> bool:
        """Fail the connection now (RFC 6455 7.1.7), without waiting; Sanic's name.

        While open: a close frame with ``code`` and ``reason`` (none for 1006, which is
        never sent), then TCP ends without waiting for the peer's close frame. While
        closing: TCP ends. Afterwards ``send``/``recv`` raise ``WebsocketClosed``.
        Returns False, as Sanic 25.12's does in every case observed.
        """
        proto = self.ws_proto
        if self._is_open():
            self._fail(code, reason)  # the close frame (unless 1006), then the EOF
            self._send_pending()
        elif proto.state is State.CLOSING and self.io_proto is not None:
            self._end_tcp()
        elif proto.state is State.CONNECTING:
            self._abort()
        self._stop_keepalive()
        self._wake_all()
        return False

    def end_connection(self, code: int = 1000, reason: str = "") -> bool:
        """Start the closing handshake without waiting (``close()`` not awaited); Sanic's
        name. The close frame is written at once; returns False, as Sanic 25.12's."""
        if self._is_open():
            self.ws_proto.send_close(code, reason)
            self._resume_queue()
            self._send_pending()
            if self._close_timer is None and not self.connection_lost_waiter.done():
                self._close_timer = self.loop.call_later(self.close_timeout, self._abort)
        self._stop_keepalive()
        return False

    async def wait_for_connection_lost(self, timeout: float | None = None) -> bool:
        """Wait until the connection is gone; False if ``timeout`` passed first."""
        lost = self.connection_lost_waiter
        if lost.done():
            return True
        # A future of its own (see owns_waiter): the peer's close frame, which comes
        # before the connection's end, does not cancel a handler waiting here.
        waiter = self.loop.create_future()
        self._lost_waiters.add(waiter)

        def on_lost(_: Any) -> None:
            _set_result(waiter, True)

        lost.add_done_callback(on_lost)
        timer = None
        if timeout is not None:
            timer = self.loop.call_later(timeout, _set_result, waiter, False)
        try:
            return await waiter
        finally:
            self._lost_waiters.discard(waiter)
            lost.remove_done_callback(on_lost)
            if timer is not None:
                timer.cancel()

    def __aiter__(self) -> AsyncIterator[Data]:
        return iterate_messages(self)

    # -- wiring (called by HttpProtocol) ---------------------------------------------------

    def connection_made(self, io_proto: Any) -> None:
        """Attach to the HTTP protocol whose transport now carries websocket frames."""
        self.io_proto = io_proto
        self.transport = io_proto.transport
        if self.ping_interval and isinstance(self.ping_interval, (int, float)):
            # An interval that is no number (WEBSOCKET_PING_INTERVAL = "abc") sends no
            # pings, as in Sanic, rather than a keepalive task failing on its first wait.
            self.keepalive_task = self.loop.create_task(self._keepalive())

    def data_received(self, data: bytes) -> None:
        """Frames from the peer."""
        proto = self.ws_proto
        proto.receive_data(data)
        self._process_events()
        self._send_pending()

    def eof_received(self) -> bool:
        """The peer half-closed: end the websocket (the transport closes)."""
        self._peer_dropped = self._peer_dropped or self._is_open()
        self._receive_eof()
        self._process_events()
        self._set_peer_gone()
        self._send_pending()
        self._wake_all()
        return False

    def _receive_eof(self) -> None:
        proto = self.ws_proto
        proto.receive_eof()
        cause = proto.parser_exc  # (close_exc's cause: the EOF, when it came mid-frame)
        if cause is not None:
            # Its traceback ends in the parser's frame, which holds the protocol: a cycle
            # that left the library's protocol for the cyclic collector.
            cause.__traceback__ = None

    def connection_lost(self, exc: BaseException | None) -> None:
        """The transport is gone: every waiter now raises ``ConnectionClosed``."""
        proto = self.ws_proto
        self._peer_dropped = self._peer_dropped or self._is_open()
        if proto.state is not State.CLOSED:
            with contextlib.suppress(Exception):
                self._receive_eof()
        self._set_peer_gone()
        self._stop_keepalive()
        if self._close_timer is not None:
            self._close_timer.cancel()
        if not self.connection_lost_waiter.done():
            self.connection_lost_waiter.set_result(None)
            if self._access is not None:
                with contextlib.suppress(Exception):
                    log_close(self._access, proto)
        self._wake_all()

    def pause_writing(self) -> None:
        """Transport buffer full: writers wait in ``drain``, and the peer's frames are not
        read until it drains (each ping read would queue another pong)."""
        self._writing_paused = True
        self.io_proto.flow.pause_reading()

    def resume_writing(self) -> None:
        """Transport buffer drained: read the peer's frames again (unless the queue is full)."""
        self._writing_paused = False
        if not self._reading_paused:
            self.io_proto.flow.resume_reading()

    # -- internals -----------------------------------------------------------------------

    def on_peer_gone(self, callback: Callable[[], Any]) -> None:
        """Call ``callback()`` once nothing more will come from the peer: its close frame,
        its EOF or the connection's loss, whichever is first (on the loop's next turn if
        that was already). It runs before the websocket's own waiters are woken by that
        end, so it sees what a handler was waiting on (``owns_waiter``)."""
        if self._peer_gone_callbacks is None:
            # (after a Task created just before this call has taken its first step)
            self.loop.call_soon(callback)
        else:
            self._peer_gone_callbacks.append(callback)

    def owns_waiter(self, future: Any) -> bool:
        """Whether ``future`` is one this websocket wakes when the connection ends (a
        ``recv``, a pong awaited, a ``send`` waiting for the transport to drain,
        ``wait_for_connection_lost``)."""
        return (
            future is self._recv_waiter
            or future in self._lost_waiters
            or future in self.pings.values()
            or (self.io_proto is not None and self.io_proto.flow.is_waiter(future))
        )

    def _set_peer_gone(self) -> None:
        callbacks, self._peer_gone_callbacks = self._peer_gone_callbacks, None
        for callback in callbacks or ():
            try:
                callback()
            except Exception:  # (the connection's bookkeeping goes on regardless)
                websockets_logger.logger.exception("Error in a websocket's peer-gone callback")
        self._fail_pings()

    def _fail_pings(self) -> None:
        # No pong can come any more (RFC 6455 5.5.1: nothing follows a close frame; after
        # the server's FIN what comes is dropped): the pings still awaited fail now, not
        # when TCP ends (the peer's FIN may come late).
        if self.pings:
            closed = self._closed_exception()
            for waiter in self.pings.values():
                if not waiter.done():
                    waiter.set_exception(closed)
                    waiter.exception()  # retrieved: nobody may be awaiting a ping
            self.pings.clear()

    def _closed_exception(self) -> ConnectionClosed:
        proto = self.ws_proto
        try:
            exc = proto.close_exc  # only defined once the state is CLOSED
        except AssertionError:
            exc = None
        if isinstance(exc, ConnectionClosed):
            return exc
        rcvd, sent = proto.close_rcvd, proto.close_sent
        if rcvd is None and sent is None:
            return ConnectionClosed(None, None)
        # The closing handshake is under way (close() does not wait for its end): the
        # close frames so far say how it goes, as close_exc will once it is over.
        ok = all(frame is None or frame.code in OK_CLOSE_CODES for frame in (rcvd, sent))
        cls = ConnectionClosedOK if ok else ConnectionClosedError
        return cls(rcvd, sent, proto.close_rcvd_then_sent)

    def _check_open(self, message: str) -> None:
        if not self._is_open():
            raise use_after_close(message, self._closed_exception())

    def _fail(self, code: int, reason: str) -> None:
        # Failed with 1006 there is no close frame to send or wait for (RFC 6455 7.1.7),
        # yet the library leaves its state OPEN until TCP's end is read: closed now, so
        # ``ws_proto.state`` is CLOSED and ``close_code`` 1006 at once, as in Sanic.
        proto = self.ws_proto
        proto.fail(code, reason)
        if proto.state is State.OPEN:
            proto.state = State.CLOSED

    def _is_open(self) -> bool:
        # Failing the connection without a close frame (close(1006)) leaves the library's
        # state OPEN while TCP ends: closed, as far as the handler goes.
        proto = self.ws_proto
        return proto.state is State.OPEN and not proto.eof_sent

    def _ended(self) -> bool:
        """Nothing more can come from the peer (the library discards what does once it
        has ended its side of TCP)."""
        return (
            self.ws_proto.state is State.CLOSED
            or self.connection_lost_waiter.done()
            or self.ws_proto.eof_sent
        )

    def _process_events(self) -> None:
        for event in self.ws_proto.events_received():
            self._on_frame(event)  # type: ignore[arg-type]  # (frames only, once open)
            if self._utf8_failed:
                # RFC 6455 7.1.7: nothing after the invalid text is processed, though the
                # library parsed the rest of this read already.
                break

    def _on_frame(self, frame: Frame) -> None:
        opcode = frame.opcode
        if opcode is Opcode.TEXT or opcode is Opcode.BINARY:
            self._text = opcode is Opcode.TEXT
            if frame.fin:  # a whole message in one frame (the common case)
                self._message(frame.data)
                return
            self._fragments = bytearray()
            self._fragment_ends = array("I")
            self._decoder = codecs.getincrementaldecoder("utf-8")() if self._text else None
            self._add_fragment(frame)
        elif opcode is Opcode.CONT:
            self._add_fragment(frame)
        elif opcode is Opcode.PONG:
            self._answer_pings(bytes(frame.data))
        elif opcode is Opcode.CLOSE:
            self._set_peer_gone()
            self._wake_all()

    def _answer_pings(self, payload: bytes) -> None:
        # RFC 6455 5.5.3: a peer may answer only the latest of several pings, so a pong
        # answers its ping and every ping sent before it (as Sanic); one that matches
        # no ping answers none.
        if payload not in self.pings:
            return
        while self.pings:
            key = next(iter(self.pings))
            waiter = self.pings.pop(key)
            if not waiter.done():
                waiter.set_result(None)
            if key == payload:
                return

    def _add_fragment(self, frame: Frame) -> None:
        # The fragments are joined as bytes (one byte of memory per byte received, however
        # small they are); a text message's UTF-8 is checked as each one arrives.
        data = frame.data
        if self._decoder is not None:
            try:
                self._decoder.decode(data, final=frame.fin)
            except UnicodeDecodeError:
                self._invalid_utf8()
                return
        self._fragments += data
        self._fragment_ends.append(len(self._fragments))
        if frame.fin:
            whole, self._fragments = self._fragments, bytearray()
            ends, self._fragment_ends = self._fragment_ends, array("I")
            self._decoder = None
            self._message(whole, ends)

    def _message(self, data: Any, ends: array | None = None) -> None:
        """A whole message's payload (and where its fragments ended, if it had several):
        queue it for ``recv`` (as str if it is text)."""
        if self._text:
            try:
                message: Data = str(data, "utf-8")
            except UnicodeDecodeError:
                self._invalid_utf8()
                return
        else:
            message = bytes(data)
        open_ = self.ws_proto.state is State.OPEN
        if not open_ and self._queue_full():
            # Closing, with the queue full: reading must go on until the peer's close
            # frame, so what comes before it is dropped (bounded memory).
            return
        self.messages.append(message)
        self._message_ends.append(ends)
        self._queued += len(message)
        if open_ and not self._reading_paused and self._queue_full():
            self._reading_paused = True
            self.io_proto.flow.pause_reading()
        self._wake_recv()

    def _queue_full(self) -> bool:
        """The unread messages reached the queue's limit (their count or their bytes)."""
        return len(self.messages) >= MAX_QUEUE or self._queued >= self._max_queued

    def _pop(self) -> Data:
        """The oldest message received; reading resumes once half the queue is free."""
        message = self.messages.popleft()
        self._last_ends = self._message_ends.popleft()
        self._queued -= len(message)
        if (
            self._reading_paused
            and len(self.messages) < MAX_QUEUE // 2
            and self._queued < self._max_queued // 2
        ):
            self._resume_queue()
        return message

    def _resume_queue(self) -> None:
        """Read from the peer again, if the queue of unread messages paused it."""
        if self._reading_paused:
            self._reading_paused = False
            if not self._writing_paused:
                self.io_proto.flow.resume_reading()

    def _invalid_utf8(self) -> None:
        # RFC 6455 section 8.1: invalid UTF-8 in a text message fails the connection.
        self.ws_proto.fail(CloseCode.INVALID_DATA, "invalid UTF-8 in a text frame")
        self._utf8_failed = True
        self._fragments = bytearray()
        self._fragment_ends = array("I")
        self._decoder = None
        self._wake_all()

    def _wake_recv(self) -> None:
        waiter = self._recv_waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(True)

    def _wake_all(self) -> None:
        self._wake_recv()

    def _send_pending(self) -> None:
        transport = self.transport
        for data in self.ws_proto.data_to_send():
            if data:
                if not self.io_proto.closed:
                    transport.write(data)
                    if self._on_send is not None:
                        self._on_send(data)
            else:
                # websockets asks for the TCP connection to end (after the close
                # handshake, or after failing the connection).
                self._end_tcp()
        if self.ws_proto.state is State.CLOSED or self.ws_proto.eof_sent:
            # Closed, or the library failed the connection while parsing (a frame over
            # ``max_size``: 1009, a protocol error: 1002) and ended its side of TCP: a
            # waiting ``recv()`` raises now (RFC 6455 7.1.7: nothing more is processed),
            # not when the peer's FIN comes.
            self._wake_all()

    def _end_tcp(self) -> None:
        # The server ends TCP first (RFC 6455 7.1.1) with a half-close: FIN once the
        # pending writes are out, then what the peer still sends is read and discarded
        # until its own FIN (or ``close_timeout``, then abort). A full close would answer
        # those bytes (e.g. the close frame a peer echoes after a failed connection) with
        # a reset, which can destroy data the peer has not read yet.
        io_proto, transport = self.io_proto, self.transport
        if io_proto.closed:
            return
        if transport.is_closing() or not transport.can_write_eof():
            io_proto.close()  # TLS: no half-close
            return
        transport.write_eof()
        self._fail_pings()
        if self._close_timer is None:
            self._close_timer = self.loop.call_later(self.close_timeout, self._abort)

    async def _flush(self, drain: bool) -> None:
        self._send_pending()
        if drain and self.io_proto.flow.writing_paused:
            try:
                await self.io_proto.flow.drain()
            except ConnectionResetError:
                raise self._closed_exception() from None

    def _send_ping(self, data: Data | None) -> asyncio.Future:
        """Queue a ping (without waiting for the transport); a future for its pong."""
        self._check_open(PING_AFTER_CLOSE)
        if data is None:
            # 4 random bytes, as the websockets library sends (and Sanic)
            payload = random.getrandbits(32).to_bytes(4, "big")
            while payload in self.pings:
                payload = random.getrandbits(32).to_bytes(4, "big")
        else:
            payload = control_payload(data)
            awaited = self.pings.get(payload)
            if awaited is not None and not awaited.done():
                # (as Sanic: a pong could not tell the two apart; the first would never end)
                raise ValueError("already waiting for a pong with the same data")
            self.pings.pop(payload, None)  # (re-inserted last: the order is the pings' order)
        waiter = self.loop.create_future()
        self.pings[payload] = waiter
        self.ws_proto.send_ping(payload)
        self._send_pending()
        return waiter

    def _abort(self) -> None:
        # (also when closing: a close still waiting to flush is what is cut here)
        if self.io_proto is not None and not self.connection_lost_waiter.done():
            self.io_proto.abort()

    def _stop_keepalive(self) -> None:
        task = self.keepalive_task
        if task is not None and not task.done() and task is not asyncio.current_task():
            task.cancel()
        self.keepalive_task = None

    async def _keepalive(self) -> None:
        # Ping every ping_interval; no pong within ping_timeout of the ping being queued
        # fails the connection (1011). The ping does not wait for the transport: a peer
        # that reads nothing (its pongs never come) is dropped like one that answers
        # nothing, even while a handler's send() waits for it to drain.
        try:
            while True:
                await self._after(self.ping_interval)  # type: ignore[arg-type]  # (set: see connection_made)
                if not self._is_open():
                    return
                waiter = self._send_ping(None)
                # None (or NaN) waits as long as it takes; 0 or below allows no time, as
                # in Sanic (the connection fails 1011 after the first ping).
                if self.ping_timeout is not None:
                    if not await self._after(self.ping_timeout, waiter):
                        # As Sanic: the log says why (the access line, if on, only
                        # shows the 1011).
                        websockets_logger.warning("Websocket timed out waiting for pong")
                        self.ws_proto.fail(CloseCode.INTERNAL_ERROR)  # (no reason, as Sanic)
                        self._send_pending()
                        self._wake_all()
                        self._abort()
                        return
        except (ConnectionClosed, asyncio.CancelledError):
            return

    async def _after(self, delay: float, waiter: asyncio.Future | None = None) -> bool:
        """Wait ``delay`` seconds on this connection's loop clock, or less if ``waiter``
        completes first; True if it did."""
        done = self.loop.create_future()
        timer = self.loop.call_later(delay, _set_result, done, False)
        if waiter is not None:
            waiter.add_done_callback(lambda _: _set_result(done, True))
        try:
            return await done
        finally:
            timer.cancel()


async def iterate_messages(ws: Any) -> AsyncIterator[Data]:
    """``async for message in ws``: each message ``ws.recv()`` gives. As in the
    websockets library, a normal close ends the loop and an abnormal one raises."""
    try:
        while True:
            message = await ws.recv()
            if message is not None:
                yield message
    except ConnectionClosedOK:
        return


def refuse_message(message: Any) -> NoReturn:
    """Refuse, as Sanic does, a message to send that is neither str nor bytes-like: a
    mapping is a ``TypeError``, another iterable (a fragmented message)
    ``NotImplementedError``, anything else a ``TypeError``."""
    if isinstance(message, Mapping):
        raise TypeError("data is a dict-like object")
    if isinstance(message, Iterable):
        raise NotImplementedError("Fragmented websocket messages are not supported.")
    raise TypeError("Websocket data must be bytes, str.")


def control_payload(data: Any) -> bytes:
    """A ping's or pong's payload: str (as UTF-8) or bytes-like, else ``TypeError``."""
    if isinstance(data, str):
        return data.encode()
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError(f"a ping or pong payload must be str or bytes, not {type(data).__name__}")


def _set_result(waiter: asyncio.Future, value: Any) -> None:
    if not waiter.done():
        waiter.set_result(value)


def _websocket_upgrade_only(fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``fields`` with an ``Upgrade`` that offers websocket among other protocols
    (``Upgrade: h2c, websocket``, or over several field lines) reduced to ``websocket``:
    RFC 9110 7.8 lets the server pick one protocol of the list, and RFC 6455 4.2.1 asks
    for an ``Upgrade`` containing ``websocket``. The library (and Sanic) refuse any list
    with a 426."""
    offered = [value for name, value in fields if name.lower() == "upgrade"]
    if len(offered) == 1 and "," not in offered[0]:
        return fields  # the common case: the library reads it as it is
    if not lists_websocket(",".join(offered)):
        return fields
    kept = [(name, value) for name, value in fields if name.lower() != "upgrade"]
    return [*kept, ("Upgrade", "websocket")]


async def websocket_handshake(
    protocol: Any, request: Any, subprotocols: Sequence[str] | None = None
) -> WebsocketImplProtocol:
    """Answer ``request``'s upgrade on ``protocol`` (an ``HttpProtocol``); return the websocket.

    A request that is not a valid websocket upgrade raises ``SanicException`` with the
    status the websockets library chose (400 or 426), before anything is sent.
    """
    http = protocol.http
    app = protocol.app
    # As Sanic: what proxies reported (``forwarded``, and ``remote_addr`` from it) is read
    # when the websocket opens; a handler rewriting those fields later does not change it.
    request.forwarded  # noqa: B018
    if getattr(app, "websocket_enabled", True) is False:
        # As Sanic, whose server then has no websocket support: a plain 500 page, and the
        # reason in the logged error.
        raise RuntimeError("Websockets are disabled on this app: app.enable_websocket(False)")
    config = app.config
    try:
        ws_proto = ServerProtocol(
            subprotocols=[Subprotocol(s) for s in subprotocols] if subprotocols else None,
            max_size=getattr(config, "WEBSOCKET_MAX_SIZE", 2**20),
            logger=websockets_logger,
        )
    except Exception as error:
        # A setting the library refuses (WEBSOCKET_MAX_SIZE = 10.5 from SANIC_ variables):
        # as Sanic, a 500 that says the websocket could not open, the cause in the log.
        raise SanicException(
            "Failed to open a WebSocket connection.\nSee server log for more information.\n",
            status_code=500,
        ) from error
    path = request.raw_url.decode("latin-1") if hasattr(request, "raw_url") else request.path
    if getattr(request, "version", "1.1") == "1.0":
        # RFC 9110 7.8: a server MUST ignore Upgrade in an HTTP/1.0 request, and RFC 6455
        # 4.2.1 asks for an HTTP/1.1 GET: answered as a request without Upgrade (Sanic
        # switched protocols).
        raise SanicException(
            "Failed to open a WebSocket connection: an upgrade needs HTTP/1.1.\n",
            status_code=426,
            headers={"upgrade": "websocket", "connection": "upgrade"},
        )
    # (RFC 6455 4.2.1: a handshake without Host MUST be refused. Http already answers any
    # HTTP/1.1 request without one 400, RFC 9112 3.2, so no handshake gets here without.)
    # Bytes that are not UTF-8 (kept as surrogates) go to the library as the latin-1
    # characters of those bytes (obs-text, which it accepts): with the surrogates, any such
    # field, even one it does not read, made it raise and the handshake a 500. Trailing
    # whitespace is no part of a field value (RFC 9110 5.5: a parser MUST exclude it; the
    # library refused `Sec-WebSocket-Key: <key> `, as in Sanic).
    fields = [
        (
            name,
            (
                value
                if value.isascii()
                else value.encode("utf-8", "surrogateescape").decode("latin-1")
            ).rstrip(" \t"),
        )
        for name, value in request.headers.items()
    ]
    fields = _websocket_upgrade_only(fields)
    try:
        ws_request = WSRequest(path, Headers(fields))
    except InvalidHeader as error:
        # A value the library refuses outright: answered as it answers a bad field.
        raise SanicException(
            f"Failed to open a WebSocket connection: {field_text(str(error))}.\n", 400
        ) from None
    response = ws_proto.accept(ws_request)
    if response.status_code != 101:
        # The library's explanation, kept whole (with its final newline), as Sanic shows it.
        message = response.body.decode(errors="replace") if response.body else ""
        # RFC 9110 15.5.22: a 426 MUST name the protocol to upgrade to (the library's
        # response does); RFC 6455 4.2.2: a refused version MUST come with the versions
        # the server speaks, in a 426 when the version is what was refused (the library
        # and Sanic answer 400, Sanic without the field).
        status = response.status_code
        refusal_fields: dict[str, str] = {}
        version = request.headers.get("sec-websocket-version")
        if "Sec-WebSocket-Version" in message:  # missing, or not 13
            status = 426
            refusal_fields["sec-websocket-version"] = "13"
        elif version is not None and version.strip(" \t") != "13":
            refusal_fields["sec-websocket-version"] = "13"
        if status == 426:
            # (RFC 9110 7.8: with Upgrade, Connection names ``upgrade``; the writer adds
            # ``keep-alive`` or ``close``.)
            refusal_fields["upgrade"] = response.headers.get("Upgrade", "websocket")
            refusal_fields["connection"] = "upgrade"
        raise SanicException(
            message or "Invalid websocket upgrade request",
            status_code=status,
            headers=refusal_fields or None,
        )
    # The 101 is written as is (the library's send_response would log `connection open`
    # at INFO for each connection, which Sanic does not).
    head = response.serialize()
    expect = request.headers.get("expect")
    if (
        expect is not None
        and continues(expect)
        and (http.expecting_continue or not http.request_body)
    ):
        # RFC 9110 7.8: a server that receives both Upgrade and Expect: 100-continue MUST
        # send a 100 (Continue) before the 101 (unless one went out when the body was read).
        http.expecting_continue = False
        head = CONTINUE_RESPONSE + head
    # The handshake request never went through ws_proto's parser (httptools read it), so
    # frames get a fresh protocol object that starts in the OPEN state (a ServerProtocol,
    # as the handler's ``ws.ws_proto`` is in Sanic, with the chosen subprotocol).
    frames = ServerProtocol(
        state=State.OPEN,
        max_size=getattr(config, "WEBSOCKET_MAX_SIZE", 2**20),
        logger=websockets_logger,
    )
    frames.subprotocol = ws_proto.subprotocol
    impl = WebsocketImplProtocol(
        frames,
        loop=protocol.loop,
        subprotocol=ws_proto.subprotocol,
        ping_interval=no_limit_if_nan(getattr(config, "WEBSOCKET_PING_INTERVAL", 20)),
        ping_timeout=no_limit_if_nan(getattr(config, "WEBSOCKET_PING_TIMEOUT", 20)),
    )
    http.upgrade_websocket = True
    # The 101 is this request's whole response.
    http.response_size = 0
    http.stage = http.stage.__class__.IDLE
    http.send = None
    protocol.write(head)
    hook = getattr(app, "lifecycle_hook", None)
    if hook is not None:
        impl._on_send = send_signaller(hook, request, protocol.loop)
        # As Sanic: the 101's bytes reach the signal as a bytearray (frames as bytes).
        impl._on_send(bytearray(head))
    protocol.websocket = impl
    impl.connection_made(protocol)
    if protocol.access_log:
        # As Sanic: the connection's OPEN (and later CLOSE) lines on sanic.access.
        with contextlib.suppress(Exception):
            impl._access = log_open(http.access_host(), request.url)
    tail, protocol._upgrade_tail = protocol._upgrade_tail, b""
    if tail:
        impl.data_received(tail)
    return impl


__all__ = [
    "WebsocketImplProtocol",
    "control_payload",
    "iterate_messages",
    "refuse_message",
    "websocket_handshake",
]
