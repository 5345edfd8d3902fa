"""``sanic.mixins.static``: ``app.static`` and the handler that serves the files."""

from hurtle_app.app import Sanic as StaticHandleMixin
from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import clear_function_annotate as clear_function_annotate
from hurtle_app.futures import FutureStatic
from hurtle_app.helpers import guess_content_type as guess_content_type
from hurtle_app.registration import Registrar as StaticMixin
from hurtle_app.static import ContentRangeHandler, DirectoryHandler
from hurtle_http.exceptions import FileNotFound, HeaderNotFound, RangeNotSatisfiable
from hurtle_http.request import Request
from hurtle_http.response import HTTPResponse, file, file_stream, validate_file
from sanic.base.meta import SanicMeta
from sanic.mixins.base import BaseMixin
from sanic_routing.route import Route

__all__ = [
    "BaseMixin",
    "ContentRangeHandler",
    "DirectoryHandler",
    "FileNotFound",
    "FutureStatic",
    "HTTPResponse",
    "HeaderNotFound",
    "RangeNotSatisfiable",
    "Request",
    "Route",
    "SanicMeta",
    "StaticHandleMixin",
    "StaticMixin",
    "file",
    "file_stream",
    "validate_file",
]
