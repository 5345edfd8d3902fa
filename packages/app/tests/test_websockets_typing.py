"""``hurtle_app.websockets`` passes mypy with the workspace's settings (the websocket
route handler's attributes are declared, its error path takes what it is given)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hurtle_app import websockets

ROOT = Path(__file__).resolve().parents[3]


def test_the_websockets_module_type_checks_clean(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable, "-m", "mypy",
            "--config-file", str(ROOT / "pyproject.toml"),
            "--cache-dir", str(tmp_path),
            websockets.__file__,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
