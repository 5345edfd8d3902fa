"""Constants of the Sanic API (HTTP methods, local certificate creators), from the HTTP core."""

from hurtle_http.constants import (
    CACHEABLE_HTTP_METHODS,
    DEFAULT_HTTP_CONTENT_TYPE,
    DEFAULT_LOCAL_TLS_CERT,
    DEFAULT_LOCAL_TLS_KEY,
    HTTP_METHODS,
    IDEMPOTENT_HTTP_METHODS,
    SAFE_HTTP_METHODS,
    HTTPMethod,
    LocalCertCreator,
    UpperStrEnum,
)

__all__ = [
    "CACHEABLE_HTTP_METHODS",
    "DEFAULT_HTTP_CONTENT_TYPE",
    "DEFAULT_LOCAL_TLS_CERT",
    "DEFAULT_LOCAL_TLS_KEY",
    "HTTP_METHODS",
    "IDEMPOTENT_HTTP_METHODS",
    "SAFE_HTTP_METHODS",
    "HTTPMethod",
    "LocalCertCreator",
    "UpperStrEnum",
]
