"""``sanic.models.asgi``: ASGI transport stand-ins."""

from typing import TYPE_CHECKING, Any

from hurtle_app.models.asgi import ASGIMessage as ASGIMessage
from hurtle_app.models.asgi import ASGIReceive as ASGIReceive
from hurtle_app.models.asgi import ASGIScope as ASGIScope
from hurtle_app.models.asgi import ASGISend as ASGISend
from hurtle_app.models.asgi import MockProtocol, MockTransport
from hurtle_app.models.protocol_types import TransportProtocol as TransportProtocol
from hurtle_http.exceptions import BadRequest as BadRequest

if TYPE_CHECKING:
    from hurtle_app.models.asgi_websocket import WebSocketConnection as WebSocketConnection


def __getattr__(name: str) -> Any:
    # Imported on first use: it loads the ``websockets`` library.
    if name == "WebSocketConnection":
        from hurtle_app.models.asgi_websocket import WebSocketConnection

        return WebSocketConnection
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MockProtocol",
    "MockTransport",
    "ASGIMessage",
    "ASGIReceive",
    "ASGIScope",
    "ASGISend",
]
