"""``sanic.models.handler_types``: Handler type aliases."""

from hurtle_app.models.handler_types import *  # noqa: F403 - the same names, listed there once
from hurtle_app.models.handler_types import __all__ as __all__
from hurtle_http.response.types import BaseHTTPResponse as BaseHTTPResponse
from hurtle_http.response.types import HTTPResponse as HTTPResponse
