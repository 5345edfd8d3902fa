"""Hurtle: a drop-in, faster replacement for Sanic (meta-package, import name `sanic`)."""

from sanic.__about__ import __version__

__all__ = ["__version__"]
