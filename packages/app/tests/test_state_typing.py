"""``hurtle_app.state`` (``Mode``, ``Server`` and their ``StrEnum``) passes mypy with the
workspace's settings: apps' type checkers read these hints (``app.state.mode``). So does
``hurtle_app.websockets`` (the websocket route handler's attributes are declared)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hurtle_app import state, websockets

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("module", [state, websockets], ids=["state", "websockets"])
def test_the_module_type_checks_clean(tmp_path: Path, module: Any) -> None:
    proc = subprocess.run(
        [
            sys.executable, "-m", "mypy",
            "--config-file", str(ROOT / "pyproject.toml"),
            "--cache-dir", str(tmp_path),
            module.__file__,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_members_format_is_still_its_text() -> None:
    assert f"{state.Mode.DEBUG}" == "debug"
    assert f"{state.Server.ASGI:>6}|" == "  asgi|"
    assert format(state.Mode.PRODUCTION, "") == "production"
