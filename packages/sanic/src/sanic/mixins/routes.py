"""``sanic.mixins.routes``: ``@app.route`` and the method shorthands, websockets."""

from hurtle_app.errorpages import RESPONSE_MAPPING as RESPONSE_MAPPING
from hurtle_app.futures import FutureRoute, FutureStatic
from hurtle_app.registration import HTTP_METHODS
from hurtle_app.registration import Registrar as RouteMixin
from sanic.base.meta import SanicMeta
from sanic.mixins.base import BaseMixin
from sanic.models.handler_types import RouteHandler
from sanic.types.hashable_dict import HashableDict
from sanic_routing.route import Route

__all__ = [
    "HTTP_METHODS",
    "BaseMixin",
    "FutureRoute",
    "FutureStatic",
    "HashableDict",
    "Route",
    "RouteHandler",
    "RouteMixin",
    "SanicMeta",
]
