"""``sanic.models.http_types``: HTTP data types."""

from hurtle_http.request.types import Credentials

__all__ = ["Credentials"]
