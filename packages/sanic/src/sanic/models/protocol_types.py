"""``sanic.models.protocol_types``: Structural types."""

from hurtle_app.models.protocol_types import HTMLProtocol, Range, TransportProtocol

__all__ = ["HTMLProtocol", "Range", "TransportProtocol"]
