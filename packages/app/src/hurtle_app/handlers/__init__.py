"""Request-time handlers of the framework: the error handler."""

from hurtle_app.handlers.error import ErrorHandler

__all__ = ["ErrorHandler"]
