"""``sanic.response.types``: Response classes."""

from hurtle_http.request import Request
from hurtle_http.response import BaseHTTPResponse, HTTPResponse, JSONResponse, ResponseStream

__all__ = ["BaseHTTPResponse", "HTTPResponse", "JSONResponse", "ResponseStream", "Request"]
