"""``sanic.application.ext``: attach Sanic Extensions (``sanic-ext``) to an app."""

from hurtle_app.extend import setup_ext

__all__ = ["setup_ext"]
