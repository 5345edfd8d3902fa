"""``sanic.models.asgi``: ASGI transport stand-ins."""

from hurtle_app.models.asgi import MockProtocol, MockTransport
from hurtle_app.models.protocol_types import TransportProtocol as TransportProtocol
from hurtle_http.exceptions import BadRequest as BadRequest

__all__ = ["MockProtocol", "MockTransport"]
