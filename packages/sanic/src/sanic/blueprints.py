"""``sanic.blueprints``: Blueprints."""

from collections.abc import MutableSequence

from hurtle_app.blueprint_group import BlueprintGroup
from hurtle_app.blueprints import Blueprint
from hurtle_app.futures import FutureRoute as FutureRoute
from hurtle_app.futures import FutureSignal as FutureSignal
from hurtle_app.futures import FutureStatic as FutureStatic
from hurtle_app.models.handler_types import ListenerType as ListenerType
from hurtle_app.models.handler_types import MiddlewareType as MiddlewareType
from hurtle_app.models.handler_types import RouteHandler as RouteHandler
from hurtle_app.registration import Registrar as BaseSanic  # noqa: F401 - as in Sanic
from hurtle_http.exceptions import SanicException as SanicException
from hurtle_http.response.file import Default as Default
from sanic_routing.exceptions import NotFound as NotFound
from sanic_routing.route import Route as Route

#: What ``BlueprintGroup`` is, as a sequence type.
bpg_base = MutableSequence[Blueprint]

__all__ = [
    "Blueprint",
    "BlueprintGroup",
    "bpg_base",
]
