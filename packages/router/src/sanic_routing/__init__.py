"""Sanic-compatible URL router: map (method, path, host) to a route, typed parameters, URL building."""

from sanic_routing.__about__ import __version__

__all__ = ["__version__"]
