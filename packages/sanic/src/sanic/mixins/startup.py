"""``sanic.mixins.startup``: running an app (``run``, ``prepare``, ``serve``...)."""

from socket import SHUT_RDWR as SHUT_RDWR
from typing import Literal

from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import OS_IS_WINDOWS as OS_IS_WINDOWS
from hurtle_app.compat import StartMethod as StartMethod
from hurtle_app.extend import setup_ext as setup_ext
from hurtle_app.log import logger as logger
from hurtle_app.logging.color import Colors as Colors
from hurtle_app.logging.deprecation import deprecation as deprecation
from hurtle_app.logging.setup import setup_logging as setup_logging
from hurtle_app.models.handler_types import ListenerType as ListenerType
from hurtle_app.motd import MOTD as MOTD
from hurtle_app.motd import get_logo as get_logo
from hurtle_app.motd import is_atty as is_atty
from hurtle_app.serving import AsyncioServer
from hurtle_app.state import ApplicationServerInfo as ApplicationServerInfo
from hurtle_app.state import ServerSignal as ServerSignal
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.exceptions import ServerKilled as ServerKilled
from hurtle_http.protocol import HttpProtocol as HttpProtocol
from hurtle_http.response.file import Default as Default
from hurtle_http.server import serve as serve
from hurtle_http.server import try_use_uvloop as try_use_uvloop
from hurtle_worker.manager import WorkerManager
from hurtle_worker.multiplexer import WorkerMultiplexer
from sanic.app import Sanic as StartupMixin
from sanic.application.constants import Mode, ServerStage
from sanic.base.meta import SanicMeta
from sanic.http.constants import HTTP as HTTP
from sanic.http.tls.context import SanicSSLContext as SanicSSLContext
from sanic.http.tls.context import process_to_context  # noqa: F401 - as in Sanic
from sanic.http.tls.creators import get_ssl_context as get_ssl_context
from sanic.server.events import trigger_events as trigger_events
from sanic.server.goodbye import get_goodbye as get_goodbye
from sanic.server.loop import try_windows_loop as try_windows_loop
from sanic.server.protocols.websocket_protocol import WebSocketProtocol as WebSocketProtocol
from sanic.server.socket import configure_socket as configure_socket
from sanic.server.socket import remove_unix_socket as remove_unix_socket
from sanic.worker.loader import AppLoader
from sanic.worker.reloader import Reloader as Reloader
from sanic.worker.serve import worker_serve as worker_serve

SANIC_PACKAGES = ("sanic-routing", "sanic-testing", "sanic-ext")
"""Distributions whose versions the start-up banner lists."""

#: ``version=`` of ``app.run``: ``HTTP.VERSION_1`` (or 1); 3 is refused by Hurtle.
HTTPVersion = HTTP | Literal[1] | Literal[3]

__all__ = [
    "AppLoader",
    "AsyncioServer",
    "Mode",
    "SanicMeta",
    "ServerStage",
    "StartupMixin",
    "WorkerManager",
    "WorkerMultiplexer",
    "HTTPVersion",
    "SANIC_PACKAGES",
]
