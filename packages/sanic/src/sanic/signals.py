"""``sanic.signals``: Signals."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.log import logger as logger
from hurtle_app.models.handler_types import SignalHandler as SignalHandler
from hurtle_app.signals import (
    RESERVED_NAMESPACES,
    Event,
    Signal,
    SignalGroup,
    SignalRouter,
    SignalWaiter,
)
from hurtle_http.exceptions import InvalidSignal as InvalidSignal
from sanic_routing.route import Route as Route

__all__ = ["Event", "Signal", "SignalGroup", "SignalRouter", "SignalWaiter", "RESERVED_NAMESPACES"]
