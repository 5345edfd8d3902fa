"""Responses: the response types and the helpers that build them."""

from hurtle_http.response.convenience import empty, html, json, raw, redirect, text
from hurtle_http.response.file import file, file_stream, validate_file
from hurtle_http.response.ranges import ContentRangeHandler
from hurtle_http.response.types import (
    BaseHTTPResponse,
    HTTPResponse,
    JSONResponse,
    ResponseStream,
    json_dumps,
)

__all__ = [
    "BaseHTTPResponse",
    "ContentRangeHandler",
    "HTTPResponse",
    "JSONResponse",
    "ResponseStream",
    "empty",
    "file",
    "file_stream",
    "html",
    "json",
    "json_dumps",
    "raw",
    "redirect",
    "text",
    "validate_file",
]
