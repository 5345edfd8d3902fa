#!/usr/bin/env python3
"""Start the demo app on http://127.0.0.1:8000, installing the workspace first if needed.

The framework is installed (editable) into a virtualenv under ~/.cache/hurtle/envs/demo,
so nothing is installed into the system Python.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = Path(os.environ.get("HURTLE_ENVS", Path.home() / ".cache" / "hurtle" / "envs")) / "demo"


def main() -> int:
    python = ENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(ENV)], check=True)
    installs = []
    for folder in sorted((ROOT / "packages").iterdir()):
        if (folder / "pyproject.toml").exists():
            installs += ["-e", str(folder)]
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        + installs,
        check=True,
    )
    os.execv(str(python), [str(python), str(ROOT / "examples" / "demo.py"), *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
