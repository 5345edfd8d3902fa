"""``sanic.models.asgi``: ASGI transport stand-ins."""

from hurtle_app.models.asgi import MockProtocol, MockTransport

__all__ = ["MockProtocol", "MockTransport"]
