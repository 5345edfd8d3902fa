"""``sanic.models.asgi``: ASGI transport stand-ins."""

from hurtle_app.models.asgi import ASGIMessage as ASGIMessage
from hurtle_app.models.asgi import ASGIReceive as ASGIReceive
from hurtle_app.models.asgi import ASGIScope as ASGIScope
from hurtle_app.models.asgi import ASGISend as ASGISend
from hurtle_app.models.asgi import MockProtocol, MockTransport
from hurtle_app.models.asgi import WebSocketConnection as WebSocketConnection
from hurtle_app.models.protocol_types import TransportProtocol as TransportProtocol
from hurtle_http.exceptions import BadRequest as BadRequest

__all__ = [
    "MockProtocol",
    "MockTransport",
    "ASGIMessage",
    "ASGIReceive",
    "ASGIScope",
    "ASGISend",
]
