"""``sanic.models.asgi``: ASGI transport stand-ins."""

from typing import TYPE_CHECKING

from hurtle_app.models.asgi import ASGIMessage as ASGIMessage
from hurtle_app.models.asgi import ASGIReceive as ASGIReceive
from hurtle_app.models.asgi import ASGIScope as ASGIScope
from hurtle_app.models.asgi import ASGISend as ASGISend
from hurtle_app.models.asgi import MockProtocol, MockTransport
from hurtle_app.models.protocol_types import TransportProtocol as TransportProtocol
from hurtle_http.exceptions import BadRequest as BadRequest
from sanic._submodules import lazy_names as _lazy_names

if TYPE_CHECKING:
    from hurtle_app.models.asgi_websocket import WebSocketConnection as WebSocketConnection


# Imported on first use: it loads the ``websockets`` library.
__getattr__ = _lazy_names(
    __name__, {"WebSocketConnection": "hurtle_app.models.asgi_websocket:WebSocketConnection"}
)


__all__ = [
    "MockProtocol",
    "MockTransport",
    "ASGIMessage",
    "ASGIReceive",
    "ASGIScope",
    "ASGISend",
]
