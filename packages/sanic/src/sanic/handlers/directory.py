"""``sanic.handlers.directory``: ``DirectoryHandler``."""

from hurtle_app.static import DirectoryHandler
from hurtle_app.static import DirectoryPage as DirectoryPage
from hurtle_app.static import FileInfo as FileInfo
from hurtle_http.exceptions import NotFound as NotFound
from hurtle_http.request.types import Request as Request
from hurtle_http.response.convenience import html as html
from hurtle_http.response.convenience import redirect as redirect
from hurtle_http.response.file import file as file

__all__ = ["DirectoryHandler", "DirectoryPage", "FileInfo"]
