"""``Request``: one HTTP request, with its parts parsed on first access.

Theory of operation: the protocol builds a ``Request`` with the raw request target, the
header multidict and a few scalars, and nothing else happens in ``__init__`` (hot path).
Everything derived (path, query args, cookies, form, JSON, proxy-forwarded details, the
request id) is computed the first time it is read and cached in a slot. Settings are
read from ``request.app.config`` when the app has one, else from the HTTP defaults, so a
``Request`` works under the full framework or under a bare ``serve(handler)``.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections import defaultdict
from contextvars import ContextVar
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Generic, overload
from urllib.parse import parse_qs, parse_qsl, urlsplit, urlunparse

import ujson
from httptools import HttpParserInvalidURLError, parse_url
from typing_extensions import Self, TypeVar

from hurtle_http.accept import AcceptList, parse_accept
from hurtle_http.config import HttpConfig
from hurtle_http.conninfo import ConnInfo
from hurtle_http.constants import (
    CACHEABLE_HTTP_METHODS,
    DEFAULT_HTTP_CONTENT_TYPE,
    IDEMPOTENT_HTTP_METHODS,
    SAFE_HTTP_METHODS,
)
from hurtle_http.cookies.request import CookieRequestParameters, parse_cookie
from hurtle_http.exceptions import BadRequest, BadURL, ServerError
from hurtle_http.fieldlists import field_lines
from hurtle_http.forwarded import parse_forwarded, parse_xforwarded
from hurtle_http.grammar import TCHAR
from hurtle_http.headers import Header, Options, parse_content_header, parse_credentials, parse_host
from hurtle_http.hostfield import is_authority
from hurtle_http.parameters import RequestParameters
from hurtle_http.request.charset import forgetting_unknown_charsets, urlencoded_charset
from hurtle_http.request.credentials import Credentials
from hurtle_http.request.defaults import install_defaults
from hurtle_http.request.form import (
    parse_multipart_form,
    parse_urlencoded,
    parse_urlencoded_pairs,
)

_error_logger = logging.getLogger("sanic.error")
_WS_SCHEMES = {"http": "ws", "https": "wss"}


def lists_websocket(upgrade: str) -> bool:
    """Whether an ``Upgrade`` field value offers ``websocket`` (RFC 9110 7.8: a list of
    protocols, names case-insensitive as RFC 6455 4.2.1 says)."""
    if upgrade.lower() == "websocket":
        return True  # PERF: what clients send; no split
    return any(item.strip(" \t").lower() == "websocket" for item in upgrade.split(","))

if TYPE_CHECKING:
    from hurtle_http.response.types import BaseHTTPResponse, HTTPResponse

    _Response = TypeVar("_Response", bound=BaseHTTPResponse)

_DEFAULT_CONFIG = HttpConfig()

# Slots left unset by __init__ and the value they read as until assigned (defaults.py).
# (``stream``, ``conn_info``, ``route``, ``_raw_names``, ``_ctx`` and ``responded``, which
# the request path reads or sets on every request, are assigned when a request is built.)
_LAZY_SLOTS: dict[str, Any] = {
    "_head": None,  # None: no copy kept, ``head`` is rebuilt; b"": there is none (ASGI)
    "_stream_id": 0,
    "_id": None,
    "_ip": None,
    "_port": None,
    "_protocol": None,
    "_query_string": None,
    "_remote_addr": None,
    "_scheme": None,
    "_socket": None,
    "_name": None,
    "_request_middleware_started": False,
    "_response_middleware_started": False,
    "parsed_accept": None,
    "parsed_cookies": None,
    "parsed_credentials": None,
    "parsed_files": None,
    "parsed_form": None,
    "parsed_forwarded": None,
    "parsed_json": None,
    "parsed_token": None,
}
# Caches that read as an empty container of their own, as Sanic's (a ``defaultdict``: a
# plugin reading ``request.parsed_args[key]`` for a key not parsed yet gets an empty value).
_FACTORY_SLOTS: dict[str, Any] = {
    "parsed_args": lambda: defaultdict(RequestParameters),
    "parsed_not_grouped_args": lambda: defaultdict(list),
}


# Decoded paths of recent origin-form request targets (raw bytes -> path), bounded.
_paths: dict[bytes, str] = {}
_PATHS_MAX = 1024
_PATH_TARGET_MAX = 256  # longer targets are decoded each time, not kept


# `boundary=` with an unquoted value that a character other than ";" or white space
# follows: the token ends early (``boundary=a:b``, ``boundary=a b``).
_BOUNDARY_CUT = re.compile(
    rf"(?i)(?:^|;)\s*boundary={TCHAR}+(?!\s*(?:;|$)|{TCHAR})"
)


def _absolute_form(raw: bytes) -> bool:
    """Whether a request target is in absolute-form (``http://host/path``, RFC 9112
    3.2.2) rather than origin-form (``/path``)."""
    return raw[:1] != b"/" and b"://" in raw


def _target_authority(raw: bytes) -> str | None:
    """The host[:port] of an absolute-form target (``None`` when it has none readable, or
    one that would be refused as a ``Host`` field: ``http://a:b/`` was ``request.host``
    ``a:b`` where ``Host: a:b`` is a 400)."""
    try:
        netloc = urlsplit(raw.decode("utf-8", "replace")).netloc
    except ValueError:
        return None
    host = netloc.rpartition("@")[2]
    return host if host and is_authority(host) else None


def _origin_path(raw: bytes) -> str:
    """The path of an origin-form request target (up to ``?`` or ``#``), decoded; kept in
    ``_paths`` for the next request with the same target while there is room."""
    # Only the path is decoded (every request needs it to route); the query string
    # waits for its own first access.
    end = raw.find(b"?")
    if end < 0:
        end = raw.find(b"#")
    elif b"#" in raw:
        # A fragment ends the path even when a "?" follows it (RFC 3986 3.5): "/e#f?a=1"
        # is path "/e" (and no query), as in Sanic.
        fragment = raw.find(b"#", 0, end)
        if fragment >= 0:
            end = fragment
    path = (raw if end < 0 else raw[:end]).decode("utf-8", "replace")
    if len(_paths) < _PATHS_MAX and len(raw) <= _PATH_TARGET_MAX:
        _paths[raw] = path
    return path


def _check_target(url_bytes: bytes) -> None:
    """Refuse a target that is neither origin-form, absolute-form nor ``*`` (``BadURL``)."""
    try:
        parse_url(url_bytes)
    except HttpParserInvalidURLError:
        raise BadURL(f"Bad URL: {url_bytes.decode('utf-8', 'replace')}") from None


def _as_header(headers: Any) -> Header:
    """``headers`` as a ``Header`` (a dict, pairs, or a multidict given by hand)."""
    return headers if isinstance(headers, Header) else Header(headers)


#: Type parameters of ``Request[sanic_type, ctx_type]``: the app's type and ``request.ctx``'s.
#: With defaults (PEP 696), as in Sanic: a bare ``Request`` annotation is complete (no
#: "Missing type arguments" under ``mypy --strict``) and its ``ctx`` is a SimpleNamespace.
sanic_type = TypeVar("sanic_type", bound=Any, default=Any)
ctx_type = TypeVar("ctx_type", bound=Any, default=SimpleNamespace)


class Request(Generic[sanic_type, ctx_type]):
    """An HTTP request: method, path, headers, body, and lazily parsed parts.

    Generic in the app type and the context type (``Request[MyApp, MyCtx]``) for annotations;
    ``Generic`` adds nothing per instance (no ``__new__``, empty slots).
    """

    __slots__ = (
        "__weakref__",
        "_ctx",
        "_id",
        "_ip",
        "_path",
        "_port",
        "_protocol",
        "_query_string",
        "_remote_addr",
        "_request_middleware_started",
        "_response_middleware_started",
        "_scheme",
        "_socket",
        "_stream_id",
        "_match_info",
        "_name",
        "app",
        "body",
        "conn_info",
        "_head",
        "_raw_names",
        "_headers",
        "_fields",
        "method",
        "parsed_accept",
        "parsed_args",
        "parsed_cookies",
        "parsed_credentials",
        "parsed_files",
        "parsed_form",
        "parsed_forwarded",
        "parsed_json",
        "parsed_not_grouped_args",
        "parsed_token",
        "raw_url",
        "responded",
        "route",
        "stream",
        "transport",
        "version",
    )

    _current: ContextVar[Request] = ContextVar("request")
    _loads: Any = ujson.loads
    #: The app serving this request (its type is ``sanic_type`` of ``Request[MyApp, MyCtx]``).
    app: sanic_type
    #: The connection's details; None until the request is bound to a connection.
    conn_info: ConnInfo | None
    #: The matched route (a ``sanic_routing`` ``Route``); None before routing.
    route: Any
    #: The body stream of a ``stream=True`` route (``await request.stream.read()``).
    stream: Any

    if TYPE_CHECKING:
        # The slots' types, for type checkers: most are left unset by __init__ and read
        # as their _LAZY_SLOTS default until first computed (install_defaults).
        raw_url: bytes
        _headers: Header
        _fields: list[tuple[str, str]] | None
        version: str
        method: str
        transport: Any
        body: bytes
        responded: bool
        _ctx: Any
        _id: uuid.UUID | str | int | None
        _ip: str | None
        _port: int | None
        _path: str | None
        _protocol: Any
        _query_string: str | None
        _remote_addr: str | None
        _scheme: str | None
        _socket: tuple[str, int] | None
        _stream_id: int
        _match_info: dict[str, Any]
        _name: str | None
        _head: bytes | None
        _raw_names: list[bytes] | None
        _request_middleware_started: bool
        _response_middleware_started: bool
        parsed_accept: AcceptList | None
        parsed_args: defaultdict[tuple[bool, bool, str, str], RequestParameters]
        parsed_not_grouped_args: defaultdict[tuple[bool, bool, str, str], list[tuple[str, str]]]
        parsed_cookies: CookieRequestParameters | None
        parsed_credentials: Credentials | None
        parsed_files: Any
        parsed_form: Any
        parsed_forwarded: Options | None
        parsed_json: Any
        parsed_token: str | None

    def __init__(
        self,
        url_bytes: bytes,
        headers: Header,
        version: str,
        method: str,
        transport: Any,
        app: Any,
        head: bytes = b"",
        stream_id: int = 0,
    ) -> None:
        # PERF: store raw values and the few slots every request touches; all the rest
        # (parsed parts, caches) stay unset and read as their default (_LAZY_SLOTS,
        # defaults.py) until first computed. A/B with timeit (process time, best of 15):
        # 514 ns against 715 ns for an __init__ that assigns every slot.
        # Http.on_head inlines this __init__ (it has a Header and an origin-form target
        # checked by the parser); these two checks serve the other callers (ASGI, a
        # subclass, a Request built by hand). A target with bytes beyond ASCII is refused
        # as the parser refuses it (``Bad URL: /é``), before the headers are looked at.
        if url_bytes[:1] != b"/" or not url_bytes.isascii():
            _check_target(url_bytes)
        if headers.__class__ is not Header:
            headers = _as_header(headers)
        self.raw_url = url_bytes
        self._headers = headers
        # The fields as parsed (raw_headers), where the server has them (Http.on_head
        # inlines this __init__ and sets them; the ASGI adapter sets them afterwards). A
        # plain slot, not a defaulted one: Http.on_head assigns it on every request, and a
        # DefaultedSlot's Python __set__ cost about 1,500 instructions there.
        self._fields = None
        self.version = version
        self.method = method
        self.transport = transport
        self.app = app
        if head:
            self._head = head
        if stream_id:
            self._stream_id = stream_id
        self.body = b""
        self._path = None
        self._ctx = None
        # set again by whoever serves the request (Http, the ASGI adapter, the pipeline)
        self.stream = None
        self.conn_info = None
        self.route = None
        self._raw_names = None
        self.responded = False

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__}: {self.method} {self.path}>"

    @property
    def headers(self) -> Header:
        """The request's header fields (a case-insensitive multidict, names in lower case).

        The HTTP core hands over a head without framing fields as its list of fields
        (``_fields``): the ``Header`` is built from it, in the same order, on first use.
        """
        # PERF: about 2,000 instructions per request that never reads its fields
        # (benchmarks/inproc.py --core "GET /"); a read costs a property call more.
        headers = self._headers
        if headers is None:
            fields = self._fields
            if fields is not None:  # (None: None was assigned)
                # (_fields stays: raw_headers shows the fields as received, whatever a
                # middleware does to the Header afterwards)
                headers = self._headers = Header(fields)
        return headers

    @headers.setter
    def headers(self, value: Header) -> None:
        if value is None and getattr(self, "_fields", None) is not None:
            # Reads back as None, so the fields go; as Sanic's (which keeps the head's
            # bytes), raw_headers and head still show them as received: the head is
            # made from them now (a served request; under ASGI there is none, b"").
            if getattr(self, "_head", None) is None:
                self._head = self.head
            self._fields = None
        self._headers = value

    # ---------------------------------------------------------------- class helpers

    @classmethod
    def get_current(cls) -> Self:
        """The request being handled in the current task; ``ServerError`` outside one."""
        request = cls._current.get(None)
        if request is None:
            raise ServerError("No current request")
        return request  # type: ignore[return-value]  # the app's request_class

    @classmethod
    def generate_id(cls, *_: Any) -> uuid.UUID | str | int:
        """A new request id (a random UUID); override to use another scheme."""
        return uuid.uuid4()

    @staticmethod
    def make_context() -> Any:
        """The object behind ``request.ctx`` (a ``SimpleNamespace``)."""
        return SimpleNamespace()

    @property
    def _config(self) -> Any:
        config = getattr(self.app, "config", None)
        return _DEFAULT_CONFIG if config is None else config

    def _setting(self, name: str, default: Any = None) -> Any:
        return getattr(self._config, name, _DEFAULT_CONFIG.get(name, default))

    # ---------------------------------------------------------------- identity

    @property
    def ctx(self) -> ctx_type:
        """A namespace for your own per-request data (created on first use; its type is
        ``ctx_type`` of ``Request[MyApp, MyCtx]``)."""
        ctx = self._ctx  # PERF: one slot read on the common path (assigned when built)
        if ctx is None:
            make = self.make_context
            # PERF: the stock make_context without its frame (benchmarks/ "mw" routes).
            ctx = self._ctx = SimpleNamespace() if make is _make_context else make()
        return ctx  # type: ignore[return-value]  # make_context() builds the ctx_type

    # No setter, as in Sanic: `request.ctx = {}` (old tutorials) is an AttributeError
    # ("property 'ctx' of 'Request' object has no setter"); set attributes on it instead.

    @property
    def id(self) -> uuid.UUID | str | int:
        """The request id: the ``REQUEST_ID_HEADER`` value or ``generate_id()``'s (a random
        UUID), text read as a UUID or int when it is one. An empty (or None)
        ``REQUEST_ID_HEADER`` reads no header."""
        if self._id is None:
            name = self._setting("REQUEST_ID_HEADER")
            # As Sanic: generate_id() is called even when the client sent an id, so an
            # override with a side effect (a counter) sees every request that reads its id.
            generated = self.__class__.generate_id(self)
            value: Any = self.headers.get(name) if name else None
            if value is None:
                value = generated
            if isinstance(value, str):  # the header's or a generate_id() override's text
                try:
                    value = uuid.UUID(value)
                except ValueError:
                    try:
                        value = int(value)
                    except ValueError:
                        pass
            self._id = value
        return self._id

    @property
    def stream_id(self) -> int:
        """The HTTP/3 stream id (HTTP/3 only)."""
        if self.version != "3":
            raise ServerError("Stream ID is only a property of a HTTP/3 request")
        return self._stream_id

    # ---------------------------------------------------------------- URL parts

    def _split_absolute_form(self) -> None:
        # absolute-form (RFC 9112 §3.2.2, sent to proxies): keep path and query only.
        target = self.raw_url.decode("utf-8", "replace")
        try:
            path, query = urlsplit(target)[2:4]
        except ValueError:
            # An authority urlsplit refuses ("http://a[b/x": a bracket that is no IPv6
            # literal): the path still starts at the first "/" after it, and reading it
            # must not fail (error pages read it too).
            rest = target.partition("://")[2].partition("#")[0]
            rest, _, query = rest.partition("?")
            path = rest[rest.find("/") :] if "/" in rest else ""
        self._path = path or "/"
        self._query_string = query

    @property
    def path(self) -> str:
        """The request path, still percent-encoded (``/a%20b``)."""
        path = self._path
        if path is None:
            raw = self.raw_url
            # PERF: the same targets come again and again; their path is decoded once
            # (benchmarks/inproc.py --core "GET /").
            path = _paths.get(raw)
            if path is None:
                if _absolute_form(raw):
                    self._split_absolute_form()
                    return self._path  # type: ignore[return-value]
                path = _origin_path(raw)
            self._path = path
        return path

    @property
    def query_string(self) -> str:
        """The raw query string (without ``?``), or ``""``."""
        query = self._query_string
        if query is None:
            raw = self.raw_url
            if _absolute_form(raw):
                self._split_absolute_form()
                return self._query_string  # type: ignore[return-value]
            start = raw.find(b"?")
            if start < 0 or b"#" in raw[:start]:
                query = ""  # none, or a "?" inside a fragment (RFC 3986 3.5)
            else:
                # A fragment is not part of a request target, but a lenient client may
                # send one: it is not part of the query.
                end = raw.find(b"#", start)
                query = raw[start + 1 : end if end >= 0 else None].decode("utf-8", "replace")
            self._query_string = query
        return query

    @property
    def raw_headers(self) -> bytes:
        """The header section of the request head, as received.

        When the server kept no copy of the head bytes (the HTTP core parses them in place),
        the section is rebuilt from the fields as parsed (not as ``headers`` reads after a
        change): same names and values, in order, with ``": "`` between them.
        """
        if not self._head:
            fields = getattr(self, "_fields", None)
            if fields is None:  # (a Request built by hand, or by a subclass's own __init__)
                fields = list(self.headers.items())
            names = self._raw_names
            if names is None or len(names) != len(fields):
                names = [name.encode("latin-1", "replace") for name, _ in fields]
            return b"\r\n".join(
                name + b": " + value.encode("utf-8", "surrogateescape")
                for name, (_, value) in zip(names, fields, strict=True)
            )
        _, _, headers = self._head.partition(b"\r\n")
        return headers

    @property
    def head(self) -> bytes:
        """The request head as received, without its final blank line.

        When the server kept no copy of the head bytes (the HTTP core parses them in place),
        it is rebuilt from ``request_line`` and ``raw_headers``. A request that came
        through ASGI has none (``b""``), as under Sanic.
        """
        head = self._head
        if head is not None:
            return head
        fields = self.raw_headers
        return self.request_line + b"\r\n" + fields if fields else self.request_line

    @head.setter
    def head(self, value: bytes) -> None:
        self._head = value

    @property
    def request_line(self) -> bytes:
        """The first line of the request head, as received (rebuilt when no copy was kept)."""
        if not self._head:
            return b"%s %s HTTP/%s" % (
                self.method.encode("latin-1"), self.raw_url, self.version.encode("latin-1")
            )
        return self._head.partition(b"\r\n")[0]

    def get_args(
        self,
        keep_blank_values: bool = False,
        strict_parsing: bool = False,
        encoding: str = "utf-8",
        errors: str = "replace",
    ) -> RequestParameters:
        """The query string as ``RequestParameters`` (``urllib.parse.parse_qs`` options)."""
        key = (keep_blank_values, strict_parsing, encoding, errors)
        cache = self.parsed_args
        parsed = cache.get(key)
        if parsed is None:
            qs = self.query_string
            if not qs:
                parsed = RequestParameters()
            elif strict_parsing:
                parsed = RequestParameters(
                    parse_qs(
                        qs,
                        keep_blank_values=keep_blank_values,
                        strict_parsing=strict_parsing,
                        encoding=encoding,
                        errors=errors,
                    )
                )
            else:
                parsed = RequestParameters(
                    parse_urlencoded(qs, keep_blank_values, encoding, errors)
                )
            cache[key] = parsed
        return parsed

    args = property(get_args, doc="The query string as ``RequestParameters`` (defaults).")

    def get_query_args(
        self,
        keep_blank_values: bool = False,
        strict_parsing: bool = False,
        encoding: str = "utf-8",
        errors: str = "replace",
    ) -> list[tuple[str, str]]:
        """The query string as a list of ``(name, value)`` pairs, in order."""
        key = (keep_blank_values, strict_parsing, encoding, errors)
        cache = self.parsed_not_grouped_args
        parsed = cache.get(key)
        if parsed is None:
            qs = self.query_string
            if not qs:
                parsed = []
            elif strict_parsing:
                parsed = parse_qsl(
                    qs,
                    keep_blank_values=keep_blank_values,
                    strict_parsing=strict_parsing,
                    encoding=encoding,
                    errors=errors,
                )
            else:
                parsed = parse_urlencoded_pairs(qs, keep_blank_values, encoding, errors)
            cache[key] = parsed
        return parsed

    query_args = property(get_query_args, doc="The query string as ``(name, value)`` pairs.")
    get_args_list = get_query_args

    # ---------------------------------------------------------------- headers

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header, or ``application/octet-stream``."""
        return self.headers.get("content-type", DEFAULT_HTTP_CONTENT_TYPE)

    @property
    def accept(self) -> AcceptList:
        """The ``Accept`` header parsed and sorted by preference (``*/*`` when absent);
        several ``Accept`` lines are one list (RFC 9110 section 5.3; Sanic reads the first)."""
        if self.parsed_accept is None:
            self.parsed_accept = parse_accept(field_lines(self.headers, "accept"))
        return self.parsed_accept

    @property
    def token(self) -> str | None:
        """The credentials of a ``Bearer``/``Token`` ``Authorization`` (else the whole value)."""
        if self.parsed_token is None:
            _, self.parsed_token = parse_credentials(
                self.headers.get("authorization"), ("Bearer", "Token")
            )
        return self.parsed_token

    @property
    def credentials(self) -> Credentials | None:
        """The parsed ``Authorization`` header, or ``None`` (absent or malformed)."""
        if self.parsed_credentials is None:
            header = self.headers.get("authorization")
            credentials = None
            auth_type, token = parse_credentials(header)
            # An empty value, or a scheme with nothing after it, is no credentials (Sanic).
            if token:
                try:
                    credentials = Credentials(auth_type, token)
                except (ValueError, UnicodeDecodeError):
                    credentials = None
            self.parsed_credentials = credentials
        return self.parsed_credentials

    def get_cookies(self) -> CookieRequestParameters:
        """The ``Cookie`` header(s) parsed into ``CookieRequestParameters``."""
        raw = "; ".join(self.headers.getall("cookie", ()))
        self.parsed_cookies = CookieRequestParameters(parse_cookie(raw) if raw else {})
        return self.parsed_cookies

    @property
    def cookies(self) -> CookieRequestParameters:
        """The request's cookies: ``get(name)`` first value, ``getlist(name)`` all."""
        cookies = self.parsed_cookies
        if cookies is None:
            cookies = self.get_cookies()
        return cookies

    # ---------------------------------------------------------------- body

    def load_json(self, loads: Any = None) -> Any:
        """Parse the body as JSON (with ``loads`` or the class's ``_loads``); ``None`` if
        the body is empty; ``BadRequest`` if it is not JSON."""
        try:
            self.parsed_json = (loads or self.__class__._loads)(self.body)
        except Exception:
            if not self.body:
                # (what an earlier load_json parsed stays request.json, as in Sanic)
                return None
            # The decoder's error stays the context: a logged traceback shows where the
            # body stopped being JSON.
            raise BadRequest("Failed when parsing body as json")  # noqa: B904
        return self.parsed_json

    @property
    def json(self) -> Any:
        """The body parsed as JSON (cached; see ``load_json``)."""
        if self.parsed_json is None:
            self.load_json()
        return self.parsed_json

    def get_form(self, keep_blank_values: bool = False) -> RequestParameters | None:
        """Parse an urlencoded or multipart body into ``form`` (and ``files``)."""
        self.parsed_form = RequestParameters()
        self.parsed_files = RequestParameters()
        content_type, options = parse_content_header(
            self.headers.get("content-type", DEFAULT_HTTP_CONTENT_TYPE)
        )
        # (a charset the client made up leaves nothing behind in the codec caches)
        with forgetting_unknown_charsets():
            try:
                if content_type == "application/x-www-form-urlencoded":
                    charset = urlencoded_charset(str(options.get("charset", "utf-8")))
                    try:
                        text = self.body.decode(charset, "replace")
                    except LookupError:
                        # An unknown charset (or a codec that is no text encoding, such
                        # as rot13) reads as UTF-8, escapes included: they were decoded
                        # with the unknown name, which lost the form.
                        charset = "utf-8"
                        text = self.body.decode("utf-8", "replace")
                    self.parsed_form = RequestParameters(
                        parse_urlencoded(text, keep_blank_values, charset, "replace")
                    )
                elif content_type == "multipart/form-data":
                    boundary = str(options.get("boundary", "")).encode("utf-8")
                    if boundary and _BOUNDARY_CUT.search(self.headers.get("content-type", "")):
                        # An unquoted boundary with a character outside token in it (RFC 2046
                        # 5.1.1 asks for quotes then): Sanic parses no form, neither do we.
                        boundary = b""
                    if boundary:
                        self.parsed_form, self.parsed_files = parse_multipart_form(
                            self.body, boundary
                        )
                    else:
                        # As Sanic: a multipart body without a boundary is logged, not parsed.
                        _error_logger.error("Failed when parsing form")
            except Exception:
                # As Sanic: a body that cannot be read as the form (one the app set to a
                # str or None, say) leaves the form empty; the traceback says why.
                _error_logger.error("Failed when parsing form", exc_info=True)
        return self.parsed_form

    @property
    def form(self) -> RequestParameters | None:
        """Form fields of an urlencoded or multipart body."""
        if self.parsed_form is None:
            self.get_form()
        return self.parsed_form

    @property
    def files(self) -> RequestParameters | None:
        """Uploaded files (``File`` named tuples) of a multipart body."""
        if self.parsed_files is None:
            # Through ``form``, as Sanic: a form the app set is not parsed over.
            self.form  # noqa: B018
        return self.parsed_files

    def take_ready_body(self) -> bool:
        """What ``await receive_body()`` does, without awaiting, when the whole body is
        already here: True when it was taken into ``request.body``; False when it must be
        awaited (or the class overrides ``receive_body``, which is then to be called)."""
        # PERF: the server calls this first (no coroutine for a body that came with its
        # head; benchmarks/inproc.py "POST /echo").
        return type(self).receive_body is Request.receive_body and self.take_whole_body()

    def take_whole_body(self) -> bool:
        """Take the body into ``request.body`` if the stream has all of it (``take_body``):
        the first step of the stock ``receive_body``, whatever this class's is (a server
        that knows its request class keeps the stock one calls this directly)."""
        take = getattr(self.stream, "take_body", None)
        if take is None:
            return False
        whole = take()
        if whole is None:
            return False
        self.body = self.body + whole if self.body else whole
        return True

    async def receive_body(self) -> None:
        """Read the whole body from the stream into ``request.body`` (no-op if read)."""
        stream = self.stream
        if stream is None or self.take_whole_body():
            return  # PERF: a body all here already needs no read() loop
        read = getattr(stream, "read", None)
        if read is None:
            return
        chunks = [self.body] if self.body else []
        while True:
            chunk = await read()
            if chunk is None:
                break
            chunks.append(chunk)
        self.body = b"".join(chunks)

    # ---------------------------------------------------------------- responding

    # For type checkers: respond() gives the response it was passed, or a new HTTPResponse
    # (whose send() and eof() a streaming handler calls).
    @overload
    async def respond(
        self,
        response: None = None,
        *,
        status: int = 200,
        headers: Header | dict[str, str] | None = None,
        content_type: str | None = None,
    ) -> HTTPResponse: ...

    @overload
    async def respond(
        self,
        response: _Response,
        *,
        status: int = 200,
        headers: Header | dict[str, str] | None = None,
        content_type: str | None = None,
    ) -> _Response: ...

    async def respond(
        self,
        response: BaseHTTPResponse | None = None,
        *,
        status: int = 200,
        headers: Header | dict[str, str] | None = None,
        content_type: str | None = None,
    ) -> BaseHTTPResponse:
        """Bind a response (or a new empty one) to the connection so it can be sent
        piecewise with ``await response.send(data)``; allowed once per request."""
        from hurtle_http.response.types import BaseHTTPResponse, HTTPResponse

        if self.responded or getattr(self.stream, "response", None) is not None:
            raise ServerError("Second respond call is not allowed.")
        if response is None:
            response = HTTPResponse(status=status, headers=headers, content_type=content_type)
        elif not isinstance(response, BaseHTTPResponse):
            # Sanic takes it, fails in the response middleware and answers a 500 once the
            # handler returns; the same 500, saying why, from here.
            raise ServerError(
                "request.respond() takes a response object, such as "
                f"await request.respond(text('...')), or none at all; not {response!r}"
            )
        run_middleware = getattr(self.app, "run_respond_middleware", None)
        if run_middleware is not None and not self._response_middleware_started:
            # The app's response middleware sees (and may replace) a streamed response
            # here, before its head goes out, as in Sanic.
            self._response_middleware_started = True
            if self.stream is not None:
                response.stream = self.stream  # as Sanic: connected when they see it
            response = await run_middleware(self, response)
        if isinstance(response, BaseHTTPResponse) and self.stream is not None:
            response = self.stream.respond(response)
        self.responded = True
        return response  # type: ignore[return-value]

    def reset_response(self) -> None:
        """Forget a response bound with ``respond()`` whose head was not sent yet.

        As in Sanic, a response whose head went out (sending or ended) cannot be reset.
        """
        stream = self.stream
        if stream is not None:
            stage = getattr(stream, "stage", None)
            if stage is not None and getattr(stage, "name", "HANDLER") not in (
                "HANDLER",
                "REQUEST",
            ):
                raise ServerError("Cannot reset response because previous response was sent.")
            if hasattr(stream, "response"):
                if stream.response is not None:
                    # As Sanic: the forgotten response is cut from the connection, so its
                    # send() raises instead of writing into the next response's body.
                    stream.response.stream = None
                stream.response = None
        self.responded = False

    # ---------------------------------------------------------------- routing

    @property
    def match_info(self) -> dict[str, Any]:
        """The path parameters of the matched route."""
        try:
            return self._match_info
        except AttributeError:
            self._match_info = {}
            return self._match_info

    @match_info.setter
    def match_info(self, value: dict[str, Any]) -> None:
        self._match_info = value

    @property
    def name(self) -> str | None:
        """The name of the matched route."""
        if self._name:
            return self._name
        if self.route is not None:
            return self.route.name
        return None

    @property
    def endpoint(self) -> str | None:
        """Alias of ``name``."""
        return self.name

    @property
    def uri_template(self) -> str | None:
        """The matched route's path pattern, e.g. ``/user/<id:int>``."""
        if self.route is None:
            return None
        return f"/{self.route.path}"

    def url_for(self, view_name: str, **kwargs: Any) -> str:
        """An absolute URL to ``view_name`` (built by the app) on this request's host."""
        url_for = getattr(self.app, "url_for", None)
        if url_for is None:
            raise ServerError("This app cannot build URLs (it has no url_for).")
        server_name = getattr(getattr(self.app, "config", None), "SERVER_NAME", None)
        if server_name and "//" in str(server_name):
            # A SERVER_NAME with a scheme is the app's public address: the app builds the
            # URL from it (ws/wss for websocket routes), as Sanic does.
            return url_for(view_name, _external=True, **kwargs)
        scheme = self.scheme
        host = self.server_name
        port = self.server_port
        if (scheme.lower() in ("http", "ws") and port == 80) or (
            scheme.lower() in ("https", "wss") and port == 443
        ):
            netloc = host
        else:
            netloc = f"{host}:{port}"
        return url_for(view_name, _external=True, _scheme=scheme, _server=netloc, **kwargs)

    # ---------------------------------------------------------------- connection

    @property
    def protocol(self) -> Any:
        """The asyncio protocol serving this request."""
        if self._protocol is None:
            self._protocol = self.transport.get_protocol()
        return self._protocol

    @property
    def ip(self) -> str:
        """The peer's IP address (of the last proxy, if any; see ``remote_addr``)."""
        if self._ip is None:
            self._ip = self.conn_info.client_ip if self.conn_info else ""
        return self._ip

    @property
    def port(self) -> int:
        """The peer's port."""
        if self._port is None:
            self._port = self.conn_info.client_port if self.conn_info else 0
        return self._port

    @property
    def socket(self) -> tuple[str, int] | tuple[None, None]:
        """``(ip, port)`` of the peer (``(None, None)`` before the connection is known)."""
        if self._socket is None:
            if self.conn_info is None:
                return (None, None)
            self._socket = (self.ip, self.port)
        return self._socket

    @property
    def network_paths(self) -> Any:
        """The connection's network paths (HTTP/3 only; ``None`` otherwise)."""
        return getattr(self.conn_info, "network_paths", None)

    @property
    def forwarded(self) -> Options:
        """Client details reported by trusted proxies (``for``, ``proto``, ``host``,
        ``port``, ``path``...); ``{}`` when none is configured or present."""
        if self.parsed_forwarded is None:
            config = self._config
            self.parsed_forwarded = (
                parse_forwarded(self.headers, config)
                or parse_xforwarded(self.headers, config)
                or {}
            )
        return self.parsed_forwarded

    @property
    def remote_addr(self) -> str:
        """The client's address as reported by a trusted proxy, or ``""``."""
        if self._remote_addr is None:
            self._remote_addr = str(self.forwarded.get("for", ""))
        return self._remote_addr

    @property
    def client_ip(self) -> str:
        """The client's address: ``remote_addr`` if a proxy reported it, else ``ip``."""
        return self.remote_addr or self.ip

    @property
    def scheme(self) -> str:
        """``http``, ``https``, ``ws`` or ``wss`` (``SERVER_NAME`` or proxy may override)."""
        if self._scheme is None:
            server_name = self._setting("SERVER_NAME")
            if server_name and "://" in server_name:
                scheme = server_name.split("://", 1)[0].lower()
            else:
                scheme = str(self.forwarded.get("proto", "")) or None  # type: ignore[assignment]
                if not scheme:
                    scheme = "https" if self._over_tls() else "http"
            # (every Upgrade line: the handshake takes websocket from any of them)
            upgrade = field_lines(self.headers, "upgrade")
            if upgrade and lists_websocket(upgrade) and getattr(
                self.app, "websocket_enabled", True
            ):
                # As Sanic: a websocket request's URL is ws/wss, whatever named the scheme,
                # on an app that serves websockets (elsewhere it is a plain HTTP request).
                scheme = _WS_SCHEMES.get(scheme, scheme)
            self._scheme = scheme
        return self._scheme

    def _over_tls(self) -> bool:
        """Whether the connection is TLS (asked of the transport when no connection info
        was kept: the stand-in request answering bytes that were no request)."""
        if self.conn_info is not None:
            return bool(getattr(self.conn_info, "ssl", False))
        # (ConnInfo's own test of the transport; a rare path, so a throwaway one)
        return getattr(self.transport, "get_extra_info", None) is not None and ConnInfo(
            self.transport
        ).ssl

    @property
    def host(self) -> str:
        """The host the client asked for (``SERVER_NAME``, then a proxy's, then ``Host``),
        possibly with a port."""
        server_name = self._setting("SERVER_NAME")
        if server_name:
            if "://" in server_name:
                return urlsplit(server_name).netloc
            return server_name.split("/", 1)[0]
        return self._route_host

    @property
    def _route_host(self) -> str:
        """The host host routes are matched against: ``host`` without ``SERVER_NAME``
        (as Sanic, which routes by what the client sent whatever ``SERVER_NAME`` says)."""
        forwarded = self.forwarded.get("host")
        if forwarded:
            return str(forwarded)
        raw = self.raw_url
        if _absolute_form(raw):
            # RFC 9112 3.2.2: for an absolute-form target the server MUST ignore Host
            # and use the target's authority (without any userinfo).
            authority = _target_authority(raw)
            if authority is not None:
                return authority
        return self.headers.get("host", "")

    @property
    def server_name(self) -> str:
        """The host name part of ``host``, lower case; empty without a ``Host`` (as Sanic)."""
        return parse_host(self.host)[0] or ""

    @property
    def server_port(self) -> int:
        """The port the client connected to (proxy-reported, from ``host``, or default)."""
        port = self.forwarded.get("port") or parse_host(self.host)[1]
        if port:
            return int(port)
        # Only plain "http"/"ws" default to 80, as in Sanic: any other proxy-reported
        # scheme ("https, http" from a chain of proxies, "ftp", "h2c") counts as secure.
        return 80 if self.scheme in ("http", "ws") else 443

    @property
    def server_path(self) -> str:
        """The path as the client sent it to a proxy (``X-Forwarded-Path``) or ``path``."""
        return str(self.forwarded.get("path") or self.path)

    @property
    def url(self) -> str:
        """The full URL: scheme, host, path and query string."""
        return urlunparse((self.scheme, self.host, self.path, None, self.query_string, None))

    @property
    def scope(self) -> Any:
        """The ASGI scope (ASGI mode only)."""
        if not getattr(self.app, "asgi", False):
            raise NotImplementedError(
                "App isn't running in ASGI mode. Scope is only available for ASGI apps."
            )
        return self.transport.scope

    # ---------------------------------------------------------------- method classes

    @property
    def is_safe(self) -> bool:
        """Whether the method is safe (GET, HEAD, OPTIONS)."""
        return self.method in SAFE_HTTP_METHODS

    @property
    def is_idempotent(self) -> bool:
        """Whether the method is idempotent (GET, HEAD, PUT, DELETE, OPTIONS)."""
        return self.method in IDEMPOTENT_HTTP_METHODS

    @property
    def is_cacheable(self) -> bool:
        """Whether responses to the method are cacheable (GET, HEAD)."""
        return self.method in CACHEABLE_HTTP_METHODS


_make_context = Request.make_context

install_defaults(Request, _LAZY_SLOTS, _FACTORY_SLOTS)

__all__ = ["Credentials", "Request"]
