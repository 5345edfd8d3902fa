"""One virtualenv per benchmark target, under a cache folder outside the repository.

Each environment is created with ``uv`` (installed with pip if missing) and re-synced only
when what it should hold changes (a stamp file records the requirement list, and for Hurtle
a hash of the workspace packages' ``pyproject.toml`` files).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["CACHE", "ENV_REQUIREMENTS", "REPO", "EnvError", "ensure_env", "env_python", "uv"]

REPO = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("HURTLE_BENCH_ENVS", Path.home() / ".cache" / "hurtle" / "bench-envs"))

# The package set of each environment. Hurtle's is filled from the workspace at run time.
ENV_REQUIREMENTS: dict[str, list[str]] = {
    "hurtle": [],
    "sanic": ["sanic==25.12.0"],
    "uvicorn": ["uvicorn>=0.30", "httptools>=0.6", "uvloop>=0.19", "starlette>=0.37"],
}


class EnvError(RuntimeError):
    """An environment could not be created or installed."""


def uv() -> list[str]:
    """The command that runs ``uv``, installing it with pip for this Python if needed."""
    exe = shutil.which("uv")
    if exe:
        return [exe]
    try:
        import uv as _uv  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "uv"], check=True)
    return [sys.executable, "-m", "uv"]


def env_python(name: str) -> Path:
    """The interpreter of environment ``name`` (it may not exist yet)."""
    return CACHE / name / "bin" / "python"


def _requirements(name: str) -> tuple[list[str], str]:
    if name != "hurtle":
        reqs = ENV_REQUIREMENTS[name]
        return reqs, json.dumps(reqs)
    reqs: list[str] = []
    digest = hashlib.sha256()
    for folder in sorted((REPO / "packages").iterdir()):
        meta = folder / "pyproject.toml"
        if meta.is_file():
            reqs += ["-e", str(folder)]
            digest.update(meta.read_bytes())
    return reqs, json.dumps(reqs) + digest.hexdigest()


def ensure_env(name: str, *, log=print) -> Path:
    """Create or update environment ``name``; return its interpreter."""
    if name not in ENV_REQUIREMENTS:
        raise EnvError(f"unknown environment {name!r}; pick one of {sorted(ENV_REQUIREMENTS)}")
    reqs, stamp_text = _requirements(name)
    env = CACHE / name
    python = env_python(name)
    stamp = env / ".bench-stamp"
    if python.exists() and stamp.is_file() and stamp.read_text() == stamp_text:
        return python
    log(f"[env] preparing {env} ...")
    try:
        if not python.exists():
            subprocess.run(
                uv() + ["venv", "--quiet", "--python", sys.executable, str(env)],
                check=True,
                timeout=300,
            )
        subprocess.run(
            uv() + ["pip", "install", "--quiet", "--python", str(python), *reqs],
            check=True,
            timeout=600,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise EnvError(f"could not prepare the {name!r} environment at {env}: {exc}") from exc
    stamp.write_text(stamp_text)
    return python
