"""The API levels Hurtle implements, as ``sanic --version`` reports them."""

from __future__ import annotations

from hurtle_app.__about__ import __sanic_version__ as SANIC_VERSION
from hurtle_app.__about__ import __version__ as HURTLE_VERSION
from sanic_routing import __version__ as ROUTING_VERSION


def version_line() -> str:
    """``Sanic 25.12.0; Routing 23.12.0``: the line Sanic's ``--version`` prints."""
    return f"Sanic {SANIC_VERSION}; Routing {ROUTING_VERSION}"


__all__ = ["HURTLE_VERSION", "ROUTING_VERSION", "SANIC_VERSION", "version_line"]
