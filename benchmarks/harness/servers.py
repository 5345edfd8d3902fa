"""Server processes: start pinned to a core, wait for the first response, measure, stop.

Only processes started here are signalled, by their PID.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from .client import HttpClientError, get_once

__all__ = ["ServerError", "ServerProcess", "descendants", "free_port", "pin_to", "rss_kib"]


class ServerError(RuntimeError):
    """A server did not start or did not answer."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pin_to(cpu: int | None):
    """A ``preexec_fn`` that pins the child to ``cpu`` (no-op for ``None``)."""
    if cpu is None:
        return None

    def _pin() -> None:
        os.sched_setaffinity(0, {cpu})

    return _pin


def rss_kib(pid: int) -> int:
    """Resident set size of process ``pid`` in KiB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every process below ``pid``, from one scan of /proc."""
    parent_of: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent_of[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: list[int] = []
    frontier = {pid}
    for _ in range(10):  # process trees here are shallow; bounded anyway
        frontier = {child for child, parent in parent_of.items() if parent in frontier}
        if not frontier:
            break
        found += sorted(frontier)
    out = []
    for child in found:
        try:
            cmd = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        out.append((child, cmd.strip()))
    return out


class ServerProcess:
    """One server under test."""

    def __init__(
        self,
        name: str,
        argv: list[str],
        port: int,
        *,
        cpu: int | None,
        log_path: Path,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.argv = argv
        self.port = port
        self.cpu = cpu
        self.log_path = log_path
        self.cwd = cwd
        self.env = env
        self.proc: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0

    @property
    def pid(self) -> int:
        """The PID of the started process."""
        if self.proc is None:
            raise ServerError(f"{self.name} was not started")
        return self.proc.pid

    def start(self) -> None:
        """Spawn the process (pinned to ``cpu``), output going to ``log_path``."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        env = dict(os.environ, PYTHONUNBUFFERED="1", **(self.env or {}))
        env.pop("PYTHONPATH", None)
        # Servers run as users run them, with bytecode cached: pip compiles the wheels it
        # installs (Sanic), but an editable install (Hurtle) is compiled on first import,
        # and with this set (some sandboxes do) on every start, which start-up would count.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.started_at = time.perf_counter()
        try:
            self.proc = subprocess.Popen(
                self.argv,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.cwd,
                env=env,
                preexec_fn=pin_to(self.cpu),
            )
        finally:
            log.close()

    def wait_ready(
        self, path: str = "/", *, timeout: float = 60.0, interval: float = 0.002
    ) -> float:
        """Poll until ``GET path`` answers 200; return seconds since ``start``."""
        deadline = time.monotonic() + timeout
        last_error = "no answer"
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise ServerError(
                    f"{self.name} exited with {self.proc.returncode} before answering; "
                    f"see {self.log_path}:\n{self.log_tail()}"
                )
            try:
                response = get_once(self.port, path)
            except (OSError, HttpClientError) as exc:
                last_error = str(exc)
                time.sleep(interval)
                continue
            if response.status == 200:
                return time.perf_counter() - self.started_at
            last_error = f"status {response.status}"
            time.sleep(interval)
        raise ServerError(
            f"{self.name} did not answer GET {path} within {timeout:.0f}s ({last_error}); "
            f"see {self.log_path}:\n{self.log_tail()}"
        )

    def log_tail(self, lines: int = 15) -> str:
        """The last lines of the server's output."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def rss_kib(self) -> int:
        """Resident set size of the server process, in KiB (0 if unknown)."""
        return rss_kib(self.pid)

    def cpu_ns(self) -> int:
        """CPU time used so far by all the server's threads, in nanoseconds."""
        total = 0
        try:
            tasks = os.listdir(f"/proc/{self.pid}/task")
        except OSError:
            return 0
        for tid in tasks:
            try:
                total += int(Path(f"/proc/{self.pid}/task/{tid}/schedstat").read_text().split()[0])
            except (OSError, ValueError, IndexError):
                continue
        return total

    def stop(self, *, timeout: float = 5.0) -> None:
        """Stop the server: SIGINT, then SIGTERM, then SIGKILL, to its PID only."""
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGINT, timeout), (signal.SIGTERM, 3.0), (signal.SIGKILL, 3.0)):
            try:
                proc.send_signal(sig)
            except ProcessLookupError:
                return
            try:
                proc.wait(wait)
                return
            except subprocess.TimeoutExpired:
                continue
