"""``sanic.handlers.content_range``: ``ContentRangeHandler``."""

from hurtle_app.static import ContentRangeHandler

__all__ = ["ContentRangeHandler"]
