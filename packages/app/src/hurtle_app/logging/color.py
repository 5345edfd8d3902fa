"""Terminal colours for log lines (empty strings when colour is off)."""

from __future__ import annotations

import logging
import os
import sys

from hurtle_http.compat import StrEnum


def is_atty() -> bool:
    """Whether standard output is a terminal (log lines are then coloured and aligned)."""
    return bool(sys.stdout and sys.stdout.isatty())


COLORIZE = is_atty() and not os.environ.get("SANIC_NO_COLOR")


class Colors(StrEnum):
    """ANSI escapes used in log output; all empty when output is not a colour terminal."""

    END = "\033[0m" if COLORIZE else ""
    BOLD = "\033[1m" if COLORIZE else ""
    BLUE = "\033[34m" if COLORIZE else ""
    GREEN = "\033[32m" if COLORIZE else ""
    PURPLE = "\033[35m" if COLORIZE else ""
    CYAN = "\033[36m" if COLORIZE else ""
    RED = "\033[31m" if COLORIZE else ""
    YELLOW = "\033[33m" if COLORIZE else ""
    GREY = "\033[38;5;240m" if COLORIZE else ""
    SANIC = "\033[38;2;255;13;104m" if COLORIZE else ""

    def __str__(self) -> str:
        return self.value


LEVEL_COLORS = {
    logging.DEBUG: Colors.BLUE,
    logging.WARNING: Colors.YELLOW,
    logging.ERROR: Colors.RED,
    logging.CRITICAL: Colors.RED + Colors.BOLD if COLORIZE else "",
}

__all__ = ["COLORIZE", "LEVEL_COLORS", "Colors", "is_atty"]
