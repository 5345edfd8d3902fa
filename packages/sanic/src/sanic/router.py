"""``sanic.router``: The app router."""

from hurtle_app.constants import HTTP_METHODS as HTTP_METHODS
from hurtle_app.errorpages import check_error_format as check_error_format
from hurtle_app.models.handler_types import RouteHandler as RouteHandler
from hurtle_app.router import Router
from hurtle_http.exceptions import MethodNotAllowed as MethodNotAllowed
from hurtle_http.exceptions import NotFound as NotFound
from hurtle_http.exceptions import SanicException as SanicException
from sanic_routing import BaseRouter as BaseRouter
from sanic_routing import RouteGroup as RouteGroup
from sanic_routing.exceptions import NoMethod as NoMethod
from sanic_routing.exceptions import NotFound as RoutingNotFound  # noqa: F401 - as in Sanic
from sanic_routing.route import Route as Route

ALLOWED_LABELS = ("__file_uri__",)
"""Route labels the app itself may use (the static file parameter)."""
ROUTER_CACHE_SIZE = 1024
"""How many resolved lookups Sanic's router remembers (Hurtle's keeps its own bound)."""

__all__ = [
    "Router",
    "ALLOWED_LABELS",
    "ROUTER_CACHE_SIZE",
]
