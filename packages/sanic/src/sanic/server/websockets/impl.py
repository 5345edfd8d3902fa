"""``sanic.server.websockets.impl``: The websocket connection object handlers receive."""

from hurtle_http.websocket import WebsocketImplProtocol

__all__ = ["WebsocketImplProtocol"]
