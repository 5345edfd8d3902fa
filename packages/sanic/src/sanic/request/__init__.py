"""``sanic.request``: The request object and its parts."""

from hurtle_http.request import File, RequestParameters
from sanic.request.form import parse_multipart_form
from sanic.request.types import Request

__all__ = ["File", "Request", "RequestParameters", "parse_multipart_form"]

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
