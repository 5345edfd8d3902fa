"""``sanic.router``: The app router."""

from hurtle_app.constants import HTTP_METHODS as HTTP_METHODS
from hurtle_app.errorpages import check_error_format as check_error_format
from hurtle_app.models.handler_types import RouteHandler as RouteHandler
from hurtle_app.router import Router
from hurtle_http.exceptions import MethodNotAllowed as MethodNotAllowed
from hurtle_http.exceptions import NotFound as NotFound
from hurtle_http.exceptions import SanicException as SanicException
from sanic_routing.route import Route as Route

__all__ = ["Router"]
