"""The inspector service and client for a running Hurtle server."""

from hurtle_inspector.__about__ import __version__

__all__ = ["__version__"]
