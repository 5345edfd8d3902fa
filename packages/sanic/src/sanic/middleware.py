"""``sanic.middleware``: Middleware records."""

from hurtle_app.middleware import Middleware, MiddlewareLocation
from hurtle_app.models.handler_types import MiddlewareType as MiddlewareType

__all__ = ["Middleware", "MiddlewareLocation"]
