"""``sanic.server.protocols.websocket_protocol``: ``WebSocketProtocol``: Hurtle's ``HttpProtocol`` upgrades websockets itself."""

from hurtle_http.protocol import HttpProtocol


class WebSocketProtocol(HttpProtocol):
    """The protocol for apps with websocket routes (the HTTP protocol handles upgrades)."""


__all__ = ["HttpProtocol", "WebSocketProtocol"]
