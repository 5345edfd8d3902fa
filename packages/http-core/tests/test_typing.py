"""``hurtle_http`` passes mypy with the workspace's settings: it ships ``py.typed``, so the
hints of its public API (``Request``'s attributes, ``file()``, the websocket calls...) are
what users' type checkers read, and they must say what the code does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import hurtle_http

ROOT = Path(__file__).resolve().parents[3]


def test_hurtle_http_type_checks_clean(tmp_path: Path) -> None:
    source = Path(hurtle_http.__file__).parent
    proc = subprocess.run(
        [
            sys.executable, "-m", "mypy",
            "--config-file", str(ROOT / "pyproject.toml"),
            "--cache-dir", str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
