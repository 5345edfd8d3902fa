"""``sanic.handlers.error``: ``ErrorHandler``."""

import hurtle_app.handlers.error as _error_module
from hurtle_app.app import error_logger as error_logger
from hurtle_app.errorpages import BaseRenderer as BaseRenderer
from hurtle_app.errorpages import TextRenderer as TextRenderer
from hurtle_app.errorpages import exception_response as exception_response
from hurtle_app.handlers import ErrorHandler
from hurtle_app.models.handler_types import RouteHandler as RouteHandler
from hurtle_http.exceptions import ServerError as ServerError
from hurtle_http.request.types import Request as Request
from hurtle_http.response.convenience import text as text
from hurtle_http.response.types import HTTPResponse as HTTPResponse
from sanic._patching import forward_patches

# a patched ``error_logger`` here is the one the error handler logs with
forward_patches(__name__, {"error_logger": (_error_module,)})

# What a star import of Sanic's module (no ``__all__``) gives: the class and its imports.
__all__ = [
    "BaseRenderer",
    "ErrorHandler",
    "HTTPResponse",
    "Request",
    "RouteHandler",
    "ServerError",
    "TextRenderer",
    "error_logger",
    "exception_response",
    "text",
]
