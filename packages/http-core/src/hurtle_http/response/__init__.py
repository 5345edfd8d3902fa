"""Responses: the response types and the helpers that build them."""

from hurtle_http.response.convenience import empty, html, json, raw, redirect, text
from hurtle_http.response.types import (
    BaseHTTPResponse,
    HTTPResponse,
    JSONResponse,
    ResponseStream,
    json_dumps,
)

__all__ = [
    "BaseHTTPResponse",
    "HTTPResponse",
    "JSONResponse",
    "ResponseStream",
    "empty",
    "html",
    "json",
    "json_dumps",
    "raw",
    "redirect",
    "text",
]
