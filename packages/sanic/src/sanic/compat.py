"""``sanic.compat``: Compatibility helpers."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.constants import UpperStrEnum
from hurtle_http.headers import Header
from hurtle_http.response.file import Default as Default

__all__ = ["Header", "UpperStrEnum"]
