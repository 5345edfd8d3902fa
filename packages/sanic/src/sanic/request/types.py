"""``sanic.request.types``: The ``Request`` class."""

from typing import Any, TypeVar

from hurtle_http.request import Request

ctx_type = TypeVar("ctx_type", bound=Any)
sanic_type = TypeVar("sanic_type", bound=Any)

__all__ = ["ctx_type", "sanic_type", "Request"]
