"""``sanic.response.convenience``: Response helper functions."""

from hurtle_app.compat import open_async as open_async
from hurtle_app.constants import DEFAULT_HTTP_CONTENT_TYPE as DEFAULT_HTTP_CONTENT_TYPE
from hurtle_app.helpers import guess_content_type as guess_content_type
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
    "guess_content_type",
]
