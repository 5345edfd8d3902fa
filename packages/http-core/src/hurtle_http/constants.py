"""HTTP constants under Sanic's names: ``HTTPMethod`` and method classes, default content type."""

from __future__ import annotations

from enum import auto
from typing import Any

from hurtle_http.compat import StrEnum


class UpperStrEnum(StrEnum):
    """A str enum whose ``auto()`` values are the upper-cased member names.

    Members compare equal to their value in any letter case (``HTTPMethod.GET == "get"``).
    """

    @staticmethod
    def _generate_next_value_(name: str, start: int, count: int, last_values: list[Any]) -> str:
        return name.upper()

    def __eq__(self, value: object) -> bool:
        if isinstance(value, str):
            return self.value == value.upper()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.value)

    def __str__(self) -> str:
        return self.value


class HTTPMethod(UpperStrEnum):
    """The HTTP methods the router knows by default."""

    GET = auto()
    POST = auto()
    PUT = auto()
    HEAD = auto()
    OPTIONS = auto()
    PATCH = auto()
    DELETE = auto()


class LocalCertCreator(UpperStrEnum):
    """How a development TLS certificate is made (``auto``, ``trustme`` or ``mkcert``)."""

    AUTO = auto()
    TRUSTME = auto()
    MKCERT = auto()


HTTP_METHODS: tuple[HTTPMethod, ...] = tuple(HTTPMethod.__members__.values())
SAFE_HTTP_METHODS = (HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS)
IDEMPOTENT_HTTP_METHODS = (
    HTTPMethod.GET,
    HTTPMethod.HEAD,
    HTTPMethod.PUT,
    HTTPMethod.DELETE,
    HTTPMethod.OPTIONS,
)
CACHEABLE_HTTP_METHODS = (HTTPMethod.GET, HTTPMethod.HEAD)
DEFAULT_HTTP_CONTENT_TYPE = "application/octet-stream"
DEFAULT_LOCAL_TLS_KEY = "key.pem"
DEFAULT_LOCAL_TLS_CERT = "cert.pem"

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
