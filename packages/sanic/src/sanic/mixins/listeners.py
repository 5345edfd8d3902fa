"""``sanic.mixins.listeners``: ``@app.listener`` and the lifecycle shorthands."""

from hurtle_app.futures import FutureListener
from hurtle_app.listeners import ListenerEvent
from hurtle_app.models.handler_types import Sanic as Sanic
from hurtle_app.registration import Registrar as ListenerMixin
from hurtle_http.exceptions import BadRequest
from sanic.base.meta import SanicMeta
from sanic.models.handler_types import ListenerType

__all__ = [
    "BadRequest",
    "FutureListener",
    "ListenerEvent",
    "ListenerMixin",
    "ListenerType",
    "SanicMeta",
]
