"""``sanic.server.websockets.connection``: the ASGI websocket connection."""

from hurtle_app.models.asgi import ASGIMessage as ASGIMessage
from hurtle_app.models.asgi import WebSocketConnection
from hurtle_http.exceptions import InvalidUsage as InvalidUsage

__all__ = ["ASGIMessage", "WebSocketConnection"]
