"""``sanic.http.stream``: the base type of a request's stream (``request.stream``)."""

from hurtle_http.http import Http as Stream
from hurtle_http.stages import Stage

__all__ = ["Stage", "Stream"]
