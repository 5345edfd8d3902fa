"""The Hurtle framework: app, routes, middleware, blueprints, listeners, signals, errors, config."""

from hurtle_app.__about__ import __version__
from hurtle_app.app import Sanic
from hurtle_app.blueprint_group import BlueprintGroup
from hurtle_app.blueprints import Blueprint
from hurtle_app.config import Config
from hurtle_app.handlers import ErrorHandler
from hurtle_app.listeners import ListenerEvent
from hurtle_app.router import Router
from hurtle_app.serving import AsyncioServer
from hurtle_app.signals import SignalRouter
from hurtle_app.state import ApplicationState, Mode
from hurtle_app.static import ContentRangeHandler, DirectoryHandler
from hurtle_app.views import HTTPMethodView, stream

__all__ = [
    "ApplicationState",
    "AsyncioServer",
    "Blueprint",
    "BlueprintGroup",
    "Config",
    "ContentRangeHandler",
    "DirectoryHandler",
    "ErrorHandler",
    "HTTPMethodView",
    "ListenerEvent",
    "Mode",
    "Router",
    "Sanic",
    "SignalRouter",
    "__version__",
    "stream",
]
