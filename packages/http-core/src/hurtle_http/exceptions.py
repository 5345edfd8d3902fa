"""Exceptions that carry the HTTP status to answer with.

This is the one error hierarchy of the whole stack (``sanic.exceptions`` re-exports it):
the HTTP core raises these where it finds a problem (bad framing, a body too large, a
timeout), and the framework turns any of them into an error response in one place.
"""

from __future__ import annotations

from asyncio import CancelledError
from collections.abc import Sequence
from copy import copy
from os import PathLike
from typing import Any, Protocol

from hurtle_http.quoting import quoted_string
from hurtle_http.status import STATUS_CODES


class _Range(Protocol):
    total: int


class SanicException(Exception):
    """Base of every error with an HTTP status; raise it (or a subclass) from a handler.

    ``status_code`` picks the response status, ``quiet`` keeps it out of the error log,
    ``headers`` are added to the error response, ``context`` is shown to the client in
    the error page and ``extra`` only in debug mode.
    """

    status_code: int = 500
    quiet: bool | None = False
    headers: dict[str, str] = {}
    message: str = ""

    def __init__(
        self,
        message: str | bytes | None = None,
        status_code: int | None = None,
        *,
        quiet: bool | None = None,
        context: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
    ) -> None:
        self.context = context
        self.extra = extra
        status_code = status_code or getattr(self.__class__, "status_code", None)
        if quiet is None:  # an explicit ``quiet=False`` wins over the class's ``quiet``
            quiet = getattr(self.__class__, "quiet", None)
        given = headers
        if not given:
            # A copy of the class's: adding a field to one instance must not add it to
            # every later one (Sanic shares the class's dict, so it leaks).
            headers = copy(getattr(self.__class__, "headers", {}))
        if message is None:
            message = self.message
            if not message and status_code:
                message = STATUS_CODES.get(status_code, b"").decode("latin-1")
        elif isinstance(message, bytes):
            message = message.decode()
        super().__init__(message)
        # As Sanic: a class declaring a false ``status_code`` (None, 0) keeps it on its
        # instances; their error page is the generic 500.
        self.status_code = status_code  # type: ignore[assignment]
        self.quiet = quiet
        # As Sanic: the caller's headers are kept as given (the same dict, or a list of
        # pairs whose repeated fields are all sent); a class that sets ``headers = None``
        # gives instances without headers.
        self.headers = headers  # type: ignore[assignment]
        if not isinstance(getattr(type(self), "message", None), property):
            # A subclass may compute ``message`` (a property, e.g. from ``extra``).
            self.message = message


def _with_field(headers: Any, name: str, value: str) -> dict[str, Any]:
    """A new dict of ``headers`` (a mapping or pairs) with ``name`` set to ``value``.

    A mapping gives each name's first value, as Sanic's ``{**headers, name: value}``;
    pairs, which that refuses with a ``TypeError``, are taken too (the last value wins).
    """
    fields = {**headers} if hasattr(headers, "keys") else dict(headers or ())
    fields[name] = value
    return fields


class HTTPException(SanicException):
    """A SanicException that is part of the HTTP protocol (4xx and 5xx statuses)."""


class NotFound(HTTPException):
    """404: no route (or file) matches the request."""

    status_code = 404
    quiet = True


class BadRequest(HTTPException):
    """400: the request is malformed."""

    status_code = 400
    quiet = True


InvalidUsage = BadRequest
BadURL = BadRequest


class MethodNotAllowed(HTTPException):
    """405: the route exists but not for this method; ``Allow`` lists the methods."""

    status_code = 405
    quiet = True

    def __init__(
        self,
        message: str | bytes | None = None,
        method: str = "",
        allowed_methods: Sequence[str] | None = None,
        *,
        quiet: bool | None = None,
        context: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message, quiet=quiet, context=context, extra=extra, headers=headers)
        if allowed_methods:
            self.headers = _with_field(self.headers, "Allow", ", ".join(allowed_methods))
        self.method = method
        self.allowed_methods = allowed_methods


MethodNotSupported = MethodNotAllowed


class ServerError(HTTPException):
    """500: something went wrong on the server."""

    # As Sanic: quiet is SanicException's (False), not the class's own, so a subclass
    # that also derives from a quiet class (``class E(ServerError, NotFound)``) is quiet.
    status_code = 500


InternalServerError = ServerError


class ServiceUnavailable(HTTPException):
    """503: the server cannot answer now (also sent when a handler runs too long)."""

    status_code = 503
    quiet = True


class URLBuildError(HTTPException):
    """500: ``url_for`` could not build a URL from the given name and parameters."""

    status_code = 500


class FileNotFound(NotFound):
    """404: a file to be served does not exist."""

    def __init__(
        self,
        message: str | bytes | None = None,
        path: PathLike | str | None = None,
        relative_url: str | None = None,
        *,
        quiet: bool | None = None,
        context: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message, quiet=quiet, context=context, extra=extra, headers=headers)
        self.path = path
        self.relative_url = relative_url


class RequestTimeout(HTTPException):
    """408: the client took too long to send its request."""

    status_code = 408
    quiet = True


class PayloadTooLarge(HTTPException):
    """413: the request body is larger than ``REQUEST_MAX_SIZE``."""

    status_code = 413
    quiet = True


class URITooLong(HTTPException):
    """414: the request target is longer than the server accepts."""

    status_code = 414
    quiet = True


class RequestHeaderFieldsTooLarge(HTTPException):
    """431: the header section is larger than the server accepts."""

    status_code = 431
    quiet = True


class NotImplementedByServer(HTTPException):
    """501: e.g. a ``Transfer-Encoding`` the server does not implement."""

    status_code = 501
    quiet = True


class HeaderNotFound(BadRequest):
    """400: a header the handler needs is missing."""


class InvalidHeader(BadRequest):
    """400: a header has a value that cannot be used."""


class RangeNotSatisfiable(HTTPException):
    """416: the requested byte range is outside the resource."""

    status_code = 416
    quiet = True

    def __init__(
        self,
        message: str | bytes | None = None,
        content_range: _Range | None = None,
        *,
        quiet: bool | None = None,
        context: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message, quiet=quiet, context=context, extra=extra, headers=headers)
        if content_range is not None:
            self.headers = _with_field(
                self.headers, "Content-Range", f"bytes */{content_range.total}"
            )


ContentRangeError = RangeNotSatisfiable


class ExpectationFailed(HTTPException):
    """417: the ``Expect`` header cannot be met."""

    status_code = 417
    quiet = True


HeaderExpectationFailed = ExpectationFailed


class Forbidden(HTTPException):
    """403: the client may not access this resource."""

    status_code = 403
    quiet = True


class InvalidRangeType(RangeNotSatisfiable):
    """416: the ``Range`` header is not a byte range the server understands."""

    # As Sanic: its own (a subclass that also derives from another class finds these first)
    status_code = 416
    quiet = True


class PyFileError(SanicException):
    """A config file could not be loaded as Python."""

    def __init__(
        self,
        file: Any,
        status_code: int | None = None,
        *,
        quiet: bool | None = None,
        context: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(
            f"could not execute config file {file}",
            status_code,
            quiet=quiet,
            context=context,
            extra=extra,
            headers=headers,
        )


class Unauthorized(HTTPException):
    """401: authentication is needed; ``scheme`` and challenges build ``WWW-Authenticate``."""

    status_code = 401
    quiet = True

    def __init__(
        self,
        message: str | bytes | None = None,
        scheme: str | None = None,
        *,
        quiet: bool | None = None,
        context: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
        **challenges: Any,
    ) -> None:
        super().__init__(message, quiet=quiet, context=context, extra=extra, headers=headers)
        if scheme is not None:
            # RFC 9110 section 11.2: each auth-param value a quoted-string, so a `"` or
            # backslash in it is escaped (section 5.6.4); Sanic writes them bare, ending the
            # string early (`realm="a"b"` is no valid challenge).
            values = [f"{k!s}={quoted_string(str(v))}" for k, v in challenges.items()]
            challenge = ", ".join(values)
            self.headers = _with_field(
                self.headers, "WWW-Authenticate", f"{scheme} {challenge}".rstrip()
            )


class LoadFileException(SanicException):
    """A file (config, certificate) could not be loaded."""


class InvalidSignal(SanicException):
    """A signal name is malformed or was dispatched without a handler."""


class WebsocketClosed(SanicException):
    """The websocket was closed; raised on use of a closed connection."""

    quiet = True
    message = "Client has closed the websocket connection"


class ServerKilled(Exception):
    """The server was told to stop at once."""

    quiet = True


class RequestCancelled(CancelledError):
    """The request's task was cancelled (for instance, the client went away)."""

    quiet = True


__all__ = [
    "STATUS_CODES",
    "BadRequest",
    "BadURL",
    "ContentRangeError",
    "ExpectationFailed",
    "FileNotFound",
    "Forbidden",
    "HTTPException",
    "HeaderExpectationFailed",
    "HeaderNotFound",
    "InternalServerError",
    "InvalidHeader",
    "InvalidRangeType",
    "InvalidSignal",
    "InvalidUsage",
    "LoadFileException",
    "MethodNotAllowed",
    "MethodNotSupported",
    "NotFound",
    "NotImplementedByServer",
    "PayloadTooLarge",
    "PyFileError",
    "RangeNotSatisfiable",
    "RequestCancelled",
    "RequestHeaderFieldsTooLarge",
    "RequestTimeout",
    "SanicException",
    "ServerError",
    "ServerKilled",
    "ServiceUnavailable",
    "URITooLong",
    "URLBuildError",
    "Unauthorized",
    "WebsocketClosed",
]
