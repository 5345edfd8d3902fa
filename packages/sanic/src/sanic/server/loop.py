"""``sanic.server.loop``: Event loop helpers."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.utils import str_to_bool as str_to_bool
from hurtle_http.server import try_use_uvloop

__all__ = ["try_use_uvloop"]
