"""``sanic.models.server_types``: Server data types."""

from hurtle_app.signals import Signal
from hurtle_http.conninfo import ConnInfo

__all__ = ["ConnInfo", "Signal"]
