"""``sanic.response``: Responses: ``text``, ``json``, ``html``, ``file``, streaming ..."""

from hurtle_http.response import (
    BaseHTTPResponse,
    HTTPResponse,
    JSONResponse,
    ResponseStream,
    empty,
    file,
    file_stream,
    html,
    json,
    json_dumps,
    raw,
    redirect,
    text,
    validate_file,
)

__all__ = [
    "BaseHTTPResponse",
    "HTTPResponse",
    "JSONResponse",
    "ResponseStream",
    "empty",
    "json",
    "text",
    "raw",
    "html",
    "validate_file",
    "file",
    "redirect",
    "file_stream",
    "json_dumps",
]

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
