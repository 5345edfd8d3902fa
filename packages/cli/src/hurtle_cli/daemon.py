"""Running an app in the background, as Sanic 25.12's ``sanic app:app --daemon`` does.

Theory of operation. :meth:`Daemon.validate` refuses, before anything is forked, what would
only fail later where nobody sees it: an unknown ``--user``/``--group``, a PID, log or lock
file folder that is missing or not writable, a PID file naming a live Sanic process.
:meth:`Daemon.daemonize` then takes an exclusive ``flock`` on the lock file (``NAME.lock``
beside ``NAME.pid``), forks, starts a new session, forks again so the daemon can never get a
terminal back, sends its output to the log file (or nowhere), writes the PID file (lines
``sanic``, ``pid=``, ``started=`` and ``name=``), rewrites it on SIGHUP, and removes both
files when it exits. Without ``--pidfile`` the PID file is ``NAME.pid`` in the first folder
that can be created of ``$XDG_RUNTIME_DIR/sanic``, ``~/.local/state/sanic`` and
``~/.cache/sanic``, else the current folder.

Where Hurtle differs on purpose: relative paths are made absolute before the daemon leaves
the current folder (Sanic writes them under ``/``); a process that has exited but is not
reaped yet, or a PID of 0 or less (a process group), is never taken for a running one; and
a process run as ``hurtle_cli`` counts as a Sanic process.
"""

from __future__ import annotations

import atexit
import contextlib
import grp
import logging
import os
import pwd
import signal
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

logger = logging.getLogger("sanic.root")

OS_IS_WINDOWS = os.name == "nt"


class DaemonError(Exception):
    """The daemon cannot start (bad user or folder, one already runs, a fork failed)."""


@dataclass(frozen=True)
class PidfileInfo:
    """What a daemon's PID file says: its PID, when it started (epoch seconds), its app."""

    pid: int
    started: int | None = None
    name: str | None = None


def runtime_dir() -> Path:
    """The folder of default PID files: the first of ``$XDG_RUNTIME_DIR/sanic``,
    ``~/.local/state/sanic`` and ``~/.cache/sanic`` that exists or can be created (private
    to the user), else the current folder."""
    candidates = []
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        candidates.append(Path(runtime) / "sanic")
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # no HOME and no passwd entry
        home = None
    if home is not None:
        candidates += [home / ".local" / "state" / "sanic", home / ".cache" / "sanic"]
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            continue
        return folder
    return Path.cwd()


def sanitize_name(name: str) -> str:
    """``name`` as a file name: letters, digits, ``-``, ``_`` and ``.`` kept, anything else
    ``_``, no leading or trailing ``.``/``_`` (no hidden file); ``sanic`` if nothing is left."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._")
    return safe or "sanic"


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def process_exists(pid: int) -> bool:
    """Whether ``pid`` names a live process this user may signal.

    A PID of 0 or less is never one (``kill`` would reach a process group), nor is a
    process that has exited but has not been reaped yet.
    """
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return not _is_zombie(pid)


def is_sanic_process(pid: int) -> bool:
    """Whether ``pid`` runs Sanic (its command line mentions ``sanic`` or ``hurtle``), so
    a PID reused by another program after a crash is not taken for the daemon. Where
    ``/proc`` cannot tell, the PID file is trusted."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():
        return True
    try:
        data = cmdline.read_bytes()
    except OSError:
        return False
    return b"sanic" in data or b"hurtle" in data


def lockfile_for(pidfile: Path) -> Path:
    """The lock file a daemon holds beside its PID file (``NAME.pid`` -> ``NAME.lock``)."""
    return pidfile.with_suffix(".lock")


def _as_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class Daemon:
    """One background run: where its PID, log and lock files go, and as whom it runs.

    ``pidfile="auto"`` (or ``""``) picks the default PID file of the app ``name``;
    ``None`` writes none. ``validate()`` checks, ``daemonize()`` detaches (it validates
    first), ``drop_privileges()`` then switches to ``user``/``group``.
    """

    def __init__(
        self,
        pidfile: str | None = None,
        logfile: str | None = None,
        user: str | None = None,
        group: str | None = None,
        name: str | None = None,
        lockfile: str | None = None,
    ) -> None:
        if OS_IS_WINDOWS:
            raise DaemonError(
                "Daemon mode is not supported on Windows. "
                "Consider using a Windows service or nssm instead."
            )
        self.name = sanitize_name(name) if name else None
        self._auto_pidfile = pidfile in ("auto", "")
        self.pidfile: Path | None
        if self._auto_pidfile:
            self.pidfile = self.get_pidfile_path(self.name or f"sanic-{uuid.uuid4().hex}")
        else:
            self.pidfile = Path(pidfile) if pidfile else None
        self.logfile = Path(logfile) if logfile else None
        self.user = user
        self.group = group
        self._uid: int | None = None
        self._gid: int | None = None
        self.pid: int | None = None
        self._lockfile_path = Path(lockfile) if lockfile else None
        self._lock_fd: int | None = None

    # PID files

    @staticmethod
    def get_pidfile_path(name: str) -> Path:
        """The default PID file of the app named ``name``."""
        return runtime_dir() / f"{sanitize_name(name)}.pid"

    @staticmethod
    def read_pidfile_info(pidfile: str | Path) -> PidfileInfo | None:
        """What a daemon's PID file says, or None when it is missing, unreadable, not
        written by a daemon (first line ``sanic``) or has no ``pid=`` number."""
        try:
            lines = Path(pidfile).read_text().splitlines()
        except (OSError, UnicodeDecodeError):
            return None
        if not lines or lines[0].strip() != "sanic":
            return None
        fields: dict[str, str] = {}
        for line in lines[1:]:
            key, sep, value = line.partition("=")
            if sep:
                fields[key.strip()] = value.strip()
        pid = _as_int(fields.get("pid"))
        if pid is None:
            return None
        return PidfileInfo(pid, _as_int(fields.get("started")), fields.get("name") or None)

    @staticmethod
    def read_pidfile(pidfile: str | Path) -> int | None:
        """The PID in a daemon's PID file, or None (see :meth:`read_pidfile_info`)."""
        info = Daemon.read_pidfile_info(pidfile)
        return info.pid if info else None

    def _write_pidfile(self) -> None:
        if self.pidfile is None:
            return
        content = f"sanic\npid={os.getpid()}\nstarted={int(time.time())}\n"
        if self.name:
            content += f"name={self.name}\n"
        # Written whole: a new file renamed over the old, so that whoever reads the PID
        # file (``sanic status``/``stop``, a second start, a supervisor) never finds it
        # empty or cut short, as it could between the truncation and the write in place.
        temporary = self.pidfile.with_name(f".{self.pidfile.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(content)
            os.replace(temporary, self.pidfile)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            raise DaemonError(f"Failed to write PID file: {self.pidfile}") from None

    def _remove_pidfile(self) -> None:
        if self.pidfile is None:
            return
        try:
            self.pidfile.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            logger.warning("Could not remove PID file %s: %s", self.pidfile, exc)

    # Checks made before forking

    def validate(self) -> None:
        """Raise :class:`DaemonError` for what would fail once detached: user and group
        first, then the folders of the PID, log and lock files, then a running daemon."""
        self._validate_user_group()
        self._validate_paths()
        self._validate_runtime_state()

    def _validate_user_group(self) -> None:
        gid = None
        if self.user:
            try:
                entry = pwd.getpwnam(self.user)
            except (KeyError, ValueError):
                raise DaemonError(f"User '{self.user}' does not exist") from None
            self._uid, gid = entry.pw_uid, entry.pw_gid
        if self.group:
            try:
                gid = grp.getgrnam(self.group).gr_gid
            except (KeyError, ValueError):
                raise DaemonError(f"Group '{self.group}' does not exist") from None
        if gid is not None:
            self._gid = gid

    def _validate_paths(self) -> None:
        if self.pidfile is not None:
            self._validate_writable_dir(self.pidfile.parent, "PID file")
        if self.logfile is not None:
            self._validate_writable_dir(self.logfile.parent, "Log file")
        if self._lockfile_path is None and self.pidfile is not None:
            self._lockfile_path = lockfile_for(self.pidfile)
        if self._lockfile_path is not None:
            self._validate_writable_dir(self._lockfile_path.parent, "Lock file")

    def _validate_writable_dir(self, path: Path, label: str) -> None:
        if not path.exists():
            raise DaemonError(f"{label} directory does not exist: {path}")
        if not os.access(path, os.W_OK):
            raise DaemonError(f"Cannot write to {label} directory: {path}")

    def _validate_runtime_state(self) -> None:
        if self.pidfile is None:
            return
        info = self.read_pidfile_info(self.pidfile)
        if info and process_exists(info.pid) and is_sanic_process(info.pid):
            raise DaemonError(f"Daemon already running with PID {info.pid}")

    # The lock file: held for the daemon's whole life, so two can never run at once

    def _acquire_lockfile(self) -> None:
        import fcntl

        path = self._lockfile_path
        if path is None:
            return
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            raise DaemonError(f"Failed to open lock file: {path}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise DaemonError(f"Daemon already running (lock held): {path}") from None
        self._lock_fd = fd

    def _release_lockfile(self) -> None:
        import fcntl

        fd, self._lock_fd = self._lock_fd, None
        if fd is None:
            return
        # Each step on its own: a failure in one must not keep the others from running.
        for step, action in (
            ("unlock", lambda: fcntl.flock(fd, fcntl.LOCK_UN)),
            ("close", lambda: os.close(fd)),
            ("remove", lambda: self._lockfile_path and self._lockfile_path.unlink()),
        ):
            try:
                action()
            except FileNotFoundError:
                pass
            except OSError as exc:
                logger.warning("Could not %s lock file %s: %s", step, self._lockfile_path, exc)

    # Leaving the terminal

    def daemonize(self) -> None:
        """Validate, take the lock, detach (double fork, new session, ``/`` as the current
        folder, umask 022), send the output to the log file and write the PID file.

        Returns in the daemon; the process that called it exits with status 0.
        """
        self.validate()
        self._make_paths_absolute()
        self._acquire_lockfile()
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError as exc:
            self._release_lockfile()
            raise DaemonError(f"First fork failed: {exc}") from exc
        if pid > 0:
            os._exit(0)
        os.chdir("/")
        os.setsid()
        os.umask(0o022)
        try:
            pid = os.fork()
        except OSError as exc:
            raise DaemonError(f"Second fork failed: {exc}") from exc
        if pid > 0:
            os._exit(0)
        self.pid = os.getpid()
        self._redirect_streams()
        self._write_pidfile()
        self._setup_signal_handlers()
        atexit.register(self._cleanup)

    def _make_paths_absolute(self) -> None:
        # The daemon runs in "/": a relative path given on the command line means the
        # folder the command ran in.
        if self.pidfile is not None:
            self.pidfile = self.pidfile.absolute()
        if self.logfile is not None:
            self.logfile = self.logfile.absolute()
        if self._lockfile_path is not None:
            self._lockfile_path = self._lockfile_path.absolute()

    def _redirect_streams(self) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        null = os.open(os.devnull, os.O_RDONLY)
        target = str(self.logfile) if self.logfile else os.devnull
        out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(out, 2)
        for fd in {null, out} - {0, 1, 2}:
            os.close(fd)

    def _setup_signal_handlers(self) -> None:
        """SIGHUP rewrites the PID file (say, after a cleaner removed it), then runs the
        handler that was there before."""
        if self.pidfile is None:
            return
        previous = signal.getsignal(signal.SIGHUP)
        owner = os.getpid()

        def on_sighup(signum: int, frame: FrameType | None) -> None:
            if os.getpid() == owner:  # not in a forked worker, whose PID this is not
                try:
                    self._write_pidfile()
                except DaemonError as exc:
                    logger.warning("%s", exc)
            if callable(previous):
                previous(signum, frame)

        signal.signal(signal.SIGHUP, on_sighup)

    def _cleanup(self) -> None:
        if os.getpid() != self.pid:  # a forked worker exiting
            return
        self._remove_pidfile()
        self._release_lockfile()

    # Privileges

    def drop_privileges(self) -> None:
        """Run as the validated ``user``/``group`` from now on (the group first, while
        still allowed to). Only root can; anyone else gets a warning and keeps running."""
        if self._uid is None and self._gid is None:
            return
        if os.getuid() != 0:
            logger.warning("Privilege drop requested but not running as root")
            return
        if self._gid is not None:
            try:
                os.setgid(self._gid)
                if self.user:
                    os.initgroups(self.user, self._gid)
            except OSError:
                raise DaemonError(
                    f"Cannot change group to '{self._gid}'. Are you root?"
                ) from None
        if self._uid is not None:
            try:
                os.setuid(self._uid)
            except OSError:
                raise DaemonError(
                    f"Cannot change user to '{self.user}'. Are you root?"
                ) from None


__all__ = [
    "Daemon",
    "DaemonError",
    "PidfileInfo",
    "is_sanic_process",
    "lockfile_for",
    "process_exists",
    "runtime_dir",
    "sanitize_name",
]
