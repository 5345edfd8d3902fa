"""The ``sanic`` command's daemon side: ``--daemon`` start-up, ``status``, ``stop``, ``kill``
and ``restart``, with Sanic 25.12's messages and exit statuses.

``sanic status|kill|restart (--pid PID | --pidfile PATH)`` name a process directly;
``sanic app:app status|stop|restart`` use the app's default PID file. ``stop`` sends SIGTERM
(a graceful shutdown), ``kill`` SIGKILL; both remove the PID file and its lock file after
signalling, and ``status`` removes a PID file whose process is gone.

Hurtle also takes ``--pidfile`` with ``sanic app:app status|stop`` and ``sanic stop
--pid/--pidfile`` (Sanic has no way to stop gracefully a daemon started with ``--pidfile``).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from hurtle_cli.daemon import Daemon, DaemonError, lockfile_for, process_exists

error_logger = logging.getLogger("sanic.error")


def check_daemon_options(args: argparse.Namespace) -> int:
    """0 when the daemon options go together, else log why not and return 1.

    As Sanic: a daemon has no terminal for a console and must not restart itself on file
    changes (``--pidfile``/``--logfile`` without ``--daemon``: ``DaemonGroup.prepare``).
    """
    if not args.daemon:
        return 0
    if args.dev or args.auto_reload:
        error_logger.error("Daemon mode is not compatible with --dev or --auto-reload")
        return 1
    if args.repl:
        error_logger.error("Daemon mode is not compatible with --repl")
        return 1
    return 0


def start_daemon(args: argparse.Namespace, app_name: str) -> int:
    """Detach the ``sanic app:app --daemon`` run of the app named ``app_name``: 0 in the
    daemon (go on serving), 1 after logging why it cannot start (the terminal's process
    itself exits with 0 once the daemon is forked)."""
    try:
        daemon = Daemon(pidfile=args.pidfile or "auto", logfile=args.logfile,
                        user=args.daemon_user, group=args.daemon_group, name=app_name)
        announce(daemon.pidfile, args.logfile)
        daemon.daemonize()
        daemon.drop_privileges()
    except DaemonError as exc:
        error_logger.error("Daemon error: %s", exc)
        return 1
    log_started(daemon.pidfile, app_name, args.logfile)
    return 0


def announce(path: Path | None, logfile: str | None) -> None:
    """Tell the terminal, before leaving it, where the PID (and the output) will be."""
    print("Starting Sanic in daemon mode...")
    print(f"  PID file: {path}")
    if logfile:
        print(f"  Logs: {logfile}")


def log_started(path: Path | None, name: str, logfile: str | None) -> None:
    """First line of the daemon's log (as Sanic's): its PID, PID file, log file and app."""
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
    yet, as in Sanic) the daemon; the exit status."""
    if pid is None:
        if pidfile is None or not pidfile.exists():
            print(f"PID file not found: {pidfile}", file=sys.stderr)
            return 1
        pid = Daemon.read_pidfile(pidfile)
        if pid is None:
            print(f"Invalid PID file: {pidfile}", file=sys.stderr)
            return 1
    if action == "restart":
        print("Restart is not yet implemented. Coming in a future release.")
        return 0
    if not process_exists(pid):
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
    if pidfile is not None:
        # A killed daemon cannot remove its lock file; the next start would find it.
        lockfile_for(pidfile).unlink(missing_ok=True)
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def daemon_parser(required: bool = True) -> argparse.ArgumentParser:
    """The options of ``sanic status|stop|kill|restart``: ``--pid PID`` or ``--pidfile
    PATH`` (one of them when ``required``)."""
    parser = _Parser(prog="sanic")
    which = parser.add_mutually_exclusive_group(required=required)
    which.add_argument("--pid", type=int, default=None)
    which.add_argument("--pidfile", default=None)
    return parser


def daemon_command(action: str, argv: Sequence[str], app_name: str | None = None) -> int:
    """``sanic status|stop|kill|restart (--pid PID | --pidfile PATH)`` (one of them is
    required), or for the app named ``app_name`` (its default PID file)."""
    args = daemon_parser(required=app_name is None).parse_args(list(argv))
    pidfile = Path(args.pidfile) if args.pidfile else (
        Daemon.get_pidfile_path(app_name) if app_name and args.pid is None else None
    )
    return signal_daemon(action, args.pid, pidfile)


__all__ = [
    "announce",
    "check_daemon_options",
    "daemon_command",
    "daemon_parser",
    "log_started",
    "signal_daemon",
    "start_daemon",
]
