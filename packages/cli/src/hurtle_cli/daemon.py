"""Background (daemon) running and its management: status, stop, kill."""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path


def default_pidfile(target: str) -> Path:
    """Where ``--daemon`` writes the PID when no ``--pidfile`` is given."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", target).strip("_") or "app"
    return Path(tempfile.gettempdir()) / f"sanic-{safe}.pid"


def daemonize(target: str, pidfile: str | None = None, logfile: str | None = None) -> Path:
    """Detach from the terminal (double fork) and record the daemon's PID."""
    path = Path(pidfile) if pidfile else default_pidfile(target)
    running = read_pid(path)
    if running and _alive(running):
        raise SystemExit(f"sanic: already running as PID {running} (PID file {path})")
    if os.fork() > 0:
        os._exit(0)
    os.setsid()
    if os.fork() > 0:
        os._exit(0)
    sys.stdout.flush()
    sys.stderr.flush()
    out = os.open(logfile or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(out, 1)
    os.dup2(out, 2)
    path.write_text(f"{os.getpid()}\n")
    return path


def read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def daemon_command(action: str, argv: Sequence[str]) -> int:
    """``status``/``stop``/``kill``/``restart`` for a daemon given by --pid or --pidfile."""
    parser = argparse.ArgumentParser(prog=f"sanic {action}")
    parser.add_argument("--pid", type=int, default=None)
    parser.add_argument("--pidfile", default=None)
    parser.add_argument("--target", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(list(argv))
    pidfile = Path(args.pidfile) if args.pidfile else (
        default_pidfile(args.target) if args.target else None
    )
    pid = args.pid or (read_pid(pidfile) if pidfile else None)
    if pid is None:
        print(f"sanic {action}: no PID (give --pid or --pidfile; none found at {pidfile})",
              file=sys.stderr)
        return 1
    if action == "status":
        alive = _alive(pid)
        print(f"PID {pid}: {'running' if alive else 'not running'}")
        return 0 if alive else 1
    if action == "restart":
        print("sanic restart: not available for daemons yet; stop and start again",
              file=sys.stderr)
        return 1
    sig = signal.SIGKILL if action == "kill" else signal.SIGTERM
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        print(f"PID {pid}: not running", file=sys.stderr)
        return 1
    if pidfile and pidfile.exists() and action == "kill":
        pidfile.unlink()
    print(f"Sent {sig.name} to PID {pid}")
    return 0


__all__ = ["daemon_command", "daemonize", "default_pidfile", "read_pid"]
