"""``sanic.mixins.routes``: ``@app.route`` and the method shorthands, websockets."""

from collections.abc import Callable

from hurtle_app.errorpages import RESPONSE_MAPPING as RESPONSE_MAPPING
from hurtle_app.futures import FutureRoute, FutureStatic
from hurtle_app.registration import Registrar as RouteMixin
from sanic.base.meta import SanicMeta
from sanic.constants import HTTP_METHODS
from sanic.mixins.base import BaseMixin
from sanic.models.handler_types import RouteHandler
from sanic.types.hashable_dict import HashableDict
from sanic_routing.route import Route

#: What a route decorator returns for a handler: the handler, or (route, handler).
RouteWrapper = Callable[[RouteHandler], RouteHandler | tuple[Route, RouteHandler]]

__all__ = [
    "HTTP_METHODS",
    "BaseMixin",
    "FutureRoute",
    "FutureStatic",
    "HashableDict",
    "Route",
    "RouteHandler",
    "RouteMixin",
    "RouteWrapper",
    "SanicMeta",
]
