"""Request framing and body encoding, I/O-free.

``RequestReader`` turns bytes into request events (head, body chunks, end, error) by
driving an ``httptools`` parser (llhttp in strict mode) and adding the checks llhttp
leaves to the server: size limits with their own statuses, supported transfer codings,
and a second, stricter look at ``Content-Length``.  It never touches a socket: its
``feed()`` takes bytes and calls methods of a *sink* object, so tests drive it directly.

Every rule below refuses; none guesses (RFC 9112 section 11.2, request smuggling).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn, Protocol

import httptools

from hurtle_http.exceptions import (
    BadRequest,
    HTTPException,
    NotImplementedByServer,
    PayloadTooLarge,
    RequestHeaderFieldsTooLarge,
    SanicException,
    URITooLong,
)
from hurtle_http.hostfield import VALID_HOSTS, check_host

CHUNK_END = b"0\r\n\r\n"
CONTINUE_RESPONSE = b"HTTP/1.1 100 Continue\r\n\r\n"


class RequestSink(Protocol):
    """What ``RequestReader`` reports to (``Http`` in the server)."""

    def on_begin(self) -> None: ...
    def on_head(self, url: bytes, headers: list[tuple[str, str]], parser: Any) -> None: ...
    def on_body(self, data: bytes) -> None: ...
    def on_end(self) -> None: ...
    def on_error(self, exception: Exception) -> None: ...
    def on_upgrade(self, tail: bytes) -> None: ...
    def on_upgraded_data(self, data: bytes) -> None: ...


class _Stop(Exception):
    """Raised inside a parser callback to stop parsing; the real error is kept aside."""


class UnsupportedVersion(BadRequest):
    """A request line without a valid HTTP/1.x version: no HTTP/1.x request, so its 400
    keeps its content even for HEAD (as Sanic's)."""


class MajorVersionNotSupported(HTTPException):
    """A request line of another major version (``HTTP/2.0``, ``HTTP/3.0``, ``HTTP/0.8``):
    505 (RFC 9110 15.6.6; Sanic answers 400), its content kept even for HEAD."""

    status_code = 505
    quiet = True

    def __init__(self, version: str) -> None:
        # RFC 9110 15.6.6: the answer SHOULD say why, and what the server speaks.
        super().__init__(f"HTTP/{version} is not supported; this server speaks HTTP/1.1 and HTTP/1.0.")


def http1_version(version: str) -> str:
    """The version a request of ``version`` (as the parser read it) is served as: itself
    for 1.0 and 1.1, else refused: ``UnsupportedVersion`` (400) for 0.9, which llhttp also
    reports for a request line without a version (``GET /``), ``MajorVersionNotSupported``
    (505) for 2.0. A higher HTTP/1 minor version never gets here: ``RequestReader`` reads
    it as 1.1 (``_HIGHER_MINOR``)."""
    if version == "1.1" or version == "1.0":
        return version
    if version == "0.9":
        raise UnsupportedVersion("Bad Request")
    raise MajorVersionNotSupported(version)


def parse_content_length(value: str) -> int:
    """The body size a ``Content-Length`` value gives, or ``BadRequest``.

    RFC 9110 section 8.6: ``Content-Length = 1*DIGIT``.  Python's ``int()`` also accepts
    signs, underscores, spaces and non-ASCII digits, so check the characters first.
    """
    if not (value.isascii() and value.isdigit()):
        raise BadRequest("Bad content-length")
    try:
        return int(value)
    except ValueError:  # more than 4,300 digits (int's limit), leading zeros or not
        raise BadRequest("Bad content-length") from None


def body_framing(
    headers: Mapping[str, str], version: str, max_size: int
) -> tuple[int | None, bool]:
    """(content_length or None, chunked) for a request head, or the error to answer.

    RFC 9112 section 6.1: a server MUST reject a request with both ``Content-Length`` and
    ``Transfer-Encoding`` (llhttp does so before this is called; checked again here for
    direct callers) and answer 501 to a transfer coding it does not understand placed
    before chunked; an HTTP/1.0 message with ``Transfer-Encoding`` has faulty framing
    (section 6.1, last paragraph).  Section 6.3: chunked not the final coding (400), a
    differing repeated ``Content-Length`` are unrecoverable.
    """
    te = headers.get("transfer-encoding")
    cl = headers.get("content-length")
    if te is not None:
        if cl is not None:
            raise BadRequest("Bad Request")
        if version == "1.0":
            raise BadRequest("Transfer-Encoding is not allowed in HTTP/1.0")
        if te.strip().lower() != "chunked":
            raise _coding_error(headers)
        return None, True
    if cl is None:
        return None, False
    getall = getattr(headers, "getall", None)
    if getall is not None:
        values = getall("content-length")
        if len(values) > 1 and any(v != cl for v in values):
            raise BadRequest("Bad content-length")
    size = parse_content_length(cl.strip(" \t"))
    if size > max_size:
        raise PayloadTooLarge("Request body exceeds the size limit")
    return size, False


def _coding_error(headers: Mapping[str, str]) -> SanicException:
    """The answer to a request whose ``Transfer-Encoding`` is not plain ``chunked``.

    RFC 9112 section 6.3: when chunked is not the final coding (``gzip``, ``identity``,
    ``"chunked"``, or chunked applied twice, 6.1) the body's length cannot be known: the
    server MUST answer 400 and close (Sanic's words for it). Section 6.1: chunked last,
    after a coding the server does not understand (``gzip, chunked``): 501 (SHOULD).
    """
    getall = getattr(headers, "getall", None)
    lines = getall("transfer-encoding") if getall is not None else [headers["transfer-encoding"]]
    codings = [c for c in (c.strip(" \t").lower() for c in ",".join(lines).split(",")) if c]
    if not codings or codings[-1] != "chunked" or codings.count("chunked") > 1:
        return BadRequest("Bad content-length")
    return NotImplementedByServer("Unsupported transfer encoding")


def encode_chunk(data: bytes) -> bytes:
    """One chunk of chunked transfer coding (RFC 9112 section 7.1); empty data gives b""."""
    if not data:
        return b""
    return b"%x\r\n%b\r\n" % (len(data), data)


def encode_chunked(chunks: Iterable[bytes]) -> bytes:
    """A whole chunked body: the chunks, then the last-chunk and an empty trailer."""
    return b"".join(encode_chunk(c) for c in chunks) + CHUNK_END


_HEX = frozenset(b"0123456789abcdefABCDEF")


class ChunkedDecoder:
    """A chunked body (RFC 9112 7.1) decoded as it arrives, read by read: for bodies that
    llhttp does not frame (an Upgrade request answered in HTTP/1.1). Each byte is looked
    at once, whatever the reads; a malformed body raises ``BadRequest``."""

    __slots__ = ("_state", "_left", "_line", "done")

    _SIZE, _DATA, _DATA_END, _TRAILER = range(4)

    def __init__(self) -> None:
        self._state = self._SIZE
        self._left = 0  # bytes of chunk data still due
        self._line = b""  # the start of a line cut by a read
        self.done = False

    def feed(self, data: bytes) -> tuple[bytes, bytes]:
        """The content ``data`` brings, and what follows the body's end (once ``done``)."""
        out: list[bytes] = []
        pos, size = 0, len(data)
        while pos < size and not self.done:
            if self._state == self._DATA:
                take = min(self._left, size - pos)
                out.append(data[pos : pos + take])
                pos += take
                self._left -= take
                if not self._left:
                    self._state = self._DATA_END
                continue
            eol = data.find(b"\n", pos)
            if eol < 0:
                self._line += data[pos:]
                if len(self._line) > 8192:
                    raise BadRequest("Bad chunked encoding")
                break
            line, self._line = self._line + data[pos : eol + 1], b""
            pos = eol + 1
            if not line.endswith(b"\r\n"):
                raise BadRequest("Bad chunked encoding")  # a bare LF (RFC 9112 7.1)
            line = line[:-2]
            if self._state == self._DATA_END:
                if line:
                    raise BadRequest("Bad chunked encoding")
                self._state = self._SIZE
            elif self._state == self._SIZE:
                digits = line.split(b";", 1)[0].rstrip(b" \t")
                if not digits or len(digits) > 16 or not _HEX.issuperset(digits):
                    raise BadRequest("Bad chunked encoding")
                self._left = int(digits, 16)
                self._state = self._DATA if self._left else self._TRAILER
            elif not line:  # the empty line that ends the trailer section
                self.done = True
        return b"".join(out), data[pos:]


def continues(expect: str) -> bool:
    """Whether an ``Expect`` value is ``100-continue`` (any case; whitespace after it is
    no part of it, RFC 9110 5.5, though llhttp keeps it)."""
    value = expect.rstrip(" \t").lower()
    if value == "100-continue":
        return True
    # Off the common path: Expect is a list (RFC 9110 10.1.1, `#expectation`), whose empty
    # elements a recipient MUST ignore (5.6.1.2): `, 100-continue` and `100-continue,`
    # expect nothing else.
    members = [m for m in (m.strip(" \t") for m in value.split(",")) if m]
    return bool(members) and all(m == "100-continue" for m in members)


def _status_of_parser_error(message: str) -> SanicException:
    # llhttp's messages for the only parse errors that are not a plain 400.
    if "Transfer-Encoding" in message and "invalid" in message.lower():
        # llhttp refuses a request whose final coding is not chunked ("Request has invalid
        # `Transfer-Encoding`", e.g. `gzip`) or whose list goes on after it ("Invalid
        # `Transfer-Encoding` header value"): RFC 9112 6.3, 400 and close; Sanic's words.
        return BadRequest("Bad content-length")
    if "Content-Length overflow" in message:
        # Digits only, but more than any body the server would take: 413 (as Sanic), the
        # length is not malformed (RFC 9110 section 8.6 expects such numerals).
        return PayloadTooLarge("Request body exceeds the size limit")
    if "Content-Length" in message and "Transfer-Encoding" not in message:
        if "Duplicate" in message:
            return BadRequest("Bad Request")
        return BadRequest("Bad content-length")
    if "Chunk size overflow" in message:
        # Larger than any body the server would take (Sanic answers it the same way).
        return PayloadTooLarge("Request body exceeds the size limit")
    if "chunk" in message.lower():
        return BadRequest("Bad chunked encoding")
    return BadRequest("Bad Request")


# RFC 9110 section 9.1: a method is any token, and case-sensitive; llhttp only parses the
# registered upper-case ones. A request with another token ("get", "BREW") is parsed again
# from its first byte with a stand-in, so the app answers it (405 with Allow, as Sanic), be
# it the first request of the connection or a later, pipelined one.
_REQUEST_LINE = re.compile(rb"([!#$%&'*+\-.^_`|~0-9A-Za-z]+) [^ \r\n]+ HTTP/1\.[0-9]\r\n")
# The target of what reads as a request line (three parts, a valid version; a pipelined
# request may follow the previous one's body on the same line), for the words of a 400.
# Found from the space before it: a leading [^ \r\n]* for the method would be tried from
# every byte of a long run without spaces, each time to its end (a 60 KB read of one bad
# request took 9 to 14 s of CPU); findall gives the same targets without it.
_TARGET = re.compile(rb" ([^ \r\n]+) HTTP/1\.[0-9]\r?\n")
# RFC 9110 6.2: a message of a higher minor version than the recipient's (HTTP/1.2 ...
# 1.9) SHOULD be processed as the highest it speaks, 1.1 (and answered in HTTP/1.1, RFC
# 9112 2.3). llhttp refuses them: the request is parsed again from its first byte with
# "1.1" in their place (as the stand-in method above). Sanic answers them 400.
_VERSIONED_LINE = rb"[\r\n]*[!#$%&'*+\-.^_`|~0-9A-Za-z]+ [^ \r\n]+ HTTP/"  # up to the version
_HIGHER_MINOR = re.compile(_VERSIONED_LINE + rb"1\.[2-9](?=\r\n)")
# A well-formed version of another major (HTTP/3.0, HTTP/2.1, HTTP/0.0 ...), which llhttp
# refuses: answered 505 (RFC 9110 15.6.6), not 400 (llhttp passes 2.0 and 0.9 themselves).
_OTHER_MAJOR = re.compile(_VERSIONED_LINE + rb"([02-9]\.[0-9])(?=\r\n)")


def _non_ascii_target(data: bytes) -> bool:
    """Sanic's order: a request line that splits in three with a valid version, and then
    a target that is not US-ASCII, is answered with ``_ascii_only()``; else a plain 400."""
    return any(not target.isascii() for target in _TARGET.findall(data))


def _ascii_only() -> BadRequest:
    return BadRequest("URL may only contain US-ASCII characters.")


class _Completions:
    """A parser protocol that counts complete messages (nothing else)."""

    __slots__ = ("count",)

    def __init__(self) -> None:
        self.count = 0

    def on_message_complete(self) -> None:
        self.count += 1


def _completions(data: bytes) -> tuple[int, bool]:
    """(messages a fresh parser completes in ``data``, whether it refused a method)."""
    counter = _Completions()
    parser = _parser(counter)
    # Lenient past a head that asks to close, as the parser whose refusal is located here
    # may have been (Http lets it go on after an HTTP/1.1 head whose only "close" is in
    # Proxy-Connection). A parser that was not lenient there refused the bytes after the
    # close, not a method, and does not come here.
    parser.set_dangerous_leniencies(lenient_keep_alive=True)
    try:
        parser.feed_data(data)
    except httptools.HttpParserInvalidMethodError:
        return counter.count, True
    except httptools.HttpParserError:
        pass
    return counter.count, False


def refused_request_start(data: bytes) -> int | None:
    """Where, in ``data`` parsed from a message boundary, the request whose method llhttp
    refused begins (the end of the last complete message before it), or ``None``.

    httptools does not report the offset of an error, so a fresh parser replays prefixes
    (a binary search: about 17 parses of at most the bytes before the error; only
    requests with such a method pay it).
    """
    total, refused = _completions(data)
    if not refused:
        return None
    return _failed_request_start(data, total)


def _failed_request_start(data: bytes, total: int) -> int:
    """Where the request llhttp refused begins in ``data`` (parsed from a message
    boundary), given the ``total`` messages a fresh parser completes before the error."""
    if total == 0:
        return 0
    lo, hi = 1, len(data)  # the smallest prefix completing every message before the error
    while lo < hi:
        mid = (lo + hi) // 2
        if _completions(data[:mid])[0] >= total:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _unknown_to_llhttp(method: bytes) -> bool:
    try:
        httptools.HttpRequestParser(_NoEvents()).feed_data(method + b" / HTTP/1.1\r\n\r\n")
    except httptools.HttpParserInvalidMethodError:
        return True
    except httptools.HttpParserError:
        return False
    return False


def _parser(sink: Any) -> httptools.HttpRequestParser:
    """A parser for a connection's requests.

    RFC 9112 7.1.1 allows BWS before a chunk extension's ";" (``3 ;ext``) and RFC 9110
    5.6.3 says a recipient MUST parse it; llhttp refuses it unless told to skip spaces
    after the chunk size, which also takes ``3 \r\n`` (as Sanic does). Nothing else
    about the chunk line is relaxed: a bare LF or other characters are still refused.
    """
    parser = httptools.HttpRequestParser(sink)
    parser.set_dangerous_leniencies(lenient_spaces_after_chunk_size=True)
    return parser


class _NoEvents:
    """A parser protocol that listens to nothing."""


class _KeepsCallbackErrors:
    """The parser protocol of a request fed again with a stand-in method: its callbacks,
    each recording what it raises as the reader's pending refusal.

    That feed runs while the refused method's error is being handled, and then httptools
    chains that error, not the callback's, to its ``HttpParserCallbackError``: a head the
    callbacks refuse (``Transfer-Encoding: x`` after ``BREW``) was answered with the method
    error as an unexpected exception, a 500.
    """

    __slots__ = ("reader",)

    def __init__(self, reader: RequestReader) -> None:
        self.reader = reader

    def __getattr__(self, name: str) -> Any:
        callback = getattr(self.reader, name)  # httptools looks each one up once
        reader = self.reader

        def keeping(*args: Any) -> Any:
            try:
                return callback(*args)
            except Exception as error:
                if reader._pending is None and not isinstance(error, _Stop):
                    reader._pending = error
                raise

        return keeping


class _MethodOverride:
    """The parser as ``on_head`` sees it, with the method the client really sent."""

    __slots__ = ("parser", "method")

    def __init__(self, parser: Any, method: bytes) -> None:
        self.parser = parser
        self.method = method

    def get_method(self) -> bytes:
        return self.method

    def get_http_version(self) -> str:
        return str(self.parser.get_http_version())

    def should_keep_alive(self) -> bool:
        return bool(self.parser.should_keep_alive())

    def set_dangerous_leniencies(self, **leniencies: bool) -> None:
        self.parser.set_dangerous_leniencies(**leniencies)


# Field names as received -> their lower-case str (request.headers has them so, as in
# Sanic). Bounded: names come from clients.
_LOWERED: dict[bytes, str] = {}
_LOWERED_LIMIT = 1024
_HOST = sys.intern("host")
_CONNECTION = sys.intern("connection")
# llhttp reads Proxy-Connection (no HTTP field: RFC 9112 section 9.6 names only
# Connection) as if it were Connection; on_header notes it as it notes Connection, so that
# Http reads the version and the persistence of such a head itself (``persists``).
_PROXY_CONNECTION = "proxy-connection"
# The fields that change how a head is read: Host and Connection (looked at by on_header
# itself), the framing fields and Expect. A head without the latter needs no multidict of
# its fields to be read (Http builds ``request.headers`` on first use); see ``special_of``.
_SPECIAL = frozenset(
    (_HOST, _CONNECTION, _PROXY_CONNECTION, "content-length", "transfer-encoding", "expect")
)


def persists(fields: list[tuple[str, str]], version: str) -> bool:
    """Whether the connection stays open after the answer to a head with these fields
    (lower-case names), read from its Connection options alone (RFC 9112 section 9.3):
    never with ``close``; an HTTP/1.1 one otherwise, an HTTP/1.0 one with ``keep-alive``.

    Http asks this for the HTTP/1.0 heads llhttp keeps alive and the HTTP/1.1 heads it
    closes, where llhttp's answer can be wrong: it ignores ``close`` in an HTTP/1.0 head
    that also says ``keep-alive`` (RFC 9112 section 9.6: a ``close`` option MUST end the
    connection), and it takes ``Proxy-Connection`` for ``Connection`` (Sanic, and RFC
    9110, ignore that field)."""
    options: set[str] = set()
    for name, value in fields:
        if name == _CONNECTION:
            options.update(option.strip().lower() for option in value.split(","))
    if "close" in options:
        return False
    return version == "1.1" or "keep-alive" in options


def _lowered(name: bytes) -> str:
    lowered = name.decode("latin-1").lower()
    if lowered == _HOST:
        lowered = _HOST  # the Host check in on_header is an identity test
    elif lowered == _CONNECTION:
        lowered = _CONNECTION  # (and so is this one)
    # Not sys.intern: on Python 3.12 an interned string is never freed, so every new name
    # a client made up would stay for the life of the worker (300,000 names: 35 MB).
    if len(_LOWERED) < _LOWERED_LIMIT:
        _LOWERED[name] = lowered
    return lowered


class RequestReader:
    """Feeds request bytes to httptools and reports events to a sink (see ``RequestSink``).

    Limits: a head is measured as Sanic measures it, from its first byte to the blank line
    that ends it (the request line and the field lines with their line ends), and one that
    reaches ``max_head_size`` is refused: 414 when its request line alone does, else 431,
    or 413 ("Request header exceeds the size limit", as Sanic) when the limit is the app's
    ``REQUEST_MAX_SIZE`` (``size_limited``).  More than ``max_headers`` fields
    is 431.  A field line that never ends is refused once the bytes received after the
    read where its head began reach the limit.  After an error the reader ignores
    everything that follows (the connection will close).

    The target and fields are only measured one by one (``precise``) while more than
    ``max_head_size`` bytes were fed since a head began (``fed``, counted in whole reads):
    below that no head can pass the limit, so most requests skip the per-field accounting.
    """

    __slots__ = (
        "sink",
        "parser",
        "url",
        "headers",
        "names",
        "head_size",
        "fed",
        "precise",
        "max_head_size",
        "max_headers",
        "in_head",
        "in_body",
        "failed",
        "upgraded",
        "_pending",
        "_open",
        "_method",
        "host_of",
        "special_of",
        "connection_of",
        "refused_head",
        "refused_target",
        "fed_first",
        "size_limited",
        "chunked",
        "chunks",
        "stalled",
        "body_bytes",
    )

    def __init__(
        self,
        sink: RequestSink,
        *,
        max_head_size: int = 8192,
        max_headers: int = 100,
        size_limited: bool = False,
    ):
        self.sink = sink
        self.max_head_size = max_head_size
        self.size_limited = size_limited
        self.fed_first = 0  # ``fed`` when the head in progress began (its read included)
        self.chunked = False  # a chunked body is being received (see start_chunked_body)
        self.chunks = 0  # chunk heads received
        self.stalled = 0  # bytes in a row that brought no chunk and no chunk data
        self.body_bytes = 0  # body bytes received (by this reader's own on_body)
        self.max_headers = max_headers
        self.url = b""
        self.headers: list[tuple[str, str]] = []
        self.names: list[bytes] | None = []  # the field names as received (lowered in headers)
        self.head_size = 0
        self.fed = 0
        self.precise = False
        self.in_head = False
        self.in_body = False
        self.failed = False
        self.upgraded = False
        self.refused_head = False  # the refused request was a HEAD (set by _refuse)
        self.refused_target = b""  # its target, when refused in its head (set by _refuse)
        self._pending: Exception | None = None
        # Fed before, and neither failed nor upgraded: HttpProtocol.data_received may
        # feed the parser itself (one test for the three).
        self._open = False
        self._method: bytes | None = None
        self.host_of: list | None = None  # ``headers`` of the last head with a Host
        # ``headers`` of the last head with a field of _SPECIAL other than Host and
        # Connection, and of the last with a Connection field (no reset per head: a head
        # has one if this is its list)
        self.special_of: list | None = None
        self.connection_of: list | None = None
        self.parser = _parser(self)

    def stop_parsing(self) -> None:
        """Parse nothing more on this connection (``failed``; ``_open`` follows it)."""
        self.failed = True
        self._open = False

    def at_rest(self) -> bool:
        """No request is half received (the parser stands between two messages)."""
        return not self.in_head and not self.in_body

    def feed(self, data: bytes) -> None:
        """Parse ``data``; never raises, errors go to ``sink.on_error`` (once)."""
        if self.failed or self.upgraded:
            if self.upgraded and not self.failed:
                # Bytes after an Upgrade head are no HTTP/1.1 to parse: the sink's (the
                # rest of a body the head declared, then the new protocol's).
                self.sink.on_upgraded_data(data)
            return
        self._open = True
        at_rest = self.at_rest()
        fed = self.fed = self.fed + len(data) if self.in_head else len(data)
        if fed > self.max_head_size or self.precise:
            self.feed_measured(data, fed, at_rest)
            return
        try:
            self.parser.feed_data(data)
        except Exception as error:
            self.feed_failed(error, data, at_rest)
        if self.precise:  # (set by a chunked head this read had: rare)
            self.joined_first_chunks()

    def joined_first_chunks(self) -> None:
        """After a read fed without measuring: a chunked body began in it (with its head,
        ``start_chunked_body`` turned measuring on), and its pieces so far, all this
        read's, may be joined as ``feed_measured`` joins those of a later read."""
        if self.chunked and not self.failed:
            self._join_body(self._body_mark(start=True))

    def feed_measured(self, data: bytes, fed: int, at_rest: bool) -> None:
        """``feed`` while a head may reach the limit (``fed``: the bytes of the reads since
        the one its head began in, this one included): fields are measured one by one, and
        a head still incomplete after ``data`` is refused once it is certainly too large.
        """
        chunked = self.chunked
        if chunked and not self._in_body():
            chunked = self.chunked = False  # the chunked body ended in an earlier read
        precise = fed > self.max_head_size or chunked
        if precise is not self.precise:
            self.measure(precise)
            if precise and self.in_head and self.head_size >= self.max_head_size:
                # What came before measuring began (a whole target, fields) reached the
                # limit already: no later callback would measure it again.
                in_target = not self.headers and self._line_size() >= self.max_head_size
                self._refuse(self._head_too_large(in_target))
                return
        progress = self._progress() if chunked else 0
        mark = self._body_mark() if chunked else None
        try:
            self.parser.feed_data(data)
        except Exception as error:
            self.feed_failed(error, data, at_rest)
            return
        if mark is not None:
            self._join_body(mark)
        else:
            # (a chunked body may have begun in this read, with its head)
            self.joined_first_chunks()
        if self.failed:
            return
        # As Sanic: a head without its blank line yet is too large once what came of it,
        # less the 3 bytes that could start the blank line, reaches the limit. What came of
        # it is at least what came in the reads after the one it began in.
        if precise and self.in_head and fed - self.fed_first - 3 >= self.max_head_size:
            self._refuse(self._head_too_large(False))
        elif precise and self.in_head and self._begun_too_large(data, fed, at_rest):
            self._refuse(self._head_too_large(False))
        elif chunked and self.chunked:
            # A chunked body goes on only with chunks: bytes that bring neither a chunk
            # nor its data (a chunk-size line or a trailer field that never ends) are
            # refused once there are more of them in a row than a head may have.
            if self._progress() != progress:
                self.stalled = 0
            else:
                self.stalled += len(data)
                if self.stalled > self.max_head_size:
                    self._refuse(BadRequest("Bad chunked encoding"))

    def _begun_too_large(self, data: bytes, fed: int, at_rest: bool) -> bool:
        """A head begun in ``data`` (read from a message boundary) and not ended in it,
        whose bytes there, less the 3 that could begin its blank line, reach the limit
        (the same head split into reads is refused by ``feed_measured``'s count)."""
        if not at_rest or self.fed_first != fed or len(data) - 3 < self.max_head_size:
            return False
        start = _failed_request_start(data, _completions(data)[0])
        return len(data) - start - 3 >= self.max_head_size

    def start_chunked_body(self) -> None:
        """A chunked body follows the head: every read is measured until it ends (its
        trailer fields together within the head limit)."""
        self.chunked = True
        self.precise = True
        self.head_size = 0
        self.stalled = 0

    def _in_body(self) -> bool:
        """A body is being received."""
        return self.in_body

    def _progress(self) -> tuple[int, int]:
        """What a chunked body brought so far: chunk heads and data bytes."""
        return self.chunks, self.body_bytes

    def _body_mark(self, start: bool = False) -> Any:
        """Where the body received so far ends (``start``: where the body begun in this
        read begins), for ``_join_body`` (None: nothing to do)."""
        return None

    def _join_body(self, mark: Any) -> None:
        """The sink may join the body pieces one read of a chunked body gave after ``mark``."""

    def on_chunk_header(self) -> None:
        self.chunks += 1

    def measure(self, precise: bool) -> None:
        """Turn the per-field accounting on (the head in progress measured so far) or off."""
        self.precise = precise
        if precise and self.in_head:
            self.head_size = (self._line_size() if self.url else 0) + sum(
                len(name) + len(value.encode("utf-8", "surrogateescape")) + 4
                for name, value in self.headers
            )

    def _line_size(self) -> int:
        """The bytes of the request line up to the end of the target, plus the version and
        the separators, as Sanic counts the head (``GET / HTTP/1.1`` is 14)."""
        method = self._method or self.parser.get_method()
        return len(method) + len(self.url) + 10

    def _head_too_large(self, in_target: bool) -> Exception:
        """The error for a head that reached ``max_head_size`` (``in_target``: while its
        request target was read)."""
        if in_target and self._line_size() - len(self.url) < self.max_head_size:
            # RFC 9112 section 3: a target longer than the server will parse MUST be a 414,
            # whichever limit it reached (Sanic: 413 over REQUEST_MAX_SIZE). Not when the
            # method and version alone reach the limit: then no target fits, and the head
            # is what is too large.
            return URITooLong("Request URI too long")
        if self.size_limited:
            return PayloadTooLarge("Request header exceeds the size limit")
        return RequestHeaderFieldsTooLarge("Request header fields too large")

    def feed_failed(self, error: Exception, data: bytes, at_rest: bool) -> None:
        """Answer what ``parser.feed_data(data)`` raised (``at_rest``: no request was half
        received when ``data`` came, so a fresh parser reads ``data`` the same way); the
        fast path of ``HttpProtocol.data_received`` feeds the parser itself."""
        oversized = self._oversized_head(error, data, at_rest)
        if oversized is not None:
            self._refuse(oversized)
            return
        while True:
            # Unless a request was half received before ``data`` (then where ``data``
            # stands in the message stream is unknown here), find the refused request
            # and feed it again, and what follows it, with a stand-in method, or as
            # HTTP/1.1 (``_HIGHER_MINOR``).  A loop, not recursion: every pipelined
            # request may carry such a method or version.
            if isinstance(error, httptools.HttpParserInvalidMethodError):
                start = refused_request_start(data) if at_rest and self._pending is None else None
                match = _REQUEST_LINE.match(data, start) if start is not None else None
                if match is None or not _unknown_to_llhttp(match.group(1)):
                    # As Sanic: a request line of three parts with a valid version is
                    # refused for a non-ASCII target before its method is looked at.
                    head = data[start:] if start is not None else data
                    self._refuse(
                        _ascii_only() if _non_ascii_target(head) else BadRequest("Bad Request")
                    )
                    return
                self._method = match.group(1)
                data = b"GET" + data[match.end(1) :]
            else:
                as_http11 = self._as_http11(error, data, at_rest)
                if as_http11 is None:
                    break
                data = as_http11
            self.parser = _parser(_KeepsCallbackErrors(self))
            at_rest = True
            try:
                self.parser.feed_data(data)
                return
            except Exception as again:
                error = again
        failure = error
        del error  # (see the finally)
        try:
            raise failure
        except httptools.HttpParserUpgrade as upgrade:
            self.upgraded = True
            self._open = False
            offset = upgrade.args[0] if upgrade.args else len(data)
            self.sink.on_upgrade(data[offset:])
        except httptools.HttpParserCallbackError:
            # A callback raised: httptools keeps that exception as the context (a sink
            # that reads the parser directly, like Http, raises without _stop()).
            cause = failure.__context__
            if self._pending is None and isinstance(cause, Exception) and not isinstance(cause, _Stop):
                self._refuse(
                    cause,
                    False if isinstance(cause, (UnsupportedVersion, MajorVersionNotSupported)) else None,
                )
            else:
                self._refuse(self._pending or BadRequest("Bad Request"))
        except httptools.HttpParserInvalidURLError:
            # The refused target: the one begun in an earlier read, or one in `data` (the
            # first request's, or that of one pipelined after others; found by its shape,
            # only the words of the answer depend on it).
            text = b" " + self.url + data if self.url else data
            # llhttp read the method before it refused the target.
            if self._pending is None and _non_ascii_target(text):
                self._refuse(_ascii_only(), True)
            else:
                self._refuse(self._pending or BadRequest("Bad Request"), True)
        except httptools.HttpParserError:
            message = str(failure)
            refusal = self._pending or self._other_major(failure, data, at_rest)
            refusal = refusal or _status_of_parser_error(message)
            if refusal.args == ("Bad content-length",) and any(
                name.lower() == "transfer-encoding" for name, _ in self.headers
            ):
                # A second Transfer-Encoding field (llhttp says the same as for one
                # "chunked, gzip"): Sanic's words for a repeated framing field.
                refusal = BadRequest("Bad Request")
            # A request line without a valid version is no HTTP/1.x request, HEAD or not:
            # its answer keeps its content (as Sanic's).
            self._refuse(refusal, False if "ersion" in message or "HTTP/" in message else None)
        except Exception:
            self._refuse(BadRequest(f"Bad Request ({type(failure).__name__})"))
        finally:
            # The raise put this frame in the error's traceback: while the frame holds the
            # error, the two refer to each other, a cycle that kept the connection (the
            # transport and its socket, through the frames' callers) for the cyclic
            # collector: every websocket upgrade ends here.
            del failure

    def _oversized_head(self, error: Exception, data: bytes, at_rest: bool) -> Exception | None:
        """As Sanic, which measures a head before it parses it: the refusal for a head
        llhttp refused in ``data`` that reached the head limit too (``None`` when it did
        not, or when where it begins is not known here)."""
        if not at_rest or not self.in_head or self._pending is not None or len(data) < self.max_head_size:
            return None
        start = _failed_request_start(data, _completions(data)[0])
        end = data.find(b"\r\n\r\n", start)
        # (a head without its blank line yet: less the 3 bytes that could begin it, as in
        # feed_measured)
        if (end if end != -1 else len(data) - 3) - start < self.max_head_size:
            return None
        line_end = data.find(b"\r\n", start)
        line = data[start : line_end if line_end != -1 else len(data)]
        method, _, _ = line.partition(b" ")
        if len(line) >= self.max_head_size and len(method) + 10 < self.max_head_size:
            return URITooLong("Request URI too long")  # (RFC 9112 3, as _head_too_large)
        if self.size_limited:
            return PayloadTooLarge("Request header exceeds the size limit")
        return RequestHeaderFieldsTooLarge("Request header fields too large")

    def _refused_version(
        self, error: Exception, data: bytes, at_rest: bool, line: re.Pattern[bytes]
    ) -> re.Match[bytes] | None:
        """``line`` matched at the request in ``data`` that llhttp refused for its version
        (``_HIGHER_MINOR``, ``_OTHER_MAJOR``); ``None`` for any other refusal."""
        if (
            not at_rest
            or self._pending is not None
            or type(error) is not httptools.HttpParserError
            or "Invalid HTTP version" not in str(error)
        ):
            return None
        return line.match(data, _failed_request_start(data, _completions(data)[0]))

    def _other_major(self, error: Exception, data: bytes, at_rest: bool) -> Exception | None:
        """``MajorVersionNotSupported`` when llhttp refused ``data`` for a well-formed version of
        another major than 1 (``_OTHER_MAJOR``); ``None`` for any other refusal."""
        match = self._refused_version(error, data, at_rest, _OTHER_MAJOR)
        return MajorVersionNotSupported(match.group(1).decode()) if match else None

    def _as_http11(self, error: Exception, data: bytes, at_rest: bool) -> bytes | None:
        """``data`` from the request llhttp refused for its HTTP/1.2 ... 1.9 version on,
        that version read as 1.1 (``_HIGHER_MINOR``); ``None`` for any other refusal."""
        match = self._refused_version(error, data, at_rest, _HIGHER_MINOR)
        if match is None:
            return None
        start, end = match.span()
        return data[start : end - 3] + b"1.1" + data[end:]

    def _refuse(self, exception: Exception, method_read: bool | None = None) -> None:
        # RFC 9110 9.3.2: the answer to a HEAD carries no content, refused or not. llhttp
        # keeps the last method it read: it is this request's once its target was read
        # (``on_message_begin`` empties ``url``), or when the target itself was refused
        # (``method_read``; False: not a request whose method counts).
        self.refused_head = (
            method_read is not False
            and (method_read or bool(self.url))
            and self._method is None
            and self.parser.get_method() == b"HEAD"
        )
        # The target, when the refusal came while this request's head was read (``url``
        # is reset when a head begins): the stand-in request that answers has that path.
        self.refused_target = self.url if self.in_head else b""
        self.stop_parsing()
        self.in_head = False
        self.in_body = False
        self.sink.on_error(exception)

    def _check_host(self, value: bytes) -> tuple[str, str]:
        """``value`` checked (``check_host``): its field, without trailing whitespace; else stop."""
        if not self.in_head and self.host_of is self.headers:
            # After the body: a Host field in the trailer section of a head that had one.
            # RFC 9110 section 6.5.1: a routing field has no place there; said so, not as
            # a second Host line of the head.
            self._stop(BadRequest("Host is not allowed in a trailer section"))
        try:
            return check_host(value, again=self.host_of is self.headers)
        except BadRequest as error:
            self._stop(error)

    def _stop(self, exception: Exception) -> NoReturn:
        self._pending = exception
        raise _Stop

    # httptools callbacks -------------------------------------------------------------

    def on_message_begin(self) -> None:
        self.url = b""
        self.headers = []
        self.names = []
        self.fed_first = self.fed  # (head_size is set when the target is read)
        self.in_head = True
        self.sink.on_begin()

    def on_url(self, url: bytes) -> None:
        if self.url:
            url = self.url + url
        self.url = url
        if self.precise:
            # The head limit bounds the target and the fields together (as Sanic's does).
            size = self.head_size = self._line_size()
            if size >= self.max_head_size:
                self._stop(self._head_too_large(True))

    def on_header(self, name: bytes, value: bytes) -> None:
        # PERF: called once per field of every request; measured only when a head may
        # pass the limit (see the class docstring; benchmarks/inproc.py).
        headers = self.headers
        if self.precise:
            size = self.head_size = self.head_size + len(name) + len(value) + 4
            if size >= self.max_head_size:
                self._stop(self._head_too_large(False))
            if len(headers) >= self.max_headers:
                self._stop(RequestHeaderFieldsTooLarge("Request header fields too large"))
        # RFC 9110 section 5.5: field values are opaque octets; decode like Sanic does
        # (UTF-8, undecodable bytes kept as surrogates).  llhttp already refused CR, LF,
        # NUL, obs-fold and whitespace before the colon, and names are ASCII tokens.
        # As Sanic: request.headers has the names in lower case (what iterating it, or
        # dict(request.headers), shows); raw_headers keeps them as received.
        self.names.append(name)  # type: ignore[union-attr]  # (None only in Http's on_head)
        # PERF: a field name's lower-case str comes from a cache (one lookup instead of
        # two conversions; names are tokens, so latin-1 decodes any of them). Subscript,
        # not .get(): no method call (about 250 instructions less per field; a name not
        # in the cache costs a KeyError instead; benchmarks/inproc.py "browser GET /").
        try:
            lowered = _LOWERED[name]
        except KeyError:
            lowered = _lowered(name)
        # PERF: one test for the ordinary fields (about 20 instructions more per field
        # than the Host test alone; a head without special fields then needs no Header).
        if lowered in _SPECIAL:
            if lowered is _HOST:
                # RFC 9112 section 3.2: a second Host line or a malformed one is a 400.
                # PERF: ``host_of`` is the field list of the head whose Host was seen (no
                # reset per head), and a valid value is one lookup that gives its field
                # whole (hostfield.py): no decode and no tuple per request.
                try:
                    field = VALID_HOSTS[value]
                except KeyError:
                    field = self._check_host(value)
                if self.host_of is headers:
                    self._check_host(value)  # a second Host line
                self.host_of = headers
                headers.append(field)
                return
            if lowered is _CONNECTION or lowered == _PROXY_CONNECTION:
                self.connection_of = headers
                if not self.in_head:
                    # A trailer field (RFC 9110 section 6.5.1): Connection may not be
                    # merged into the head, but llhttp takes its "close" and would refuse
                    # the next request on a connection the answer keeps alive. The head
                    # alone decides (Http stops reading after a head that closes).
                    self.parser.set_dangerous_leniencies(lenient_keep_alive=True)
            else:
                self.special_of = headers
        try:
            # PERF: the default codec without an error handler is the quicker call
            headers.append((lowered, value.decode()))
        except UnicodeDecodeError:
            headers.append((lowered, value.decode("utf-8", "surrogateescape")))

    def on_headers_complete(self) -> None:
        self.in_head = False
        self.in_body = True
        if len(self.headers) > self.max_headers:
            self._stop(RequestHeaderFieldsTooLarge("Request header fields too large"))
        if any(name == "transfer-encoding" for name, _ in self.headers):
            self.start_chunked_body()  # (any other coding is refused below)
        url = self.url
        if not url.isascii():
            self._stop(BadRequest("URL may only contain US-ASCII characters."))
        parser: Any = self.parser
        if self._method is not None:
            parser, self._method = _MethodOverride(parser, self._method), None
        try:
            self.sink.on_head(url, self.headers, parser)
        except Exception as error:
            self._stop(error)

    def on_body(self, body: bytes) -> None:
        self.body_bytes += len(body)
        try:
            self.sink.on_body(body)
        except Exception as error:
            self._stop(error)

    def on_message_complete(self) -> None:
        self.in_body = False
        self.sink.on_end()


__all__ = [
    "CHUNK_END",
    "CONTINUE_RESPONSE",
    "RequestReader",
    "RequestSink",
    "MajorVersionNotSupported",
    "UnsupportedVersion",
    "body_framing",
    "continues",
    "ChunkedDecoder",
    "encode_chunk",
    "encode_chunked",
    "http1_version",
    "parse_content_length",
]
