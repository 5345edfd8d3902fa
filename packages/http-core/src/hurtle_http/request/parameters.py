"""``RequestParameters`` under its Sanic module path (``sanic.request.parameters``)."""

from hurtle_http.parameters import RequestParameters

__all__ = ["RequestParameters"]
