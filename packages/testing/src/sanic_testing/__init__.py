"""Test clients for Sanic-compatible apps (sanic_testing API)."""

from sanic_testing.__about__ import __version__

__all__ = ["__version__"]
