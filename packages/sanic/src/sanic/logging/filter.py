"""``sanic.logging.filter``: ``VerbosityFilter``."""

from hurtle_app.logging.filter import VerbosityFilter

__all__ = ["VerbosityFilter"]
