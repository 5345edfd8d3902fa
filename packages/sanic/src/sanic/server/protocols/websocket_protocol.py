"""``sanic.server.protocols.websocket_protocol``: ``WebSocketProtocol``: Hurtle's ``HttpProtocol`` upgrades websockets itself."""

from websockets.datastructures import Headers as WSHeaders  # noqa: F401 - as in Sanic
from websockets.protocol import CLOSED as CLOSED
from websockets.protocol import CLOSING as CLOSING
from websockets.protocol import OPEN as OPEN
from websockets.protocol import State as State
from websockets.server import ServerProtocol as ServerProtocol
from websockets.typing import Subprotocol as Subprotocol

from hurtle_app.log import access_logger as access_logger
from hurtle_app.log import websockets_logger as websockets_logger
from hurtle_http.exceptions import SanicException as SanicException
from hurtle_http.protocol import HttpProtocol
from hurtle_http.request.types import Request as Request
from hurtle_http.websocket import WebsocketImplProtocol as WebsocketImplProtocol


class WebSocketProtocol(HttpProtocol):
    """The protocol for apps with websocket routes (the HTTP protocol handles upgrades)."""


__all__ = [
    "HttpProtocol",
    "WebSocketProtocol",
    "CLOSED",
    "CLOSING",
    "OPEN",
]
