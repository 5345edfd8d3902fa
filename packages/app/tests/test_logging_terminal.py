"""Log lines on a colour terminal (standard output a pseudo-terminal), as Sanic's.

Colours are chosen when ``hurtle_app.logging`` is imported, so each case runs in a child
Python whose standard output is a pseudo-terminal and whose standard error is read back.
"""

from __future__ import annotations

import ast
import os
import pty
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

YELLOW, RED, CYAN, BLUE, BOLD, END = (
    "\033[33m",
    "\033[31m",
    "\033[36m",
    "\033[34m",
    "\033[1m",
    "\033[0m",
)
SANIC = "\033[38;2;255;13;104m"


def _on_a_terminal(code: str, tmp_path: Path) -> str:
    """Run ``code`` with standard output on a pseudo-terminal; its standard error."""
    script = tmp_path / "on_a_terminal.py"
    script.write_text(textwrap.dedent(code))
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, str(script)],
            stdout=follower,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=60,
            env={**os.environ, "SANIC_NO_COLOR": ""},
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 0, done.stderr.decode()
    return done.stderr.decode()


def test_formatters_made_before_setup_know_the_terminal(tmp_path: Path) -> None:
    # A log_config's formatters are made when the app is built, before setup_logging:
    # they still have the terminal look (Sanic decides at import).
    out = _on_a_terminal(
        """
        import logging, sys
        from hurtle_app.logging.formatter import AutoFormatter, ProdFormatter
        print(AutoFormatter.ATTY, file=sys.stderr)
        record = logging.LogRecord("sanic.root", logging.WARNING, "a.py", 1, "m", (), None)
        print(repr(ProdFormatter().format(record)), file=sys.stderr)
        """,
        tmp_path,
    )
    attty, line = out.splitlines()
    assert attty == "True"
    assert f"{YELLOW}WARNING{END}" in ast.literal_eval(line) and "\033[1000D" in ast.literal_eval(
        line
    )


def test_legacy_levels_are_coloured_on_a_terminal(tmp_path: Path) -> None:
    out = _on_a_terminal(
        """
        import logging, sys
        from hurtle_app.logging.formatter import LegacyFormatter
        for level in (logging.WARNING, logging.ERROR):
            record = logging.LogRecord("sanic.root", level, "a.py", 1, "m", (), None)
            print(repr(LegacyFormatter().format(record)), file=sys.stderr)
        """,
        tmp_path,
    )
    warning, error = out.splitlines()
    assert f"[{YELLOW}WARNING{END}] m" in ast.literal_eval(warning)
    assert f"[{RED}ERROR{END}] m" in ast.literal_eval(error)


def test_the_debug_formatter_colours_tracebacks_on_a_terminal(tmp_path: Path) -> None:
    out = _on_a_terminal(
        """
        import logging, sys
        from hurtle_app.logging.formatter import DebugFormatter, ProdFormatter

        def fail():
            raise ValueError("boom")

        try:
            fail()
        except ValueError:
            info = sys.exc_info()
        print(repr(DebugFormatter().formatException(info)), file=sys.stderr)
        print(repr(ProdFormatter().formatException(info)), file=sys.stderr)
        """,
        tmp_path,
    )
    debug, prod = (ast.literal_eval(line).split("\n") for line in out.splitlines())
    assert debug[0] == "Traceback (most recent call last):"
    assert debug[-3].endswith(f", line {CYAN}{BOLD}6{END}, in {BLUE}{BOLD}fail{END}")
    assert debug[-2] == f'{YELLOW}    raise ValueError("boom"){END}'
    assert debug[-1] == f"{SANIC}{BOLD}ValueError{END}: {BOLD}boom{END}"
    assert prod[-1] == "ValueError: boom"  # only the debug look colours tracebacks
