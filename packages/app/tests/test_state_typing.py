"""``hurtle_app.state`` (``Mode``, ``Server`` and their ``StrEnum``) passes mypy with the
workspace's settings: apps' type checkers read these hints (``app.state.mode``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hurtle_app import state

ROOT = Path(__file__).resolve().parents[3]


def test_the_state_module_type_checks_clean(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable, "-m", "mypy",
            "--config-file", str(ROOT / "pyproject.toml"),
            "--cache-dir", str(tmp_path),
            state.__file__,
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
