"""``sanic.views``: Class-based views."""

from hurtle_app.views import HTTPMethodView, stream

__all__ = ["HTTPMethodView", "stream"]
