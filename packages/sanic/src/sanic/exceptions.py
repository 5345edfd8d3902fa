"""``sanic.exceptions``: The exceptions users raise and catch."""

from asyncio import CancelledError as CancelledError

from hurtle_app.handlers import ErrorHandler as Handler  # noqa: F401 - Sanic's early name
from hurtle_app.models.protocol_types import Range as Range
from hurtle_http.exceptions import (
    BadRequest,
    BadURL,
    ContentRangeError,
    ExpectationFailed,
    FileNotFound,
    Forbidden,
    HeaderExpectationFailed,
    HeaderNotFound,
    HTTPException,
    InternalServerError,
    InvalidHeader,
    InvalidRangeType,
    InvalidSignal,
    InvalidUsage,
    LoadFileException,
    MethodNotAllowed,
    MethodNotSupported,
    NotFound,
    PayloadTooLarge,
    PyFileError,
    RangeNotSatisfiable,
    RequestCancelled,
    RequestTimeout,
    SanicException,
    ServerError,
    ServerKilled,
    ServiceUnavailable,
    Unauthorized,
    URLBuildError,
    WebsocketClosed,
)
from hurtle_http.http import STATUS_CODES as STATUS_CODES

# As in Sanic, these classes belong to ``sanic.exceptions`` for everything that prints or
# looks up a class by its module: reprs (``<class 'sanic.exceptions.ServerError'>`` in
# Sanic's messages), tracebacks, pickling (found again here). Only when ``sanic`` is
# imported; an app built on ``hurtle_http`` alone keeps the core's module names.
for _cls in [
    value
    for value in list(globals().values())
    if isinstance(value, type) and value.__module__ == "hurtle_http.exceptions"
]:
    _cls.__module__ = __name__
del _cls

# A star import gives what Sanic's module (which has no ``__all__``) gives: the exception
# classes and the names it imports for them, but not its typing helpers.
__all__ = [
    "STATUS_CODES",
    "CancelledError",
    "Range",
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
    "PayloadTooLarge",
    "PyFileError",
    "RangeNotSatisfiable",
    "RequestCancelled",
    "RequestTimeout",
    "SanicException",
    "ServerError",
    "ServerKilled",
    "ServiceUnavailable",
    "URLBuildError",
    "Unauthorized",
    "WebsocketClosed",
]
