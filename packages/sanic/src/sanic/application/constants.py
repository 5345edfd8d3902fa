"""``sanic.application.constants``: Run modes and server kinds."""

from hurtle_app.state import Mode, Server, ServerStage
from hurtle_http.compat import StrEnum

__all__ = ["StrEnum", "Mode", "Server", "ServerStage"]
