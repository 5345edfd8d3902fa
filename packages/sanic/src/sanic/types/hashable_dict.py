"""``sanic.types.hashable_dict``: ``HashableDict``."""

from sanic.types import HashableDict

__all__ = ["HashableDict"]
