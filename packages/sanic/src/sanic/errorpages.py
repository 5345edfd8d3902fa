"""``sanic.errorpages``: Error page renderers."""

from hurtle_app.errorpages import CONFIG_BY_MIME as CONFIG_BY_MIME
from hurtle_app.errorpages import (
    DEFAULT_FORMAT,
    FALLBACK_STATUS,
    FALLBACK_TEXT,
    MIME_BY_CONFIG,
    RENDERERS_BY_CONTENT_TYPE,
    RESPONSE_MAPPING,
    BaseRenderer,
    HTMLRenderer,
    JSONRenderer,
    TextRenderer,
    check_error_format,
    escape,
    exception_response,
    guess_mime,
)
from hurtle_app.errorpages import JSON as JSON
from hurtle_app.errorpages import dumps as dumps
from hurtle_app.log import logger as logger
from hurtle_app.logging.deprecation import deprecation as deprecation
from hurtle_http.exceptions import BadRequest as BadRequest
from hurtle_http.exceptions import SanicException as SanicException
from hurtle_http.http import STATUS_CODES as STATUS_CODES
from hurtle_http.response.convenience import html as html
from hurtle_http.response.convenience import json as json
from hurtle_http.response.convenience import text as text

__all__ = [
    "BaseRenderer",
    "HTMLRenderer",
    "JSONRenderer",
    "TextRenderer",
    "check_error_format",
    "escape",
    "exception_response",
    "guess_mime",
    "DEFAULT_FORMAT",
    "FALLBACK_TEXT",
    "FALLBACK_STATUS",
    "MIME_BY_CONFIG",
    "RENDERERS_BY_CONTENT_TYPE",
    "RESPONSE_MAPPING",
    "CONFIG_BY_MIME",
    "JSON",
    "dumps",
    # Imported there by Sanic's module too; its star import (no ``__all__``) gives them.
    "BadRequest",
    "SanicException",
    "STATUS_CODES",
    "deprecation",
    "html",
    "json",
    "logger",
    "text",
]
