"""``sanic.server.loop``: Event loop helpers."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.compat import OS_IS_WINDOWS
from hurtle_app.utils import str_to_bool as str_to_bool
from hurtle_http.server import try_use_uvloop


def try_windows_loop() -> None:
    """Use the selector event loop on Windows (no-op elsewhere)."""
    if OS_IS_WINDOWS:  # pragma: no cover - Windows only
        import asyncio

        asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())  # type: ignore[attr-defined]


__all__ = ["OS_IS_WINDOWS", "try_use_uvloop", "try_windows_loop"]
