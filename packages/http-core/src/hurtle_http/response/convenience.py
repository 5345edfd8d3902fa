"""Response helpers: ``text``, ``json``, ``html``, ``raw``, ``empty``, ``redirect``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, AnyStr
from urllib.parse import quote, quote_plus

from hurtle_http.response.types import (
    BaseHTTPResponse,
    HTTPResponse,
    JSONResponse,
    _ujson_dumps,
    json_dumps,
)

_new = object.__new__

# What a redirect target keeps as it is: URL syntax (RFC 3986 gen-delims and sub-delims)
# and the "%" of escapes already made.
_URL_SYNTAX = ":/%#?&=@[]!$&'()*+,;"
# A "%" that starts no escape (RFC 3986 2.1: in a URI "%" only ever starts one).
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def text(
    body: str,
    status: int = 200,
    headers: dict[str, str] | None = None,
    content_type: str = "text/plain; charset=utf-8",
) -> HTTPResponse:
    """A ``text/plain`` response; ``body`` must be a ``str``."""
    if type(body) is not str:
        if not isinstance(body, str):
            raise TypeError(f"Bad body type. Expected str, got {type(body).__name__})")
    elif headers is None:
        # PERF: HTTPResponse.__init__ inlined for the common call (no __init__ frame;
        # benchmarks/inproc.py "GET /"); the same slots, the same values.
        response = _new(HTTPResponse)
        response.asgi = False
        response.content_type = content_type
        response.body = body.encode()
        response.status = status
        response._headers = None
        response.stream = None
        response._cookies = None
        return response
    return HTTPResponse(body, status, headers, content_type)  # PERF: positional


def json(
    body: Any,
    status: int = 200,
    headers: dict[str, str] | None = None,
    content_type: str = "application/json",
    dumps: Callable[..., AnyStr] | None = None,
    **kwargs: Any,
) -> JSONResponse:
    """A JSON response (ujson by default; ``dumps=`` and ``**kwargs`` customise encoding)."""
    if not kwargs:
        if dumps is None and headers is None and BaseHTTPResponse._dumps is json_dumps:
            # PERF: JSONResponse.__init__ inlined for the common call (no __init__ frame);
            # the same slots, the same values (see JSONResponse.__init__ on the "\/").
            encoded = _ujson_dumps(body)
            if "\\/" in encoded:
                encoded = encoded.replace("\\/", "/")
            response = _new(JSONResponse)
            response._initialized = True
            response._body_manually_set = False
            response._use_dumps = json_dumps
            response._use_dumps_kwargs = {}
            response._raw_body = body
            response._body = encoded.encode()
            response.asgi = False
            response.content_type = content_type
            response.status = status
            response._headers = None
            response.stream = None
            response._cookies = None
            return response
        # PERF: a positional call without ** unpacking (about 3,000 instructions less).
        return JSONResponse(body, status, headers, content_type, dumps)
    return JSONResponse(
        body, status=status, headers=headers, content_type=content_type, dumps=dumps, **kwargs
    )


def html(
    body: Any,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTTPResponse:
    """A ``text/html`` response from a str, bytes, or an object with ``__html__`` or
    ``_repr_html_`` (e.g. a markupsafe ``Markup`` or a rich display object)."""
    if not isinstance(body, (str, bytes)):
        if hasattr(body, "__html__"):
            body = body.__html__()
        elif hasattr(body, "_repr_html_"):
            body = body._repr_html_()
    return HTTPResponse(
        body, status=status, headers=headers, content_type="text/html; charset=utf-8"
    )


def raw(
    body: AnyStr | None,
    status: int = 200,
    headers: dict[str, str] | None = None,
    content_type: str = "application/octet-stream",
) -> HTTPResponse:
    """A response with the body as is (``application/octet-stream`` by default)."""
    if type(body) is bytes and headers is None:
        # PERF: HTTPResponse.__init__ inlined for the common call, as in text() (no
        # keyword call, no __init__ frame; benchmarks/inproc.py "POST /echo").
        response = _new(HTTPResponse)
        response.asgi = False
        response.content_type = content_type
        response.body = body
        response.status = status
        response._headers = None
        response.stream = None
        response._cookies = None
        return response
    return HTTPResponse(body, status, headers, content_type)  # PERF: positional


def empty(status: int = 204, headers: dict[str, str] | None = None) -> HTTPResponse:
    """A response without a body (``204 No Content`` by default)."""
    return HTTPResponse(body=b"", status=status, headers=headers)


def redirect(
    to: str,
    headers: dict[str, str] | None = None,
    status: int = 302,
    content_type: str = "text/html; charset=utf-8",
) -> HTTPResponse:
    """A redirect to ``to`` (``302 Found`` by default); the URL is percent-quoted."""
    headers = headers or {}
    headers["Location"] = _location(to)
    return HTTPResponse(status=status, headers=headers, content_type=content_type)


def _location(to: str) -> str:
    """``to`` as a URI reference: everything but URL syntax percent-encoded (UTF-8), so a
    Location never carries raw spaces or non-ASCII. A space is ``+`` in the query only
    (form encoding, as Sanic); in the path and fragment it is ``%20``, since a ``+`` there
    is a plus (RFC 3986 2.1, 3.3): Sanic's ``/a+b`` for ``/a b`` sends the client to
    another path. A ``%`` that starts no escape becomes ``%25`` (Sanic keeps ``/100%``,
    which is no URI reference, RFC 9110 10.2.2)."""
    if not isinstance(to, str):
        if not isinstance(to, (bytes, bytearray)):
            return quote_plus(to, safe=_URL_SYNTAX)  # (Sanic's TypeError for None...)
        # As Sanic, bytes are taken too; bytes that are no UTF-8 are quoted as they are.
        to = bytes(to).decode("utf-8", "surrogateescape")
    base, hash_mark, fragment = to.partition("#")
    path, question_mark, query = base.partition("?")
    if not path.isascii():
        path = _idna_host(path)
    quoted = quote(path, safe=_URL_SYNTAX, errors="surrogateescape")
    if question_mark:
        quoted += "?" + quote_plus(query, safe=_URL_SYNTAX, errors="surrogateescape")
    if hash_mark:
        quoted += "#" + quote(fragment, safe=_URL_SYNTAX, errors="surrogateescape")
    return _STRAY_PERCENT.sub("%25", quoted) if "%" in quoted else quoted


# `scheme://authority` or `//authority` at the start of a URI reference (RFC 3986 3, 4.2).
_AUTHORITY = re.compile(r"((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)([^/]*)")


def _idna_host(path: str) -> str:
    """``path`` with a non-ASCII host name in IDNA form (``bücher.example`` is
    ``xn--bcher-kva.example``): RFC 3986 3.2.2 says a URI producer SHOULD give an
    internationalized domain name so, and clients resolve that form alone (Sanic
    percent-encodes the UTF-8, `b%C3%BCcher.example`, which DNS knows nothing of). A name
    the IDNA codec refuses (an empty or over-long label) is percent-encoded as before."""
    found = _AUTHORITY.match(path)
    if found is None:
        return path
    userinfo, at, hostport = found.group(2).rpartition("@")
    host, colon, port = hostport.rpartition(":")
    if not colon or (port and not port.isdigit()):
        host, colon, port = hostport, "", ""
    if host.isascii() or host.startswith("["):
        return path
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return path
    return f"{found.group(1)}{userinfo}{at}{host}{colon}{port}{path[found.end():]}"


__all__ = ["empty", "html", "json", "raw", "redirect", "text"]
