"""``sanic_routing`` passes mypy with the workspace's settings: it ships ``py.typed``, so
its hints (``Route``, ``ParamInfo``, the router's API) are what plugins' type checkers
read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sanic_routing

ROOT = Path(__file__).resolve().parents[3]


def test_sanic_routing_type_checks_clean(tmp_path: Path) -> None:
    source = Path(sanic_routing.__file__).parent
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
