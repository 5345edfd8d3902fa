"""Tracebacks coloured for a terminal, as Sanic's debug formatter shows them."""

from __future__ import annotations

import re

from hurtle_app.logging.color import Colors

_FRAME = re.compile(r'^(  File ".*", line )(\d+)(, in )(.*)$')


def color_traceback(text: str) -> str:
    """``text`` (a formatted traceback) with frame line numbers and function names
    highlighted, source lines in yellow and each exception's type and message set off.

    Line by line: ``  File "...", line N, in F`` lines get N and F in colour; lines
    indented by four spaces (source, carets, an exception group's inner lines) are yellow;
    any other line holding ``": "`` is an exception line, its type before the first
    ``": "`` and the message after it in bold. Other lines are left as they are.
    """
    lines = []
    for line in text.split("\n"):
        frame = _FRAME.match(line)
        if frame:
            start, number, middle, function = frame.groups()
            line = (
                f"{start}{Colors.CYAN}{Colors.BOLD}{number}{Colors.END}"
                f"{middle}{Colors.BLUE}{Colors.BOLD}{function}{Colors.END}"
            )
        elif line.startswith("    "):
            line = f"{Colors.YELLOW}{line}{Colors.END}"
        elif ": " in line:
            name, message = line.split(": ", 1)
            line = (
                f"{Colors.SANIC}{Colors.BOLD}{name}{Colors.END}: {Colors.BOLD}{message}{Colors.END}"
            )
        lines.append(line)
    return "\n".join(lines)


__all__ = ["color_traceback"]
