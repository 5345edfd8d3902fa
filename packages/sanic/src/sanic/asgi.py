"""``sanic.asgi``: The ASGI adapter."""

from typing import TYPE_CHECKING

from hurtle_app.app import error_logger as error_logger
from hurtle_app.asgi import ASGIApp, Lifespan
from hurtle_app.log import logger as logger
from hurtle_app.models.asgi import ASGIReceive as ASGIReceive
from hurtle_app.models.asgi import ASGIScope as ASGIScope
from hurtle_app.models.asgi import ASGISend as ASGISend
from hurtle_app.models.asgi import MockTransport as MockTransport
from hurtle_http.conninfo import ConnInfo as ConnInfo
from hurtle_http.exceptions import BadRequest as BadRequest
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.headers import Header as Header
from hurtle_http.request.types import Request as Request
from hurtle_http.response.file import Default as Default
from hurtle_http.response.types import BaseHTTPResponse as BaseHTTPResponse
from hurtle_http.stages import Stage as Stage
from sanic._submodules import lazy_names as _lazy_names

if TYPE_CHECKING:
    from hurtle_app.models.asgi_websocket import WebSocketConnection as WebSocketConnection


# Imported on first use: it loads the ``websockets`` library.
__getattr__ = _lazy_names(
    __name__, {"WebSocketConnection": "hurtle_app.models.asgi_websocket:WebSocketConnection"}
)


__all__ = ["ASGIApp", "Lifespan"]
