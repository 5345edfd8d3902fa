"""``sanic.asgi``: The ASGI adapter."""

from hurtle_app.asgi import ASGIApp, Lifespan

__all__ = ["ASGIApp", "Lifespan"]
