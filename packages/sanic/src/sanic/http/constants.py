"""``sanic.http.constants``: HTTP stages."""

from hurtle_app.http_versions import HTTP as HTTP
from hurtle_http.stages import Stage

__all__ = ["Stage", "HTTP"]
