"""``sanic.mixins.startup``: running an app (``run``, ``prepare``, ``serve``...)."""

from hurtle_app.serving import AsyncioServer
from hurtle_worker.manager import WorkerManager
from hurtle_worker.multiplexer import WorkerMultiplexer
from sanic.app import Sanic as StartupMixin
from sanic.application.constants import Mode, ServerStage
from sanic.base.meta import SanicMeta
from sanic.worker.loader import AppLoader

__all__ = [
    "AppLoader",
    "AsyncioServer",
    "Mode",
    "SanicMeta",
    "ServerStage",
    "StartupMixin",
    "WorkerManager",
    "WorkerMultiplexer",
]
