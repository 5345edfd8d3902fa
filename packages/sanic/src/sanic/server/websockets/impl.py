"""``sanic.server.websockets.impl``: The websocket connection object handlers receive."""

from hurtle_app.log import websockets_logger as websockets_logger
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.exceptions import WebsocketClosed as WebsocketClosed
from hurtle_http.protocol import HttpProtocol as SanicProtocol  # noqa: F401 - as in Sanic
from hurtle_http.websocket import WebsocketImplProtocol

__all__ = ["WebsocketImplProtocol"]
