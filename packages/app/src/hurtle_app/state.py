"""``app.state``: where and how the app runs (mode, address, running flags)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import Any


class Mode(str, Enum):
    """Production or debug (``app.debug`` reads this)."""

    PRODUCTION = "production"
    DEBUG = "debug"

    def __str__(self) -> str:
        return self.value

    __format__ = str.__format__


class Server(str, Enum):
    """Which server runs the app: Hurtle's own, or an ASGI server."""

    SANIC = "sanic"
    ASGI = "asgi"

    def __str__(self) -> str:
        return self.value

    __format__ = str.__format__


class ServerStage(IntEnum):
    """Where a server is in its life."""

    STOPPED = 1
    PARTIAL = 2
    SERVING = 3


@dataclass(eq=False)
class ApplicationServerInfo(Mapping[str, Any]):
    """One server an app runs: its settings (host, port, ssl...), stage and handle.

    It also reads as the mapping of its settings (``info["port"]``), which is how the
    runners use it.
    """

    settings: dict[str, Any]
    stage: ServerStage = ServerStage.STOPPED
    server: Any = None

    def __getitem__(self, key: str) -> Any:
        return self.settings[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.settings)

    def __len__(self) -> int:
        return len(self.settings)


@dataclass
class ApplicationState:
    """The run-time state of one app, set by the runner (``app.run``, ``create_server``)."""

    app: Any
    asgi: bool = False
    coffee: bool = False
    fast: bool = False
    host: str = ""
    port: int = 0
    ssl: Any = None
    sock: Any = None
    unix: str | None = None
    mode: Mode = Mode.PRODUCTION
    reload_dirs: set[Any] = field(default_factory=set)
    auto_reload: bool = False
    server: Server = Server.SANIC
    is_running: bool = False
    is_started: bool = False
    is_stopping: bool = False
    verbosity: int = 0
    workers: int = 0
    primary: bool = True
    server_info: list[Any] = field(default_factory=list)

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        if name == "verbosity":
            # As Sanic: the app's verbosity is what the loggers' filter lets through.
            from hurtle_app.logging.filter import VerbosityFilter

            VerbosityFilter.verbosity = int(value or 0)
        elif name == "mode" and value is Mode.DEBUG:
            # As Sanic: entering debug mode (however it is set) lets ``sanic.root`` log
            # at DEBUG; leaving it does not lower the level again.
            import logging

            logging.getLogger("sanic.root").setLevel(logging.DEBUG)

    @property
    def stage(self) -> ServerStage:
        """SERVING when every server serves, STOPPED when none does, else PARTIAL."""
        stages = {getattr(info, "stage", ServerStage.STOPPED) for info in self.server_info}
        if not stages or stages == {ServerStage.STOPPED}:
            return ServerStage.STOPPED
        if stages == {ServerStage.SERVING}:
            return ServerStage.SERVING
        return ServerStage.PARTIAL

    def set_mode(self, value: str | bool | Mode) -> None:
        """Switch debug/production (``True``/"debug" is debug) and the loggers' levels."""
        import logging

        if isinstance(value, bool):
            value = Mode.DEBUG if value else Mode.PRODUCTION
        try:
            self.mode = Mode(value)
        except ValueError:
            raise ValueError(
                f"Unknown mode {value!r}: use 'debug' or 'production' (or True/False)"
            ) from None
        level = logging.DEBUG if self.mode is Mode.DEBUG else logging.INFO
        logging.getLogger("sanic.root").setLevel(level)

    def set_verbosity(self, value: int) -> None:
        """How much the server logs about itself (0, 1, 2...)."""
        self.verbosity = int(value)

    @property
    def is_debug(self) -> bool:
        """True in debug mode."""
        return self.mode is Mode.DEBUG

    def __repr__(self) -> str:
        return (
            f"ApplicationState(app={self.app!r}, mode={self.mode}, host={self.host!r}, "
            f"port={self.port}, is_running={self.is_running})"
        )


class ServerSignal:
    """A stop flag shared by a server and whoever stops it (``Signal`` in Sanic)."""

    stopped: bool = False


__all__ = [
    "ApplicationServerInfo",
    "ApplicationState",
    "Mode",
    "Server",
    "ServerSignal",
    "ServerStage",
]
