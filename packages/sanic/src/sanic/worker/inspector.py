"""``sanic.worker.inspector``: the inspector process (from ``hurtle_inspector``)."""

from hurtle_inspector.inspector import Inspector

__all__ = ["Inspector"]
