"""``sanic.models``: Data types."""

__all__ = []
