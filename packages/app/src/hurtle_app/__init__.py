"""The Hurtle framework: app, routes, middleware, blueprints, listeners, signals, errors, config."""

from hurtle_app.__about__ import __version__

__all__ = ["__version__"]
