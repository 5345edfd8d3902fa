"""``sanic.response.convenience``: Response helper functions."""

from hurtle_app.log import logger as logger
from hurtle_app.models.protocol_types import HTMLProtocol as HTMLProtocol
from hurtle_app.models.protocol_types import Range as Range
from hurtle_http.headers import Header as Header
from hurtle_http.response import (
    empty,
    file,
    file_stream,
    html,
    json,
    raw,
    redirect,
    text,
    validate_file,
)
from hurtle_http.response.file import Default as Default
from hurtle_http.response.types import HTTPResponse as HTTPResponse
from hurtle_http.response.types import JSONResponse as JSONResponse
from hurtle_http.response.types import ResponseStream as ResponseStream

__all__ = [
    "empty",
    "file",
    "file_stream",
    "html",
    "json",
    "raw",
    "redirect",
    "text",
    "validate_file",
]
