"""Sanic-compatible URL router: map (method, path, host) to a route, typed parameters,
URL building. Import name and public API of the ``sanic-routing`` package."""

from sanic_routing.__about__ import __version__
from sanic_routing.group import RouteGroup
from sanic_routing.route import Requirements, Route
from sanic_routing.router import BaseRouter

__all__ = ["BaseRouter", "Requirements", "Route", "RouteGroup", "__version__"]
