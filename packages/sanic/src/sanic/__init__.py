"""Hurtle, under Sanic's import name: ``from sanic import Sanic`` works unchanged."""

from sanic.__about__ import __hurtle_version__, __version__
from sanic.app import Sanic

__all__ = ["Sanic", "__hurtle_version__", "__version__"]
