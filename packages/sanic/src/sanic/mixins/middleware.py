"""``sanic.mixins.middleware``: ``@app.middleware``, ``on_request``, ``on_response``."""

from hurtle_app.futures import FutureMiddleware
from hurtle_app.registration import Registrar as MiddlewareMixin
from sanic.base.meta import SanicMeta
from sanic.middleware import Middleware, MiddlewareLocation
from sanic.models.handler_types import MiddlewareType
from sanic.router import Router

__all__ = [
    "FutureMiddleware",
    "Middleware",
    "MiddlewareLocation",
    "MiddlewareMixin",
    "MiddlewareType",
    "Router",
    "SanicMeta",
]
