"""Type aliases for handlers, middleware, listeners and signal handlers."""

from __future__ import annotations

from asyncio import AbstractEventLoop
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from hurtle_http.request import Request
from hurtle_http.response import BaseHTTPResponse, HTTPResponse

Sanic = TypeVar("Sanic", bound=Any)

MiddlewareResponse = HTTPResponse | None | Coroutine[Any, Any, HTTPResponse | None]
RequestMiddlewareType = Callable[[Request], MiddlewareResponse]
ResponseMiddlewareType = Callable[[Request, BaseHTTPResponse], MiddlewareResponse]
ErrorMiddlewareType = Callable[
    [Request, BaseException], HTTPResponse | None | Coroutine[Any, Any, None]
]
MiddlewareType = RequestMiddlewareType | ResponseMiddlewareType
ListenerType = (
    Callable[[Any], Coroutine[Any, Any, None] | None]
    | Callable[[Any, AbstractEventLoop], Coroutine[Any, Any, None] | None]
)
RouteHandler = Callable[..., Coroutine[Any, Any, HTTPResponse | None]]
SignalHandler = Callable[..., Coroutine[Any, Any, None]]

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
