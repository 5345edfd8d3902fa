"""Constants of the Sanic API: HTTP methods and local certificate creators."""

from __future__ import annotations

from enum import StrEnum, auto
from typing import Any


class UpperStrEnum(StrEnum):
    """A string enum whose automatic values are the upper-cased member names."""

    @staticmethod
    def _generate_next_value_(name: str, start: int, count: int, last_values: list[Any]) -> str:
        return name.upper()

    def __str__(self) -> str:
        return str(self.value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.value == other.upper()
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(self.value)


class HTTPMethod(UpperStrEnum):
    """The HTTP methods route decorators accept."""

    GET = auto()
    POST = auto()
    PUT = auto()
    HEAD = auto()
    OPTIONS = auto()
    PATCH = auto()
    DELETE = auto()


class LocalCertCreator(UpperStrEnum):
    """How a local development TLS certificate is created."""

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
    "HTTPMethod",
    "HTTP_METHODS",
    "IDEMPOTENT_HTTP_METHODS",
    "LocalCertCreator",
    "SAFE_HTTP_METHODS",
    "UpperStrEnum",
]
