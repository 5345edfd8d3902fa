"""``sanic.application.constants``: Run modes and server kinds."""

from hurtle_app.state import Mode, Server, ServerStage, StrEnum

__all__ = ["StrEnum", "Mode", "Server", "ServerStage"]
