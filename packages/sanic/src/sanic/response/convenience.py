"""``sanic.response.convenience``: Response helper functions."""

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
