"""Drive a server with the load generator (wrk, or ``benchmarks/loadgen.py``) in its own process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .servers import pin_to

__all__ = ["LoadError", "LoadResult", "ensure_wrk", "run_load"]

BENCH_DIR = Path(__file__).resolve().parents[1]
WRK_SCRIPT = BENCH_DIR / "wrk_report.lua"
LOADGEN = BENCH_DIR / "loadgen.py"


class LoadError(RuntimeError):
    """The load generator failed or printed no summary."""


@dataclass
class LoadResult:
    """The summary of one load run."""

    requests: int
    seconds: float
    errors: int
    non2xx: int
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        """Responses per second."""
        return self.requests / self.seconds if self.seconds else 0.0


def ensure_wrk(*, install: bool = True, log=print) -> str | None:
    """The path of ``wrk``; installs it from the system packages (apt) when allowed and root."""
    found = shutil.which("wrk")
    if found or not install:
        return found
    apt = shutil.which("apt-get")
    if not apt or os.geteuid() != 0:
        return None
    log("[load] installing wrk with apt-get ...")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        code = subprocess.run([apt, "install", "-y", "wrk"], env=env, timeout=300, **quiet)
        if code.returncode != 0:
            subprocess.run([apt, "update"], env=env, timeout=300, **quiet)
            subprocess.run([apt, "install", "-y", "wrk"], env=env, timeout=300, **quiet)
    except subprocess.TimeoutExpired:
        return None
    return shutil.which("wrk")


def run_load(
    port: int,
    path: str,
    *,
    duration: int,
    connections: int,
    body_size: int = 0,
    cpu: int | None = None,
    wrk: str | None = None,
    python: str | None = None,
) -> LoadResult:
    """One load run of ``duration`` seconds against ``127.0.0.1:port``."""
    url = f"http://127.0.0.1:{port}{path}"
    env = dict(os.environ, BENCH_BODY_SIZE=str(body_size))
    if wrk:
        argv = [
            wrk, "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "5s",
            "-s", str(WRK_SCRIPT), url,
        ]  # fmt: skip
    else:
        argv = [
            python or "python3", str(LOADGEN), "--port", str(port), "--path", path,
            "--connections", str(connections), "--duration", str(duration),
            "--body-size", str(body_size),
        ]  # fmt: skip
    try:
        proc = subprocess.run(
            argv,
            capture_output=True,
            text=True,
            env=env,
            timeout=duration + 30,
            preexec_fn=pin_to(cpu),
        )
    except subprocess.TimeoutExpired as exc:
        raise LoadError(f"load generator did not finish: {' '.join(argv)}") from exc
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            data = json.loads(line[len("BENCH_JSON ") :])
            return LoadResult(
                requests=data["requests"],
                seconds=data["duration_us"] / 1e6,
                errors=data["errors"],
                non2xx=data["non2xx"],
                p50_ms=data["p50_us"] / 1000,
                p99_ms=data["p99_us"] / 1000,
            )
    raise LoadError(
        f"load generator printed no summary (exit {proc.returncode}): "
        f"{proc.stdout[-500:]} {proc.stderr[-500:]}"
    )
