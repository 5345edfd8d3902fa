"""``sanic.worker.daemon``: running in the background (``sanic app:app -D``), Sanic's names.

``Daemon`` is Sanic's class over ``hurtle_cli.daemon``: the PID file of an app named ``NAME``
is ``~/.local/state/sanic/NAME.pid`` unless one is given, ``validate()`` refuses what would
fail after forking (an unknown user or group, a daemon that already runs), ``daemonize()``
detaches and records the PID, ``drop_privileges()`` switches to the user and group.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from hurtle_app.log import logger as logger
from hurtle_cli.daemon import (
    DaemonError,
    check_not_running,
    default_pidfile,
    detach,
    drop_privileges,
    resolve_ids,
    write_pidfile,
)


@dataclass
class PidfileInfo:
    """What a PID file written by a daemon says."""

    pid: int
    started: int | None = None
    name: str | None = None


class Daemon:
    """One background run of an app: where its PID goes, as whom it runs."""

    def __init__(
        self,
        pidfile: str | None = None,
        logfile: str | None = None,
        user: str | None = None,
        group: str | None = None,
        name: str | None = None,
        lockfile: str | None = None,
    ) -> None:
        self.name = name
        self.pidfile = pidfile
        self.logfile = logfile
        self.user = user
        self.group = group
        self.lockfile = lockfile
        self.pid: int | None = None
        self._uid: int | None = None
        self._gid: int | None = None

    @staticmethod
    def get_pidfile_path(name: str) -> Path:
        """The default PID file of the app named ``name``."""
        return default_pidfile(name)

    @staticmethod
    def read_pidfile_info(pidfile: str | Path) -> PidfileInfo | None:
        """The PID file's lines (``sanic``, ``pid=``, ``started=``, ``name=``), or None when
        it is missing or was not written by a daemon."""
        try:
            lines = Path(pidfile).read_text().splitlines()
        except OSError:
            return None
        if not lines or lines[0].strip() != "sanic":
            return None
        fields = dict(line.strip().partition("=")[::2] for line in lines[1:] if "=" in line)
        pid = fields.get("pid", "")
        if not pid.isdigit():
            return None
        started = fields.get("started", "")
        return PidfileInfo(int(pid), int(started) if started.isdigit() else None,
                           fields.get("name") or None)

    @staticmethod
    def read_pidfile(pidfile: str | Path) -> int | None:
        """The PID in a daemon's PID file, or None."""
        info = Daemon.read_pidfile_info(pidfile)
        return info.pid if info else None

    @property
    def pidfile_path(self) -> Path:
        return Path(self.pidfile) if self.pidfile else self.get_pidfile_path(self.name or "sanic")

    def validate(self) -> None:
        """Raise :class:`DaemonError` for what would fail once detached."""
        self._uid, self._gid = resolve_ids(self.user, self.group)
        if self.logfile:
            folder = Path(self.logfile).resolve().parent
            if not os.access(folder, os.W_OK):
                raise DaemonError(f"Cannot write the log file in {folder}")
        check_not_running(self.pidfile_path)

    def daemonize(self) -> None:
        """Detach from the terminal and record this process in the PID file."""
        self.validate()
        detach(self.logfile)
        self.pid = os.getpid()
        write_pidfile(self.pidfile_path, self.name or "sanic")

    def drop_privileges(self) -> None:
        """Run as the configured user and group from now on."""
        if self._uid is None and self._gid is None:
            self._uid, self._gid = resolve_ids(self.user, self.group)
        drop_privileges(self._uid, self._gid)


__all__ = ["Daemon", "DaemonError", "PidfileInfo"]
