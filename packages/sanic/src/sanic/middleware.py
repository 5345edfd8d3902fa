"""``sanic.middleware``: Middleware records."""

from enum import IntEnum, auto

from hurtle_app.middleware import Middleware
from hurtle_app.models.handler_types import MiddlewareType as MiddlewareType


class MiddlewareLocation(IntEnum):
    """Where a middleware runs."""

    REQUEST = auto()
    RESPONSE = auto()


__all__ = ["Middleware", "MiddlewareLocation"]
