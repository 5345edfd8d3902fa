"""Small helpers of the Sanic API: the ``Default`` sentinel, header and status predicates."""

from __future__ import annotations

import sys
from importlib import import_module
from inspect import ismodule
from typing import Any

from hurtle_http.exceptions import STATUS_CODES
from hurtle_http.response.file import Default, _default
from hurtle_http.response.types import has_message_body

_ENTITY_HEADERS = frozenset(
    [
        "allow",
        "content-encoding",
        "content-language",
        "content-length",
        "content-location",
        "content-md5",
        "content-range",
        "content-type",
        "expires",
        "last-modified",
        "extension-header",
    ]
)
_HOP_BY_HOP_HEADERS = frozenset(
    [
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailers",
        "transfer-encoding",
        "upgrade",
    ]
)


def is_entity_header(header: str) -> bool:
    """Whether ``header`` describes the body (``Content-Type``, ``Content-Length`` ...)."""
    return header.lower() in _ENTITY_HEADERS


def is_hop_by_hop_header(header: str) -> bool:
    """Whether ``header`` concerns only this connection (``Connection``, ``Upgrade`` ...)."""
    return header.lower() in _HOP_BY_HOP_HEADERS


def is_atty() -> bool:
    """Whether standard output is a terminal."""
    return bool(sys.stdout and sys.stdout.isatty())


def import_string(module_name: str, package: str | None = None) -> Any:
    """Import ``"pkg.module.attr"``: a module, or what calling the attribute returns.

    As Sanic's: a class gives an instance, a function (a factory) its result. An attribute
    that cannot be called is returned as it is (Sanic fails with a ``TypeError``).
    """
    if "." not in module_name:  # Sanic fails to unpack such a name; it is a module here
        return import_module(module_name, package=package)
    module, _, klass = module_name.rpartition(".")
    obj = getattr(import_module(module, package=package), klass)
    if ismodule(obj):
        return obj
    return obj() if callable(obj) else obj


def guess_content_type(file_path: Any, fallback: str = "application/octet-stream") -> str:
    """The Content-Type for a file name: text types get ``; charset=utf-8``."""
    from mimetypes import guess_type

    guessed = guess_type(str(file_path))[0]
    if guessed is None:
        return fallback
    return f"{guessed}; charset=utf-8" if guessed.startswith("text/") else guessed


__all__ = [
    "STATUS_CODES",
    "Default",
    "_default",
    "guess_content_type",
    "has_message_body",
    "import_string",
    "is_atty",
    "is_entity_header",
    "is_hop_by_hop_header",
]
