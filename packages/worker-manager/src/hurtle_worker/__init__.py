"""Start, watch, restart and scale worker processes."""

from hurtle_worker.__about__ import __version__

__all__ = ["__version__"]
