"""``sanic.router``: The app router."""

from hurtle_app.router import Router

__all__ = ["Router"]
