"""``sanic.handlers``: Error, content-range and directory handlers."""

from hurtle_app.handlers import ErrorHandler
from hurtle_app.static import ContentRangeHandler, DirectoryHandler

__all__ = ["ErrorHandler", "ContentRangeHandler", "DirectoryHandler"]

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
