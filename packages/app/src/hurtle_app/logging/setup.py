"""``setup_logging``: pick the formatters for the app's mode (debug or production)."""

from __future__ import annotations

from typing import Any

from hurtle_app.helpers import Default, _default
from hurtle_app.logging.color import is_atty
from hurtle_app.logging.formatter import (
    AutoAccessFormatter,
    AutoFormatter,
    DebugAccessFormatter,
    DebugFormatter,
    ProdAccessFormatter,
    ProdFormatter,
)
from hurtle_app.logging.loggers import (
    access_logger,
    error_logger,
    logger,
    server_logger,
    websockets_logger,
)


def setup_logging(
    debug: bool, no_color: bool = False, log_extra: bool | Default = _default
) -> None:
    """Give handlers that use the ``Auto*`` formatters the debug or production look."""
    AutoFormatter.SETUP = True
    AutoFormatter.ATTY = is_atty()
    AutoFormatter.NO_COLOR = no_color
    # Unset, ``LOG_EXTRA`` follows the mode: extra fields in debug logs only (Sanic 25.12).
    AutoFormatter.LOG_EXTRA = debug if isinstance(log_extra, Default) else bool(log_extra)
    for lg in (logger, error_logger, server_logger, websockets_logger, access_logger):
        for handler in lg.handlers:
            formatter = handler.formatter
            if type(formatter) is AutoFormatter:
                handler.setFormatter(DebugFormatter() if debug else ProdFormatter())
            elif type(formatter) is AutoAccessFormatter:
                handler.setFormatter(DebugAccessFormatter() if debug else ProdAccessFormatter())


def name_log_lines(ident: str) -> None:
    """Make this process's log lines start with ``ident`` (``Srv 0``), also through the
    formatters made before it was known: a forked worker's, inherited from the main
    process, would still say ``Main``."""
    for lg in (logger, error_logger, server_logger, websockets_logger, access_logger):
        for handler in lg.handlers:
            if isinstance(handler.formatter, AutoFormatter):
                handler.formatter.IDENT = ident


def apply_log_formatters(app: Any) -> None:
    """Give the log handlers the debug or production look of ``app``'s mode, with its
    ``NO_COLOR`` and ``LOG_EXTRA`` (as Sanic does when it prepares a server, in the main
    process and again in each worker); nothing for an app built with
    ``configure_logging=False``."""
    if not getattr(app, "configure_logging", True):
        return
    config = app.config
    setup_logging(app.debug, bool(config.get("NO_COLOR", False)), config.get("LOG_EXTRA"))


__all__ = ["apply_log_formatters", "name_log_lines", "setup_logging"]
