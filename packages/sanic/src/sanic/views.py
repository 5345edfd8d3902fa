"""``sanic.views``: Class-based views."""

from hurtle_app.models.handler_types import RouteHandler as RouteHandler
from hurtle_app.views import HTTPMethodView, stream
from hurtle_http.request.types import Request as Request

__all__ = ["HTTPMethodView", "stream"]
