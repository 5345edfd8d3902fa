"""The manager's process lines in a colour terminal, as Sanic colours them."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

CHILD = """
import sys
from hurtle_worker import multiplexer, process
print(repr(process._STARTING % "Sanic-Server-0-0"), file=sys.stderr)
print(repr(process._TERMINATING % ("Sanic-Server-0-0", 12)), file=sys.stderr)
print(repr(multiplexer._ACK % ("Sanic-Server-0-0", 12)), file=sys.stderr)
"""


def _lines(tmp_path: Path, terminal: bool) -> list[str]:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "SANIC_NO_COLOR": ""}
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, str(script)],
            stdout=follower if terminal else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=60,
            env=env,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 0, done.stderr.decode()
    return done.stderr.decode().splitlines()


def test_process_lines_are_coloured_on_a_terminal(tmp_path: Path) -> None:
    blue, bold, sanic, end = "\033[34m", "\033[1m", "\033[38;2;255;13;104m", "\033[0m"
    assert _lines(tmp_path, terminal=True) == [
        repr(f"{blue}Starting a process: {bold}{sanic}Sanic-Server-0-0{end}"),
        repr(f"{blue}Terminating a process: {bold}{sanic}Sanic-Server-0-0 {blue}[12]{end}"),
        repr(f"{blue}Process ack: {bold}{sanic}Sanic-Server-0-0 {blue}[12]{end}"),
    ]


def test_process_lines_are_plain_elsewhere(tmp_path: Path) -> None:
    assert _lines(tmp_path, terminal=False) == [
        repr("Starting a process: Sanic-Server-0-0"),
        repr("Terminating a process: Sanic-Server-0-0 [12]"),
        repr("Process ack: Sanic-Server-0-0 [12]"),
    ]
