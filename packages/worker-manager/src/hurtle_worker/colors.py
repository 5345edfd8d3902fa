"""Terminal colours for the manager's debug lines (empty unless standard output is a
colour terminal), as Sanic colours them."""

from __future__ import annotations

import os
import sys

COLORIZE = bool(sys.stdout and sys.stdout.isatty()) and not os.environ.get("SANIC_NO_COLOR")

BLUE = "\033[34m" if COLORIZE else ""
BOLD = "\033[1m" if COLORIZE else ""
SANIC = "\033[38;2;255;13;104m" if COLORIZE else ""
END = "\033[0m" if COLORIZE else ""

#: ``Starting a process: NAME`` (NAME bold, in Sanic's colour); "[PID]" follows in blue.
PROCESS_LINE = BLUE + "{what}: " + BOLD + SANIC + "%s" + END
PROCESS_PID_LINE = BLUE + "{what}: " + BOLD + SANIC + "%s " + BLUE + "[%s]" + END


def process_line(what: str, with_pid: bool = False) -> str:
    """The log template for ``what: NAME`` (``what: NAME [PID]`` when ``with_pid``)."""
    return (PROCESS_PID_LINE if with_pid else PROCESS_LINE).format(what=what)


__all__ = ["BLUE", "BOLD", "COLORIZE", "END", "SANIC", "process_line"]
