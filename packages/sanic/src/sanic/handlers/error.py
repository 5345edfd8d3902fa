"""``sanic.handlers.error``: ``ErrorHandler``."""

from hurtle_app.handlers import ErrorHandler

__all__ = ["ErrorHandler"]
