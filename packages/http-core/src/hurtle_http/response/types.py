"""Response objects: ``BaseHTTPResponse``, ``HTTPResponse``, ``JSONResponse``, ``ResponseStream``.

A response holds a status, a ``Header`` multidict and a body; once bound to a stream
(``request.respond(response)`` or ``request.stream.respond(response)``) it can ``send()``
data through it. The connection object owns framing; the response only supplies the
head fields (``processed_headers``) and the bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterator
from functools import partial
from types import MemberDescriptorType
from typing import TYPE_CHECKING, Any, AnyStr

import ujson

from hurtle_http.cookies.response import Cookie, CookieJar, SameSite
from hurtle_http.exceptions import SanicException, ServerError
from hurtle_http.headers import Header

if TYPE_CHECKING:
    from datetime import datetime

# Sanic's default JSON encoder: ujson without escaping "/" (compact, ASCII-only output).
json_dumps: Callable[..., str] = partial(ujson.dumps, escape_forward_slashes=False)
_ujson_dumps = ujson.dumps

_NO_BODY_STATUSES = frozenset((204, 304))


def has_message_body(status: int) -> bool:
    """Whether a response with this status may carry a body (RFC 9110 §6.4.1)."""
    return status not in _NO_BODY_STATUSES and not 100 <= status < 200


class _Default:
    def __repr__(self) -> str:
        return "<Default>"


_default: Any = _Default()


class BaseHTTPResponse:
    """The common part of every response: status, headers, body, cookies, ``send()``."""

    __slots__ = ("asgi", "body", "content_type", "stream", "status", "_headers", "_cookies")

    _dumps: Callable[..., str] = json_dumps

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Sanic's responses keep ``headers`` (and the rest) in plain slots, so a subclass
        # may list them in its own ``__slots__`` (sanic-ext's template responses do). Here
        # some are properties; a slot of the same name would hide the property and leave
        # the value unset, so the property is put back in front of that slot.
        for name, value in list(vars(cls).items()):
            if not isinstance(value, MemberDescriptorType):
                continue
            for base in cls.__mro__[1:]:
                inherited = vars(base).get(name)
                if inherited is not None:
                    if isinstance(inherited, property):
                        setattr(cls, name, inherited)
                    break

    def __init__(self) -> None:
        self.asgi: bool = False
        self.body: bytes | None = None
        self.content_type: str | None = None
        self.stream: Any = None
        self.status: int = None  # type: ignore[assignment]
        self._headers: Header | None = None
        self._cookies: CookieJar | None = None

    @property
    def headers(self) -> Header:
        """The response's header fields (a ``Header`` multidict, made on first use)."""
        # PERF: most responses (text(), json() without headers=) never get a field;
        # Http.finish reads ``_headers`` and sees None without building an empty one.
        headers = self._headers
        if headers is None:
            headers = self._headers = Header()
        return headers

    @headers.setter
    def headers(self, value: Any) -> None:
        self._headers = value

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__}: {self.status} {self.content_type}>"

    @staticmethod
    def _encode_body(data: str | bytes | None) -> bytes:
        if data is None:
            return b""
        return data.encode() if hasattr(data, "encode") else data  # type: ignore[return-value]

    @property
    def cookies(self) -> CookieJar:
        """The response's cookie jar (writes ``Set-Cookie`` fields into ``headers``)."""
        if self._cookies is None:
            self._cookies = CookieJar(self.headers)
        return self._cookies

    @property
    def processed_headers(self) -> Iterator[tuple[bytes, bytes]]:
        """The head fields as ``(name, value)`` bytes pairs, ``Content-Type`` added if due."""
        # PERF: a response that can carry a body gets its Content-Type here, once, rather
        # than at construction, so handlers that replace headers pay nothing extra.
        headers = self.headers
        if (
            self.content_type is not None
            and "content-type" not in headers
            and has_message_body(self.status)
        ):
            headers["content-type"] = self.content_type
        # Values keep a request's non-UTF-8 bytes (surrogates) as they came, as in Sanic.
        return (
            (name.encode(), f"{value}".encode("utf-8", "surrogateescape"))
            for name, value in headers.items()
        )

    async def send(self, data: AnyStr | None = None, end_stream: bool | None = None) -> None:
        """Send ``data`` (str or bytes) through the bound stream; ``end_stream`` finishes it.

        With neither argument, the response is finished (like ``eof()``).
        """
        if data is None and end_stream is None:
            end_stream = True
        if self.stream is None:
            raise SanicException("No stream is connected to the response object instance.")
        send = self.stream.send
        if send is None:
            if end_stream and not data:
                return
            raise ServerError(
                "Response stream was ended, no more response data is allowed to be sent."
            )
        if data is None:
            payload = b""
        elif isinstance(data, str):
            payload = data.encode()
        else:
            payload = data
        await send(payload, end_stream=bool(end_stream))

    def add_cookie(
        self,
        key: str,
        value: str,
        *,
        path: str = "/",
        domain: str | None = None,
        secure: bool = True,
        max_age: int | None = None,
        expires: datetime | None = None,
        httponly: bool = False,
        samesite: SameSite | None = "Lax",
        partitioned: bool = False,
        comment: str | None = None,
        host_prefix: bool = False,
        secure_prefix: bool = False,
    ) -> Cookie:
        """Set a cookie on the response (a ``Set-Cookie`` field); returns the ``Cookie``."""
        return self.cookies.add_cookie(
            key,
            value,
            path=path,
            domain=domain,
            secure=secure,
            max_age=max_age,
            expires=expires,
            httponly=httponly,
            samesite=samesite,
            partitioned=partitioned,
            comment=comment,
            host_prefix=host_prefix,
            secure_prefix=secure_prefix,
        )

    def delete_cookie(
        self,
        key: str,
        *,
        path: str = "/",
        domain: str | None = None,
        host_prefix: bool = False,
        secure_prefix: bool = False,
    ) -> None:
        """Tell the client to drop a cookie (sets it empty with ``Max-Age=0``)."""
        self.cookies.delete_cookie(
            key, path=path, domain=domain, host_prefix=host_prefix, secure_prefix=secure_prefix
        )


#: ``send``, ``processed_headers`` and ``headers`` as defined here, kept before anyone can
#: wrap them: APM agents (New Relic) wrap ``BaseHTTPResponse.send`` on import to see each
#: response go out, and a response whose ``send`` is not this one must go through it.
PLAIN_RESPONSE_ATTRS: tuple[Any, Any, Any] = (
    BaseHTTPResponse.send,
    vars(BaseHTTPResponse)["processed_headers"],
    vars(BaseHTTPResponse)["headers"],
)


class HTTPResponse(BaseHTTPResponse):
    """A response with a body known up front (str or bytes), or sent piecewise via ``send``."""

    __slots__ = ()

    def __init__(
        self,
        body: Any = None,
        status: int = 200,
        headers: Header | dict[str, str] | None = None,
        content_type: str | None = None,
    ) -> None:
        # PERF: no super().__init__() call and str/bytes bodies encoded inline; every
        # slot is set here directly (hot path: text(), json()).
        self.asgi = False
        self.content_type = content_type
        kind = type(body)
        if kind is bytes:
            self.body = body
        elif kind is str:
            self.body = body.encode()
        else:
            self.body = self._encode_body(body)
        self.status = status
        # PERF: no multidict until ``headers`` is first read (see BaseHTTPResponse). A Header
        # given is copied too, as in Sanic: the fields added while sending (content-type,
        # content-length under ASGI) must not reach a Header the app passes to others.
        self._headers = Header(headers) if headers else None  # type: ignore[arg-type]
        self.stream = None
        self._cookies = None

    async def eof(self) -> None:
        """Finish a response that is being sent piecewise."""
        await self.send("", True)

    async def __aenter__(self) -> Callable[..., Coroutine[Any, Any, None]]:
        return self.send

    async def __aexit__(self, *_: object) -> None:
        await self.eof()


class JSONResponse(HTTPResponse):
    """A JSON response whose Python value stays editable (``raw_body``, ``set_body``,
    ``append``/``extend``/``update``/``pop``) until it is sent."""

    __slots__ = (
        "_body",
        "_body_manually_set",
        "_initialized",
        "_raw_body",
        "_use_dumps",
        "_use_dumps_kwargs",
    )

    if TYPE_CHECKING:
        _body: bytes | None

    def __init__(
        self,
        body: Any = None,
        status: int = 200,
        headers: Header | dict[str, str] | None = None,
        content_type: str = "application/json",
        dumps: Callable[..., AnyStr] | None = None,
        **kwargs: Any,
    ) -> None:
        # PERF: slots assigned directly (no HTTPResponse.__init__, no body property).
        use_dumps: Callable[..., Any] = dumps or BaseHTTPResponse._dumps
        self._initialized = True
        self._body_manually_set = False
        self._use_dumps = use_dumps
        self._use_dumps_kwargs = kwargs
        self._raw_body = body
        encoded: str | bytes
        if use_dumps is json_dumps and not kwargs:
            # PERF: ujson parses keyword arguments slowly (0.6 us against 0.3 us for
            # {"hello": "world"}); with its defaults every "/" comes out as "\/" (and a
            # backslash as "\\"), so turning each "\/" back is exactly the
            # escape_forward_slashes=False output.
            encoded = _ujson_dumps(body)
            if "\\/" in encoded:
                encoded = encoded.replace("\\/", "/")
        else:
            encoded = use_dumps(body, **kwargs)
        self._body = encoded.encode() if type(encoded) is str else self._encode_body(encoded)
        self.asgi = False
        self.content_type = content_type
        self.status = status
        self._headers = Header(headers) if headers else None  # type: ignore[arg-type]  # a copy
        self.stream = None
        self._cookies = None

    @property  # type: ignore[override]
    def body(self) -> bytes | None:
        """The encoded body (setting it by hand freezes ``raw_body``)."""
        return self._body

    @body.setter
    def body(self, value: bytes | None) -> None:
        self._body = value
        if self._initialized:
            self._body_manually_set = True

    def _check_body_not_manually_set(self) -> None:
        if self._body_manually_set:
            raise SanicException("Cannot use raw_body after body has been manually set.")

    @property
    def raw_body(self) -> Any:
        """The Python value the body was encoded from."""
        self._check_body_not_manually_set()
        return self._raw_body

    @raw_body.setter
    def raw_body(self, value: Any) -> None:
        self._body_manually_set = False
        self._body = self._encode_body(self._use_dumps(value, **self._use_dumps_kwargs))
        self._raw_body = value

    def set_body(
        self, body: Any, dumps: Callable[..., AnyStr] | None = None, **dumps_kwargs: Any
    ) -> None:
        """Replace the value and re-encode it (optionally with another ``dumps``)."""
        self._body_manually_set = False
        self._raw_body = body
        use_dumps = dumps or self._use_dumps
        use_kwargs = dumps_kwargs if dumps else self._use_dumps_kwargs
        self._body = self._encode_body(use_dumps(body, **use_kwargs))

    def append(self, value: Any) -> None:
        """Append to a list body and re-encode."""
        self._check_body_not_manually_set()
        if not isinstance(self._raw_body, list):
            raise SanicException("Cannot append to a non-list object.")
        self._raw_body.append(value)
        self.raw_body = self._raw_body

    def extend(self, value: Any) -> None:
        """Extend a list body and re-encode."""
        self._check_body_not_manually_set()
        if not isinstance(self._raw_body, list):
            raise SanicException("Cannot extend a non-list object.")
        self._raw_body.extend(value)
        self.raw_body = self._raw_body

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Update a dict body and re-encode."""
        self._check_body_not_manually_set()
        if not isinstance(self._raw_body, dict):
            raise SanicException("Cannot update a non-dict object.")
        self._raw_body.update(*args, **kwargs)
        self.raw_body = self._raw_body

    def pop(self, key: Any, default: Any = _default) -> Any:
        """Pop from a list or dict body and re-encode; returns the popped value."""
        self._check_body_not_manually_set()
        if not isinstance(self._raw_body, (list, dict)):
            raise SanicException("Cannot pop from a non-list and non-dict object.")
        if isinstance(default, _Default):
            value = self._raw_body.pop(key)
        elif isinstance(self._raw_body, list):
            raise TypeError("pop doesn't accept a default argument for lists")
        else:
            value = self._raw_body.pop(key, default)
        self.raw_body = self._raw_body
        return value


class ResponseStream:
    """A response produced by ``streaming_fn(response)`` calling ``await response.write(data)``.

    The framework calls ``await response_stream(request)``: the head is sent, then the
    function runs, then ``eof()`` ends the response.
    """

    __slots__ = (
        "_cookies",
        "content_type",
        "headers",
        "request",
        "response",
        "status",
        "streaming_fn",
    )

    def __init__(
        self,
        streaming_fn: Callable[[Any], Coroutine[Any, Any, None]],
        status: int = 200,
        headers: Header | dict[str, str] | None = None,
        content_type: str | None = None,
    ) -> None:
        if headers is None:
            headers = Header()
        elif not isinstance(headers, Header):
            headers = Header(headers)
        self.streaming_fn = streaming_fn
        self.status = status
        self.headers = headers
        self.content_type = content_type
        self.request: Any = None
        self._cookies: CookieJar | None = None

    def __call__(self, request: Any) -> ResponseStream:
        """Attach the request; await the result to run the stream."""
        self.request = request
        return self

    def __await__(self) -> Any:
        return self.stream().__await__()

    async def stream(self) -> HTTPResponse:
        """Send the head, run the streaming function and return the underlying response."""
        self.response = await self.request.respond(
            status=self.status, headers=self.headers, content_type=self.content_type
        )
        await self.streaming_fn(self)
        return self.response

    async def write(self, message: str | bytes) -> None:
        """Send one chunk of the body."""
        await self.response.send(message)

    async def eof(self) -> None:
        """Finish the response."""
        await self.response.eof()

    @property
    def cookies(self) -> CookieJar:
        """The response's cookie jar."""
        if self._cookies is None:
            self._cookies = CookieJar(self.headers)
        return self._cookies

    @property
    def processed_headers(self) -> Iterator[tuple[bytes, bytes]]:
        """The head fields of the underlying response."""
        return self.response.processed_headers

    @property
    def body(self) -> bytes | None:
        """Always ``None``: a stream has no body up front."""
        return None


__all__ = [
    "BaseHTTPResponse",
    "HTTPResponse",
    "JSONResponse",
    "ResponseStream",
    "has_message_body",
    "json_dumps",
]
