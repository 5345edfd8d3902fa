"""``sanic.server.runners``: ``serve``."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import OS_IS_WINDOWS as OS_IS_WINDOWS
from hurtle_app.config import Config as Config
from hurtle_app.extend import setup_ext as setup_ext
from hurtle_app.log import server_logger as server_logger
from hurtle_app.logging.setup import setup_logging as setup_logging
from hurtle_app.serving import AsyncioServer as AsyncioServer
from hurtle_app.state import ServerSignal as Signal  # noqa: F401 - as in Sanic
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.protocol import HttpProtocol as HttpProtocol
from hurtle_http.server import bind_unix_socket as bind_unix_socket
from hurtle_http.server import serve
from sanic.http.constants import HTTP as HTTP
from sanic.server.socket import remove_unix_socket as remove_unix_socket

__all__ = ["serve"]
