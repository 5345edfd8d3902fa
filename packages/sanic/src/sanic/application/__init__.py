"""``sanic.application``: Application state."""

__all__ = []
