"""``sanic.errorpages``: Error page renderers."""

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
]
