"""``sanic.worker.inspector``: the inspector process (from ``hurtle_inspector``)."""

from hurtle_app.log import logger as logger
from hurtle_http.exceptions import Unauthorized as Unauthorized
from hurtle_http.request.types import Request as Request
from hurtle_http.response.convenience import json as json
from hurtle_http.response.file import Default as Default
from hurtle_inspector.inspector import Inspector

__all__ = ["Inspector"]
