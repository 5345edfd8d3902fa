"""The response side of an HTTP/1.1 connection: ``ResponseWriter``, a mixin of ``Http``.

Theory of operation
-------------------
``respond()`` binds a response to the connection; nothing is sent until its first
``send``. ``send`` is an attribute, as in Sanic (``None`` once the response is finished):
first ``http1_response_header`` (the head, with the first data), then the body pieces,
framed by ``Content-Length`` (``http1_response_normal``), chunked coding
(``http1_response_chunked``), the connection's close for an HTTP/1.0 client
(``http1_response_close_delimited``), or nothing at all for HEAD, 204 and 304
(``head_response_ignored``). The last piece moves the stage machine (stages.py) back to
IDLE and writes the access-log line.

``finish()`` is the fast path for a response whose body is in hand: head and body in one
write, from pre-encoded pieces, without a coroutine. ``error_response()`` answers an
exception through the app's error handler while that is still possible, and otherwise
closes the connection.

The mixin holds no state of its own: it reads and sets ``Http``'s slots (``stage``,
``response``, ``keep_alive``, ``protocol``, ...).
"""

from __future__ import annotations

import asyncio
import logging
from time import perf_counter
from typing import TYPE_CHECKING, Any

from multidict import CIMultiDict

from hurtle_http.datefield import date_line, on_change
from hurtle_http.exceptions import STATUS_CODES, RequestCancelled, SanicException, ServerError
from hurtle_http.framing import CHUNK_END, CONTINUE_RESPONSE, encode_chunk
from hurtle_http.headers import Header, format_http1_response
from hurtle_http.stages import (
    END,
    ERROR,
    FAIL,
    FAILED,
    HANDLER,
    IDLE,
    RESPOND,
    RESPONSE,
    TRANSITIONS,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from hurtle_http.http import _Incoming
    from hurtle_http.protocol import HttpProtocol
    from hurtle_http.stages import Stage

    _Writer = Callable[..., Awaitable[None]]  # (data, end_stream=...)

access_logger = logging.getLogger("sanic.access")
logger = logging.getLogger("sanic.root")
error_logger = logging.getLogger("sanic.error")

# PERF: the multidict's own method, called on a Header directly (see http.py's _getall).
_items = CIMultiDict.items
_join_field = ": ".join  # (name, value) -> "name: value"

# RFC 9110 section 15.4.5: a 304 carries no representation metadata except these.
_ENTITY_HEADERS = (
    "allow",
    "content-encoding",
    "content-language",
    "content-length",
    "content-md5",
    "content-range",
    "content-type",
    "last-modified",
)


_STATUS_LINES = {
    code: f"HTTP/1.1 {code} {phrase.decode('latin-1')}\r\n" for code, phrase in STATUS_CODES.items()
}
_fast_head_types: dict[type, bool] = {}

# PERF: pre-encoded pieces of a whole-body response head (``Http.finish``): the status
# line, and the tail after the Content-Length digits, per (keep-alive, Content-Type).
_STATUS_LINE_BYTES = {code: line.encode("latin-1") for code, line in _STATUS_LINES.items()}
_head_parts: dict[tuple[int, bool, str | None], tuple[bytes, bytes]] = {}
_finish_types: dict[type, bool] = {}


def _unknown_status_line(status: int) -> str:
    """The status line of a status without a reason phrase; only three digits can go out
    (RFC 9110 section 15: a status code is a three-digit integer)."""
    if not isinstance(status, int) or status > 999:
        # Not three digits (200.5 went out as "HTTP/1.1 200.5 UNKNOWN", which no client
        # can parse): the handler's mistake is a 500, as in Sanic.
        raise RuntimeError(f"Invalid response status {status!r}")
    return f"HTTP/1.1 {status} UNKNOWN\r\n"


def _head_parts_for(key: tuple[int, bool, str | None]) -> tuple[bytes, bytes]:
    """(status line, tail after the Content-Length digits) for (status, keep-alive, type)."""
    status, keep_alive, content_type = key
    if content_type is not None and ("\n" in content_type or "\r" in content_type):
        # RFC 9110 section 5.5: it would end the field and start another (response
        # splitting); ``_format_head`` counts it with the other fields.
        raise InvalidHeader(CR_OR_LF_IN_FIELD)
    if content_type is not None and "\x00" in content_type:
        raise InvalidHeader(NUL_IN_FIELD)
    line = _STATUS_LINE_BYTES.get(status) or _unknown_status_line(status).encode()
    tail = "\r\nconnection: keep-alive\r\n" if keep_alive else "\r\nconnection: close\r\n"
    tail += date_line()  # this cache is emptied when the second changes (datefield)
    if content_type is not None:
        tail += f"content-type: {content_type}\r\n"
    parts = (line, (tail + "\r\n").encode())
    if len(_head_parts) < 1024:  # statuses and types come from the app; bound the cache
        _head_parts[key] = parts
    return parts


_heads: dict[tuple[type, int, bool, str | None, int], tuple[bytes, bytes, bytes]] = {}
# Both caches hold the Date line: emptied when it changes, once a second.
on_change(_head_parts.clear)
on_change(_heads.clear)


def _head_for(key: tuple[type, int, bool, str | None, int]) -> tuple[bytes, bytes, bytes]:
    """(whole head without fields, its status line, the rest) for (response class, status,
    keep-alive, content type, size): the fields, if any, go between the status line and
    the rest, which starts with the CRLF that ends the last field."""
    line, tail = _head_parts.get(key[1:4]) or _head_parts_for(key[1:4])
    rest = b"content-length: %d%s" % (key[4], tail)
    head = (line + rest, line, b"\r\n" + rest)
    if len(_heads) < 4096:  # sizes come from the app's bodies; bound the cache
        _heads[key] = head
    return head


def _finishes_whole(cls: type) -> bool:
    """Whether responses of ``cls`` may take ``Http.finish`` (no overridden or wrapped
    send/head: compared with the functions as defined, so a ``send`` an agent wrapped on
    the base class is called, as Sanic calls it for every response)."""
    from hurtle_http.response.types import PLAIN_RESPONSE_ATTRS

    send, processed_headers, headers = PLAIN_RESPONSE_ATTRS
    fast = (
        getattr(cls, "send", None) is send
        and getattr(cls, "processed_headers", None) is processed_headers
        and getattr(cls, "headers", None) is headers
    )
    _finish_types[cls] = fast
    return fast


def _uses_base_processed_headers(cls: type) -> bool:
    from hurtle_http.response.types import BaseHTTPResponse

    fast = getattr(cls, "processed_headers", None) is BaseHTTPResponse.processed_headers
    _fast_head_types[cls] = fast
    return fast


def _format_head(res: Any, status: int, headers: Any, framing: str) -> bytes:
    """The response head as bytes: status line, fields, framing fields, ``Content-Type``."""
    cls = type(res)
    fast = _fast_head_types.get(cls)
    if fast is None:
        fast = _uses_base_processed_headers(cls)
    if "date" not in headers:
        # RFC 9110 section 6.6.1; a Date the app set is sent instead.
        framing += date_line()
    if not fast:
        extra = [tuple(f.split(": ", 1)) for f in framing.split("\r\n") if f]
        for name, value in extra:
            headers[name] = value
        pairs = list(res.processed_headers)
        encoded = format_http1_response(status, pairs)
        if encoded.count(b"\n") != len(pairs) + 2 or encoded.count(b"\r") != len(pairs) + 2:
            raise InvalidHeader(CR_OR_LF_IN_FIELD)
        if b"\x00" in encoded:
            raise InvalidHeader(NUL_IN_FIELD)
        if not encoded.isascii() and not all(name.isascii() for name, _ in pairs):
            raise InvalidHeader(NON_ASCII_FIELD_NAME)
        return encoded
    # PERF: same fields as BaseHTTPResponse.processed_headers + format_http1_response, built
    # as one str and encoded once (about 3x faster than encoding field by field).
    line = _STATUS_LINES.get(status) or _unknown_status_line(status)
    fields = "".join([f"{name}: {value}\r\n" for name, value in headers.items()]) + framing
    content_type = res.content_type
    lines = len(headers) + framing.count("\n") + 2
    if (
        content_type is not None
        and "content-type" not in headers
        and status >= 200
        and status != 204
        and status != 304
    ):
        head = f"{line}{fields}content-type: {content_type}\r\n\r\n"
        lines += 1
    else:
        head = f"{line}{fields}\r\n"
    # RFC 9110 section 5.5 / 9112 section 2.2: no CR or LF inside a field (a value with
    # "\r\n" would smuggle extra fields or a body: response splitting). Two C scans.
    if head.count("\n") != lines or head.count("\r") != lines:
        raise InvalidHeader(CR_OR_LF_IN_FIELD)
    if "\x00" in head:
        # RFC 9110 section 5.5: NUL is as invalid and dangerous in a field as CR and LF
        # (recipients cut the value there or refuse the message). One C scan.
        raise InvalidHeader(NUL_IN_FIELD)
    # PERF: str.isascii() reads a flag CPython keeps on every str; the names are looked at
    # only when the head holds anything beyond ASCII (mostly a value, which may).
    if not head.isascii() and not all(name.isascii() for name in headers):
        # RFC 9110 section 5.1: a field name is a token, ASCII only (Sanic fails to send
        # the head and closes without an answer; Hurtle wrote the name's UTF-8 bytes).
        raise InvalidHeader(NON_ASCII_FIELD_NAME)
    try:
        return head.encode()
    except UnicodeEncodeError:
        return _field_bytes(head)


def _is_digits(value: Any) -> bool:
    """Whether a handler's ``Content-Length`` value is written as RFC 9110 8.6 has it."""
    return type(value) is str and value.isascii() and value.isdigit()


def _length_or_none(value: Any) -> int | None:
    """The number a handler's ``Content-Length`` value means to Python (``"+4"``,
    ``" 4"``, ``"0_4"``, ``4``), or None when it is not one or negative."""
    try:
        length = int(value)
    except (TypeError, ValueError):
        return None
    return length if length >= 0 else None


def _head_length_as_digits(headers: Any) -> None:
    """A bodiless HEAD answer's own ``Content-Length`` written as RFC 9110 8.6 has it
    (1*DIGIT), or left out when it is no length at all (Hurtle's server and ASGI mode)."""
    stated = headers["content-length"]
    if _is_digits(stated):
        return
    headers.popall("content-length")
    length = _length_or_none(stated)
    if length is not None:
        headers["content-length"] = str(length)


def _connection_options(values: list[str]) -> set[str]:
    """The connection options of a handler's ``Connection`` field lines, lower-cased
    (RFC 9110 7.6.1: a comma-separated list; ``upgrade, close`` asks to close too)."""
    return {option.strip(" \t").lower() for value in values for option in str(value).split(",")}


def _record_framing(
    res: Any, status: int, headers: Any, size: int | None, keep_alive: bool
) -> None:
    """Put the framing fields of a head just made into ``res.headers``, as Sanic leaves
    them: ``connection``, then for a status with content its ``content-length`` (a whole
    body) and ``content-type`` unless the handler set them (``transfer-encoding`` of a
    chunked stream is there already)."""
    headers["connection"] = "keep-alive" if keep_alive else "close"
    if status < 200 or 204 <= status <= 205 or status == 304:
        return
    if size is not None and "content-length" not in headers:
        headers["content-length"] = size
    content_type = res.content_type
    if content_type is not None and "content-type" not in headers:
        headers["content-type"] = content_type


def _field_bytes(text: str) -> bytes:
    """Fields holding bytes of a request that were not UTF-8 (kept as surrogates, e.g. a
    request header echoed back): those bytes go out as they came, as in Sanic; the 500 of
    a strict encoding was a server error made by a client's bytes."""
    return text.encode("utf-8", "surrogateescape")


def _warn_body_dropped(request: Any, status: int) -> None:
    """The warning Sanic logs when a 204 or 304 is given content (which is not sent)."""
    path = getattr(request, "path", "")
    logger.warning(
        f"Message body set in response on {path}. A {status} response may only have "
        "headers, no body."
    )


class InvalidHeader(ServerError):
    """A response header name or value that would break the head (CR or LF in it), or
    that holds NUL."""


# What a 500 for such a field says (the ASGI path refuses the same fields in its own head).
CR_OR_LF_IN_FIELD = "Response header field contains CR or LF"
NUL_IN_FIELD = "Response header field contains NUL"
NON_ASCII_FIELD_NAME = "Response header field name is not ASCII"


class ResponseWriter:
    """Writing the response to the current request (see the module docstring)."""

    if TYPE_CHECKING:
        # Http's slots that these methods read and set (declared for type checkers only).
        protocol: HttpProtocol
        stage: Stage
        request: Any
        response: Any
        current: _Incoming | None
        keep_alive: bool
        head_only: bool
        expecting_continue: bool
        upgrade_websocket: bool
        send: _Writer | None
        response_func: _Writer | None
        response_size: int
        response_bytes_left: int
        perft0: float
        _hook: Callable[[str, dict[str, Any]], Awaitable[None]] | None
        _status_error: bool

        def create_empty_request(self) -> None: ...
    else:
        __slots__ = ()

    def respond(self, response: Any) -> Any:
        """Bind ``response`` to this connection; nothing is sent until its first ``send``.

        Calling it again before anything was sent replaces the response to be given.
        """
        if self.stage is not HANDLER or self.response_func is not None:
            if self.stage is RESPONSE or self.response_func is not None:
                raise ServerError("Response already started")
            raise ServerError("No request is waiting for a response")
        # Bound first: something that is not a response fails here, leaving this
        # connection's state as it was (an error page can still answer).
        response.stream = self
        previous = self.response
        if previous is not None and previous is not response:
            previous.stream = None
        self.response = response
        self.send = self.http1_response_header
        return response

    def finish(self, response: Any) -> bool:
        """Send ``response`` whole, now, if it is a plain one; False if ``send`` must.

        The same bytes as ``respond(response)`` then ``await response.send(end_stream=True)``
        for a response with its body in hand, a status with content, and no field that
        changes framing; anything else (HEAD, 1xx/204/304, a ``content-length``,
        ``connection`` or ``transfer-encoding`` field, a paused transport, lifecycle
        signals, a response class overriding ``send``) returns False untouched.
        """
        # PERF: no coroutine and no head-building helper per response; the head is the
        # status line, the fields, and pre-encoded framing (benchmarks/inproc.py "GET /").
        if (
            self.stage is not HANDLER
            or self.response_func is not None
            or self.head_only
            or self._hook is not None
        ):
            return False
        # PERF: a response without fields whose head was written before: the key holds
        # the response's type and status, so a hit needs neither looked at again (only
        # heads of types and statuses that finish are cached, below).
        try:  # (no cost in 3.11+ while nothing is raised)
            headers = response._headers  # None until the handler touched ``headers``
            if headers:
                head = None
            else:
                body = response.body or b""
                size = len(body)
                status = response.status
                head = _heads.get(
                    (type(response), status, self.keep_alive, response.content_type, size)
                )
                # A float status equal to a cached one's (200.0 == 200) is no hit: it is
                # refused below. PERF: one type test on a hit (benchmarks/inproc.py "GET /").
                if type(status) is not int:
                    head = None
        except Exception:  # a response of another shape: its type is looked at below
            headers = getattr(response, "_headers", None)
            head = None
        if head is not None and not self.expecting_continue:
            protocol = self.protocol
            if protocol.flow.writing_paused:
                return False
            if self.response is not None:
                # Bound by request.respond() (this response or another): the caller decides.
                return False
            self.response = response
            response.stream = self
            if not protocol.closed:
                protocol.transport.write(head[0] + body)
            self.response_size = size
            self.stage = IDLE
            if self.perft0:
                self.log_response()
            return True
        # Every check: a head not seen before, a response with fields (or of another
        # shape), or a client that may still wait for a 100-continue.
        # PERF: subscript, not .get() (no method call); a new type is looked at once.
        try:
            whole = _finish_types[type(response)]
        except KeyError:
            whole = _finishes_whole(type(response))
        if not whole:
            return False
        status = response.status
        # Not an int ("200", None, 200.0): ``send`` answers it with a 500.
        if not isinstance(status, int) or status < 200 or 204 <= status <= 205 or status == 304:
            return False
        content_type = response.content_type
        if headers:
            if (
                "content-length" in headers
                or "connection" in headers
                or "transfer-encoding" in headers
                or "date" in headers
            ):
                return False
            if "content-type" in headers:
                content_type = None
        protocol = self.protocol
        if protocol.flow.writing_paused:
            return False
        body = response.body or b""
        keep_alive = self.keep_alive
        if keep_alive:
            record = self.current
            if record is not None and not record.done and self.expecting_continue:
                # a client waiting for 100-continue may never send the body: close
                keep_alive = self.keep_alive = False
        previous = self.response
        if previous is not None:
            # Bound by request.respond() (this response or another): the caller decides.
            return False
        self.response = response
        response.stream = self
        size = len(body)
        # PERF: the head without fields comes whole from a cache keyed by everything in it
        # (a bytes %-format of the Content-Length was about 2,700 instructions), and by
        # the response's type (only types and statuses that finish are cached).
        key = (type(response), status, keep_alive, content_type, size)
        try:  # PERF: no cost in 3.11+ while nothing is raised
            head = _heads.get(key)
            if head is None:
                head = _head_for(key)
        except (InvalidHeader, TypeError):
            # CR or LF in the content type: the slow path answers it with a 500. A content
            # type that is no str (request.accept.match()'s result, unhashable): the slow
            # path writes its str(), as Sanic does.
            self.response = previous
            return False
        if headers:
            # PERF: ``": ".join`` mapped over the items: C calls only, no frame, and no
            # f-string of the names (multidict gives them as ``istr``, which an f-string
            # formats by the slow path of a str subclass): level with a loop of f-strings
            # for one field, about 1,300 instructions less per further field
            # (benchmarks/inproc.py --core with three fields).
            items = _items(headers) if type(headers) is Header else headers.items()
            try:  # (no cost in 3.11+ while nothing is raised)
                lines = list(map(_join_field, items))
            except TypeError:  # a value that is no str (an int): written as its str()
                items = _items(headers) if type(headers) is Header else headers.items()
                lines = [f"{name}: {value}" for name, value in items]
            # PERF: the fields without their CRLFs ("".join of one line is that line) are
            # searched for CR and LF: two str.count calls cost about 1,900 instructions
            # (their argument parsing), two ``in`` about 400 (benchmarks/ "mw GET /").
            text = "".join(lines)
            if "\n" in text or "\r" in text or "\x00" in text or not text.isascii():
                # CR, LF or NUL inside a field: the slow path answers it with a 500 (and
                # checks the names of fields beyond ASCII: a flag read here). Untouched,
                # as promised: a response left bound here without a ``send`` was taken
                # for one already finished, and the app answered "returned None".
                self.response = previous
                return False
            fields = "\r\n".join(lines)  # the last CRLF starts head[2]
            try:
                encoded = fields.encode()
            except UnicodeEncodeError:
                encoded = _field_bytes(fields)
            data = b"".join((head[1], encoded, head[2], body))
        else:
            data = head[0] + body
        if not protocol.closed:
            protocol.transport.write(data)
        self.response_size = size
        self.stage = IDLE
        if self.perft0:
            if protocol.closed:
                # Nothing went out: the client left first (a handler that caught the
                # cancellation answered anyway). As Sanic's last line for it.
                self.log_response(disconnected=True, status=500)
            else:
                self.log_response()
        return True

    async def http1_response_header(self, data: bytes, end_stream: bool | None = False) -> None:
        """Write the response head, with ``data`` if given (finished if ``end_stream``)."""
        res = self.response
        if not data:
            body = res.body
            if body:
                data, end_stream = body, True
        status = res.status
        headers = res.headers
        size = len(data)
        func: Any = None
        framing = ""
        if isinstance(status, int):
            special = status < 200 or 204 <= status <= 205 or status == 304
            invalid = special and status < 200
        else:
            # Not a number ("200", None, a list), or a float (200.0), even a whole one: a
            # status code is an integer (RFC 9110 section 15), and Sanic answers it with a
            # 500; there is no status line to write.
            special = invalid = True
        if special:
            if invalid:
                # RFC 9110 section 15.2: a 1xx is never the final response (a client
                # would wait for another), so the handler's mistake becomes a 500, as
                # in Sanic, whose message shows the value as written (``'200'``, 200.0).
                error = RuntimeError(f"Invalid response status {status!r}")
                if not end_stream and self.stage is HANDLER and not self._status_error:
                    # A handler streaming it (request.respond()): its send raises, as in
                    # Sanic, and the handler's error gets the error page.
                    res.stream = None
                    self._unbind_unsent()
                    raise error
                await self._answer_instead(res, error)
                return
            # RFC 9110 sections 15.3.5, 15.4.5: these responses have no content.
            if data and status != 205:
                # The handler's body is dropped: say so, as Sanic does (a 205 is answered
                # with an empty content and no warning, below).
                _warn_body_dropped(self.request, status)
            if status == 304:
                for name in _ENTITY_HEADERS:
                    headers.popall(name, None)
            headers.popall("content-length", None)
            headers.popall("transfer-encoding", None)
            if status == 205:
                # RFC 9110 section 15.3.6: a server MUST NOT generate content in a 205;
                # the length says so (Sanic sends the handler's body).
                framing = "content-length: 0\r\n"
            data, size = b"", 0
            if not end_stream:
                # A stream (request.respond(), ResponseStream): what it still writes is
                # dropped until its eof, as for HEAD (Sanic does not fail it either).
                func = self.head_response_ignored
        elif end_stream:
            # PERF: the whole body is known: Content-Length, one write, no chunking.
            if "transfer-encoding" in headers:
                # RFC 9112 section 6.1: framing is the server's; a handler's field next to
                # the Content-Length set here would break it (Sanic sends both).
                headers.popall("transfer-encoding")
            if "content-length" not in headers:
                framing = f"content-length: {size}\r\n"
            elif self.head_only and not size:
                # RFC 9110 8.6, 9.3.2: a HEAD answer may state the length a GET would
                # send; the handler's value stands (as in Sanic), written as 1*DIGIT,
                # or left out when it is no length at all (Sanic sends "x" or "-1").
                _head_length_as_digits(headers)
            else:
                headers.popall("content-length")
                framing = f"content-length: {size}\r\n"
        elif "content-length" in headers:
            stated = headers["content-length"]
            # As Sanic: a value int() refuses raises its ValueError from the send.
            total = int(stated)
            if not _is_digits(stated):
                # RFC 9110 8.6: Content-Length is 1*DIGIT. int() also takes "+4", " 4",
                # "0_4" (Sanic sends them as given): send the number. A negative one
                # fails a GET's first piece below, as in Sanic; Sanic sends it for HEAD.
                if total < 0 and self.head_only and not self._status_error:
                    res.stream = None
                    self._unbind_unsent()
                    raise ServerError("Invalid Content-Length in the response headers")
                headers["content-length"] = str(total)
            if size > total and not self.head_only and not self._status_error:
                # The first piece of a stream is already longer than its stated length:
                # what followed the length would be read as the start of the next
                # response (RFC 9112 6.3; Sanic writes it). Nothing went out yet, so the
                # send raises, as it does for a later piece that overflows, and the
                # handler's error gets the error page.
                res.stream = None
                self._unbind_unsent()
                raise ServerError("Response was bigger than content-length")
            self.response_bytes_left = total - size
            headers.popall("transfer-encoding", None)  # RFC 9112 6.2: never with a length
            func = self.http1_response_normal
        elif self.request is not None and self.request.version == "1.0":
            # RFC 9112 section 6.1: no Transfer-Encoding to an HTTP/1.0 client (it could
            # not decode it; Sanic sends it); the body ends where the connection does.
            # An answer to HEAD ends with its head (RFC 9112 6.3, item 1): the connection
            # the client asked to keep stays open.
            if not self.head_only:
                self.keep_alive = False
            func = self.http1_response_close_delimited
        else:
            headers["transfer-encoding"] = "chunked"
            data = encode_chunk(data)
            func = self.http1_response_chunked
        if self.head_only:
            # RFC 9110 section 9.3.2: same head as GET, no content.
            data = b""
            if func is not None:
                func = self.head_response_ignored
        continue_first = False
        if self.expecting_continue:
            if func is not None:
                # As Sanic: a response streamed while the client waits for 100-continue
                # goes out after the 100, so the body the handler may still read comes
                # (a 100 sent by a later read would land inside the response).
                continue_first = True
            elif self.keep_alive:
                record = self.current
                if record is not None and not record.done:
                    # The client may wait for a 100-continue that will not come and never
                    # send the body: this connection cannot be reused, so say so now. (A
                    # body that is on its way is read and dropped after the response.)
                    self.keep_alive = False
        upgrade = ""
        if "connection" in headers:
            # A handler asking to close gets its way; framing is otherwise ours to set.
            options = _connection_options(headers.popall("connection"))
            if "close" in options:
                self.keep_alive = False
            if "upgrade" in options and "upgrade" in headers:
                # RFC 9110 7.8: whoever sends Upgrade (a 426, or an offer in any other
                # response) MUST list ``upgrade`` in Connection too (Sanic drops it).
                upgrade = "upgrade, "
        # PERF: the framing fields are appended to the head text, not stored in the
        # response's multidict (two CIMultiDict writes per response saved).
        if upgrade:
            framing += f"connection: {upgrade}{'keep-alive' if self.keep_alive else 'close'}\r\n"
        else:
            framing += "connection: keep-alive\r\n" if self.keep_alive else "connection: close\r\n"
        self.response_size = size
        try:
            head = _format_head(res, status, headers, framing)
        except InvalidHeader as error:
            await self._answer_instead(res, error)  # nothing was written
            return
        # As Sanic: once its head is made, the response's headers hold the framing it
        # went with (APM agents read content-type and -length there after ``send()``).
        # Only here: a plain response that ``finish`` sends has no ``send()`` to see it.
        _record_framing(res, status, headers, size if end_stream else None, self.keep_alive)
        protocol = self.protocol
        if self._hook is not None and not protocol.closed:
            # (As Sanic: nothing is announced as sent to a client already gone.)
            await self._lifecycle("send", head + data if data else head)
        if protocol.flow.writing_paused:
            await protocol.flow.drain()
        if continue_first:
            self.expecting_continue = False
            head = CONTINUE_RESPONSE + head
        if protocol.closed:
            # The client left (or the stop closed its connection) before anything went
            # out: the first piece of a stream raises, as the later ones do (it went
            # nowhere without a word, and the handler streamed on for nobody).
            raise RequestCancelled()
        # PERF: head and body in a single transport.write (one syscall for small bodies).
        protocol.transport.write(head + data if data else head)
        if func is None:
            self._response_done()
        else:
            self.stage = TRANSITIONS[self.stage, RESPOND]
            if func == self.http1_response_chunked and self.perft0 > 0:
                # As Sanic: a chunked stream's access line is written as its head goes
                # out (``chunked``, the time to the head); a cut gets ``DISCONNECTED`` too.
                self.log_response()
            if self._hook is not None:
                func = self._announcing(func)
            self.send = self.response_func = func
            protocol._time = protocol.loop.time()  # progress: restarts RESPONSE_TIMEOUT

    async def _answer_instead(self, res: Any, error: BaseException) -> None:
        """``res`` cannot be sent and nothing of it was written: answer ``error`` with an
        error page (a 500) instead, or with a plain one if that page fails the same way."""
        # ``res`` stays bound: what its handler still sends finds the error page sent
        # (``send`` None), so its ``eof()`` is quiet and more data a clear error.
        self._unbind_unsent()
        if self._status_error:  # the error page itself had a 1xx status or a bad field
            self._write_plain_error(error)
            return
        self._status_error = True
        try:
            # The response middleware ran on the response replaced here; as in Sanic it
            # does not run again on the error page.
            await self.error_response(error, run_middleware=False)
        finally:
            self._status_error = False

    def _unbind_unsent(self) -> None:
        """Forget the bound response, of which nothing went out, so an error page may take
        its place (a ``request.respond()`` stream counts as not responded again)."""
        self.response = None
        self.send = None
        request = self.request
        if getattr(request, "responded", False):
            request.responded = False

    async def http1_response_normal(self, data: bytes, end_stream: bool | None = False) -> None:
        """Write a piece of a response whose size (``Content-Length``) was given."""
        size = len(data)
        left = self.response_bytes_left - size
        if left < 0:
            self._fail()
            raise ServerError("Response was bigger than content-length")
        self.response_bytes_left = left
        self.response_size += size
        if size:
            await self.protocol.send(data)
        if end_stream:
            if left:
                self._fail()
                raise ServerError("Response was smaller than content-length")
            self._response_done()

    async def http1_response_chunked(self, data: bytes, end_stream: bool | None = False) -> None:
        """Write a piece of a response in chunked transfer coding."""
        self.response_size += len(data)
        if end_stream:
            await self.protocol.send(encode_chunk(data) + CHUNK_END)
            self._response_done(log=False)  # its line was written with the head
        elif data:
            await self.protocol.send(encode_chunk(data))

    async def http1_response_close_delimited(
        self, data: bytes, end_stream: bool | None = False
    ) -> None:
        """Write a piece of a response of unknown size to an HTTP/1.0 client: as is, the
        end being the connection's close (RFC 9112 section 6.3, item 8)."""
        self.response_size += len(data)
        if data:
            await self.protocol.send(data)
        if end_stream:
            self._response_done()

    async def head_response_ignored(self, data: bytes, end_stream: bool | None = False) -> None:
        """HEAD response: body data silently ignored (while the client is there)."""
        if self.protocol.closed:
            raise RequestCancelled()
        if end_stream:
            self._response_done()

    @property
    def body_dropped(self) -> bool:
        """True while what the streamed response still writes goes nowhere: its head is
        out and it has no content (an answer to HEAD, a 204 or 304). A stream may stop
        producing it (the built-in ``file_stream`` stops reading its file)."""
        send = self.send
        return send is not None and (
            send == self.head_response_ignored or getattr(send, "silent", False)
        )

    def _response_done(self, log: bool = True) -> None:
        self.stage = TRANSITIONS[self.stage, END]
        self.send = self.response_func = None
        if self.perft0 and log:
            self.log_response()

    def _fail(self) -> None:
        self.stage = TRANSITIONS[self.stage, FAIL]
        self.send = self.response_func = None
        self.keep_alive = False

    async def _finish_response(self) -> None:
        if self.stage is RESPONSE:
            send = self.send
            if send is not None:
                await send(b"", end_stream=True)
        elif self.stage is HANDLER:
            if self.upgrade_websocket:
                return
            # Sanic's wording for a handler (or error handler) that returned None.
            raise ServerError("Invalid response type None (need HTTPResponse)")

    async def error_response(self, exception: BaseException, run_middleware: bool = True) -> None:
        """Answer ``exception`` through the app's error handler, or close if too late
        (``run_middleware=False``: the response middleware already ran on this request)."""
        protocol = self.protocol
        if self.upgrade_websocket:
            # The connection speaks websocket now: no HTTP error response is possible.
            ws = protocol.websocket
            if ws is not None:
                await ws.close(1011)
            protocol.close()
            return
        if self.stage is IDLE and self.request is not None:
            # The response to this request is complete (a handler that failed after
            # its eof, a ResponseStream writing past a 204): another response would be
            # one the client never asked for. Log it only.
            error_logger.error(
                "The error response will not be sent to the client for the following "
                'exception:"%s". A previous response has at least partially been sent.',
                exception,
                exc_info=exception,
            )
            return
        if self.stage is RESPONSE or self.stage is FAILED:
            # The head is out: no error response is possible, only a cut connection.
            if self.stage is RESPONSE:
                self._fail()
            self.keep_alive = False
            protocol.close()
            return
        if self.stage is not HANDLER:
            self.stage = TRANSITIONS[self.stage, ERROR]
            self.keep_alive = False
        if self.request is None:
            self.create_empty_request()
        if self.response is not None:
            # One bound by request.respond() that sent nothing yet: the error page
            # replaces it (a response timeout while the handler waited to send).
            self.response.stream = None
            if getattr(self.request, "responded", False):
                self.request.responded = False
        self.response = None
        self.response_func = None
        self.send = None
        try:
            if run_middleware:
                await protocol.app.handle_exception(self.request, exception)
            else:
                await protocol.app.handle_exception(self.request, exception, run_middleware=False)
            if self.stage is not IDLE:
                await self._finish_response()
        except asyncio.CancelledError:
            raise
        except Exception:
            error_logger.exception("Error while handling the error %r", exception)
            if self.stage is HANDLER:
                self._write_plain_error(exception)
            else:
                self.keep_alive = False
                protocol.close()

    def _write_plain_error(self, exception: BaseException) -> None:
        status = (
            getattr(exception, "status_code", 500) if isinstance(exception, SanicException) else 500
        )
        body = b"Internal Server Error" if status == 500 else str(exception).encode()
        self.keep_alive = False
        headers = [
            (b"content-length", b"%d" % len(body)),
            (b"connection", b"close"),
            (b"content-type", b"text/plain; charset=utf-8"),
        ]
        self.protocol.write(format_http1_response(status, headers) + body)
        self.response_size = len(body)
        self.stage = TRANSITIONS[self.stage, END]
        if self.protocol.access_log:
            # The answer went out: the access log says so, as for any other (only this
            # last-resort branch; the error page that fails is no response to log).
            self.log_response(status=status)

    def log_response(self, disconnected: bool = False, status: int | None = None) -> None:
        """Write the access-log line for the finished response (``sanic.access``), or for
        one cut short (``disconnected``: Sanic's ``DISCONNECTED`` size, no duration);
        ``status``: of an answer that has no response object (the plain 500, a request
        whose client left before any response)."""
        request = self.request
        response = self.response if status is None else None
        host = self.access_host()
        try:
            target = f"{request.method} {request.url}"
        except Exception:
            target = f"{getattr(request, 'method', '')} {getattr(request, 'path', '')}"
        size: int | str = self.response_size
        headers = getattr(response, "headers", None)
        if headers is not None and "transfer-encoding" in headers and not self.head_only:
            # As Sanic: a response sent in chunks is logged as "chunked", not by its bytes.
            size = "chunked"
        if disconnected:
            size = "DISCONNECTED"
        extra = {
            "status": getattr(response, "status", 0) if status is None else status,
            "byte": size,
            "host": host,
            "request": target,
            # As Sanic: " 0.4ms"; nothing for bytes that were no request (perft0 < 0).
            "duration": (
                f" {(perf_counter() - self.perft0) * 1000:.1f}ms"
                if self.perft0 > 0 and not disconnected
                else ""
            ),
        }
        access_logger.info("", extra=extra)

    def access_host(self) -> str:
        """The access log's ``host`` for this connection's request."""
        conn_info = self.protocol.conn_info
        # (perft0 < 0: bytes that were no request, whose stand-in request knows no peer:
        # as Sanic, the UNIX-socket form below)
        if self.perft0 >= 0:
            if conn_info is None:
                return ""
            # As Sanic: the client as the proxies tell it (PROXIES_COUNT, FORWARDED_SECRET,
            # REAL_IP_HEADER), else the peer's address.
            try:
                client = self.request.remote_addr or conn_info.client_ip
            except Exception:  # a malformed forwarding header must not stop the log line
                client = conn_info.client_ip
            if client:
                return f"{client}:{conn_info.client_port}"
        # A UNIX socket has no peer address, nor has a TCP client that reset before its
        # connection was served: as Sanic, four hex digits that tell this connection from
        # the others open at the same time, then "unx".
        return f"{id(self.protocol) >> 4 & 0xFFFF:04X}unx"

    def _announcing(self, func: Any) -> Any:
        """``func`` (a streamed response's writer) dispatching ``http.lifecycle.send``
        with the bytes each piece puts on the wire, as Sanic does for every write after
        the head. Only used when the app has lifecycle signals."""
        chunked = func == self.http1_response_chunked
        silent = func == self.head_response_ignored

        async def send(data: bytes, end_stream: bool | None = False) -> None:
            if not silent:
                wire = encode_chunk(data) if chunked and data else data
                if chunked and end_stream:
                    wire += CHUNK_END
                if wire:
                    await self._lifecycle("send", wire)
            await func(data, end_stream)

        send.silent = silent  # type: ignore[attr-defined]  # (for body_dropped)
        return send

    async def _lifecycle(self, event: str, data: bytes = b"") -> None:
        # The app maps this to each signal's own arguments (``send`` gets the bytes).
        hook = self._hook
        if hook is not None:
            await hook(
                f"http.lifecycle.{event}",
                {"request": self.request, "response": self.response, "data": data},
            )


__all__ = ["InvalidHeader", "ResponseWriter"]
