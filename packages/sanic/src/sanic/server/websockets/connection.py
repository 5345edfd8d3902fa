"""``sanic.server.websockets.connection``: the ASGI websocket connection."""

from hurtle_app.models.asgi import WebSocketConnection

__all__ = ["WebSocketConnection"]
