"""``sanic.signals``: Signals."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.log import logger as logger
from hurtle_app.models.handler_types import SignalHandler as SignalHandler
from hurtle_app.signals import GENERIC_SIGNAL_FORMAT as GENERIC_SIGNAL_FORMAT
from hurtle_app.signals import (
    RESERVED_NAMESPACES,
    Event,
    Signal,
    SignalGroup,
    SignalRouter,
    SignalWaiter,
)
from hurtle_http.exceptions import InvalidSignal as InvalidSignal
from sanic_routing import BaseRouter as BaseRouter
from sanic_routing import RouteGroup as RouteGroup
from sanic_routing.exceptions import NotFound as NotFound
from sanic_routing.route import Route as Route
from sanic_routing.utils import path_to_parts as path_to_parts

__all__ = [
    "Event",
    "Signal",
    "SignalGroup",
    "SignalRouter",
    "SignalWaiter",
    "RESERVED_NAMESPACES",
    "GENERIC_SIGNAL_FORMAT",
]
