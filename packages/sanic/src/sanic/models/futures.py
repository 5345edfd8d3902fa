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
