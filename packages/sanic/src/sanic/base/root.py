"""``sanic.base.root``: ``BaseSanic``, what apps and blueprints have in common."""

from hurtle_app.naming import VALID_NAME
from hurtle_app.registration import Registrar as BaseSanic
from hurtle_http.exceptions import SanicException
from sanic.base.meta import SanicMeta
from sanic.mixins.commands import CommandMixin
from sanic.mixins.exceptions import ExceptionMixin
from sanic.mixins.listeners import ListenerMixin
from sanic.mixins.middleware import MiddlewareMixin
from sanic.mixins.routes import RouteMixin
from sanic.mixins.signals import SignalMixin
from sanic.mixins.static import StaticMixin

__all__ = [
    "VALID_NAME",
    "BaseSanic",
    "CommandMixin",
    "ExceptionMixin",
    "ListenerMixin",
    "MiddlewareMixin",
    "RouteMixin",
    "SanicException",
    "SanicMeta",
    "SignalMixin",
    "StaticMixin",
]
