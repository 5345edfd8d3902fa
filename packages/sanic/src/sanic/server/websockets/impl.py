"""``sanic.server.websockets.impl``: The websocket connection object handlers receive."""

from websockets.exceptions import ConnectionClosed as ConnectionClosed
from websockets.exceptions import ConnectionClosedError as ConnectionClosedError
from websockets.exceptions import ConnectionClosedOK as ConnectionClosedOK
from websockets.frames import Frame as Frame
from websockets.frames import Opcode as Opcode
from websockets.protocol import CLOSED as CLOSED
from websockets.protocol import CLOSING as CLOSING
from websockets.protocol import OPEN as OPEN
from websockets.protocol import Event as Event
from websockets.protocol import State as State
from websockets.server import ServerProtocol as ServerProtocol
from websockets.typing import Data as Data

from hurtle_app.log import websockets_logger as websockets_logger
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.exceptions import WebsocketClosed as WebsocketClosed
from hurtle_http.protocol import HttpProtocol as SanicProtocol  # noqa: F401 - as in Sanic
from hurtle_http.websocket import WebsocketImplProtocol

__all__ = [
    "WebsocketImplProtocol",
    "CLOSED",
    "CLOSING",
    "OPEN",
]
