"""``sanic.views``: Class-based views."""

from hurtle_app.models.handler_types import RouteHandler as RouteHandler
from hurtle_app.views import CompositionView, HTTPMethodView, stream
from hurtle_http.request.types import Request as Request

__all__ = ["CompositionView", "HTTPMethodView", "stream"]
