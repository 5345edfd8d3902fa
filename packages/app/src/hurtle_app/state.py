"""``app.state``: where and how the app runs (mode, address, running flags)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import Any


class StrEnum(str, Enum):
    """The base of ``Mode`` and ``Server`` (``sanic.application.constants.StrEnum``):
    text members that, as Sanic's, equal nothing (``app.state.mode == Mode.DEBUG`` and
    ``== "debug"`` are false, ``!=`` compares the text); ``auto()`` gives the lower-cased
    member name. Code written against Sanic never took such an equality branch, so
    neither does it here: Hurtle itself tells the members apart with ``is``."""

    @staticmethod
    def _generate_next_value_(name: str, start: int, count: int, last_values: list) -> str:
        return name.lower()

    def __str__(self) -> str:
        return self.value

    def __format__(self, format_spec: str) -> str:
        return str.__format__(self, format_spec)

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = str.__hash__


class Mode(StrEnum):
    """Production or debug (``app.debug`` reads this)."""

    PRODUCTION = "production"
    DEBUG = "debug"


class Server(StrEnum):
    """Which server runs the app: Hurtle's own, or an ASGI server."""

    SANIC = "sanic"
    ASGI = "asgi"


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
        """Sanic's hook for a new mode; called directly it changes nothing, as Sanic's
        (whatever ``value``): the mode is set by assigning ``app.state.mode``."""

    def set_verbosity(self, value: int) -> None:
        """What the loggers let through (0, 1, 2...); as Sanic's hook, ``state.verbosity``
        is left as it is (assigning ``app.state.verbosity`` sets both)."""
        from hurtle_app.logging.filter import VerbosityFilter

        VerbosityFilter.verbosity = int(value or 0)

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
    "StrEnum",
]
