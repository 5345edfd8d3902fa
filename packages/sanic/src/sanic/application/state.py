"""``sanic.application.state``: ``ApplicationState``."""

from hurtle_app.state import ApplicationState

__all__ = ["ApplicationState"]
