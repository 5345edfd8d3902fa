"""``sanic.request.parameters``: ``RequestParameters``: multi-value query/form mapping."""

from hurtle_http.request import RequestParameters

__all__ = ["RequestParameters"]
