"""``sanic.server.websockets``: Websockets."""

__all__ = []
