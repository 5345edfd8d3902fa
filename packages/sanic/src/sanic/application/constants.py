"""``sanic.application.constants``: Run modes and server kinds."""

from enum import IntEnum, StrEnum

from hurtle_app.state import Mode, Server


class ServerStage(IntEnum):
    """Where a server is in its life."""

    STOPPED = 1
    PARTIAL = 2
    SERVING = 3


__all__ = ["StrEnum", "Mode", "Server", "ServerStage"]
