"""``sanic.server.protocols``: Server protocols."""

__all__ = []
