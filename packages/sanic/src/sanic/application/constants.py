"""``sanic.application.constants``: Run modes and server kinds."""

from enum import StrEnum

from hurtle_app.state import Mode, Server, ServerStage

__all__ = ["StrEnum", "Mode", "Server", "ServerStage"]
