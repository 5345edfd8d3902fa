"""Exceptions raised by the router; the framework maps them to HTTP errors."""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterable

__all__ = [
    "BaseException",
    "BadMethod",
    "FinalizationError",
    "InvalidUsage",
    "NoMethod",
    "NotFound",
    "ParameterNameConflicts",
    "RouteExists",
]


class BaseException(builtins.Exception):
    """Base class of every error the router raises."""


class NotFound(BaseException):
    """No route matches the path (and requirements such as the host)."""

    def __init__(self, message: str = "Not Found", path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class BadMethod(BaseException):
    """A route was declared with a method the router does not allow."""


class NoMethod(BaseException):
    """A route matches the path, but not with this HTTP method."""

    def __init__(
        self,
        message: str = "Method does not exist",
        method: str | None = None,
        allowed_methods: Iterable[str] | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message)
        self.method = method
        self.allowed_methods = frozenset(allowed_methods) if allowed_methods is not None else None
        self.path = path


class FinalizationError(BaseException):
    """The router was used in the wrong phase (add after finalize, resolve before)."""


class InvalidUsage(BaseException):
    """A route declaration or a router call is malformed."""


class InvalidRegex(InvalidUsage, re.error):
    """A route parameter's (or registered pattern's) regular expression does not compile.

    sanic-routing lets Python's ``re.error`` through here; this is also that type, so code
    catching it keeps working, with a message naming the parameter.
    """

    def __init__(self, message: str, cause: re.error) -> None:
        builtins.Exception.__init__(self, message)
        self.msg = cause.msg
        self.pattern = cause.pattern
        self.pos = cause.pos
        self.lineno = cause.lineno
        self.colno = cause.colno


class RouteExists(BaseException):
    """A route with this path, method and requirements is already registered."""


class ParameterNameConflicts(BaseException):
    """A path declares the same parameter name twice."""
