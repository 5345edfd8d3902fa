"""``sanic.models.futures``: registration records (routes, middleware, listeners ...)."""

from typing import Any, NamedTuple

from hurtle_app.futures import (
    FutureException,
    FutureListener,
    FutureMiddleware,
    FutureRoute,
    FutureSignal,
    FutureStatic,
)
from hurtle_app.models.handler_types import ErrorMiddlewareType as ErrorMiddlewareType
from hurtle_app.models.handler_types import ListenerType as ListenerType
from hurtle_app.models.handler_types import MiddlewareType as MiddlewareType
from hurtle_app.models.handler_types import SignalHandler as SignalHandler
from hurtle_app.static import DirectoryHandler as DirectoryHandler
from sanic.types import HashableDict as HashableDict


class FutureCommand(NamedTuple):
    """A custom command registered for the CLI's ``exec`` (name and callable)."""

    name: str
    func: Any


class FutureRegistry(set):
    """A set of registration records."""


__all__ = [
    "FutureCommand",
    "FutureException",
    "FutureListener",
    "FutureMiddleware",
    "FutureRegistry",
    "FutureRoute",
    "FutureSignal",
    "FutureStatic",
]
