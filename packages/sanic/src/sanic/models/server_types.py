"""``sanic.models.server_types``: Server data types."""

from hurtle_app.state import ServerSignal as Signal
from hurtle_http.conninfo import ConnInfo
from sanic.models.protocol_types import TransportProtocol

__all__ = ["ConnInfo", "Signal", "TransportProtocol"]
