"""``sanic.__version__``: the Sanic API level Hurtle implements."""

from sanic.__about__ import __version__

__all__ = ["__version__"]
