"""``sanic.handlers.content_range``: ``ContentRangeHandler``."""

from hurtle_app.models.protocol_types import Range as Range
from hurtle_app.static import ContentRangeHandler
from hurtle_http.exceptions import HeaderNotFound as HeaderNotFound
from hurtle_http.exceptions import InvalidRangeType as InvalidRangeType
from hurtle_http.exceptions import RangeNotSatisfiable as RangeNotSatisfiable

__all__ = ["ContentRangeHandler"]
