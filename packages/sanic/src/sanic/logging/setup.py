"""``sanic.logging.setup``: ``setup_logging``."""

from hurtle_app.logging.setup import setup_logging

__all__ = ["setup_logging"]
