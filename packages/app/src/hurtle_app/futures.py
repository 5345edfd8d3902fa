"""Registration records: what a route, middleware, listener... decorator asked for.

Registration is data. Both the app and blueprints turn every decorator call into one of
these records; the app applies them to its router and registries, a blueprint keeps them
until it is registered on an app (possibly several times, with different options).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple


class FutureRoute(NamedTuple):
    """A route as declared by ``@route`` / ``add_route`` / ``websocket``."""

    handler: Callable[..., Any]
    uri: str
    methods: frozenset[str] | None
    host: str | list[str] | None
    strict_slashes: bool | None
    stream: bool
    version: int | str | float | None
    name: str | None
    ignore_body: bool
    websocket: bool
    subprotocols: list[str] | None
    unquote: bool
    static: bool
    version_prefix: str
    error_format: str | None
    route_context: dict[str, Any]


class FutureStatic(NamedTuple):
    """A static file or folder as declared by ``static``."""

    uri: str
    file_or_directory: Path
    pattern: str
    use_modified_since: bool
    use_content_range: bool
    stream_large_files: bool | int
    name: str
    host: str | None
    strict_slashes: bool | None
    content_type: str | None
    resource_type: str | None
    directory_handler: Any
    follow_external_symlink_files: bool
    follow_external_symlink_dirs: bool


class FutureMiddleware(NamedTuple):
    """A request or response middleware: the ``Middleware`` record the decorator made
    (it keeps the priority and when it was defined) and where it attaches."""

    middleware: Any
    attach_to: str


class FutureListener(NamedTuple):
    """A server lifecycle listener."""

    listener: Callable[..., Any]
    event: str
    priority: int = 0


class FutureException(NamedTuple):
    """An exception handler for one or more exception types."""

    handler: Callable[..., Any]
    exceptions: tuple[type[BaseException], ...]


class FutureSignal(NamedTuple):
    """A signal handler."""

    handler: Callable[..., Any]
    event: str
    condition: dict[str, Any] | None
    exclusive: bool
    priority: int = 0


class FutureCommand(NamedTuple):
    """A custom command for ``sanic <app> exec <name>`` (registered by ``@app.command``)."""

    name: str
    func: Callable[..., Any]


def as_methods(methods: Iterable[str] | None, default: str = "GET") -> frozenset[str]:
    """Upper-case method names as a frozenset (``{"GET"}`` when none are given)."""
    if not methods:
        return frozenset({default})
    if isinstance(methods, str):
        return frozenset({methods.upper()})
    return frozenset(m.upper() for m in methods)


def methods_string_message(methods: str) -> str:
    """What to say when a route's ``methods`` is one string instead of a list of them.

    Sanic iterates the string and refuses its letters as methods (``BadMethod``).
    """
    return (
        f"Bad method: {sorted(set(methods.upper()))}. A route's methods are a list of "
        f"method names, such as methods=[{methods.upper()!r}], not the string {methods!r}"
    )


def check_host(host: Any) -> None:
    """Refuse an empty list of hosts (Sanic: a ``TypeError`` at the decorator), which
    would otherwise register a route no request can reach."""
    if isinstance(host, (list, set)) and not host:
        raise TypeError(
            f"host= takes a host name or a non-empty list of host names, not {host!r}; "
            "leave it out to serve the route on every host"
        )


def check_version(version: Any) -> None:
    """Refuse a route ``version`` Sanic cannot take: one that is not hashable (a list).

    Sanic fails on a ``TypeError`` (unhashable type) at the decorator; the same type here.
    """
    try:
        hash(version)
    except TypeError:
        raise TypeError(
            f"A route version is a number or a string, such as version=1 or version='1.1', "
            f"not {version!r}"
        ) from None


__all__ = [
    "FutureCommand",
    "FutureException",
    "FutureListener",
    "FutureMiddleware",
    "FutureRoute",
    "FutureSignal",
    "FutureStatic",
    "as_methods",
    "check_host",
    "check_version",
    "methods_string_message",
]
