"""``sanic.signals``: Signals."""

from hurtle_app.signals import (
    RESERVED_NAMESPACES,
    Event,
    Signal,
    SignalGroup,
    SignalRouter,
    SignalWaiter,
)

__all__ = ["Event", "Signal", "SignalGroup", "SignalRouter", "SignalWaiter", "RESERVED_NAMESPACES"]
