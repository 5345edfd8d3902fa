"""``sanic.mixins.signals``: ``@app.signal``, ``add_signal``, ``catch_exception``."""

from hurtle_app.futures import FutureSignal
from hurtle_app.registration import Registrar as SignalMixin
from hurtle_app.signals import Event, Signal
from sanic.base.meta import SanicMeta
from sanic.models.handler_types import SignalHandler
from sanic.types.hashable_dict import HashableDict

__all__ = [
    "Event",
    "FutureSignal",
    "HashableDict",
    "SanicMeta",
    "Signal",
    "SignalHandler",
    "SignalMixin",
]
