"""``sanic.server.protocols.websocket_protocol``: ``WebSocketProtocol``: Hurtle's ``HttpProtocol`` upgrades websockets itself."""

from hurtle_app.log import access_logger as access_logger
from hurtle_app.log import websockets_logger as websockets_logger
from hurtle_http.exceptions import SanicException as SanicException
from hurtle_http.protocol import HttpProtocol
from hurtle_http.request.types import Request as Request
from hurtle_http.websocket import WebsocketImplProtocol as WebsocketImplProtocol


class WebSocketProtocol(HttpProtocol):
    """The protocol for apps with websocket routes (the HTTP protocol handles upgrades)."""


__all__ = ["HttpProtocol", "WebSocketProtocol"]
