"""The `sanic` command line."""

from hurtle_cli.__about__ import __version__

__all__ = ["__version__"]
