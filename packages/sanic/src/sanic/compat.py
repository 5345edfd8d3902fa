"""``sanic.compat``: Compatibility helpers."""

from hurtle_app.constants import UpperStrEnum
from hurtle_http.headers import Header

__all__ = ["Header", "UpperStrEnum"]
