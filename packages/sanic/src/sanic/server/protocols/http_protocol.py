"""``sanic.server.protocols.http_protocol``: The HTTP protocol."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.log import access_logger as access_logger
from hurtle_app.log import logger as logger
from hurtle_app.log import websockets_logger as websockets_logger
from hurtle_app.logging.color import Colors as Colors
from hurtle_app.touchup import TouchUpMeta as TouchUpMeta
from hurtle_http.conninfo import ConnInfo as ConnInfo
from hurtle_http.exceptions import RequestCancelled as RequestCancelled
from hurtle_http.exceptions import RequestTimeout as RequestTimeout
from hurtle_http.exceptions import ServiceUnavailable as ServiceUnavailable
from hurtle_http.http import Http as Http
from hurtle_http.protocol import HttpProtocol
from hurtle_http.protocol import HttpProtocol as SanicProtocol  # noqa: F401 - as in Sanic
from hurtle_http.request.types import Request as Request
from hurtle_http.stages import Stage as Stage
from sanic.http.constants import HTTP as HTTP

__all__ = ["HttpProtocol"]
