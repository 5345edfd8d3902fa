"""Background (daemon) running and its management: status, stop, kill.

As Sanic 25.12 does it: the PID file of an app named ``NAME`` is ``NAME.pid`` in
``$XDG_RUNTIME_DIR/sanic`` (or ``~/.local/state/sanic``) unless ``--pidfile`` says otherwise, and holds
``sanic``, ``pid=``, ``started=`` and ``name=`` lines; ``status``/``stop``/``kill`` print
Sanic's messages and remove the PID file of a process they stopped or found gone.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn


class DaemonError(Exception):
    """The daemon cannot start (one already runs, the PID file cannot be written)."""


def state_dir() -> Path:
    """The folder of default PID files, as Sanic picks it: ``$XDG_RUNTIME_DIR/sanic``, else
    ``~/.local/state/sanic``, else ``~/.cache/sanic`` (the first that can be created,
    private to the user), else the current folder."""
    candidates = []
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        candidates.append(Path(runtime) / "sanic")
    home = Path.home()
    candidates += [home / ".local" / "state" / "sanic", home / ".cache" / "sanic"]
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    return Path.cwd()


def default_pidfile(app_name: str) -> Path:
    """Where ``--daemon`` records the PID of the app named ``app_name``."""
    safe = "".join(c if c.isalnum() or c in "_.-" else "_" for c in app_name) or "app"
    return state_dir() / f"{safe}.pid"


def read_pid(path: Path) -> int | None:
    """The PID in a PID file Sanic wrote (a ``sanic`` line, then ``pid=N``), or None for
    any other file: another program's PID file is never taken for a daemon's."""
    try:
        lines = path.read_text().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or lines[0].strip() != "sanic":
        return None
    for line in lines[1:]:
        key, sep, value = line.strip().partition("=")
        if sep and key == "pid" and value.isdigit() and int(value) > 0:
            return int(value)
    return None


def write_pidfile(path: Path, name: str) -> None:
    """Record this process as the daemon of ``name``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"sanic\npid={os.getpid()}\nstarted={int(time.time())}\nname={name}\n")


def is_alive(pid: int) -> bool:
    """Whether a process with this PID runs (an exited one nobody reaped yet does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def resolve_ids(user: str | None, group: str | None) -> tuple[int | None, int | None]:
    """The uid and gid to run as (``--user``/``--group``), checked before forking."""
    import grp
    import pwd

    uid = gid = None
    if user is not None:
        try:
            entry = pwd.getpwnam(user) if not user.isdigit() else pwd.getpwuid(int(user))
        except KeyError:
            raise DaemonError(f"User {user!r} does not exist") from None
        uid, gid = entry.pw_uid, entry.pw_gid
    if group is not None:
        try:
            gid = grp.getgrnam(group).gr_gid if not group.isdigit() else int(group)
        except KeyError:
            raise DaemonError(f"Group {group!r} does not exist") from None
    return uid, gid


def check_not_running(path: Path) -> None:
    """Raise :class:`DaemonError` when the PID file names a running process."""
    running = read_pid(path)
    if running and running != os.getpid() and is_alive(running):
        raise DaemonError(f"Daemon already running with PID {running}")


def detach(logfile: str | None = None) -> None:
    """Leave the terminal: double fork, a new session, output to ``logfile`` (or nowhere)."""
    sys.stdout.flush()
    sys.stderr.flush()
    if os.fork() > 0:
        os._exit(0)
    os.setsid()
    if os.fork() > 0:
        os._exit(0)
    out = os.open(logfile or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(out, 1)
    os.dup2(out, 2)


def drop_privileges(uid: int | None, gid: int | None) -> None:
    """Run as ``uid``/``gid`` from now on (group first, while still allowed to)."""
    if gid is not None and gid != os.getgid():
        os.setgroups([gid])
        os.setgid(gid)
    if uid is not None and uid != os.getuid():
        os.setuid(uid)


def daemonize(name: str, pidfile: str | None = None, logfile: str | None = None,
              user: str | None = None, group: str | None = None) -> Path:
    """Detach from the terminal, record the daemon's PID, then run as ``user``/``group``
    when given.

    Raises :class:`DaemonError` (before forking) when the PID file names a running process
    or the user or group does not exist.
    """
    path = Path(pidfile) if pidfile else default_pidfile(name)
    announce(path, logfile)
    check_not_running(path)
    uid, gid = resolve_ids(user, group)
    detach(logfile)
    write_pidfile(path, name)
    drop_privileges(uid, gid)
    log_started(path, name, logfile)
    return path


def announce(path: Path, logfile: str | None) -> None:
    """Tell the terminal, before leaving it, where the PID (and the output) will be."""
    print("Starting Sanic in daemon mode...")
    print(f"  PID file: {path}")
    if logfile:
        print(f"  Logs: {logfile}")


def log_started(path: Path, name: str, logfile: str | None) -> None:
    """First line of the daemon's log (as Sanic's): its PID, PID file, log file and app."""
    import logging

    logging.getLogger("sanic.root").info(
        "Sanic daemon started",
        extra={
            "daemon_pid": os.getpid(),
            "daemon_pidfile": str(path),
            "daemon_logfile": logfile,
            "daemon_name": name,
        },
    )


def _remove(path: Path | None, label: str) -> None:
    if path is not None and path.exists():
        path.unlink()
        print(f"Removed {label}PID file: {path}")


def signal_daemon(action: str, pid: int | None, pidfile: Path | None) -> int:
    """``status``, ``stop`` (SIGTERM), ``kill`` (SIGKILL) or ``restart`` (not available
    yet, as in Sanic) the daemon; the exit status. Only a positive PID is ever signalled
    (0 or a negative number would reach a whole process group)."""
    if pid is None:
        if pidfile is None or not pidfile.exists():
            print(f"PID file not found: {pidfile}", file=sys.stderr)
            return 1
        pid = read_pid(pidfile)
        if pid is None:
            print(f"Invalid PID file: {pidfile}", file=sys.stderr)
            return 1
    if action == "restart":
        print("Restarting a daemon is not available yet: stop it, then start it again.")
        return 0
    if pid <= 0 or not is_alive(pid):
        if action != "status":
            print(f"Process {pid} not found", file=sys.stderr)
            return 1
        print(f"Process {pid} is NOT running")
        _remove(pidfile, "stale ")
        return 1
    if action == "status":
        print(f"Process {pid} is running")
        return 0
    sig = signal.SIGKILL if action == "kill" else signal.SIGTERM
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        print(f"Process {pid} not found", file=sys.stderr)
        return 1
    print(f"Sent {sig.name} to process {pid}")
    _remove(pidfile, "")
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def daemon_command(action: str, argv: Sequence[str], app_name: str | None = None) -> int:
    """``sanic status|stop|kill|restart (--pid PID | --pidfile PATH)`` (one of them is
    required), or for the app named ``app_name`` (its default PID file)."""
    parser = _Parser(prog="sanic")
    which = parser.add_mutually_exclusive_group(required=app_name is None)
    which.add_argument("--pid", type=int, default=None)
    which.add_argument("--pidfile", default=None)
    args = parser.parse_args(list(argv))
    pidfile = Path(args.pidfile) if args.pidfile else (
        default_pidfile(app_name) if app_name and args.pid is None else None
    )
    return signal_daemon(action, args.pid, pidfile)


__all__ = [
    "DaemonError",
    "check_not_running",
    "daemon_command",
    "daemonize",
    "default_pidfile",
    "detach",
    "drop_privileges",
    "is_alive",
    "read_pid",
    "resolve_ids",
    "signal_daemon",
    "state_dir",
    "write_pidfile",
]
