"""``sanic.models.handler_types``: Handler type aliases."""

from hurtle_app.models.handler_types import (
    ErrorMiddlewareType,
    ListenerType,
    MiddlewareResponse,
    MiddlewareType,
    Request,
    RequestMiddlewareType,
    ResponseMiddlewareType,
    RouteHandler,
    Sanic,
    SignalHandler,
)
from hurtle_http.response.types import BaseHTTPResponse as BaseHTTPResponse
from hurtle_http.response.types import HTTPResponse as HTTPResponse

__all__ = [
    "ErrorMiddlewareType",
    "ListenerType",
    "MiddlewareResponse",
    "MiddlewareType",
    "Request",
    "RequestMiddlewareType",
    "ResponseMiddlewareType",
    "RouteHandler",
    "Sanic",
    "SignalHandler",
]
