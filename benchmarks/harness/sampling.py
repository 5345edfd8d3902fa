"""Sampling profile of a server under load with py-spy.

cProfile slows every Python call down and needs sequential requests; py-spy samples the
running server (non-blocking: it is not paused) while the load generator drives it, so the
time of C work (object constructors, multidict, the write syscall) is counted for the Python
line that calls it. Each function's share of the samples times the server's CPU per request gives
its cost in µs per request.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .envs import uv
from .load import run_load
from .servers import ServerError, pin_to

__all__ = ["SampleProfile", "ensure_py_spy", "parse_raw", "sample_under_load"]

_LINE = re.compile(r":\d+\)$")


@dataclass
class SampleProfile:
    """Samples per function (line numbers folded): own and inclusive."""

    total: int = 0
    own: Counter = field(default_factory=Counter)
    inclusive: Counter = field(default_factory=Counter)


def ensure_py_spy(python: Path) -> Path:
    """py-spy next to ``python`` (installed with uv if missing); raises if it cannot be had."""
    spy = python.parent / "py-spy"
    if not spy.exists():
        subprocess.run(
            [*uv(), "pip", "install", "--quiet", "--python", str(python), "py-spy"],
            timeout=300,
            check=False,
        )
    if not spy.exists():
        raise ServerError(f"py-spy could not be installed into {python.parent.parent}")
    return spy


def _fold(frame: str) -> str:
    return _LINE.sub(")", frame)


def parse_raw(path: Path) -> SampleProfile:
    """Read py-spy's ``--format raw`` output (``frame;frame;... count`` lines)."""
    prof = SampleProfile()
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = [_fold(f) for f in stack.split(";")]
        prof.total += n
        prof.own[frames[-1]] += n
        for frame in set(frames):
            prof.inclusive[frame] += n
    return prof


def sample_under_load(
    server,
    spy: Path,
    path: str,
    *,
    seconds: int,
    body_size: int,
    connections: int,
    load_cpu: int | None,
    out: Path,
    load_python: str | None = None,
) -> tuple[SampleProfile, float, float]:
    """Drive ``server`` for ``seconds`` while py-spy samples it; (profile, µs/req, req/s)."""
    raw = out / f"{server.name}.pyspy.txt"
    before = server.cpu_ns()
    spy_proc = subprocess.Popen(
        [
            str(spy), "record", "--pid", str(server.pid), "--duration", str(seconds),
            "--rate", "1000", "--nonblocking", "--format", "raw", "-o", str(raw),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=pin_to(load_cpu),
    )  # fmt: skip
    try:
        result = run_load(
            server.port,
            path,
            duration=seconds + 1,
            connections=connections,
            body_size=body_size,
            cpu=load_cpu,
            wrk=shutil.which("wrk"),
            python=load_python,
        )
        spy_proc.wait(timeout=seconds + 60)
    finally:
        if spy_proc.poll() is None:
            spy_proc.kill()
            spy_proc.wait(5)
    cpu_us = (server.cpu_ns() - before) / 1000 / result.requests if result.requests else 0.0
    if not raw.exists():
        raise ServerError(f"py-spy wrote no samples for {server.name} (ptrace not allowed?)")
    return parse_raw(raw), cpu_us, result.rps
