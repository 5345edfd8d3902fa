"""``sanic.handlers.directory``: ``DirectoryHandler``."""

from hurtle_app.static import DirectoryHandler

__all__ = ["DirectoryHandler"]
