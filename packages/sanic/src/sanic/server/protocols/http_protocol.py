"""``sanic.server.protocols.http_protocol``: The HTTP protocol."""

from hurtle_http.protocol import HttpProtocol

__all__ = ["HttpProtocol"]
