"""``sanic.models.futures``: Registration records."""

from hurtle_app.futures import (
    FutureException,
    FutureListener,
    FutureMiddleware,
    FutureRoute,
    FutureSignal,
    FutureStatic,
)

__all__ = [
    "FutureException",
    "FutureListener",
    "FutureMiddleware",
    "FutureRoute",
    "FutureSignal",
    "FutureStatic",
]
